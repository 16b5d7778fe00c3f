"""Follow-up after the workshop: the facilitator's dashboard of every plan, each party's
calendar of its plans' dates (ICS, downloaded or subscribed), and email reminders of due
and overdue steps when SMTP is configured."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from icalendar import Calendar, Event
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from shared import disclosure
from shared.disclosure import Viewer
from shared.errors import NotFound
from shared.i18n import N_
from shared.models import CalendarFeed, Participant, Plan, PlanReminder, Workshop
from shared.services import plans
from shared.services.deps import Deps
from shared.services.participants import has_access
from shared.tokens import new_token, token_hash

log = logging.getLogger("tertulia")

STEP_STATUS_LABELS = {
    "not_started": N_("Not started"),
    "in_progress": N_("In progress"),
    "done": N_("Done"),
    "blocked": N_("Blocked"),
}
PLAN_STATUS_LABELS = {
    "draft": N_("Draft: not signed yet"),
    "signed": N_("Signed by every party"),
    "changed": N_("Changed: awaiting approval"),
}


def _facilitated(s: Session, facilitator_id: int) -> list[Workshop]:
    return [
        w
        for w in s.scalars(select(Workshop).order_by(Workshop.date.desc(), Workshop.id.desc()))
        if facilitator_id in w.facilitator_ids
    ]


def dashboard(deps: Deps, viewer: Viewer) -> list[dict[str, Any]]:
    """Every plan of every workshop this facilitator runs, those needing attention first
    (overdue steps, then blocked, then unsigned)."""
    if viewer.facilitator_id is None:
        raise NotFound(plans.PLAN_NOT_FOUND)
    today = deps.clock().date()
    rows = []
    with deps.db.reading() as s:
        for workshop in _facilitated(s, viewer.facilitator_id):
            for plan in plans.visible_plans(s, viewer, workshop):
                rows.append(plans.brief(plans.plan_view(deps.sealer, s, viewer, plan, today)))
    rows.sort(
        key=lambda r: (
            -r["progress"]["overdue"],
            -r["progress"]["blocked"],
            r["status"] == "signed",
            r["next_due"] or "9999",
        )
    )
    return rows


# --- calendar -------------------------------------------------------------------------


def _uid(plan_id: int, step_key: str) -> str:
    # Stable per plan and step: a refreshed feed updates events instead of duplicating them.
    return hashlib.sha256(f"{plan_id}:{step_key}".encode()).hexdigest()[:32] + "@tertulia"


def _calendar(deps: Deps, s: Session, viewer: Viewer, workshop: Workshop, locale: str) -> bytes:
    today = deps.clock().date()
    now = deps.clock()
    cal = Calendar()
    cal.add("prodid", "-//Tertulia//Plan milestones//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{workshop.title} · {deps.translate(N_('Action plans'), locale)}")
    for plan in plans.visible_plans(s, viewer, workshop):
        view = plans.plan_view(deps.sealer, s, viewer, plan, today)
        for step in view["steps"]:
            if not step["due"]:
                continue
            due = date.fromisoformat(step["due"])
            event = Event()
            event.add("uid", _uid(plan.id, step["key"]))
            event.add("dtstamp", now)
            event.add("dtstart", due)
            event.add("dtend", due + timedelta(days=1))
            prefix = deps.translate(N_("Milestone"), locale) + ": " if step["milestone"] else ""
            event.add("summary", f"{prefix}{step['title']} ({view['title']})")
            lines = [
                f"{deps.translate(N_('Plan'), locale)}: {view['title']}",
                f"{deps.translate(N_('Parties'), locale)}: "
                + ", ".join(p["company"] for p in view["parties"]),
                f"{deps.translate(N_('Owner'), locale)}: {step['owner']}"
                + (f" ({step['owner_person']})" if step["owner_person"] else ""),
                f"{deps.translate(N_('Status'), locale)}: "
                + deps.translate(STEP_STATUS_LABELS[step["status"]], locale),
            ]
            event.add("description", "\n".join(lines))
            event.add("categories", ["MILESTONE" if step["milestone"] else "STEP"])
            event.add("transp", "TRANSPARENT")
            cal.add_component(event)
    return bytes(cal.to_ical())


def calendar(deps: Deps, viewer: Viewer, workshop_id: int, locale: str) -> bytes:
    """The dated steps and milestones of every plan this viewer may see in a workshop."""
    with deps.db.reading() as s:
        workshop = s.get(Workshop, workshop_id)
        if workshop is None or not disclosure.can_enter_workshop(viewer, workshop):
            raise NotFound(N_("Workshop not found."))
        return _calendar(deps, s, viewer, workshop, locale)


def new_calendar_link(deps: Deps, viewer: Viewer) -> str:
    """A secret address a calendar application can subscribe to (calendar apps carry no
    session). It is the person's: it stops when their access does. Only its hash is kept:
    it is shown once; a new one replaces theirs."""
    if viewer.participant_id is None:
        raise NotFound(N_("Workshop not found."))
    token = "tc_" + new_token()
    with deps.db.transaction() as s:
        feed = s.get(CalendarFeed, viewer.participant_id)
        if feed is None:
            feed = CalendarFeed(participant_id=viewer.participant_id)
            s.add(feed)
        feed.token_hash = token_hash(token)
        feed.created_at = deps.clock()
    return token


def calendar_by_link(deps: Deps, token: str) -> bytes:
    with deps.db.reading() as s:
        feed = s.scalar(select(CalendarFeed).where(CalendarFeed.token_hash == token_hash(token)))
        person = s.get(Participant, feed.participant_id) if feed else None
        if person is None or not has_access(person):
            raise NotFound(N_("This calendar link is not valid any more."))
        workshop = s.get(Workshop, person.workshop_id)
        assert workshop is not None
        viewer = Viewer(
            participant_id=person.id, company_id=person.company_id, workshop_id=workshop.id
        )
        return _calendar(deps, s, viewer, workshop, person.locale or workshop.language)


# --- reminders ------------------------------------------------------------------------


@dataclass(frozen=True)
class Reminder:
    plan_id: int
    step_key: str
    due: str
    kind: str  # due_soon | overdue
    to: str
    locale: str
    plan_title: str
    step_title: str
    workshop_title: str


def due_reminders(deps: Deps) -> list[Reminder]:
    """Reminders not sent yet: steps due within the notice period, and overdue steps, not
    done; sent to the people of the step's owner company who left an email address."""
    today = deps.clock().date()
    soon = today + timedelta(days=deps.remind_days_before)
    out = []
    with deps.db.reading() as s:
        for plan in s.scalars(select(Plan).where(Plan.carried_to_plan_id.is_(None))):
            workshop = s.get(Workshop, plan.workshop_id)
            if workshop is None or workshop.shredded_at is not None:
                continue
            facilitator = Viewer(facilitator_id=workshop.facilitator_id)
            view = plans.plan_view(deps.sealer, s, facilitator, plan, today)
            for step in view["steps"]:
                if not step["due"] or step["status"] == "done":
                    continue
                due = date.fromisoformat(step["due"])
                kind = "overdue" if due < today else "due_soon" if due <= soon else None
                if kind is None:
                    continue
                for person in s.scalars(
                    select(Participant).where(
                        Participant.company_id == step["owner_company_id"],
                        Participant.email.is_not(None),
                    )
                ):
                    key = (plan.id, step["key"], step["due"], kind, str(person.email))
                    if not has_access(person) or s.get(PlanReminder, key):
                        continue
                    out.append(
                        Reminder(
                            plan.id,
                            step["key"],
                            step["due"],
                            kind,
                            str(person.email),
                            person.locale or workshop.language,
                            view["title"],
                            step["title"],
                            workshop.title,
                        )
                    )
    return out


