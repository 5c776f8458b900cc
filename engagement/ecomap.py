"""The eco-map's geometry: the agency at the centre, partners around it grouped by kind.

Pure layout (no queries): `ecomap_layout(partners, phase)` returns what the SVG template
draws. Each link carries its status as a line pattern, a symbol and a word as well as a
colour, and its thickness is the partner's planned level of involvement.
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .vocabulary import STATUS_STYLES, Level, PartnerKind

WIDTH, HEIGHT = 1100, 760
CX, CY = WIDTH / 2, HEIGHT / 2
RINGS = (230, 310)
WIDTHS = {0: 1.5, Level.INFORMED: 2.5, Level.CONSULTED: 4.5, Level.PARTNERING: 7}


@dataclass
class Node:
    partner: object
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str
    level: int
    level_label: str
    stroke_width: float
    colour: str
    dash: str
    symbol: str
    status_label: str
    meaning: str
    short_name: str


@dataclass
class KindLabel:
    text: str
    x: float
    y: float
    anchor: str


def _level(partner, phase: str) -> int:
    levels = [i.level for i in partner.phase_involvements.all() if not phase or i.phase == phase]
    return max(levels, default=0)


def _short(name: str, limit: int = 26) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def ecomap_layout(partners, phase: str = "") -> dict:
    """{nodes, kinds, width, height, cx, cy}: one sector per kind, sized by its partners."""
    by_kind = [(kind, [p for p in partners if p.kind == kind.value]) for kind in PartnerKind]
    by_kind = [(kind, members) for kind, members in by_kind if members]
    total = sum(len(m) for _k, m in by_kind) or 1
    nodes, kinds, start = [], [], -math.pi / 2
    for kind, members in by_kind:
        span = 2 * math.pi * len(members) / total
        for index, partner in enumerate(members):
            angle = start + span * (index + 0.5) / len(members)
            radius = RINGS[index % 2] if len(members) > 2 else RINGS[0]
            nodes.append(_node(partner, angle, radius, phase))
        middle = start + span / 2
        kinds.append(
            KindLabel(
                str(kind.label), CX + 370 * math.cos(middle), CY + 355 * math.sin(middle), _anchor(middle)
            )
        )
        start += span
    return {
        "nodes": nodes,
        "kinds": kinds,
        "width": WIDTH,
        "height": HEIGHT,
        "cx": CX,
        "cy": CY,
        "title": _("Eco-map of the agency's partners"),
    }


def _anchor(angle: float) -> str:
    c = math.cos(angle)
    return "middle" if abs(c) < 0.3 else ("start" if c > 0 else "end")


def _node(partner, angle: float, radius: float, phase: str) -> Node:
    style = STATUS_STYLES[partner.status]
    level = _level(partner, phase)
    x, y = CX + radius * math.cos(angle), CY + radius * math.sin(angle)
    return Node(
        partner=partner,
        x=round(x, 1),
        y=round(y, 1),
        label_x=round(CX + (radius + 22) * math.cos(angle), 1),
        label_y=round(CY + (radius + 22) * math.sin(angle) + 4, 1),
        anchor=_anchor(angle),
        level=level,
        level_label=str(Level(level).label) if level else _("No involvement planned"),
        stroke_width=WIDTHS[level],
        colour=style.colour,
        dash=style.dash,
        symbol=style.symbol,
        status_label=partner.get_status_display(),
        meaning=str(style.meaning),
        short_name=_short(partner.name),
    )
