"""Fixtures for the summary renderers: the Spanish and English samples, an empty document,
and a document full of participant text that tries to become markup."""

from __future__ import annotations

from datetime import date

import pytest
from summary_texts import EVIL, FORMULA, WHEN, meta

from shared.reports.document import (
    ActionPlan,
    Contribution,
    Evaluation,
    LedgerRow,
    Overlap,
    Participant,
    PlanStep,
    Resource,
    SummaryDocument,
    Topic,
)
from shared.reports.sample import sample_document


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
            Topic(
                EVIL,
                [Contribution("idea", EVIL, EVIL, WHEN), Contribution("idea", None, None, WHEN)],
            )
        ],
        overlaps=[Overlap((EVIL, "B"), 0.5, EVIL)],
        plans=[
            ActionPlan(
                FORMULA,
                (EVIL,),
                [
                    PlanStep(
                        EVIL, FORMULA, "-1+1", date(2026, 5, 1), "planned", [Resource(EVIL, "@x")]
                    )
                ],
            )
        ],
        evaluations=[Evaluation(EVIL, 3, EVIL)],
        ledger=[LedgerRow(EVIL, 1, 2)],
    )