def send_reminders(deps: Deps) -> int:
    """Send what is due: each (step, date, kind) once to each recipient. A reminder is
    claimed in the database before it is sent, so server processes and the CLI running at
    once do not send it twice; a failed send releases the claim and is retried next run.
    Nothing happens without SMTP."""
    if deps.mailer is None:
        return 0
    sent = 0
    for reminder in due_reminders(deps):
        key = (reminder.plan_id, reminder.step_key, reminder.due, reminder.kind, reminder.to)
        if not _claim(deps, key):
            continue
        try:
            deps.mailer.send(reminder.to, *_message(deps, reminder))
        except OSError as exc:  # smtplib errors are OSErrors
            log.warning("reminder not sent: %s", type(exc).__name__)
            with deps.db.transaction() as s:
                claimed = s.get(PlanReminder, key)
                if claimed is not None:
                    s.delete(claimed)
            continue
        sent += 1
    return sent


def _claim(deps: Deps, key: tuple[int, str, str, str, str]) -> bool:
    plan_id, step_key, due, kind, recipient = key
    try:
        with deps.db.transaction() as s:
            if s.get(PlanReminder, key) is not None:
                return False
            s.add(
                PlanReminder(
                    plan_id=plan_id,
                    step_key=step_key,
                    due=due,
                    kind=kind,
                    recipient=recipient,
                    sent_at=deps.clock(),
                )
            )
    except IntegrityError:  # another sender claimed it first
        return False
    return True


def _message(deps: Deps, reminder: Reminder) -> tuple[str, str]:
    def t(msgid: str) -> str:
        return deps.translate(msgid, reminder.locale)

    subject = (
        t(N_("Overdue step in your action plan"))
        if reminder.kind == "overdue"
        else t(N_("A step of your action plan is due soon"))
    )
    body = "\n".join(
        [
            f"{t(N_('Workshop'))}: {reminder.workshop_title}",
            f"{t(N_('Plan'))}: {reminder.plan_title}",
            f"{t(N_('Step'))}: {reminder.step_title}",
            f"{t(N_('Date'))}: {reminder.due}",
            "",
            t(N_("Update its status or add a progress note on the workshop's plans page.")),
        ]
    )
    return subject, body
