"""Named Wagtail hooks through which apps contribute to shared pages.

Dependencies run one way (portal <- home <- forums, surveys), so shared screens never
import the apps that fill them; apps register functions under these names in their
`wagtail_hooks.py` instead:

    from wagtail import hooks
    from portal.extension_points import MY_PORTAL_PANELS, Panel

    @hooks.register(MY_PORTAL_PANELS)
    def my_surveys_panel(request):
        return Panel(title="Surveys waiting for you", template="surveys/panels/my_surveys.html",
                     context={"surveys": ...}, order=30)
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from wagtail import hooks

# fn(request) -> Panel | None. Shown on the home page (open comment periods, surveys...).
HOME_PANELS = "portal_home_panels"
# fn(request) -> Panel | None. Shown in "My portal" (/me/).
MY_PORTAL_PANELS = "portal_my_portal_panels"
# fn(request) -> list[HeaderLink]. Extra links in the site header (e.g. notifications).
HEADER_LINKS = "portal_header_links"
# fn(user) -> tuple[str, Any]. A named, JSON-serialisable section of "download my data".
USER_DATA_EXPORT = "portal_user_data_export"
# fn(user) -> None. Runs inside the account-deletion transaction: remove personal data the
# app holds about `user`; what they wrote stays, shown as "Former participant".
USER_DEIDENTIFY = "portal_user_deidentify"
# fn(request, queryset) -> queryset. Narrow site-search results (e.g. private workgroups).
SEARCH_QUERYSET = "portal_search_queryset"
# fn(request, workgroup_page) -> Panel | None. Extra sections on a workgroup's page
# (proposals, meetings...), in `order`.
WORKGROUP_SECTIONS = "portal_workgroup_sections"
# fn(since: date | None) -> Iterable[AttendanceRecord]. Who took part in an occasion
# (a workgroup meeting...), by organisation, never by person; read by engagement monitoring.
ATTENDANCE_RECORDS = "portal_attendance_records"


@dataclass
class Panel:
    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 100


@dataclass
class HeaderLink:
    label: str
    url: str
    badge: int | None = None
    badge_label: str = ""


@dataclass(frozen=True)
class AttendanceRecord:
    organisation: str  # the organisation's name as recorded at the occasion
    occurred_on: date
    occasion: str  # e.g. "Permanency workgroup meeting"
    url: str = ""


def collect_panels(hook_name: str, request) -> list[Panel]:
    panels = [fn(request) for fn in hooks.get_hooks(hook_name)]
    return sorted((p for p in panels if p is not None), key=lambda p: p.order)


def collect_header_links(request) -> list[HeaderLink]:
    links: list[HeaderLink] = []
    for fn in hooks.get_hooks(HEADER_LINKS):
        links.extend(fn(request) or [])
    return links


def filter_search_queryset(request, queryset):
    for fn in hooks.get_hooks(SEARCH_QUERYSET):
        queryset = fn(request, queryset)
    return queryset


def collect_user_data(user) -> dict[str, Any]:
    return dict(fn(user) for fn in hooks.get_hooks(USER_DATA_EXPORT))


def run_user_deidentify(user) -> None:
    for fn in hooks.get_hooks(USER_DEIDENTIFY):
        fn(user)


def collect_workgroup_sections(request, workgroup_page) -> list[Panel]:
    panels = [fn(request, workgroup_page) for fn in hooks.get_hooks(WORKGROUP_SECTIONS)]
    return sorted((p for p in panels if p is not None), key=lambda p: p.order)


def collect_attendance(since: date | None = None) -> list[AttendanceRecord]:
    records: list[AttendanceRecord] = []
    for fn in hooks.get_hooks(ATTENDANCE_RECORDS):
        records.extend(fn(since) or [])
    return records


# Private stays private (forums registers it): fn(user) -> Iterable[str] of URL paths under
# which nothing may be shown to `user` (notifications, their e-mails, digests, exports).
HIDDEN_URL_PREFIXES = "portal_hidden_url_prefixes"


def hidden_url_prefixes(user) -> list[str]:
    prefixes: list[str] = []
    for fn in hooks.get_hooks(HIDDEN_URL_PREFIXES):
        prefixes.extend(fn(user) or [])
    return prefixes


# A plan item was edited (forums calls it once per save, inside the save's transaction):
# fn(plan_item, changed_fields: frozenset[str], new_notes: list[ProgressNote]). The agenda tells
# the people of a proposal linked to the item. Field names are the admin form's.
PLAN_ITEM_CHANGED = "portal_plan_item_changed"
