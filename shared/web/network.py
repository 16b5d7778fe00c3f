"""The overlaps-and-combinations picture: companies on a circle, an edge per result.

Drawn as inline SVG on the server from the results the viewer may see (so the picture
obeys the same gate as the list). SVG presentation attributes only: the CSP allows no
inline styles.
"""

from __future__ import annotations

import math
from html import escape
from typing import Any

from flask_babel import gettext
from markupsafe import Markup

from shared.web.labels import MATCH_LABELS

COLORS = {"overlap": "#b42318", "combination": "#1f5fbf", "shared_need": "#1a7f37"}


FONT = 14
NODE_RADIUS = 7


def _label_width(name: str) -> float:
    return 0.6 * FONT * len(name)  # an average glyph; enough to keep labels inside the box


def _shortened(
    a: tuple[float, float], b: tuple[float, float], by: float
) -> tuple[float, float, float, float]:
    """The segment a-b without `by` at each end, so arrowheads stop beside the node."""
    (x1, y1), (x2, y2) = a, b
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    return x1 + ux * by, y1 + uy * by, x2 - ux * by, y2 - uy * by


def network_svg(results: list[dict[str, Any]], size: int = 520) -> Markup:
    names: list[str] = []
    for result in results:
        for name in result.get("companies") or []:
            if name and name not in names:
                names.append(name)
    if len(names) < 2:
        return Markup("")
    center, radius = size / 2, size / 2 - 34
    position = {
        name: (
            center + radius * math.cos(2 * math.pi * i / len(names) - math.pi / 2),
            center + radius * math.sin(2 * math.pi * i / len(names) - math.pi / 2),
        )
        for i, name in enumerate(names)
    }
    # The box grows sideways to hold the longest label, so no name is cut at its edge;
    # a legend below says what each line means.
    margin = max(_label_width(n) for n in names) + 20
    kinds = [k for k in COLORS if any(r["kind"] == k for r in results)]
    legend_top = size
    height = size + 24 * len(kinds) + 6
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="{-margin:.0f} 0 {size + 2 * margin:.0f} {height}" '
        f'role="img" class="network" data-testid="network">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" '
        'markerHeight="6" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" '
        'fill="#1f5fbf"/></marker></defs>',
    ]
    for result in results:
        color = COLORS.get(result["kind"], "#5b6475")
        if result["kind"] == "combination" and result.get("provider") and result.get("receiver"):
            pairs = [(result["provider"], result["receiver"])]
        else:
            members = [n for n in result.get("companies") or [] if n in position]
            pairs = list(zip(members, members[1:], strict=False))
        for a, b in pairs:
            x1, y1, x2, y2 = _shortened(position[a], position[b], NODE_RADIUS + 4)
            dash = ' stroke-dasharray="6 4"' if result["kind"] == "shared_need" else ""
            arrow = ' marker-end="url(#arrow)"' if result["kind"] == "combination" else ""
            width = 1 + 3 * float(result.get("score") or 0)
            parts.append(
                f'<line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" '
                f'stroke="{color}" stroke-width="{width:.1f}"{dash}{arrow}/>'
            )
    for name, (x, y) in position.items():
        parts.append(f'<circle cx="{x:.0f}" cy="{y:.0f}" r="{NODE_RADIUS}" fill="#1d2433"/>')
        if abs(x - center) < 1:  # top and bottom: centred above or below the node
            anchor, tx, ty = "middle", x, y - 14 if y < center else y + 24
        else:
            anchor = "start" if x > center else "end"
            tx, ty = x + (11 if x > center else -11), y + 4
        parts.append(
            f'<text x="{tx:.0f}" y="{ty:.0f}" text-anchor="{anchor}" '
            f'font-size="{FONT}" fill="#1d2433">{escape(name)}</text>'
        )
    for row, kind in enumerate(kinds):
        y = legend_top + 12 + 24 * row
        dash = ' stroke-dasharray="6 4"' if kind == "shared_need" else ""
        arrow = ' marker-end="url(#arrow)"' if kind == "combination" else ""
        parts.append(
            f'<line x1="0" y1="{y}" x2="40" y2="{y}" stroke="{COLORS[kind]}" '
            f'stroke-width="3"{dash}{arrow}/>'
            f'<text x="50" y="{y + 5}" font-size="{FONT}" fill="#1d2433" '
            f'data-testid="network-legend">{escape(gettext(MATCH_LABELS[kind]))}</text>'
        )
    parts.append("</svg>")
    # Safe: every name and label went through html.escape; the rest is built here from numbers.
    return Markup("".join(parts))  # noqa: S704
