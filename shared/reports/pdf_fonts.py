"""Fonts for the PDF: Bitstream Vera, shipped inside the ReportLab wheel (reportlab/fonts).

Vera's 283 glyphs cover Spanish and English (á é í ó ú ñ ü ¿ ¡ € “ ” – — …) and need no
system fonts and no network. Characters outside it show as the font's missing glyph.
"""

from __future__ import annotations

import os
from functools import cache

import reportlab
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FAMILY = "TertuliaSans"
REGULAR, BOLD, ITALIC, BOLD_ITALIC = (
    FAMILY,
    f"{FAMILY}-Bold",
    f"{FAMILY}-Italic",
    f"{FAMILY}-BoldItalic",
)
MONO = "Courier"  # a standard PDF font: only used for hex hashes (ASCII)

_FILES = {REGULAR: "Vera.ttf", BOLD: "VeraBd.ttf", ITALIC: "VeraIt.ttf", BOLD_ITALIC: "VeraBI.ttf"}


def font_dir() -> str:
    return os.path.join(os.path.dirname(reportlab.__file__), "fonts")


@cache
def register_fonts() -> str:
    """Register the family once per process; returns its name for ParagraphStyle.fontName."""
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, os.path.join(font_dir(), filename)))
    addMapping(FAMILY, 0, 0, REGULAR)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, BOLD_ITALIC)
    pdfmetrics.registerFontFamily(
        FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    return FAMILY
