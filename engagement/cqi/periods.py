"""The twelve calendar months the CQI panels look back over, this one included."""

from datetime import date

from django.utils import formats


def last_months(today: date, count: int = 12) -> list[date]:
    """First days of the last `count` months, oldest first, ending with `today`'s month."""
    months, year, month = [], today.year, today.month
    for _ in range(count):
        months.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def month_label(month: date) -> str:
    return formats.date_format(month, "M Y")


def short_month(month: date) -> str:
    return formats.date_format(month, "M")
