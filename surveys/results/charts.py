"""Server-rendered SVG charts. Each sits beside a data table that says the same in text.

Hidden (suppressed) counts never set a bar's length: they are drawn as a short hatched
stub, or pooled into one grey "hidden" segment whose size readers can already work out
from the total.
"""

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.translation import gettext as _

from ..suppression import SMALL

WIDTH = 320
BAR_H = 22
GAP = 8
LABEL_W = 0  # labels sit above bars so phones have the full width
STUB = 14
# Disagree to agree; every segment at 3:1 or more against white (WCAG 1.4.11) and told
# apart by lightness as well as hue: dark red, red, grey, blue, dark blue.
LIKERT_COLOURS = ["#8b0a03", "#d83933", "#71767a", "#2378c3", "#162e51"]
HATCH = (
    '<defs><pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#dfe1e2"/>'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#71767a" stroke-width="2"/></pattern></defs>'
)


def cell_text(cell, threshold: int) -> str:
    """A suppressed count in the active language: "1,234" / "1.234", "fewer than 11" /
    "menos de 11", "hidden" / "oculto". (Cell.display stays English for the exports.)"""
    if not cell.hidden:
        return number_format(cell.value, force_grouping=True)
    if cell.kind == SMALL:
        return _("fewer than %(threshold)s") % {"threshold": threshold}
    return _("hidden")


def percent_text(percent: float) -> str:
    """ "12.5%" in English, "12,5 %" in Spanish."""
    # Translators: a percentage; Spanish puts a space before the sign.
    return _("%(percent)s%%") % {"percent": number_format(percent, decimal_pos=None if percent % 1 else 0)}


def _svg(height: int, body: str, title: str, uid: str) -> str:
    return (
        f'<svg class="survey-chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" focusable="false" xmlns="http://www.w3.org/2000/svg">'
        f"{HATCH.format(id=uid)}{body}</svg>"
    )


def bar_chart(options, threshold: int) -> str:
    """Horizontal bars, one per option, length by percentage; label and value above each bar."""
    if not options:
        return ""
    uid = f"h{abs(hash(tuple(o.label for o in options))) % 10**8}"
    parts, y = [], 0
    for option in options:
        y += 14
        value = cell_text(option.cell, threshold)
        text = f"{option.label}: {value}" + (
            f" ({percent_text(option.percent)})" if option.percent is not None else ""
        )
        parts.append(f'<text x="0" y="{y}" font-size="12" fill="#1b1b1b">{escape(text)}</text>')
        y += 4
        if option.cell.hidden:
            parts.append(f'<rect x="0" y="{y}" width="{STUB}" height="{BAR_H - 8}" fill="url(#{uid})"/>')
        elif option.percent:
            width = max(1, round(WIDTH * option.percent / 100))
            parts.append(f'<rect x="0" y="{y}" width="{width}" height="{BAR_H - 8}" fill="#005ea2"/>')
        y += BAR_H - 8 + GAP
    return _svg(y, "".join(parts), _("Bar chart of answers; the table beside it has the numbers."), uid)


