"""The post-workshop summary's rendering layer: a document model and one renderer per format.

Pure: no Flask, no database, no visibility decisions. The caller builds a SummaryDocument per
viewer through the disclosure module (export channel); each renderer shows exactly what the
document holds. Formats: render_markdown -> str, render_json -> str (schema
"tertulia.summary/1", docs/SUMMARY_JSON.md), render_csv -> str (plan steps),
render_ics -> bytes (milestones), render_pdf -> bytes.
"""

from __future__ import annotations

from shared.reports.csv_export import render_csv
from shared.reports.document import (
    ActionPlan,
    AuditFooter,
    Charter,
    Combination,
    Contribution,
    Evaluation,
    LedgerPair,
    LedgerRow,
    Meta,
    Overlap,
    Participant,
    PartyTerms,
    PlanStep,
    Resource,
    SummaryDocument,
    Theme,
    Topic,
    VoteResult,
)
from shared.reports.ics import render_ics
from shared.reports.json_export import SCHEMA, render_json, to_json_dict
from shared.reports.markdown import render_markdown
from shared.reports.pdf import render_pdf

# Media type and file extension per format, for the download routes.
FORMATS: dict[str, tuple[str, str]] = {
    "pdf": ("application/pdf", "pdf"),
    "md": ("text/markdown; charset=utf-8", "md"),
    "json": ("application/json", "json"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "ics": ("text/calendar; charset=utf-8", "ics"),
}

__all__ = [
    "FORMATS",
    "SCHEMA",
    "ActionPlan",
    "AuditFooter",
    "Charter",
    "Combination",
    "Contribution",
    "Evaluation",
    "LedgerPair",
    "LedgerRow",
    "Meta",
    "Overlap",
    "Participant",
    "PartyTerms",
    "PlanStep",
    "Resource",
    "SummaryDocument",
    "Theme",
    "Topic",
    "VoteResult",
    "render_csv",
    "render_ics",
    "render_json",
    "render_markdown",
    "render_pdf",
    "to_json_dict",
]
