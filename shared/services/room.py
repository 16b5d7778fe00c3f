"""What a connected viewer reads: the room's state and the events it missed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from shared import access, audit, disclosure
from shared.disclosure import Channel, Viewer
from shared.feed import Renderer, agenda_json, events_since, phase_json, round_status
from shared.models import Contribution, Facilitator, Phase, Poll
from shared.presence import PresenceEntry, presence_view
from shared.services.deps import Deps
from shared.services.themes import themes_view
from shared.services.votes import poll_view


def room_state(deps: Deps, viewer: Viewer, workshop_id: int) -> dict[str, Any]:
    """What a viewer needs to draw the room from nothing: workshop, the active phase and
    its timer, the agenda, topics, votes, the spotlight and this round's status."""
    with deps.db.reading() as s:
        workshop = access.visible_workshop(s, viewer, workshop_id)
        phase = s.get(Phase, workshop.current_phase_id) if workshop.current_phase_id else None
        renderer = Renderer(s, deps.sealer, deps.clock)
        spotlight = s.get(Contribution, workshop.spotlight_id) if workshop.spotlight_id else None
        polls = s.scalars(select(Poll).where(Poll.workshop_id == workshop.id).order_by(Poll.id))
        return {
            "server_now": deps.clock().isoformat(),
            "agenda": agenda_json(s, workshop),
            "round": round_status(s, viewer, workshop),
            "polls": [poll_view(s, renderer, viewer, workshop, p) for p in polls],
            "themes": {
                "topic_id": phase.topic_id,
                "themes": themes_view(s, renderer, viewer, workshop, phase.topic_id),
            }
            if phase is not None and phase.topic_id
            else None,
            "spotlight": renderer.contribution(viewer, workshop, spotlight, Channel.LIVE)
            if spotlight
            else None,
            "workshop": {
                "id": workshop.id,
                "title": workshop.title,
                "objective": workshop.objective,
                "date": workshop.date,
                "language": workshop.language,
                "status": workshop.status,
                "moderate_all": workshop.moderate_all,
            },
            "phase": phase_json(phase),
            "topics": [{"id": t.id, "title": t.title} for t in workshop.topics],
            "last_seq": workshop.last_seq,
        }


@dataclass(frozen=True)
class Replay:
    events: list[dict[str, Any]]
    upto: int  # the workshop's last sequence number when this replay was read


def replay(deps: Deps, viewer: Viewer, workshop_id: int, since: int) -> Replay:
    """Every event after `since` that this viewer may receive, rendered for it."""
    with deps.db.reading() as s:
        workshop = access.visible_workshop(s, viewer, workshop_id)
        renderer = Renderer(s, deps.sealer)
        return Replay(events_since(renderer, viewer, workshop, since), workshop.last_seq)


def presence(
    deps: Deps, viewer: Viewer, workshop_id: int, entries: list[PresenceEntry]
) -> dict[str, Any]:
    with deps.db.reading() as s:
        workshop = access.visible_workshop(s, viewer, workshop_id)
        return presence_view(viewer, workshop, entries)


def facilitator_name_for(deps: Deps, actor: Viewer, workshop_id: int) -> str:
    """The facilitator's display name, if the actor runs this workshop (else NotFound)."""
    with deps.db.reading() as s:
        access.managed_workshop(s, actor, workshop_id)
        person = s.get(Facilitator, actor.facilitator_id)
        return person.name if person else ""


def disclosure_history(deps: Deps, viewer: Viewer, workshop_id: int) -> dict[str, Any]:
    """The audit entries about this company's own contributions: who saw, asked, changed."""
    with deps.db.reading() as s:
        workshop = access.visible_workshop(s, viewer, workshop_id)
        if viewer.company_id is None:
            return {"entries": [], "head": None}
        tag = deps.sealer.author_tag(workshop, viewer.company_id)
        subjects = disclosure.history_subjects(viewer, tag)
        head = audit.head(s)
        return {
            "entries": audit.history(s, subjects, workshop.id),
            "head": {"size": head.size, "root": head.root},
        }


def audit_for_facilitator(deps: Deps, actor: Viewer, workshop_id: int) -> dict[str, Any]:
    with deps.db.reading() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        entries = audit.workshop_entries(s, workshop.id)
        head = audit.head(s)
        return {"entries": entries, "head": {"size": head.size, "root": head.root}}
