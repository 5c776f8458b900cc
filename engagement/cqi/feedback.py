"""Feedback loop: topics closed with "what we heard / what we did" published, and the plan items
that changed because of them (the topic's "plan items that changed" links). These count the
agency's own work, not people, so they are not suppressed."""

from django.utils import timezone
from django.utils.translation import gettext as _

from forums import cqi_selectors

from . import charts
from .panel import Panel, Table


def feedback_rows(data: dict) -> list[tuple[str, int]]:
    return [
        (_("Topics closed"), data["closed"]),
        (_("with “what we heard” published"), data["heard"]),
        (_("with “what we did” published"), data["did"]),
        (_("with both published"), data["both"]),
        (_("with plan items changed because of them"), data["topics_with_plan_changes"]),
        (_("Plan items changed because of what we heard"), data["plan_items"]),
    ]


def feedback_panel(*, user) -> Panel:
    data = cqi_selectors.feedback_loop(user=user)
    rows = feedback_rows(data)
    summary = Table(
        id="feedback-summary",
        caption=_("Closed topics and the feedback published on them"),
        header=[_("Measure"), _("Count")],
        rows=[[label, n] for label, n in rows],
    )
    changes = Table(
        id="feedback-plan-items",
        caption=_("Plan items changed because of what we heard"),
        header=[_("Topic"), _("Closed on"), _("Plan item"), _("Workgroup"), _("Status now")],
        rows=[
            [
                link.topicpage.title,
                timezone.localtime(link.topicpage.closes_at).date().isoformat(),
                str(link.planitem),
                link.planitem.workgroup.title,
                link.planitem.get_status_display(),
            ]
            for link in data["links"]
        ],
    )
    chart = charts.bar_chart(
        "cqi-feedback",
        [(label, [(_("Count"), n)]) for label, n in rows],
        title=_("The feedback loop: closed topics, feedback published, plan items changed"),
        desc=_("One bar per step of the loop; the table below has the numbers."),
    )
    return Panel(
        key="feedback",
        title=_("Feedback loop"),
        charts=[(_("From closed topic to changed plan"), chart)],
        tables=[summary, changes],
    )
