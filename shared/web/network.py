"""The overlaps-and-combinations picture: companies on a circle, an edge per result.

Drawn as inline SVG on the server from the results the viewer may see (so the picture
obeys the same gate as the list). SVG presentation attributes only: the CSP allows no
inline styles.
"""

from __future__ import annotations

import math
from html import escape
from typing import Any

from markupsafe import Markup

COLORS = {"overlap": "#b42318", "combination": "#1f5fbf", "shared_need": "#1a7f37"}


def network_svg(results: list[dict[str, Any]], size: int = 520) -> Markup:
    names: list[str] = []
    for result in results:
        for name in result.get("companies") or []:
            if name and name not in names:
                names.append(name)
    if len(names) < 2:
        return Markup("")
    center, radius = size / 2, size / 2 - 90
    position = {
        name: (
            center + radius * math.cos(2 * math.pi * i / len(names) - math.pi / 2),
            center + radius * math.sin(2 * math.pi * i / len(names) - math.pi / 2),
        )
        for i, name in enumerate(names)
    }
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
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
            (x1, y1), (x2, y2) = position[a], position[b]
            dash = ' stroke-dasharray="6 4"' if result["kind"] == "shared_need" else ""
            arrow = ' marker-end="url(#arrow)"' if result["kind"] == "combination" else ""
            width = 1 + 3 * float(result.get("score") or 0)
            parts.append(
                f'<line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" '
                f'stroke="{color}" stroke-width="{width:.1f}"{dash}{arrow}/>'
            )
    for name, (x, y) in position.items():
        parts.append(f'<circle cx="{x:.0f}" cy="{y:.0f}" r="7" fill="#1d2433"/>')
        anchor = "start" if x >= center else "end"
        dx = 11 if x >= center else -11
        parts.append(
            f'<text x="{x + dx:.0f}" y="{y + 4:.0f}" text-anchor="{anchor}" '
            f'font-size="14" fill="#1d2433">{escape(name)}</text>'
        )
    parts.append("</svg>")
    # Safe: every name went through html.escape; the rest is markup built here from numbers.
    return Markup("".join(parts))  # noqa: S704
