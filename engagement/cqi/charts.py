"""Server-rendered SVG charts for the CQI panels (no JavaScript). Each sits above a data table
that says the same in text; hidden (suppressed) counts never set a bar's length: they are
drawn as a short hatched stub labelled with the words the table uses.
"""

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from surveys.suppression import Cell

from .tables import show

WIDTH = 400  # like the survey charts: text stays legible when a phone scales the chart down
STUB = 10
INK, MUTED, BLUE = "#1b1b1b", "#565c65", "#005ea2"
HATCH = (
    '<pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#dfe1e2"/>'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#71767a" stroke-width="2"/></pattern>'
)
# Plan statuses: fill plus a pattern, so the bars read without colour too; the legend has words.
STATUS_FILLS = {
    "not_started": "#dfe1e2",
    "on_track": "#005ea2",
    "at_risk": "url(#{uid}-risk)",
    "delayed": "url(#{uid}-late)",
    "done": "#162e51",
}
STATUS_PATTERNS = (
    '<pattern id="{uid}-risk" width="8" height="8" patternUnits="userSpaceOnUse">'
    '<rect width="8" height="8" fill="#ffbe2e"/><circle cx="4" cy="4" r="1.6" fill="#1b1b1b"/></pattern>'
    '<pattern id="{uid}-late" width="8" height="8" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="8" height="8" fill="#d54309"/>'
    '<line x1="0" y1="0" x2="0" y2="8" stroke="#fff" stroke-width="2"/></pattern>'
)


def _svg(uid: str, height: int, body: str, title: str, desc: str, extra_defs: str = "") -> SafeString:
    return mark_safe(
        f'<svg class="cqi-chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-labelledby="{uid}-t {uid}-d" xmlns="http://www.w3.org/2000/svg" '
        f'font-family="Source Sans Pro, Helvetica, Arial, sans-serif">'
        f'<title id="{uid}-t">{escape(title)}</title><desc id="{uid}-d">{escape(desc)}</desc>'
        f"<defs>{HATCH.format(id=uid + '-h')}{extra_defs}</defs>{body}</svg>"
    )


def _value(cell) -> int:
    return cell.value if isinstance(cell, Cell) else int(cell or 0)


def _hidden(cell) -> bool:
    return isinstance(cell, Cell) and cell.hidden


def column_chart(uid: str, columns: list[tuple[str, object]], *, title: str, desc: str) -> SafeString:
    """One column per label (e.g. month); the value above each column, the label under it."""
    height, top, bottom = 170, 18, 26
    peak = max((_value(c) for _l, c in columns if not _hidden(c)), default=0) or 1
    step = WIDTH / max(len(columns), 1)
    parts = [f'<line x1="0" y1="{height - bottom}" x2="{WIDTH}" y2="{height - bottom}" stroke="{MUTED}"/>']
    for i, (label, cell) in enumerate(columns):
        x, w = i * step + 4, max(step - 8, 2)
        if _hidden(cell):
            # Short words for narrow columns: "<11" for fewer than 11, "–" for hidden.
            h, fill = STUB, f"url(#{uid}-h)"
            text = f"<{settings.SUPPRESSION_THRESHOLD}" if cell.kind == "small" else "–"
        else:
            h, fill, text = round((height - top - bottom) * _value(cell) / peak), BLUE, show(cell)
        y = height - bottom - h
        parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{h}" fill="{fill}"/>')
        parts.append(
            f'<text x="{x + w / 2:.1f}" y="{y - 4}" text-anchor="middle" font-size="10" '
            f'fill="{INK}">{escape(text)}</text>'
        )
        parts.append(
            f'<text x="{x + w / 2:.1f}" y="{height - 8}" text-anchor="middle" font-size="11" '
            f'fill="{MUTED}">{escape(label)}</text>'
        )
    return _svg(uid, height, "".join(parts), title, desc)


def bar_chart(
    uid: str, rows: list[tuple[str, list[tuple[str, object]]]], *, title: str, desc: str, marks=None
) -> SafeString:
    """Horizontal bars, one group per row label; each group's bars are the series in order
    (first solid blue, second outlined). Labels sit above the bars so phones keep the width."""
    styles = [f'fill="{BLUE}"', f'fill="#fff" stroke="{BLUE}" stroke-width="1.5"', 'fill="#162e51"']
    peak = max((_value(c) for _l, series in rows for _s, c in series if not _hidden(c)), default=0) or 1
    parts, y = [], 0
    for index, (label, series) in enumerate(rows):
        y += 16
        mark = f"  ⚠ {marks[index]}" if marks and marks[index] else ""
        parts.append(
            f'<text x="0" y="{y}" font-size="13" font-weight="700" fill="{INK}">{escape(label + mark)}</text>'
        )
        for s_index, (series_label, cell) in enumerate(series):
            y += 5
            style = styles[s_index % len(styles)]
            if _hidden(cell):
                width, style = STUB, f'fill="url(#{uid}-h)"'
            else:
                width = max(round((WIDTH - 190) * _value(cell) / peak), 1 if _value(cell) else 0)
            if width:
                parts.append(f'<rect x="0" y="{y}" width="{width}" height="12" {style}/>')
            parts.append(
                f'<text x="{width + 6}" y="{y + 10}" font-size="11" fill="{MUTED}">'
                f"{escape(series_label)}: {escape(show(cell))}</text>"
            )
            y += 12
        y += 8
    return _svg(uid, max(y, 20), "".join(parts), title, desc)


def stacked_chart(
    uid: str, rows: list[tuple[str, list[tuple[str, str, int]]]], *, title: str, desc: str
) -> SafeString:
    """One 100 % bar per row label, split by plan status ((status, label, n) in order)."""
    parts, y = [], 0
    for label, segments in rows:
        total = sum(n for _s, _l, n in segments)
        y += 16
        done = next((n for s, _l, n in segments if s == "done"), 0)
        suffix = f" — {round(100 * done / total)} %" if total else ""
        parts.append(
            f'<text x="0" y="{y}" font-size="13" font-weight="700" fill="{INK}">'
            f"{escape(label + suffix)}</text>"
        )
        y += 5
        x = 0.0
        for status, status_label, n in segments:
            if not n:
                continue
            w = WIDTH * n / total
            fill = STATUS_FILLS.get(status, "#a9aeb1").format(uid=uid)
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="16" fill="{fill}" stroke="#fff">'
                f"<title>{escape(status_label)}: {n}</title></rect>"
            )
            x += w
        if not total:
            parts.append(f'<rect x="0" y="{y}" width="{WIDTH}" height="16" fill="#fff" stroke="#dfe1e2"/>')
        y += 16 + 8
    return _svg(uid, max(y, 20), "".join(parts), title, desc, STATUS_PATTERNS.format(uid=uid))


def swatch(uid: str, status: str) -> SafeString:
    """A small square in a plan status's fill, for the legend beside the words (decorative)."""
    fill = STATUS_FILLS.get(status, "#a9aeb1").format(uid=uid)
    return mark_safe(
        f'<svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false" '
        f'xmlns="http://www.w3.org/2000/svg"><defs>{STATUS_PATTERNS.format(uid=uid)}</defs>'
        f'<rect width="14" height="14" fill="{fill}" stroke="{MUTED}"/></svg>'
    )
