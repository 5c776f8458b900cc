"""Small-cell suppression for every count the surveys show or export. Pure: no Django.

A count from 1 to threshold-1 is hidden and shown as "fewer than <threshold>"; zeros are
shown. Complementary suppression then hides more entries until no hidden entry can be
worked out exactly from what is shown: the totals of rows and columns, the other cells,
and what the labels themselves say ("fewer than 11" means 1..10, "hidden" means at least
11). The attack it defends against is bound propagation over every row and column sum,
run to a fixed point; the tests also check one-row tables by exact reasoning.
"""

from dataclasses import dataclass

BIG = 10**9
SMALL = "small"
SECONDARY = "secondary"


@dataclass(frozen=True)
class Cell:
    value: int
    hidden: bool = False
    kind: str = ""  # SMALL or SECONDARY when hidden

    def display(self, threshold: int) -> str:
        if not self.hidden:
            return f"{self.value:,}"
        return f"fewer than {threshold}" if self.kind == SMALL else "hidden"

    def percent_of(self, total: "Cell") -> float | None:
        if self.hidden or total.hidden or not total.value:
            return None
        return round(100 * self.value / total.value, 1)


@dataclass
class SuppressedTable:
    cells: list[list[Cell]]
    row_totals: list[Cell]
    col_totals: list[Cell] | None
    total: Cell | None
    threshold: int
    withheld: bool = False  # so few answers that even the "fewer than" labels would give values away


def _lines(n_rows: int, n_cols: int, margins: bool) -> list[tuple[list, tuple]]:
    """(members, total) for each linear equation the reader can form."""
    lines = [([(r, c) for c in range(n_cols)], ("R", r)) for r in range(n_rows)]
    if margins:
        lines += [([(r, c) for r in range(n_rows)], ("C", c)) for c in range(n_cols)]
        lines.append(([("C", c) for c in range(n_cols)], ("T",)))
        lines.append(([("R", r) for r in range(n_rows)], ("T",)))
    return lines


def _label_bounds(value: int, hidden: bool, threshold: int) -> tuple[int, int]:
    if not hidden:
        return value, value
    return (1, threshold - 1) if value < threshold else (threshold, BIG)


def pinned_entries(values: dict, hidden: set, lines, threshold: int) -> list:
    """Hidden entries a reader can work out exactly by bound propagation over the sums."""
    lo, hi = {}, {}
    for key, value in values.items():
        lo[key], hi[key] = _label_bounds(value, key in hidden, threshold)
    for _ in range(200):
        changed = False
        for members, total in lines:
            sum_lo, sum_hi = sum(lo[m] for m in members), sum(hi[m] for m in members)
            new_lo, new_hi = max(lo[total], sum_lo), min(hi[total], sum_hi)
            if (new_lo, new_hi) != (lo[total], hi[total]):
                lo[total], hi[total], changed = new_lo, new_hi, True
            for m in members:
                m_lo = max(lo[m], lo[total] - (sum_hi - hi[m]))
                m_hi = min(hi[m], hi[total] - (sum_lo - lo[m]))
                if (m_lo, m_hi) != (lo[m], hi[m]):
                    sum_lo += m_lo - lo[m]
                    sum_hi += m_hi - hi[m]
                    lo[m], hi[m], changed = m_lo, m_hi, True
        if not changed:
            break
    return [key for key in hidden if lo[key] == hi[key]]


def _complement_for(key, values: dict, hidden: set, lines) -> object | None:
    """The smallest shown non-zero entry sharing a line with `key` (cells before totals)."""
    candidates = []
    for members, total in lines:
        if key in members or key == total:
            for entry in [*members, total]:
                if entry not in hidden and values[entry] > 0:
                    candidates.append((entry == total or isinstance(entry[0], str), values[entry], entry))
    return min(candidates, key=lambda c: (c[0], c[1], str(c[2])))[2] if candidates else None


def suppress_table(counts: list[list[int]], *, threshold: int, margins: bool = True) -> SuppressedTable:
    """Suppress a table of counts with its row totals (and column totals if `margins`).

    `margins=False` treats each row as its own table (e.g. statements of a grid).
    """
    if threshold < 2:
        raise ValueError("threshold must be at least 2")
    n_rows, n_cols = len(counts), len(counts[0]) if counts else 0
    values: dict = {(r, c): counts[r][c] for r in range(n_rows) for c in range(n_cols)}
    for r in range(n_rows):
        values[("R", r)] = sum(counts[r])
    if margins:
        for c in range(n_cols):
            values[("C", c)] = sum(counts[r][c] for r in range(n_rows))
        values[("T",)] = sum(values[("R", r)] for r in range(n_rows))
    lines = _lines(n_rows, n_cols, margins)
    hidden = {key for key, value in values.items() if 0 < value < threshold}
    withheld = False
    while True:
        pinned = pinned_entries(values, hidden, lines, threshold)
        if not pinned:
            break
        extra = next(
            (
                e
                for e in (_complement_for(k, values, hidden, lines) for k in sorted(pinned, key=str))
                if e is not None
            ),
            None,
        )
        if extra is None:  # nothing left to hide near them: hide every non-zero entry
            hidden |= {key for key, value in values.items() if value > 0}
            withheld = bool(pinned_entries(values, hidden, lines, threshold))
            break
        hidden.add(extra)

    def cell(key) -> Cell:
        value = values[key]
        if key not in hidden:
            return Cell(value)
        return Cell(value, True, SMALL if value < threshold else SECONDARY)

    return SuppressedTable(
        cells=[[cell((r, c)) for c in range(n_cols)] for r in range(n_rows)],
        row_totals=[cell(("R", r)) for r in range(n_rows)],
        col_totals=[cell(("C", c)) for c in range(n_cols)] if margins else None,
        total=cell(("T",)) if margins else None,
        threshold=threshold,
        withheld=withheld,
    )


def suppress_counts(counts: list[int], *, threshold: int) -> tuple[list[Cell], Cell]:
    """One distribution with its total: (cells, total). Withheld tables come back all hidden,
    and callers show no distribution at all when the total is hidden."""
    table = suppress_table([list(counts)], threshold=threshold, margins=False)
    return table.cells[0], table.row_totals[0]


def suppress_single(value: int, *, threshold: int) -> Cell:
    return Cell(value, True, SMALL) if 0 < value < threshold else Cell(value)
