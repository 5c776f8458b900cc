"""Multi-site progress: plan items by status per workgroup and per county or region (the sites
a plan item names; items naming none are agency-wide). Plan items are the agency's work, not
people, so their counts are not suppressed."""

from django.utils.translation import gettext as _

from forums import cqi_selectors
from forums.models import PlanStatus
from portal.accounts.models import Region

from . import charts
from .panel import Panel, Table


def _rows(labels_and_keys, counts) -> list[tuple[str, list[tuple[str, str, int]]]]:
    return [
        (label, [(s.value, str(s.label), counts.get((key, s.value), 0)) for s in PlanStatus])
        for label, key in labels_and_keys
    ]


def _table(id_, caption, first, rows) -> Table:
    body = []
    for label, segments in rows:
        total = sum(n for _s, _l, n in segments)
        done = next(n for s, _l, n in segments if s == PlanStatus.DONE)
        body.append(
            [label, *[n for _s, _l, n in segments], total, f"{round(100 * done / total)} %" if total else "–"]
        )
    return Table(
        id=id_,
        caption=caption,
        header=[first, *[str(s.label) for s in PlanStatus], _("Plan items"), _("Done")],
        rows=body,
    )


def progress_panel(*, user) -> Panel:
    workgroups, by_workgroup, by_region = cqi_selectors.plan_status_counts(user=user)
    regions = list(Region.objects.all())
    wg_rows = _rows([(w.title, w.pk) for w in workgroups], by_workgroup)
    region_rows = _rows(
        [(r.name, r.pk) for r in regions] + [(_("Agency-wide (no site named)"), None)], by_region
    )
    statuses = [(s.value, str(s.label)) for s in PlanStatus]
    return Panel(
        key="progress",
        title=_("Multi-site progress"),
        charts=[
            (
                _("Per workgroup"),
                charts.stacked_chart(
                    "cqi-prog-wg",
                    wg_rows,
                    title=_("Plan items by status per workgroup"),
                    desc=_(
                        "One bar per workgroup split by status, with the share done; the table below has "
                        "the numbers."
                    ),
                ),
            ),
            (
                _("Per county or region"),
                charts.stacked_chart(
                    "cqi-prog-region",
                    region_rows,
                    title=_("Plan items by status per county or region"),
                    desc=_(
                        "One bar per site split by status, with the share done; an item may name several "
                        "sites. The table below has the numbers."
                    ),
                ),
            ),
        ],
        tables=[
            _table("progress-workgroups", _("Plan progress per workgroup"), _("Workgroup"), wg_rows),
            _table(
                "progress-regions",
                _("Plan progress per county or region"),
                _("Region or county"),
                region_rows,
            ),
        ],
        extra={"legend": [(value, label, charts.swatch("cqi-legend", value)) for value, label in statuses]},
    )
