"""The action plans' steps as CSV: one row per step, RFC 4180 quoting, stable column codes.

Cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a
leading apostrophe, so a participant's text cannot become a formula in the reader's Excel.
"""

from __future__ import annotations

import csv
import io

from shared.reports.document import SummaryDocument

COLUMNS: tuple[str, ...] = (
    "plan",
    "plan_objective",
    "parties",
    "step",
    "title",
    "owner",
    "owner_person",
    "due",
    "status",
    "resources",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def render_csv(doc: SummaryDocument) -> str:
    """Text with CRLF line ends; encode as 'utf-8-sig' for Excel to see the accents."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for plan_no, plan in enumerate(doc.plans, 1):
        for step_no, step in enumerate(plan.steps, 1):
            resources = "; ".join(
                r.name + (f" ({r.provided_by})" if r.provided_by else "") for r in step.resources
            )
            writer.writerow(
                [
                    str(plan_no),
                    safe_cell(plan.objective),
                    safe_cell("; ".join(plan.parties)),
                    str(step_no),
                    safe_cell(step.title),
                    safe_cell(step.owner),
                    safe_cell(step.owner_person or ""),
                    step.due.isoformat() if step.due else "",
                    step.status,
                    safe_cell(resources),
                ]
            )
    return buffer.getvalue()
