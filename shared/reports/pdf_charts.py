"""Charts for the PDF, drawn straight on the canvas as platypus Flowables (vector, fast):
contributions per topic (stacked by kind), the ledger balance (diverging bars) and the
overlap/combination network (companies on a circle)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from shared.reports.pdf_fonts import BOLD, REGULAR

INK = colors.HexColor("#1d2b36")
MUTED = colors.HexColor("#6b7a86")
GRID = colors.HexColor("#d5dde3")
KIND_COLOURS = {
    "good_practice": colors.HexColor("#2a9d8f"),
    "bad_practice": colors.HexColor("#e76f51"),
    "barrier": colors.HexColor("#f4a261"),
    "result": colors.HexColor("#264653"),
    "idea": colors.HexColor("#8ab17d"),
}
OTHER = colors.HexColor("#9aa5ad")
POSITIVE = colors.HexColor("#2a9d8f")
NEGATIVE = colors.HexColor("#e76f51")
OVERLAP = colors.HexColor("#3a6ea5")
COMBINATION = colors.HexColor("#2a9d8f")
RESTRICTED = colors.HexColor("#c0392b")


def fit(text: str, font: str, size: float, width: float) -> str:
    """Truncate with an ellipsis to fit the width."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


@dataclass(frozen=True)
class StackedRow:
    label: str
    parts: tuple[tuple[str, int], ...]  # (kind code, count)

    @property
    def total(self) -> int:
        return sum(n for _, n in self.parts)


class StackedBars(Flowable):
    """Horizontal stacked bars, one row per label, with a legend of the kinds."""

    def __init__(
        self, rows: Sequence[StackedRow], legend: Sequence[tuple[str, str]], width: float
    ) -> None:
        super().__init__()
        self.rows = list(rows)
        self.legend = list(legend)  # (kind code, label)
        self.width = width
        self.bar = 11.0 if len(self.rows) <= 20 else 7.0
        self.height = len(self.rows) * (self.bar + 3) + 34

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        label_w = self.width * 0.36
        plot_w = self.width - label_w - 30
        top = self.height - 4
        size = 7.5 if self.bar > 8 else 6
        biggest = max((r.total for r in self.rows), default=0) or 1
        for i, row in enumerate(self.rows):
            y = top - (i + 1) * (self.bar + 3)
            c.setFillColor(INK)
            c.setFont(REGULAR, size)
            c.drawRightString(label_w - 6, y + 2, fit(row.label, REGULAR, size, label_w - 8))
            x = label_w
            for kind, count in row.parts:
                w = plot_w * count / biggest
                c.setFillColor(KIND_COLOURS.get(kind, OTHER))
                c.rect(x, y, w, self.bar, stroke=0, fill=1)
                x += w
            c.setFillColor(MUTED)
            c.drawString(x + 3, y + 2, str(row.total))
        c.setStrokeColor(GRID)
        c.line(label_w, 20, label_w, top)
        x = 0.0
        c.setFont(REGULAR, 7)
        for kind, text in self.legend:
            c.setFillColor(KIND_COLOURS.get(kind, OTHER))
            c.rect(x, 4, 8, 8, stroke=0, fill=1)
            c.setFillColor(INK)
            c.drawString(x + 11, 5, text)
            x += 11 + stringWidth(text, REGULAR, 7) + 12


class BalanceBars(Flowable):
    """Diverging horizontal bars around zero: given − received per company."""

    def __init__(self, rows: Sequence[tuple[str, int]], width: float) -> None:
        super().__init__()
        self.rows = list(rows)
        self.width = width
        self.bar = 10.0 if len(self.rows) <= 20 else 6.0
        self.height = len(self.rows) * (self.bar + 3) + 10

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        label_w = self.width * 0.34
        plot_w = self.width - label_w - 20
        zero = label_w + plot_w / 2
        biggest = max((abs(v) for _, v in self.rows), default=0) or 1
        half = plot_w / 2 - 16
        size = 7.5 if self.bar > 8 else 6
        top = self.height - 2
        for i, (name, value) in enumerate(self.rows):
            y = top - (i + 1) * (self.bar + 3)
            c.setFillColor(INK)
            c.setFont(REGULAR, size)
            c.drawRightString(label_w - 6, y + 1.5, fit(name, REGULAR, size, label_w - 8))
            w = half * abs(value) / biggest
            c.setFillColor(POSITIVE if value >= 0 else NEGATIVE)
            if value >= 0:
                c.rect(zero, y, w, self.bar, stroke=0, fill=1)
                c.setFillColor(MUTED)
                c.drawString(zero + w + 3, y + 1.5, f"{value:+d}")
            else:
                c.rect(zero - w, y, w, self.bar, stroke=0, fill=1)
                c.setFillColor(MUTED)
                c.drawRightString(zero - w - 3, y + 1.5, f"{value:+d}")
        c.setStrokeColor(INK)
        c.setLineWidth(0.6)
        c.line(zero, 0, zero, top)


