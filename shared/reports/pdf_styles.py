"""Paragraph styles of the summary PDF: one family (Bitstream Vera, see pdf_fonts)."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle

from shared.reports.pdf_charts import INK, MUTED
from shared.reports.pdf_fonts import BOLD, register_fonts

ACCENT = colors.HexColor("#1f4e5f")


def paragraph_styles() -> dict[str, ParagraphStyle]:
    font = register_fonts()
    base = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=13, textColor=INK)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5),
        "muted": ParagraphStyle("muted", parent=base, fontSize=8, leading=10.5, textColor=MUTED),
        "item": ParagraphStyle("item", parent=base, spaceBefore=2, spaceAfter=5, leftIndent=6),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=BOLD,
            fontSize=17,
            leading=21,
            textColor=ACCENT,
            spaceBefore=4,
            spaceAfter=10,
        ),
        "contents_title": ParagraphStyle(
            "contents_title",
            parent=base,
            fontName=BOLD,
            fontSize=17,
            leading=21,
            textColor=ACCENT,
            spaceAfter=12,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=BOLD,
            fontSize=12.5,
            leading=16,
            textColor=ACCENT,
            spaceBefore=12,
            spaceAfter=6,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=base,
            fontName=BOLD,
            fontSize=10,
            leading=13,
            spaceBefore=8,
            spaceAfter=3,
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10),
        "cell_head": ParagraphStyle(
            "cell_head",
            parent=base,
            fontName=BOLD,
            fontSize=7.5,
            leading=9.5,
            textColor=colors.white,
        ),
        "cover_title": ParagraphStyle(
            "cover_title",
            parent=base,
            fontName=BOLD,
            fontSize=28,
            leading=34,
            textColor=colors.white,
        ),
        "cover_sub": ParagraphStyle(
            "cover_sub",
            parent=base,
            fontSize=13,
            leading=18,
            textColor=colors.white,
        ),
        "cover_body": ParagraphStyle("cover_body", parent=base, fontSize=11, leading=16),
        "draft": ParagraphStyle(
            "draft",
            parent=base,
            fontName=BOLD,
            fontSize=10,
            leading=14,
            alignment=TA_CENTER,
            textColor=colors.HexColor("#9c2f1e"),
            backColor=colors.HexColor("#fbe3dc"),
            borderPadding=6,
            spaceBefore=6,
            spaceAfter=12,
        ),
        "toc1": ParagraphStyle("toc1", parent=base, fontName=BOLD, fontSize=10.5, leading=17),
        "toc2": ParagraphStyle("toc2", parent=base, fontSize=9, leading=13, leftIndent=14),
    }
