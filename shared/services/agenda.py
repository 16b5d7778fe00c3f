"""The agenda: phases the facilitator builds, reorders, skips, goes to and times.

Everyone's screen follows the active phase. Timers are stored as facts (seconds banked,
running since) so every client computes the same remaining time from the server clock and
a restart in the middle of a round changes nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shared import access
from shared.disclosure import Viewer
from shared.errors import Conflict, NotFound
from shared.feed import PublishedEvent, record_event
from shared.i18n import N_
from shared.models import Contribution, Phase, PhaseReadiness, Topic, Workshop
from shared.rules import Rules
from shared.services.deps import Deps
from shared.validation import Checker

PHASE_KINDS = ("welcome", "profiles", "exchange", "overlaps", "plans", "evaluation")
PHASE_LABELS = {
    "welcome": N_("Welcome and charter"),
    "profiles": N_("Company profiles"),
    "exchange": N_("Exchange round"),
    "overlaps": N_("Overlaps and combinations"),
    "plans": N_("Action plans"),
    "evaluation": N_("Evaluation"),
    "closed": N_("Closed"),
}
STATUS_LABELS = {
    "planned": N_("planned"),
    "active": N_("now"),
    "done": N_("done"),
    "skipped": N_("skipped"),
}
TOPIC_TEMPLATES: dict[str, str] = {
    "market_ideas": N_("Market ideas"),
    "costs": N_("Costs"),
    "approach": N_("Approach"),
    "business_model": N_("Business model"),
    "good_practices": N_("Good practices"),
    "bad_practices": N_("Bad practices and failures"),
    "problems_successes": N_("Problems and successes"),
    "barriers": N_("Barriers and how they were overcome"),
    "results": N_("Results over time"),
}
PHASE_NOT_FOUND = N_("Phase not found.")


def _flag(value: Any) -> bool:
    return value in (True, "on", "true", "1", 1)


def _phase(s: Session, workshop: Workshop, phase_id: int) -> Phase:
    phase = s.get(Phase, phase_id)
    if phase is None or phase.workshop_id != workshop.id:
        raise NotFound(PHASE_NOT_FOUND)
    return phase


def _next_position(s: Session, workshop_id: int) -> int:
    return (
        s.scalar(select(func.max(Phase.position)).where(Phase.workshop_id == workshop_id)) or 0
    ) + 1


def _agenda_event(s: Session, workshop: Workshop, deps: Deps) -> PublishedEvent:
    return record_event(s, workshop.id, "agenda.changed", {}, deps.clock)


def add_phase(deps: Deps, actor: Viewer, workshop_id: int, data: dict[str, Any]) -> Phase:
    """Append a phase. An exchange round needs a topic: a template or a custom title."""
    check = Checker(data)
    kind = check.choice("kind", PHASE_KINDS, default="exchange")
    template = check.choice("template", ("", *TOPIC_TEMPLATES), default="")
    title = check.text("title", max_len=200, required=kind == "exchange" and not template)
    minutes = (
        check.integer("planned_minutes", minimum=1, maximum=600, default=0)
        if data.get("planned_minutes") not in (None, "", 0, "0")
        else 0
    )
    check.done()
    with deps.db.transaction() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        access.open_workshop(workshop)
        topic_id = None
        if kind == "exchange":
            topic = Topic(
                workshop_id=workshop.id,
                # Stored in the workshop's language: it goes into everyone's feed and summary.
                title=title or deps.translate(TOPIC_TEMPLATES[template], workshop.language),
                template=template or None,
                created_at=deps.clock(),
            )
            s.add(topic)
            s.flush()
            topic_id = topic.id
        phase = Phase(
            workshop_id=workshop.id,
            position=_next_position(s, workshop.id),
            kind=kind,
            title=title if kind != "exchange" else "",
            topic_id=topic_id,
            status="planned",
            silent=_flag(data.get("silent")) and kind == "exchange",
            moderated=_flag(data.get("moderated")) and kind == "exchange",
            planned_minutes=minutes or None,
            timer_seconds=minutes * 60,
        )
        s.add(phase)
        s.flush()
        event = _agenda_event(s, workshop, deps)
    deps.publisher.publish([event])
    return phase


def move_phase(deps: Deps, actor: Viewer, workshop_id: int, phase_id: int, offset: int) -> None:
    with deps.db.transaction() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        phases = list(
            s.scalars(
                select(Phase).where(Phase.workshop_id == workshop.id).order_by(Phase.position)
            )
        )
        index = next((i for i, p in enumerate(phases) if p.id == phase_id), None)
        if index is None:
            raise NotFound(PHASE_NOT_FOUND)
        target = index + offset
        if not 0 <= target < len(phases):
            return
        phases[index].position, phases[target].position = (
            phases[target].position,
            phases[index].position,
        )
        event = _agenda_event(s, workshop, deps)
    deps.publisher.publish([event])


def skip_phase(deps: Deps, actor: Viewer, workshop_id: int, phase_id: int) -> None:
    with deps.db.transaction() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        phase = _phase(s, workshop, phase_id)
        if phase.id == workshop.current_phase_id:
            raise Conflict(N_("This phase is running: go to another phase first."))
        phase.status = "skipped" if phase.status != "skipped" else "planned"
        event = _agenda_event(s, workshop, deps)
    deps.publisher.publish([event])


def go_to(deps: Deps, actor: Viewer, workshop_id: int, phase_id: int) -> Phase:
    """Make a phase the active one (forwards or back); everyone's screen follows."""
    with deps.db.transaction() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        access.open_workshop(workshop)
        phase = _phase(s, workshop, phase_id)
        activate(s, workshop, phase, deps.clock())
        event = record_event(s, workshop.id, "phase.changed", {"phase_id": phase.id}, deps.clock)
    deps.publisher.publish([event])
    return phase


