"""Participant text that tries to become markup, shared by the renderer tests."""

from __future__ import annotations

from datetime import UTC, datetime

from shared.reports.document import Meta

WHEN = datetime(2026, 3, 14, 10, 0, tzinfo=UTC)

# Participant text that would be markup in Markdown, ReportLab, HTML or a spreadsheet.
EVIL = (
    "# Heading\n<script>alert(1)</script> **bold** _em_ [link](http://evil.example) "
    "![img](x.png) | a | b | `code` ~~strike~~ &amp; www.evil.example\n- item\n1. one\n"
    "> quote\n===\n<b>bold</b> <font color='red'>red</font>"
)
FORMULA = '=HYPERLINK("http://evil.example","click")'


def meta(language: str = "es", status: str = "final", title: str = "Taller") -> Meta:
    return Meta(
        title=title,
        objective="",
        date=None,
        language=language,  # type: ignore[arg-type]
        facilitator="Begoña",
        status=status,  # type: ignore[arg-type]
        generated_at=WHEN,
        viewer_label="Empresa C",
    )
