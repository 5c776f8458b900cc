"""Participation over time: per month for the last 12 months — comments, questions, survey
responses and new members — for everyone, or one stakeholder group and/or region (filters).

Each measure is its own distribution over the months with its 12-month total, suppressed
as one (small months "fewer than N", others hidden where the total would give them away).
"""

from datetime import date

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forums.cqi_selectors import posts_by_month
from portal.accounts.models import Region, StakeholderGroup
from surveys.cqi_selectors import responses_by_month
from surveys.suppression import suppress_counts

from . import charts
from .panel import Panel, Table
from .periods import last_months, month_label, short_month


class ParticipationFilter(forms.Form):
    group = forms.ModelChoiceField(
        queryset=StakeholderGroup.objects.all(),
        required=False,
        label=gettext_lazy("Stakeholder group"),
        empty_label=gettext_lazy("All"),
    )
    region = forms.ModelChoiceField(
        queryset=Region.objects.all(),
        required=False,
        label=gettext_lazy("Region or county"),
        empty_label=gettext_lazy("All"),
    )


def members_by_month(*, since: date, group_id=None, region_id=None) -> dict[date, int]:
    """{first day of month: accounts created} (one query); staff superusers left out."""
    people = get_user_model().objects.filter(is_superuser=False, date_joined__date__gte=since)
    if group_id:
        people = people.filter(memberships__group_id=group_id)
    if region_id:
        people = people.filter(region_id=region_id)
    rows = people.annotate(month=TruncMonth("date_joined")).values("month").annotate(n=Count("pk"))
    return {_first_day(r["month"]): r["n"] for r in rows.order_by()}


def _first_day(value) -> date:
    from django.utils import timezone

    if hasattr(value, "hour"):
        value = timezone.localtime(value).date()
    return value.replace(day=1)


def measures(*, user, today: date, group_id=None, region_id=None) -> list[tuple[str, list[int]]]:
    """[(measure label, [raw count per month])] for the last 12 months: four queries."""
    months = last_months(today)
    since = months[0]
    posts = posts_by_month(user=user, since=since, group_id=group_id, region_id=region_id)
    responses = {
        _first_day(m): n
        for m, n in responses_by_month(since=since, group_id=group_id, region_id=region_id).items()
    }
    members = members_by_month(since=since, group_id=group_id, region_id=region_id)
    return [
        (_("Comments"), [posts.get((m, "comment"), 0) for m in months]),
        (_("Questions"), [posts.get((m, "question"), 0) for m in months]),
        (_("Survey responses"), [responses.get(m, 0) for m in months]),
        (_("New members"), [members.get(m, 0) for m in months]),
    ]


def participation_panel(*, user, today: date, data=None) -> Panel:
    form = ParticipationFilter(data or None)
    group = region = None
    if form.is_bound and form.is_valid():
        group, region = form.cleaned_data["group"], form.cleaned_data["region"]
    threshold = settings.SUPPRESSION_THRESHOLD
    months = last_months(today)
    suppressed = []
    for label, counts in measures(
        user=user, today=today, group_id=group and group.pk, region_id=region and region.pk
    ):
        cells, total = suppress_counts(counts, threshold=threshold)
        suppressed.append((label, cells, total))
    scope = ", ".join(str(x) for x in (group, region) if x) or _("everyone")
    chart_list = [
        charts.column_chart(
            f"cqi-part-{index}",
            [(short_month(m), cell) for m, cell in zip(months, cells, strict=True)],
            title=_("%(measure)s per month (%(scope)s)") % {"measure": label, "scope": scope},
            desc=_("One column per month, oldest first; the table below has the numbers."),
        )
        for index, (label, cells, _total) in enumerate(suppressed)
    ]
    table = Table(
        id="participation-table",
        caption=_("Participation per month (%(scope)s)") % {"scope": scope},
        header=[_("Month"), *[label for label, _c, _t in suppressed]],
        rows=[[month_label(m), *[cells[i] for _l, cells, _t in suppressed]] for i, m in enumerate(months)],
        footer=[_("Last 12 months"), *[total for _l, _c, total in suppressed]],
    )
    return Panel(
        key="participation",
        title=_("Participation over time"),
        charts=list(zip([label for label, _c, _t in suppressed], chart_list, strict=True)),
        tables=[table],
        extra={"filter": form, "filtered": bool(group or region)},
    )


def public_participation(*, today: date) -> Table:
    """Totals per month for everyone, on public workgroups only: the public summary's table."""
    from django.contrib.auth.models import AnonymousUser

    threshold = settings.SUPPRESSION_THRESHOLD
    months = last_months(today)
    columns = []
    for label, counts in measures(user=AnonymousUser(), today=today):
        cells, total = suppress_counts(counts, threshold=threshold)
        columns.append((label, cells, total))
    return Table(
        id="public-participation",
        caption=_("Taking part, month by month"),
        header=[_("Month"), *[label for label, _c, _t in columns]],
        rows=[[month_label(m), *[cells[i] for _l, cells, _t in columns]] for i, m in enumerate(months)],
        footer=[_("Last 12 months"), *[total for _l, _c, total in columns]],
    )