@dataclass(frozen=True)
class Edge:
    a: str
    b: str
    directed: bool  # combination: a provides to b
    restricted: bool
    confirmed: bool


class Network(Flowable):
    """Companies on a circle; overlaps as lines, combinations as arrows (provider → receiver);
    restricted edges red and dashed, confirmed edges thick."""

    def __init__(self, nodes: Sequence[str], edges: Sequence[Edge], width: float) -> None:
        super().__init__()
        self.nodes = list(nodes)
        self.edges = list(edges)
        self.width = width
        self.height = width * (0.55 if len(self.nodes) <= 12 else 0.82)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def _positions(self) -> dict[str, tuple[float, float]]:
        n = len(self.nodes)
        cx, cy = self.width / 2, self.height / 2
        r = min(self.width, self.height) / 2 - (90 if n > 12 else 24)
        return {
            name: (
                cx + r * math.cos(math.pi / 2 - 2 * math.pi * i / n),
                cy + r * math.sin(math.pi / 2 - 2 * math.pi * i / n),
            )
            for i, name in enumerate(self.nodes)
        }

    def draw(self) -> None:
        c = self.canv
        pos = self._positions()
        for e in self.edges:
            if e.a not in pos or e.b not in pos:
                continue
            (x1, y1), (x2, y2) = pos[e.a], pos[e.b]
            colour = RESTRICTED if e.restricted else (COMBINATION if e.directed else OVERLAP)
            c.setStrokeColor(colour)
            c.setLineWidth(2.2 if e.confirmed else 0.7)
            c.setDash(3, 2) if e.restricted else c.setDash()
            c.line(x1, y1, x2, y2)
            c.setDash()
            if e.directed:
                self._arrow_head(x1, y1, x2, y2, colour)
        n = len(self.nodes)
        size = 7.5 if n <= 16 else max(4.5, 7.5 - (n - 16) * 0.05)
        label_w = 85 if n > 12 else 150
        cx = self.width / 2
        for i, name in enumerate(self.nodes):
            x, y = pos[name]
            c.setFillColor(INK)
            c.circle(x, y, 3 if n > 30 else 4, stroke=0, fill=1)
            c.setFont(BOLD if n <= 16 else REGULAR, size)
            text = fit(name, BOLD if n <= 16 else REGULAR, size, label_w)
            if n <= 12:
                if abs(x - cx) < 2:
                    c.drawCentredString(x, y + (7 if y > self.height / 2 else -13), text)
                elif x > cx:
                    c.drawString(x + 7, y - 3, text)
                else:
                    c.drawRightString(x - 7, y - 3, text)
                continue
            angle = 90 - 360 * i / n  # radial labels for crowded circles
            c.saveState()
            c.translate(x, y)
            if -90 <= angle <= 90:
                c.rotate(angle)
                c.drawString(6, -size / 3, text)
            else:
                c.rotate(angle + 180)
                c.drawRightString(-6, -size / 3, text)
            c.restoreState()

    def _arrow_head(self, x1: float, y1: float, x2: float, y2: float, colour: object) -> None:
        c = self.canv
        angle = math.atan2(y2 - y1, x2 - x1)
        tip_x, tip_y = x2 - 5 * math.cos(angle), y2 - 5 * math.sin(angle)
        path = c.beginPath()
        path.moveTo(tip_x, tip_y)
        for side in (-1, 1):
            path.lineTo(
                tip_x - 7 * math.cos(angle + side * 0.4), tip_y - 7 * math.sin(angle + side * 0.4)
            )
        path.close()
        c.setFillColor(colour)
        c.drawPath(path, stroke=0, fill=1)


class Legend(Flowable):
    """One line of (colour, dashed, thick, text) keys under the network."""

    def __init__(self, items: Sequence[tuple[object, bool, bool, str]], width: float) -> None:
        super().__init__()
        self.items = list(items)
        self.width = width
        self.height = 14

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        x = 0.0
        for colour, dashed, thick, text in self.items:
            c.setStrokeColor(colour)
            c.setLineWidth(2.2 if thick else 0.9)
            c.setDash(3, 2) if dashed else c.setDash()
            c.line(x, 6, x + 18, 6)
            c.setDash()
            c.setFillColor(INK)
            c.setFont(REGULAR, 7)
            c.drawString(x + 22, 3.5, text)
            x += 22 + stringWidth(text, REGULAR, 7) + 14
