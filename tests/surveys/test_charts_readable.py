"""The result charts can be read without the table (issue 12): Likert colours at 3:1 against
white with a key, the centre line clear of the labels, axis labels on "Responses over time"."""

import re

from surveys.results.aggregate import OptionRow
from surveys.results.charts import LIKERT_COLOURS, diverging_chart, time_chart
from surveys.suppression import Cell

AGREE = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]


def _contrast_with_white(colour: str) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


def _likert_row(label: str, counts: list[int]):
    total = sum(counts)
    return (
        label,
        [OptionRow(a, Cell(n), 100 * n / total) for a, n in zip(AGREE, counts, strict=True)],
        Cell(total),
    )


def test_likert_segments_stand_out_from_white():
    assert all(_contrast_with_white(colour) >= 3 for colour in LIKERT_COLOURS), LIKERT_COLOURS


def test_likert_chart_has_a_key_and_keeps_the_centre_line_off_the_labels():
    svg = diverging_chart([_likert_row("I had time to prepare", [3, 5, 8, 20, 14])], threshold=11)
    for answer, colour in zip(AGREE, LIKERT_COLOURS, strict=True):
        assert f">{answer}</text>" in svg
        assert f'fill="{colour}"' in svg
    label_y = int(re.search(r'<text x="0" y="(\d+)"[^>]*>I had time', svg).group(1))
    centre_lines = re.findall(r'<line x1="160.0" y1="(-?\d+)"', svg)
    assert centre_lines
    assert all(int(y1) > label_y for y1 in centre_lines), "the centre line crosses the row's label"
    assert 'y2="100%"' not in svg


def test_responses_over_time_has_axis_labels():
    weeks = [("Week of 02 Nov 2026", Cell(13)), ("Week of 09 Nov 2026", Cell(27))]
    svg = time_chart(weeks, threshold=11)
    assert ">27</text>" in svg and ">0</text>" in svg  # the value axis
    assert ">Week of 02 Nov 2026</text>" in svg and ">Week of 09 Nov 2026</text>" in svg
