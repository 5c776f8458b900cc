"""Agenda's contributions: the workgroup page section, attendance for engagement monitoring,
and the staff "Proposals to review" screen."""

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.extension_points import (
    ATTENDANCE_RECORDS,
    HOME_PANELS,
    PLAN_ITEM_CHANGED,
    USER_DATA_EXPORT,
    USER_DEIDENTIFY,
    WORKGROUP_SECTIONS,
    AttendanceRecord,
    Panel,
)

from . import permissions, selectors, services, views
from .models import MeetingAttendance, ReviewRound

SORT_LABELS = {"supported": _("Most supported"), "newest": _("Newest")}
FILTER_LABELS = {"all": _("All"), "open": _("Open"), "accepted": _("Accepted"), "declined": _("Declined")}


@hooks.register(WORKGROUP_SECTIONS)
def proposals_and_meetings_section(request, workgroup):
    if not permissions.can_view(request.user, workgroup):
        return None
    state = request.GET.get("proposals", "all")
    state = state if state in FILTER_LABELS else "all"
    sort = request.GET.get("sort", "newest")
    sort = sort if sort in SORT_LABELS else "newest"
    user = request.user
    now = timezone.now()

    def lists():
        return {
            "proposals": list(selectors.public_proposals(workgroup=workgroup, state=state, sort=sort)[:50]),
            "counts": selectors.proposal_counts(workgroup=workgroup),
            "upcoming": list(selectors.upcoming_meetings(workgroup=workgroup, now=now)),
            "past": list(selectors.past_meetings(workgroup=workgroup, now=now)[:5]),
        }

    if user.is_authenticated:
        shown = lists()
    else:  # the same for every visitor: proposal, support and meeting changes retire it
        from portal.pagecache.lookups import remembered

        shown = remembered("agenda-section", lists, vary=f"{workgroup.pk}:{state}:{sort}")
    return Panel(
        title=str(_("Proposals and meetings")),
        template="agenda/sections/workgroup.html",
        context={
            "workgroup": workgroup,
            **shown,
            "state": state,
            "sort": sort,
            "filters": FILTER_LABELS.items(),
            "sorts": SORT_LABELS.items(),
            "can_propose": user.is_authenticated and permissions.can_propose(user, workgroup),
            "now": now,
        },
        order=40,
    )


@hooks.register(PLAN_ITEM_CHANGED)
def tell_proposal_people_of_plan_change(plan_item, changed_fields, new_notes):
    services.plan_item_edited_effects(plan_item=plan_item, changed_fields=changed_fields, new_notes=new_notes)


@hooks.register(ATTENDANCE_RECORDS)
def meeting_attendance(since):
    """Attendance by organisation at published meetings of public workgroups."""
    rows = MeetingAttendance.objects.filter(meeting__live=True).select_related("meeting")
    if since is not None:
        rows = rows.filter(meeting__starts_at__date__gte=since)
    records = []
    for row in rows:
        meeting = row.meeting
        records.append(
            AttendanceRecord(
                organisation=row.organisation,
                occurred_on=timezone.localtime(meeting.starts_at).date(),
                occasion=meeting.title,
                url=meeting.url or "",
            )
        )
    return records


class ProposalsMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_review_proposals(request.user)


@hooks.register("register_admin_urls")
def register_agenda_admin_urls():
    return [
        path("agenda/proposals/", views.admin_proposals, name="agenda_admin_proposals"),
        path("agenda/proposals/<int:pk>/release/", views.admin_proposal_release, name="agenda_admin_release"),
    ]


@hooks.register("register_admin_menu_item")
def register_proposals_menu_item():
    return ProposalsMenuItem(
        _("Proposals to review"),
        reverse("agenda_admin_proposals"),
        name="agenda-proposals",
        icon_name="help",
        order=160,
    )


@hooks.register(HOME_PANELS)
def current_phase_panel(request):
    phase = selectors.current_phase(today=timezone.localdate())
    if phase is None:
        return None
    return Panel(
        title=str(_("Where the review is now")),
        template="agenda/panels/current_phase.html",
        context={"phase": phase},
        order=15,
    )


class ReviewRoundViewSet(SnippetViewSet):
    model = ReviewRound
    icon = "date"
    menu_label = _("Review timeline")
    menu_order = 170
    add_to_admin_menu = True
    list_display = ["title", "is_current"]


register_snippet(ReviewRoundViewSet)


@hooks.register(USER_DATA_EXPORT)
def export_proposals(user):
    return "proposals", services.user_data(user=user)


@hooks.register(USER_DEIDENTIFY)
def deidentify_proposals(user):
    services.user_deidentify(user=user)
