"""Reads for the engagement CQI dashboard: survey responses per month, raw counts to suppress.

Anonymous responses carry only the pool flush's date (`submitted_on`) and no group or region,
so they are counted by month and only when no group or region filter is chosen: never finer.
"""

from datetime import date

from django.db.models import Count
from django.db.models.functions import TruncMonth

from .models import Response


def responses_by_month(*, since: date, group_id=None, region_id=None) -> dict[date, int]:
    """{first day of month: responses} since `since` (one query)."""
    responses = Response.objects.filter(submitted_on__gte=since)
    if group_id:
        responses = responses.filter(stakeholder_group_id=group_id)
    if region_id:
        responses = responses.filter(region_id=region_id)
    rows = responses.annotate(month=TruncMonth("submitted_on")).values("month").annotate(n=Count("pk"))
    return {row["month"]: row["n"] for row in rows.order_by()}
