"""The overlaps picture on the projector: every name inside the picture, lines explained."""

from __future__ import annotations

import re
from typing import Any

from shared.web.network import _label_width, network_svg

NAMES = [
    "Conservas del Ebro",
    "GreenPack Ltd",
    "BioEnergía Navarra",
    "Craft Brew Co",
    "Frutas Ribera",
    "AgriLogistics Iberia",
    "Granja Ecológica Aragón",
    "ColdChain Iberia",
    "Zumos Naturales del Valle",
    "SolarTech Ebro",
    "Conservas Hermanos Pérez",
    "Vinos Somontano International",
]


def _results() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for i, name in enumerate(NAMES):
        other = NAMES[(i + 5) % len(NAMES)]
        out.append(
            {
                "kind": "combination",
                "companies": [name, other],
                "provider": name,
                "receiver": other,
                "score": 0.7,
            }
        )
    out.append({"kind": "overlap", "companies": NAMES[:2], "score": 0.8})
    out.append({"kind": "shared_need", "companies": NAMES[2:4], "score": 0.6})
    return out


def test_every_label_lies_inside_the_picture_and_a_legend_explains_the_lines(app: Any) -> None:
    with app.test_request_context(headers={"Accept-Language": "en"}):
        svg = str(network_svg(_results()))
    min_x, _, width, _ = map(float, re.search(r'viewBox="([^"]+)"', svg).group(1).split())
    labels = re.findall(r'<text x="(-?\d+)" y="-?\d+" text-anchor="(\w+)"[^>]*>([^<]+)</text>', svg)
    assert len(labels) == len(NAMES)
    for x, anchor, name in labels:
        left = {"start": 0.0, "middle": 0.5, "end": 1.0}[anchor] * _label_width(name)
        assert float(x) - left >= min_x, name
        assert float(x) - left + _label_width(name) <= min_x + width, name
    legend = re.findall(r'data-testid="network-legend">([^<]+)<', svg)
    assert legend == ["Overlap (solape)", "Combination (sumatorio)", "Shared need"]
