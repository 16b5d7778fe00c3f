"""The document model and the label dictionary."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from shared.reports.document import (
    Combination,
    Contribution,
    Meta,
    Overlap,
    SummaryDocument,
    Topic,
    confirmed_first,
)
from shared.reports.labels import KIND_LABELS, LABELS, STEP_STATUS_LABELS, label, long_date
from shared.reports.pdf_fonts import font_dir

WHEN = datetime(2026, 3, 14, tzinfo=UTC)


def test_documents_are_frozen_and_lists_become_tuples(sample_es: SummaryDocument) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        sample_es.meta.title = "x"  # type: ignore[misc]
    topic = Topic("t", [Contribution("idea", "b", None, WHEN)])
    assert isinstance(topic.contributions, tuple)
    assert topic.contributions[0].sealed is False
    assert Contribution("idea", None, None, WHEN).sealed is True


@pytest.mark.parametrize("field,value", [("language", "fr"), ("status", "closed")])
def test_meta_rejects_unknown_codes(field: str, value: str) -> None:
    args = dict(
        title="t",
        objective="",
        date=None,
        language="es",
        facilitator="f",
        status="final",
        generated_at=WHEN,
        viewer_label="v",
    )
    args[field] = value
    with pytest.raises(ValueError):
        Meta(**args)  # type: ignore[arg-type]


def test_confirmed_first_then_by_score() -> None:
    items = [
        Overlap(("a", "b"), 0.9, "", confirmed=False),
        Overlap(("c", "d"), 0.2, "", confirmed=True),
        Overlap(("e", "f"), 0.7, "", confirmed=True),
    ]
    assert [o.companies[0] for o in confirmed_first(items)] == ["e", "c", "a"]
    combos = [Combination("a", "b", 0.1, ""), Combination("c", "d", 0.1, "", confirmed=True)]
    assert confirmed_first(combos)[0].provider == "c"


def test_counts(sample_es: SummaryDocument, empty_doc: SummaryDocument) -> None:
    assert sample_es.contribution_count == 6
    assert empty_doc.contribution_count == 0
    assert sample_es.ledger[2].balance == -3


def test_both_languages_have_every_label() -> None:
    for table in (LABELS, KIND_LABELS, STEP_STATUS_LABELS):
        assert set(table["es"]) == set(table["en"])
    assert label("es", "contents") == "Índice"
    assert label("en", "contents") == "Contents"
    assert label("xx", "contents") == "Contents"


def test_long_dates_do_not_depend_on_the_locale() -> None:
    day = datetime(2026, 3, 14).date()
    assert long_date("es", day) == "14 de marzo de 2026"
    assert long_date("en", day) == "14 March 2026"
    assert long_date("es", None) == ""


def test_every_label_character_is_in_the_pdf_font() -> None:
    """No label may fall back to the missing-glyph box in the PDF."""
    from reportlab.pdfbase.ttfonts import TTFont

    for filename in ("Vera.ttf", "VeraBd.ttf", "VeraIt.ttf"):
        cmap = TTFont("probe-" + filename, f"{font_dir()}/{filename}").face.charToGlyph
        for table in (LABELS, KIND_LABELS, STEP_STATUS_LABELS):
            for language in ("es", "en"):
                for text in table[language].values():
                    missing = {ch for ch in text if ord(ch) not in cmap and ch not in "\n"}
                    assert not missing, (filename, text, missing)
        for ch in "áéíóúÁÉÍÓÚñÑüÜ¿¡€“”«»–—…":
            assert ord(ch) in cmap, (filename, ch)


def test_empty_document_is_valid(empty_doc: SummaryDocument) -> None:
    assert isinstance(empty_doc, SummaryDocument)
    assert empty_doc.topics == () and empty_doc.audit is None
