"""The action plans' milestones as an iCalendar file (RFC 5545): one all-day VEVENT per step
that has a due date. UIDs are stable for the same workshop, plan and step, so re-importing a
newer summary updates the events instead of duplicating them."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from icalendar import Calendar, Event

from shared.reports.document import SummaryDocument
from shared.reports.labels import label, status_label

PRODID = "-//Tertulia//Workshop summary//EN"


def _uid(doc: SummaryDocument, plan_no: int, step_no: int, title: str) -> str:
    seed = f"{doc.meta.title}|{doc.meta.date}|{plan_no}|{step_no}|{title}"
    return hashlib.sha256(seed.encode()).hexdigest()[:32] + "@tertulia"


def render_ics(doc: SummaryDocument) -> bytes:
    lang = doc.language
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{doc.meta.title} · {label(lang, 'plans')}")
    for plan_no, plan in enumerate(doc.plans, 1):
        for step_no, step in enumerate(plan.steps, 1):
            if step.due is None:
                continue
            event = Event()
            event.add("uid", _uid(doc, plan_no, step_no, step.title))
            event.add("dtstamp", doc.meta.generated_at)
            event.add("dtstart", step.due)
            event.add("dtend", step.due + timedelta(days=1))
            event.add("summary", step.title)
            owner = step.owner + (f" ({step.owner_person})" if step.owner_person else "")
            lines = [
                f"{label(lang, 'plan')} {plan_no}: {plan.objective}",
                f"{label(lang, 'owner')}: {owner}",
                f"{label(lang, 'status')}: {status_label(lang, step.status)}",
            ]
            if plan.parties:
                lines.insert(1, f"{label(lang, 'parties')}: {', '.join(plan.parties)}")
            for r in step.resources:
                who = r.provided_by or label(lang, "needed")
                lines.append(f"{label(lang, 'resources')}: {r.name} ({who})")
            event.add("description", "\n".join(lines))
            event.add("categories", [step.status])
            event.add("transp", "TRANSPARENT")
            cal.add_component(event)
    return cal.to_ical()
