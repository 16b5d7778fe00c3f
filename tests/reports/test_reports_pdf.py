"""PDF: text extracted with pdftotext (Spanish accents, section titles, sealed placeholder,
page numbers, literal participant markup) and page 1 rendered to PNG with pdftoppm."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from PIL import Image

from shared.reports.document import SummaryDocument
from shared.reports.labels import LABELS
from shared.reports.pdf import render_pdf
from shared.reports.sample import sample_document

# `make test` installs poppler-utils; a missing tool is a failure, never a silent skip.
assert shutil.which("pdftotext") and shutil.which("pdftoppm"), (
    "the PDF tests need poppler-utils (pdftotext, pdftoppm): apt-get install poppler-utils"
)

SECTIONS = (
    "workshop",
    "charter",
    "participants",
    "topics",
    "overlaps_combinations",
    "plans",
    "evaluation_ledger",
    "ledger",
    "verification",
)


def _text(pdf: bytes, tmp_path: Path, name: str = "doc") -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_spanish_pdf_text(sample_es: SummaryDocument, tmp_path: Path) -> None:
    pdf = render_pdf(sample_es)
    assert pdf.startswith(b"%PDF-") and b"/FontFile2" in pdf  # the TTF is embedded
    text = _text(pdf, tmp_path)
    flat = _flat(text)
    es = LABELS["es"]
    for key in SECTIONS:
        assert es[key] in text, key
    assert es["contents"] in text  # "Índice"
    for needle in (
        "Economía circular",
        "Quesería Peñalba",
        "Cigüeña",
        "¿Y si compartimos",
        "¡Llenaríamos",
        "18.000 €",
        "“compostables”",
        "Íñigo Sáez",
    ):
        assert needle in flat, needle
    assert "Página 2 de" in text and "Página 1 de" not in text  # the cover is unnumbered
    pages = int(re.search(r"Página 2 de (\d+)", text).group(1))
    assert f"Página {pages} de {pages}" in text
    assert "BORRADOR" not in text  # final


def test_english_pdf_text(sample_en: SummaryDocument, tmp_path: Path) -> None:
    text = _text(render_pdf(sample_en), tmp_path)
    for key in SECTIONS:
        assert LABELS["en"][key] in text, key
    assert "Contents" in text and "Page 2 of" in text
    assert "(sealed)" in text


def test_draft_is_marked(tmp_path: Path) -> None:
    text = _text(render_pdf(sample_document("es", status="draft")), tmp_path)
    assert "BORRADOR: el taller sigue en curso" in _flat(text)


def test_contents_lists_the_headings_with_pages(sample_es: SummaryDocument, tmp_path: Path) -> None:
    path = tmp_path / "toc.pdf"
    path.write_bytes(render_pdf(sample_es))
    page2 = subprocess.run(
        ["pdftotext", "-layout", "-f", "2", "-l", "2", str(path), "-"],
        capture_output=True,
        check=True,
    ).stdout.decode()
    assert "Índice" in page2
    assert re.search(r"El taller[ .]+3", page2)
    assert re.search(r"Verificación[ .]+\d+", page2)


def test_sealed_placeholder_renders_as_placeholder(
    sample_es: SummaryDocument, tmp_path: Path
) -> None:
    text = _text(render_pdf(sample_es), tmp_path)
    sealed = sum(1 for t in sample_es.topics for c in t.contributions if c.body is None)
    assert text.count("(sellada)") == sealed == 1


def test_participant_markup_is_shown_literally(evil_doc: SummaryDocument, tmp_path: Path) -> None:
    flat = _flat(_text(render_pdf(evil_doc), tmp_path))
    assert "<script>alert(1)</script>" in flat
    assert "<b>bold</b> <font color='red'>red</font>" in flat
    assert "&amp;" in flat


def test_empty_document_renders(empty_doc: SummaryDocument, tmp_path: Path) -> None:
    text = _text(render_pdf(empty_doc), tmp_path)
    assert text.count("Ninguno.") >= 7


def test_first_page_renders_to_png(tmp_path: Path) -> None:
    path = tmp_path / "summary.pdf"
    path.write_bytes(render_pdf(sample_document("es", status="draft")))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")],
        check=True,
    )
    pngs = sorted(tmp_path.glob("p*.png"))
    assert len(pngs) == 1 and pngs[0].stat().st_size > 5_000
    with Image.open(pngs[0]) as image:
        width, height = image.size
        assert 410 <= width <= 416 and 582 <= height <= 588  # A4 at 50 dpi
        colours = image.convert("RGB").getcolors(maxcolors=100_000)
    assert colours is not None and len(colours) > 50  # text, the cover band, not a blank page
    dark = sum(n for n, (r, g, b) in colours if r + g + b < 400)
    assert dark > 0.2 * width * height  # the cover's band is drawn
