"""ICS: parses with icalendar and holds one all-day event per dated plan step."""

from __future__ import annotations

from datetime import date

from icalendar import Calendar

from shared.reports.document import PlanStep, SummaryDocument
from shared.reports.ics import render_ics


def _events(data: bytes) -> list:
    return [c for c in Calendar.from_ical(data).walk("VEVENT")]


def test_milestones_parse(sample_es: SummaryDocument) -> None:
    data = render_ics(sample_es)
    cal = Calendar.from_ical(data)
    assert str(cal["VERSION"]) == "2.0"
    events = _events(data)
    assert [str(e["SUMMARY"]) for e in events] == [s.title for s in sample_es.plans[0].steps]
    assert [e.decoded("DTSTART") for e in events] == [
        date(2026, 4, 1),
        date(2026, 4, 20),
        date(2026, 6, 1),
    ]
    assert events[0].decoded("DTEND") == date(2026, 4, 2)
    assert len({str(e["UID"]) for e in events}) == 3
    description = str(events[1]["DESCRIPTION"])
    assert "Responsable: Conservas Ñora (Lucía Núñez)" in description
    assert "Estado: en curso" in description
    assert "Tres ofertas de leasing (necesario)" in description


def test_uids_are_stable(sample_es: SummaryDocument) -> None:
    first = [str(e["UID"]) for e in _events(render_ics(sample_es))]
    again = [str(e["UID"]) for e in _events(render_ics(sample_es))]
    assert first == again


def test_steps_without_a_date_are_not_events(sample_en: SummaryDocument) -> None:
    plan = sample_en.plans[0]
    undated = PlanStep("No date yet", "Conservas Ñora")
    doc = SummaryDocument(
        meta=sample_en.meta,
        plans=[type(plan)(plan.objective, plan.parties, (*plan.steps, undated))],
    )
    events = _events(render_ics(doc))
    assert len(events) == 3
    assert "Owner: Conservas Ñora (Lucía Núñez)" in str(events[1]["DESCRIPTION"])


def test_empty_calendar_parses(empty_doc: SummaryDocument) -> None:
    assert _events(render_ics(empty_doc)) == []
