"""Agency responsiveness: questions awaiting an official answer with their age (oldest first),
the median time to an official answer per workgroup, and topics closed without "what we did".
Only the workgroups the viewer may see."""

from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from forums import cqi_selectors
from surveys.suppression import suppress_counts, suppress_single

from . import charts
from .panel import Panel, Table
from .tables import show

AGE_BANDS = [(0, 7), (8, 30), (31, 90), (91, None)]
LIST_LIMIT = 100


def _band_label(low: int, high: int | None) -> str:
    if high is None:
        return _("over %(days)s days") % {"days": low - 1}
    return _("%(low)s–%(high)s days") % {"low": low, "high": high}


def _workgroup_of(path: str, workgroups_by_path: dict):
    return workgroups_by_path.get(path[: -cqi_selectors.STEPLEN])


def responsiveness_panel(*, user, today: date) -> Panel:
    threshold = settings.SUPPRESSION_THRESHOLD
    workgroups = cqi_selectors.visible_workgroups(user=user)
    by_path = {w.path: w for w in workgroups}
    questions, waiting_total = cqi_selectors.questions_awaiting(user=user, limit=LIST_LIMIT)
    ages = cqi_selectors.awaiting_ages(user=user, today=today, bands=AGE_BANDS)
    age_cells, age_total = suppress_counts(ages, threshold=threshold)
    labels = [_band_label(low, high) for low, high in AGE_BANDS]

    waiting = Table(
        id="awaiting-table",
        caption=_("Questions awaiting an official answer, oldest first"),
        header=[_("Asked"), _("Waiting (days)"), _("Workgroup"), _("Topic"), _("Question")],
        rows=[
            [
                timezone.localtime(q.created_at).date().isoformat(),
                (today - timezone.localtime(q.created_at).date()).days,
                getattr(_workgroup_of(q.topic.path, by_path), "title", "–"),
                q.topic.title,
                Truncator(q.body).words(18),
            ]
            for q in questions
        ],
    )
    ages_table = Table(
        id="awaiting-ages",
        caption=_("Questions awaiting an answer by how long they have waited"),
        header=[_("Waiting"), _("Questions")],
        rows=[[label, cell] for label, cell in zip(labels, age_cells, strict=True)],
        footer=[_("Total"), age_total],
    )
    times = cqi_selectors.answer_times_by_workgroup(user=user, since=today - timedelta(days=365))
    answered_cells, answered_total = suppress_counts(
        [times.get(w.path, {}).get("answered", 0) for w in workgroups], threshold=threshold
    )
    waiting_cells, waiting_cells_total = suppress_counts(
        [times.get(w.path, {}).get("waiting", 0) for w in workgroups], threshold=threshold
    )
    medians = [times.get(w.path, {}).get("median_days") for w in workgroups]
    median_table = Table(
        id="answer-times",
        caption=_("Time to an official answer per workgroup (questions asked in the last 12 months)"),
        header=[_("Workgroup"), _("Median days to an official answer"), _("Answered"), _("Still waiting")],
        rows=[
            [w.title, round(m, 1) if m is not None else "–", answered_cells[i], waiting_cells[i]]
            for i, (w, m) in enumerate(zip(workgroups, medians, strict=True))
        ],
        footer=[_("Total"), "–", answered_total, waiting_cells_total],
    )
    closed = cqi_selectors.topics_without_what_we_did(user=user)
    now = timezone.now()
    closed_table = Table(
        id="closed-without-did",
        caption=_("Topics closed without “what we did”"),
        header=[_("Topic"), _("Workgroup"), _("Closed on"), _("Days since"), _("“What we heard” published")],
        rows=[
            [
                t.title,
                getattr(_workgroup_of(t.path, by_path), "title", "–"),
                timezone.localtime(t.closes_at).date().isoformat(),
                (now - t.closes_at).days,
                _("Yes") if t.what_we_heard not in ("", "<p></p>") else _("No"),
            ]
            for t in closed
        ],
    )
    chart_ages = charts.bar_chart(
        "cqi-ages",
        [(label, [(_("Questions"), cell)]) for label, cell in zip(labels, age_cells, strict=True)],
        title=_("Questions awaiting an official answer by age"),
        desc=_("One bar per age band; the table below has the numbers."),
    )
    chart_median = charts.bar_chart(
        "cqi-median",
        [
            (w.title, [(_("Median days"), round(m) if m is not None else 0)])
            for w, m in zip(workgroups, medians, strict=True)
        ],
        title=_("Median days to an official answer per workgroup"),
        desc=_(
            "One bar per workgroup; a workgroup with no answered question shows 0. The table "
            "below has the numbers."
        ),
    )
    return Panel(
        key="responsiveness",
        title=_("Agency responsiveness"),
        charts=[(_("How long questions have waited"), chart_ages), (_("Time to answer"), chart_median)],
        tables=[ages_table, waiting, median_table, closed_table],
        extra={
            "waiting_total": waiting_total,
            # The sentence above the charts uses the same suppressed words as the tables.
            "waiting_text": show(suppress_single(waiting_total, threshold=threshold)),
            "listed": len(questions),
            "list_limit": LIST_LIMIT,
        },
    )
