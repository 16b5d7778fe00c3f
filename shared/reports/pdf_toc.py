"""A table of contents laid out in one pass.

Every heading is known before the build (the story makes them), so the contents are laid out
at once with their final height; their page numbers, dot leaders and links are drawn when the
canvas saves, once the headings' pages are known. ReportLab's own TableOfContents needs
multiBuild (two or three full layouts of the document) for the same result.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

NUMBER_COLUMN = 36.0
Deferred = Callable[[Canvas], None]


@dataclass(frozen=True)
class Entry:
    level: int  # 0 or 1
    markup: str  # escaped Paragraph markup
    key: str  # bookmark name of the heading


class DeferredCanvasMixin:
    """Mixed into the canvas class: drawings queued per page, run when the page is saved."""

    def defer(self, page: int, draw: Deferred) -> None:
        self.__dict__.setdefault("_deferred", {}).setdefault(page, []).append(draw)

    def run_deferred(self, page: int) -> None:
        for draw in self.__dict__.get("_deferred", {}).get(page, []):
            draw(self)  # type: ignore[arg-type]


class Contents(Flowable):
    def __init__(
        self,
        entries: list[Entry],
        styles: Sequence[ParagraphStyle],
        pages: dict[str, int],
    ) -> None:
        super().__init__()
        self.entries = entries  # the live list: the story appends headings after this
        self.styles = list(styles)
        self.pages = pages  # filled during the build: bookmark key -> page number
        self._laid: list[tuple[Entry, Paragraph, float]] = []

    def _layout(self, width: float) -> None:
        self._laid = []
        for entry in self.entries:
            style = self.styles[min(entry.level, len(self.styles) - 1)]
            para = Paragraph(entry.markup, style)
            _, height = para.wrap(width - NUMBER_COLUMN, 10_000)
            self._laid.append((entry, para, height))

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self._layout(available_width)
        self.height = sum(h for _, _, h in self._laid)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self._layout(available_width)
        used, cut = 0.0, 0
        for _, _, height in self._laid:
            if used + height > available_height:
                break
            used += height
            cut += 1
        if cut == 0 or cut == len(self.entries):
            return []
        return [
            Contents(self.entries[:cut], self.styles, self.pages),
            Contents(self.entries[cut:], self.styles, self.pages),
        ]

    def draw(self) -> None:
        canvas = self.canv
        y = self.height
        for entry, para, height in self._laid:
            y -= height
            para.drawOn(canvas, 0, y)
            last = para.blPara.lines[-1]
            extra = last[0] if isinstance(last, tuple) else last.extraSpace
            text_end = para.style.leftIndent + (self.width - NUMBER_COLUMN - extra)
            baseline = y + para.style.leading - para.style.fontSize  # the last line's
            x0, y0 = canvas.absolutePosition(text_end + 4, baseline)
            x1, _ = canvas.absolutePosition(self.width, 0)
            left, bottom = canvas.absolutePosition(0, y)
            _, top = canvas.absolutePosition(0, y + height)
            canvas.defer(  # type: ignore[attr-defined]
                canvas.getPageNumber(),
                self._number_drawer(entry, para.style, x0, y0, x1, (left, bottom, x1, top)),
            )

    def _number_drawer(
        self,
        entry: Entry,
        style: ParagraphStyle,
        x0: float,
        y0: float,
        x1: float,
        rect: tuple[float, float, float, float],
    ) -> Deferred:
        pages = self.pages

        def draw(canvas: Canvas) -> None:
            page = pages.get(entry.key)
            if page is None:
                return
            number = str(page)
            canvas.saveState()
            canvas.setFont(style.fontName, style.fontSize)
            canvas.setFillColor(style.textColor)
            number_x = x1 - stringWidth(number, style.fontName, style.fontSize)
            dot = stringWidth(" .", style.fontName, style.fontSize)
            dots = int(max(0.0, number_x - 4 - x0) // dot)
            if dots:
                canvas.drawRightString(number_x - 4, y0, " ." * dots)
            canvas.drawString(number_x, y0, number)
            canvas.restoreState()
            canvas.linkRect("", entry.key, rect, relative=0, thickness=0)

        return draw
