"""Markdown: content, draft marking, and participant text that never becomes markup."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from summary_texts import EVIL

from shared.reports.document import SummaryDocument
from shared.reports.labels import LABELS
from shared.reports.markdown import escape, render_markdown


def _html(text: str) -> str:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)


def test_spanish_sample_sections_and_content(sample_es: SummaryDocument) -> None:
    md = render_markdown(sample_es)
    es = LABELS["es"]
    for key in (
        "workshop",
        "charter",
        "participants",
        "topics",
        "overlaps_combinations",
        "plans",
        "evaluation_ledger",
        "verification",
    ):
        assert f"## {es[key]}" in md
    assert md.startswith("# Economía circular en la industria agroalimentaria\n")
    assert "Quesería Peñalba" in md and "¿Y si compartimos" in md and "18\\.000 €" not in md
    assert "18.000 €" in md
    assert "*nombres reservados*" in md  # Lácteos Úbeda's people are withheld
    assert sample_es.audit is not None and sample_es.audit.root_hash in md
    assert "BORRADOR" not in md.split("\n## ")[0]  # final: no draft notice


def test_english_sample_and_draft_notice() -> None:
    from shared.reports.sample import sample_document

    md = render_markdown(sample_document("en", status="draft"))
    assert "> **DRAFT: the workshop is still running" in md
    assert "## Contributions by topic" in md and "## Action plans" in md


def test_confirmed_overlap_comes_first(sample_es: SummaryDocument) -> None:
    md = render_markdown(sample_es)
    assert md.index("Lácteos Úbeda |") < md.index("Conservas Ñora ↔")


def test_sealed_placeholder_is_the_placeholder(sample_es: SummaryDocument) -> None:
    md = render_markdown(sample_es)
    assert md.count("*(sellada)*") == 1
    html = _html(md)
    assert "<em>(sellada)</em>" in html


def test_empty_sections_say_none(empty_doc: SummaryDocument) -> None:
    md = render_markdown(empty_doc)
    assert md.count("Ninguno.") >= 7
    assert "## Verificación\n\nNinguno." in md


def test_participant_text_never_becomes_markup(evil_doc: SummaryDocument) -> None:
    md = render_markdown(evil_doc)
    html = _html(md)
    assert "<script" not in html and "<b>" not in html and "<font" not in html
    assert "<a " not in html and "<img" not in html and "<code>" not in html
    assert "<s>" not in html and "<del>" not in html and "<blockquote>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "http\\://evil" in md and "www\\.evil" in md  # no GFM bare-URL autolinks
    # Only our own headings: one h1 (the escaped title), our h2 sections, topic + plan h3s.
    assert html.count("<h1>") == 1
    assert html.count("<h2>") == 8
    # topic, overlaps, combinations, plan, evaluation, ledger
    assert html.count("<h3>") == 6
    # No participant "- item" / "1. one" list of its own: every <li> is one of ours.
    assert "<li>item" not in html and "<li>one" not in html
    # Tables keep their column count although cells hold pipes.
    for table in re.findall(r"<table>.*?</table>", html, re.S):
        head = len(re.findall(r"<th[ >]", table.split("</thead>")[0]))
        for row in re.findall(r"<tr>(.*?)</tr>", table.split("</thead>")[1], re.S):
            assert len(re.findall(r"<td[ >]", row)) == head


def test_escape_keeps_text_readable() -> None:
    assert escape("Ahorro de 18.000 € (¡un 23 %!)") == "Ahorro de 18.000 € (¡un 23 %!)"
    assert escape("line one\r\n\r\nline two") == "line one\\\nline two"
    assert escape("1. uno") == "1\\. uno"
    assert escape("- guion") == "\\- guion"
    assert escape(EVIL).count("\n") == EVIL.count("\n")
