"""Fixtures for the summary renderers: the Spanish and English samples, an empty document,
and a document full of participant text that tries to become markup."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from shared.reports.document import (
    ActionPlan,
    Contribution,
    Evaluation,
    LedgerRow,
    Meta,
    Overlap,
    Participant,
    PlanStep,
    Resource,
    SummaryDocument,
    Topic,
)
from shared.reports.sample import sample_document

WHEN = datetime(2026, 3, 14, 10, 0, tzinfo=UTC)

# Participant text that would be markup in Markdown, ReportLab, HTML or a spreadsheet.
EVIL = (
    "# Heading\n<script>alert(1)</script> **bold** _em_ [link](http://evil.example) "
    "![img](x.png) | a | b | `code` ~~strike~~ &amp; www.evil.example\n- item\n1. one\n"
    "> quote\n===\n<b>bold</b> <font color='red'>red</font>"
)
FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")"


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


@pytest.fixture
def sample_es() -> SummaryDocument:
    return sample_document("es")


@pytest.fixture
def sample_en() -> SummaryDocument:
    return sample_document("en")


@pytest.fixture
def empty_doc() -> SummaryDocument:
    return SummaryDocument(meta=meta())


@pytest.fixture
def evil_doc() -> SummaryDocument:
    return SummaryDocument(
        meta=meta(title=EVIL),
        participants=[Participant(EVIL, (EVIL,))],
        topics=[
            Topic(EVIL, [Contribution("idea", EVIL, EVIL, WHEN), Contribution("idea", None, None, WHEN)])
        ],
        overlaps=[Overlap((EVIL, "B"), 0.5, EVIL)],
        plans=[
            ActionPlan(
                FORMULA,
                (EVIL,),
                [PlanStep(EVIL, FORMULA, "-1+1", date(2026, 5, 1), "planned", [Resource(EVIL, "@x")])],
            )
        ],
        evaluations=[Evaluation(EVIL, 3, EVIL)],
        ledger=[LedgerRow(EVIL, 1, 2)],
    )