def activate(s: Session, workshop: Workshop, phase: Phase, now: datetime) -> None:
    if workshop.current_phase_id and workshop.current_phase_id != phase.id:
        previous = s.get(Phase, workshop.current_phase_id)
        if previous is not None:
            _pause(previous, now)
            previous.status = "done"
    phase.status = "active"
    phase.started_at = phase.started_at or now
    workshop.current_phase_id = phase.id


def open_topic(deps: Deps, actor: Viewer, workshop_id: int, data: dict[str, Any]) -> Phase:
    """Add an exchange round and go to it at once (the quick path during a session)."""
    phase = add_phase(deps, actor, workshop_id, {**data, "kind": "exchange"})
    return go_to(deps, actor, workshop_id, phase.id)


# --- timer -------------------------------------------------------------------------------


def _elapsed(phase: Phase, now: datetime) -> int:
    running = (
        int((now - phase.timer_running_since).total_seconds()) if phase.timer_running_since else 0
    )
    return phase.timer_banked + max(0, running)


def _pause(phase: Phase, now: datetime) -> None:
    if phase.timer_running_since is not None:
        phase.timer_banked = _elapsed(phase, now)
        phase.timer_running_since = None


def timer(deps: Deps, actor: Viewer, workshop_id: int, action: str, minutes: int = 0) -> Phase:
    """start | pause | extend (by minutes; negative shortens) | reset, on the active phase."""
    now = deps.clock()
    with deps.db.transaction() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        access.open_workshop(workshop)
        if workshop.current_phase_id is None:
            raise Conflict(N_("No phase is running."))
        phase = _phase(s, workshop, workshop.current_phase_id)
        if action == "start":
            if phase.timer_seconds <= 0:
                phase.timer_seconds = (phase.planned_minutes or 10) * 60
            if phase.timer_running_since is None:
                phase.timer_running_since = now
        elif action == "pause":
            _pause(phase, now)
        elif action == "extend":
            phase.timer_seconds = max(0, phase.timer_seconds + minutes * 60)
        elif action == "reset":
            phase.timer_banked, phase.timer_running_since = 0, None
        else:
            from shared.errors import ValidationFailed

            raise ValidationFailed({"action": N_("Choose one of the offered options.")})
        event = record_event(s, workshop.id, "timer.changed", {"phase_id": phase.id}, deps.clock)
    deps.publisher.publish([event])
    return phase


def timer_json(phase: Phase, now: datetime) -> dict[str, Any]:
    """Enough for a client to count down in step with the server's clock."""
    elapsed = _elapsed(phase, now)
    return {
        "phase_id": phase.id,
        "seconds": phase.timer_seconds,
        "running": phase.timer_running_since is not None,
        "remaining": max(0, phase.timer_seconds - elapsed) if phase.timer_seconds else None,
        "server_now": now.isoformat(),
    }


# --- readiness and participation ----------------------------------------------------------


def set_ready(deps: Deps, viewer: Viewer, ready: bool) -> None:
    """A company says "we're done" with the active phase (or takes it back)."""
    if viewer.company_id is None or viewer.workshop_id is None:
        raise NotFound(access.WORKSHOP_NOT_FOUND)
    with deps.db.transaction() as s:
        workshop = access.visible_workshop(s, viewer, viewer.workshop_id)
        access.open_workshop(workshop)
        if workshop.current_phase_id is None:
            raise Conflict(N_("No phase is running."))
        key = (workshop.current_phase_id, viewer.company_id)
        existing = s.get(PhaseReadiness, key)
        if ready and existing is None:
            s.add(PhaseReadiness(phase_id=key[0], company_id=key[1]))
        elif not ready and existing is not None:
            s.delete(existing)
        event = record_event(
            s,
            workshop.id,
            "readiness.changed",
            {"phase_id": key[0], "company_id": viewer.company_id},
            deps.clock,
        )
    deps.publisher.publish([event])


def needs_reveal(deps: Deps, actor: Viewer, workshop_id: int) -> bool:
    """Whether the active round has items waiting for the facilitator's reveal (a silent
    round, or items whose own rules ask for it)."""
    with deps.db.reading() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        phase = s.get(Phase, workshop.current_phase_id) if workshop.current_phase_id else None
        if phase is None or phase.topic is None or phase.topic.revealed_at is not None:
            return False
        if phase.silent:
            return True
        return any(
            Rules.from_json(text).phase_reveal
            for text in s.scalars(
                select(Contribution.rules).where(Contribution.topic_id == phase.topic_id)
            )
        )