def diverging_chart(rows, threshold: int) -> str:
    """Likert rows as diverging stacked bars centred on "neither"; hidden counts pooled at the end."""
    uid = f"d{abs(hash(tuple(r[0] for r in rows))) % 10**8}"
    centre, scale = WIDTH / 2, WIDTH / 2 / 100
    parts, y, legend_labels, any_hidden = [], 0, [], False
    for label, options, total in rows:
        legend_labels = legend_labels or [o.label for o in options]
        y += 14
        parts.append(f'<text x="0" y="{y}" font-size="12" fill="#1b1b1b">{escape(label)}</text>')
        y += 4
        if total.hidden or not total.value:
            too_few = escape(_("Too few answers to show."))
            parts.append(f'<text x="0" y="{y + 12}" font-size="11" fill="#565c65">{too_few}</text>')
            y += BAR_H + GAP
            continue
        pct = [o.cell.value * 100 / total.value if not o.cell.hidden else 0 for o in options]
        x = centre - (pct[0] + pct[1] + pct[2] / 2) * scale
        for i, p in enumerate(pct):
            if p:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{p * scale:.1f}" height="{BAR_H - 8}" '
                    f'fill="{LIKERT_COLOURS[i]}"/>'
                )
            x += p * scale
        hidden_pct = 100 - sum(pct)
        if hidden_pct > 0.01:
            any_hidden = True
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{hidden_pct * scale:.1f}" height="{BAR_H - 8}" '
                f'fill="url(#{uid})"/>'
            )
        # The centre line runs beside the bar only, never through the row's label above it.
        parts.append(
            f'<line x1="{centre}" y1="{y - 2}" x2="{centre}" y2="{y + BAR_H - 6}" stroke="#1b1b1b"/>'
        )
        y += BAR_H - 8 + GAP
    y = _likert_legend(parts, y, legend_labels, uid if any_hidden else "")
    title = _(
        "Diverging bars from disagree (left) to agree (right), points 1 to 5; "
        "the table beside it has the numbers."
    )
    return _svg(max(y, 10), "".join(parts), title, uid)


def _likert_legend(parts: list[str], y: int, labels: list[str], hatch: str = "") -> int:
    """A key under the bars: each colour with its answer, one per line so phones fit it, and
    the hatching of pooled hidden counts when a bar has some."""
    fills = list(zip(LIKERT_COLOURS, labels, strict=False))
    if hatch:
        fills.append((f"url(#{hatch})", _("hidden")))
    for colour, label in fills:
        y += 4
        parts.append(f'<rect x="0" y="{y}" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="18" y="{y + 11}" font-size="12" fill="#1b1b1b">{escape(label)}</text>')
        y += 14
    return y + 4


def time_chart(weeks, threshold: int) -> str:
    """Responses per week as columns; hidden weeks drawn as hatched stubs."""
    if not weeks:
        return ""
    uid = "t-chart"
    # Axes: the largest weekly count at the top of the value axis and 0 at its foot; the first
    # and last weeks under the columns (the table has every week).
    axis_w, plot_h, height = 28, 100, 136
    top = max((c.value for _, c in weeks if not c.hidden), default=1) or 1
    step = (WIDTH - axis_w) / max(len(weeks), 1)
    parts = [
        f'<line x1="{axis_w - 2}" y1="0" x2="{axis_w - 2}" y2="{plot_h}" stroke="#1b1b1b"/>',
        f'<line x1="{axis_w - 2}" y1="{plot_h}" x2="{WIDTH}" y2="{plot_h}" stroke="#1b1b1b"/>',
        f'<text x="{axis_w - 6}" y="12" font-size="11" text-anchor="end" fill="#1b1b1b">'
        f"{number_format(top, force_grouping=True)}</text>",
        f'<text x="{axis_w - 6}" y="{plot_h}" font-size="11" text-anchor="end" fill="#1b1b1b">0</text>',
    ]
    for i, (_label, cell) in enumerate(weeks):
        h = STUB if cell.hidden else round((plot_h - 10) * cell.value / top)
        fill = f"url(#{uid})" if cell.hidden else "#005ea2"
        parts.append(
            f'<rect x="{axis_w + i * step + 2:.1f}" y="{plot_h - h}" width="{max(step - 4, 2):.1f}" '
            f'height="{h}" fill="{fill}"/>'
        )
    first, last = escape(str(weeks[0][0])), escape(str(weeks[-1][0]))
    parts.append(f'<text x="{axis_w}" y="{plot_h + 16}" font-size="11" fill="#1b1b1b">{first}</text>')
    if len(weeks) > 1:
        end = f'x="{WIDTH}" y="{plot_h + 16}" font-size="11" text-anchor="end"'
        parts.append(f'<text {end} fill="#1b1b1b">{last}</text>')
    return _svg(height, "".join(parts), _("Responses per week; the table beside it has the numbers."), uid)
