"""Small-cell suppression: the pure module, by example and by property (Hypothesis)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from surveys.suppression import (
    BIG,
    SECONDARY,
    SMALL,
    pinned_entries,
    suppress_counts,
    suppress_single,
    suppress_table,
)


def shown(cells, t=11):
    return [c.display(t) for c in cells]


def test_small_counts_say_fewer_than_threshold_and_zeros_show():
    cells, total = suppress_counts([0, 3, 20, 30, 15], threshold=11)
    assert shown(cells)[:2] == ["0", "fewer than 11"]
    assert total.display(11) == "68"


def test_single_hidden_cell_gets_a_complement():
    cells, total = suppress_counts([3, 20, 30], threshold=11)
    assert sum(c.hidden for c in cells) == 2
    assert cells[1].hidden and cells[1].kind == SECONDARY  # the smallest other non-zero count


def test_two_ones_are_not_recoverable_from_the_total():
    cells, total = suppress_counts([1, 1, 50], threshold=11)
    # 52 - 50 = 2 would pin both ones; the 50 must go too.
    assert all(c.hidden for c in cells)
    assert not total.hidden


def test_total_below_threshold_hides_everything():
    cells, total = suppress_counts([3, 4], threshold=11)
    assert total.hidden and total.kind == SMALL
    assert all(c.hidden for c in cells)


def test_total_goes_when_it_alone_would_pin_the_cells():
    cells, total = suppress_counts([5, 5], threshold=6)
    assert all(c.hidden for c in cells) and total.hidden


def test_single_value():
    assert suppress_single(0, threshold=11).display(11) == "0"
    assert suppress_single(10, threshold=11).display(11) == "fewer than 11"
    assert suppress_single(11, threshold=11).display(11) == "11"


def test_threshold_setting_changes_label():
    cells, _ = suppress_counts([4, 40, 40], threshold=5)
    assert cells[0].display(5) == "fewer than 5"


def _feasible_values_1d(values, hidden_idx, total, total_hidden, t, i):
    """Exact: the values cell i could take given what a reader sees (one row and its total)."""
    bounds = [(1, t - 1) if values[j] < t else (t, BIG) for j in hidden_idx]
    if total_hidden:
        return None  # no equation to use
    rest = total - sum(v for j, v in enumerate(values) if j not in hidden_idx)
    k = hidden_idx.index(i)
    others_lo = sum(b[0] for j, b in enumerate(bounds) if j != k)
    others_hi = sum(b[1] for j, b in enumerate(bounds) if j != k)
    lo, hi = bounds[k]
    return max(lo, rest - others_hi), min(hi, rest - others_lo)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=8),
    st.integers(min_value=5, max_value=15),
)
def test_one_row_no_hidden_cell_can_be_recovered(values, t):
    cells, total = suppress_counts(values, threshold=t)
    hidden_idx = [i for i, c in enumerate(cells) if c.hidden]
    for i, c in enumerate(cells):
        assert c.value == values[i]
        if 0 < values[i] < t:
            assert c.hidden and c.kind == SMALL and c.display(t) == f"fewer than {t}"
        if values[i] == 0:
            assert not c.hidden and c.display(t) == "0"
    if 0 < sum(values) < t:
        assert total.hidden and total.kind == SMALL
    elif total.hidden:  # e.g. [5, 5] with t=6: a shown 10 would pin both fives
        assert total.kind == SECONDARY
    for i in hidden_idx:
        feasible = _feasible_values_1d(values, hidden_idx, sum(values), total.hidden, t, i)
        if feasible is not None:
            lo, hi = feasible
            assert lo <= values[i] <= hi
            assert lo < hi, f"cell {i} of {values} can be worked out as {lo}"


tables = st.integers(min_value=1, max_value=4).flatmap(
    lambda rows: st.integers(min_value=1, max_value=5).flatmap(
        lambda cols: st.lists(
            st.lists(st.integers(min_value=0, max_value=40), min_size=cols, max_size=cols),
            min_size=rows,
            max_size=rows,
        )
    )
)


@settings(max_examples=200, deadline=None)
@given(tables, st.integers(min_value=5, max_value=12))
def test_table_with_margins_resists_row_and_column_attacks(counts, t):
    table = suppress_table(counts, threshold=t)
    n_rows, n_cols = len(counts), len(counts[0])
    values, hidden = {}, set()
    for r in range(n_rows):
        for c in range(n_cols):
            values[(r, c)] = counts[r][c]
            cell = table.cells[r][c]
            assert cell.value == counts[r][c]
            if 0 < counts[r][c] < t:
                assert cell.hidden
            if counts[r][c] == 0:
                assert not cell.hidden
            if cell.hidden:
                hidden.add((r, c))
        values[("R", r)] = sum(counts[r])
        if table.row_totals[r].hidden:
            hidden.add(("R", r))
    for c in range(n_cols):
        values[("C", c)] = sum(counts[r][c] for r in range(n_rows))
        if table.col_totals[c].hidden:
            hidden.add(("C", c))
    values[("T",)] = sum(values[("R", r)] for r in range(n_rows))
    if table.total.hidden:
        hidden.add(("T",))
    lines = [([(r, c) for c in range(n_cols)], ("R", r)) for r in range(n_rows)]
    lines += [([(r, c) for r in range(n_rows)], ("C", c)) for c in range(n_cols)]
    lines += [([("C", c) for c in range(n_cols)], ("T",)), ([("R", r) for r in range(n_rows)], ("T",))]
    if table.withheld:  # only when some total is itself small; callers then show nothing of it
        assert any(0 < values[k] < t for k in values if isinstance(k[0], str))
        return
    assert pinned_entries(values, hidden, lines, t) == []


def test_grid_rows_are_independent_without_margins():
    table = suppress_table([[3, 20, 30], [0, 25, 25]], threshold=11, margins=False)
    assert table.col_totals is None
    assert [c.hidden for c in table.cells[1]] == [False, False, False]
