"""A date question's summary: how many answers fall in each month, quarter or year.

Read from the month tallies (surveys.tallies, kind "month"), so it costs the same at any number
of responses. Exact dates are never shown: answers are counted per month, or per quarter or
year when the dates spread over more than two or six years. The first and last periods are
open-ended ("March 2026 or earlier", "2031 or later") and absorb the outer periods until each
holds at least the suppression threshold (and a coarser unit is taken when more than a third
of the periods would be hidden as small), so a lone early or late date is never pointed at by
a row of its own; the rows are then suppressed like every other distribution.
"""

import re
from datetime import date

from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext

MONTH_KEY = re.compile(r"^(\d{4})-(\d{2})$")
# Spread of the central answers (in months) up to which each unit is used.
MONTHLY_UP_TO, QUARTERLY_UP_TO = 24, 72
EARLIER, LATER = "<=", ">="


def _month_index(key: str) -> int | None:
    match = MONTH_KEY.match(key or "")
    if not match or not 1 <= int(match.group(2)) <= 12:
        return None
    return int(match.group(1)) * 12 + int(match.group(2)) - 1


def _spread(months: list[tuple[int, int]], threshold: int) -> int:
    """Months between the answers once the outer ones (fewer than `threshold`) are set aside."""
    running, low = 0, months[0][0]
    for index, n in months:
        running += n
        if running >= threshold:
            low = index
            break
    running, high = 0, months[-1][0]
    for index, n in reversed(months):
        running += n
        if running >= threshold:
            high = index
            break
    return max(high - low, 0)


def _key(bucket: int, unit: int) -> str:
    start = bucket * unit
    year, month = divmod(start, 12)
    if unit == 1:
        return f"m:{year:04d}-{month + 1:02d}"
    if unit == 3:
        return f"q:{year:04d}-{month // 3 + 1}"
    return f"y:{year:04d}"


def date_periods(month_counts: dict[str, int], threshold: int) -> list[tuple[str, int]]:
    """(period key, count) rows, oldest first, every period between the first and last
    included (zeros too); [] when fewer than `threshold` dates were given.

    The finest unit the spread allows (months up to two years, quarters up to six) unless
    more than a third of its periods would be hidden as small, then the next coarser one:
    a table of "fewer than 11" says nothing."""
    months = sorted(
        (index, n) for key, n in month_counts.items() if n > 0 and (index := _month_index(key)) is not None
    )
    if sum(n for _, n in months) < threshold:
        return []
    spread = _spread(months, threshold)
    units = [u for u, limit in ((1, MONTHLY_UP_TO), (3, QUARTERLY_UP_TO)) if spread < limit] + [12]
    for unit in units:
        rows = _rows(months, unit, threshold)
        small = sum(1 for _, n in rows if 0 < n < threshold)
        if small * 3 <= len(rows):
            break
    return rows


def _rows(months: list[tuple[int, int]], unit: int, threshold: int) -> list[tuple[str, int]]:
    per_bucket: dict[int, int] = {}
    for index, n in months:
        per_bucket[index // unit] = per_bucket.get(index // unit, 0) + n
    first, last = min(per_bucket), max(per_bucket)
    buckets = [(b, per_bucket.get(b, 0)) for b in range(first, last + 1)]
    # The open-ended first period: the oldest periods until they hold `threshold` answers.
    head, running = 0, buckets[0][1]
    while running < threshold and head < len(buckets) - 1:
        head += 1
        running += buckets[head][1]
    rows = [((EARLIER if head else "") + _key(buckets[head][0], unit), running)]
    rest = buckets[head + 1 :]
    if not rest:
        return rows
    # The open-ended last period, the same way from the newest.
    tail, running = len(rest) - 1, rest[-1][1]
    while running < threshold and tail > 0:
        tail -= 1
        running += rest[tail][1]
    rows += [(_key(b, unit), n) for b, n in rest[:tail]]
    open_ended = tail < len(rest) - 1 or running < threshold
    rows.append(((LATER if open_ended else "") + _key(rest[tail][0], unit), running))
    return rows


def _month_name(year: int, month: int) -> str:
    return formats.date_format(date(year, month, 1), "F")


def period_label(key: str) -> str:
    """A period key in words, in the active language: "March 2026", "January–March 2026",
    "2026", "March 2026 or earlier", "2031 or later" (Spanish month names capitalised, as
    the label starts a row)."""
    return capfirst(_period_words(key))


def _period_words(key: str) -> str:
    if key.startswith((EARLIER, LATER)):
        label = _period_words(key[2:])
        if key.startswith(EARLIER):
            return gettext("%(period)s or earlier") % {"period": label}
        return gettext("%(period)s or later") % {"period": label}
    unit, _, rest = key.partition(":")
    if unit == "m":
        year, month = (int(x) for x in rest.split("-"))
        return formats.date_format(date(year, month, 1), "YEAR_MONTH_FORMAT")
    if unit == "q":
        year, quarter = (int(x) for x in rest.split("-"))
        first = quarter * 3 - 2
        # Translators: a quarter of a year, e.g. "January–March 2026".
        return gettext("%(first)s–%(last)s %(year)s") % {
            "first": _month_name(year, first),
            "last": _month_name(year, first + 2),
            "year": year,
        }
    return rest
