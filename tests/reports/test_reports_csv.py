"""CSV: one row per plan step, stable columns, RFC 4180 quoting, no spreadsheet formulas."""

from __future__ import annotations

import csv
import io

from summary_texts import EVIL, FORMULA

from shared.reports.csv_export import COLUMNS, render_csv
from shared.reports.document import SummaryDocument


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_columns_and_rows(sample_es: SummaryDocument) -> None:
    text = render_csv(sample_es)
    assert text.split("\r\n")[0] == ",".join(COLUMNS)
    rows = _rows(text)
    assert len(rows) == 3
    assert rows[1] == {
        "plan": "1",
        "plan_objective": sample_es.plans[0].objective,
        "parties": "Cooperativa La Cigüeña; Conservas Ñora",
        "step": "2",
        "title": "Presupuesto del camión (máx. 60.000 €)",
        "owner": "Conservas Ñora",
        "owner_person": "Lucía Núñez",
        "due": "2026-04-20",
        "status": "in_progress",
        "resources": "Tres ofertas de leasing",
    }
    assert rows[2]["owner_person"] == ""


def test_quoting_round_trips_and_formulas_are_defused(evil_doc: SummaryDocument) -> None:
    text = render_csv(evil_doc)
    rows = _rows(text)
    assert len(rows) == 1
    row = rows[0]
    assert row["title"] == "'" + EVIL if EVIL.startswith(("=", "+", "-", "@")) else EVIL
    assert row["plan_objective"] == "'" + FORMULA
    assert row["owner"] == "'" + FORMULA
    assert row["owner_person"] == "'-1+1"
    assert row["resources"].endswith("(@x)")
    assert '"' in text  # fields with commas, quotes or newlines are quoted


def test_empty_document_has_only_the_header(empty_doc: SummaryDocument) -> None:
    assert render_csv(empty_doc) == ",".join(COLUMNS) + "\r\n"
