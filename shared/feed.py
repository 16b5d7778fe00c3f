"""The per-workshop event sequence, and rendering anything about contributions for a viewer.

Writers call `record_event` inside their transaction: it takes the next sequence number
from the workshop row (the UPDATE locks that row until commit, so numbers are gap-free and
ordered per workshop) and stores an Event naming the object. After commit the service hands
the events to a Publisher, which renders each one per room of identical rights and emits.
A client that reconnects sends the last sequence it saw and gets `events_since` for itself.

`Renderer` is the single road from rows to what a viewer receives: it gathers the facts
shared.disclosure needs, asks it, decrypts only what the decision allows, and notes the
facilitator's reads of items that restrict companies (to be audited by the caller).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from shared import disclosure
from shared.charter_state import company_has_accepted
from shared.clock import Clock, utc_now
from shared.crypto import CryptoError
from shared.disclosure import Body, Channel, ItemFacts, Names, RoomFacts, Viewer, ViewerFacts
from shared.models import (
    AccessRequest,
    Company,
    Contribution,
    Event,
    Participant,
    Phase,
    PhaseReadiness,
    Poll,
    Topic,
    TopicParticipation,
    Workshop,
)
from shared.rules import Rules
from shared.sealing import EnvelopeSealer

log = logging.getLogger("tertulia.integrity")


@dataclass(frozen=True)
class PublishedEvent:
    workshop_id: int
    seq: int


class Publisher(Protocol):
    def publish(self, events: Sequence[PublishedEvent]) -> None: ...

    def disconnect_participants(self, participant_ids: set[int]) -> None:
        """Close the live connections of people whose access just ended."""


@dataclass
class CollectingPublisher:
    """For the CLI and tests: remembers what would have been sent."""

    published: list[PublishedEvent] = field(default_factory=list)

    def publish(self, events: Sequence[PublishedEvent]) -> None:
        self.published.extend(events)

    def disconnect_participants(self, participant_ids: set[int]) -> None:
        pass


def record_event(
    session: Session, workshop_id: int, type_: str, ref: dict[str, Any], clock: Clock
) -> PublishedEvent:
    seq = session.execute(
        update(Workshop)
        .where(Workshop.id == workshop_id)
        .values(last_seq=Workshop.last_seq + 1)
        .returning(Workshop.last_seq)
    ).scalar_one()
    session.add(Event(workshop_id=workshop_id, seq=seq, type=type_, ref=ref, created_at=clock()))
    return PublishedEvent(workshop_id, seq)


def item_facts(item: Contribution) -> ItemFacts:
    return ItemFacts(
        id=item.id,
        workshop_id=item.workshop_id,
        topic_id=item.topic_id,
        kind=item.kind,
        created_at=item.created_at,
        rules=Rules.from_json(item.rules),
        company_id=item.company_id,
        author_tag=item.author_tag,
        shredded=item.shredded_at is not None
        or (item.sealed_body is None and not item.withdrawn_at),
        status=item.status,
        withdrawn=item.withdrawn_at is not None,
    )


DETAIL_FIELDS = ("context", "action", "result", "lesson", "cost")


def body_document(text: str, details: dict[str, str]) -> str:
    """The sealed form of a contribution: its main text and structured fields, as JSON."""
    return json.dumps(
        {"text": text, "details": {k: v for k, v in details.items() if v}}, ensure_ascii=False
    )


def parse_body(document: str) -> tuple[str, dict[str, str]]:
    data = json.loads(document)
    details = data.get("details") or {}
    return str(data["text"]), {k: str(details[k]) for k in DETAIL_FIELDS if details.get(k)}


@dataclass
class Renderer:
    """Renders for viewers within one session; caches facts and decrypted bodies."""

    session: Session
    sealer: EnvelopeSealer
    clock: Clock = utc_now
    sealed_reads: list[tuple[Viewer, Contribution, Channel]] = field(default_factory=list)
    _rooms: dict[int, RoomFacts] = field(default_factory=dict)
    _viewers: dict[tuple[Viewer, int], ViewerFacts] = field(default_factory=dict)
    _bodies: dict[int, Body] = field(default_factory=dict)
    _views: dict[Any, dict[str, Any] | None] = field(default_factory=dict)
    _facts: dict[int, ItemFacts | None] = field(default_factory=dict)
    _attributions: dict[int, tuple[Company | None, Participant | None]] = field(
        default_factory=dict
    )
    _companies: dict[int, tuple[set[int], dict[int, set[int]]]] = field(default_factory=dict)

    # --- facts ---------------------------------------------------------------------------
    def room(self, workshop: Workshop) -> RoomFacts:
        if workshop.id not in self._rooms:
            participation: dict[int, set[int]] = {}
            rows = self.session.execute(
                select(TopicParticipation.topic_id, TopicParticipation.company_id)
                .join(Topic, Topic.id == TopicParticipation.topic_id)
                .where(Topic.workshop_id == workshop.id)
            )
            for topic_id, company_id in rows:
                participation.setdefault(topic_id, set()).add(company_id)
            revealed = self.session.scalars(
                select(Topic.id).where(
                    Topic.workshop_id == workshop.id, Topic.revealed_at.is_not(None)
                )
            )
            self._rooms[workshop.id] = RoomFacts(
                workshop.id,
                workshop.facilitator_ids,
                workshop.status,
                {k: frozenset(v) for k, v in participation.items()},
                frozenset(revealed),
            )
        return self._rooms[workshop.id]

    def viewer(self, viewer: Viewer, workshop: Workshop) -> ViewerFacts:
        key = (viewer, workshop.id)
        if key not in self._viewers:
            if viewer.company_id is None or viewer.workshop_id != workshop.id:
                facts = ViewerFacts(viewer)
            else:
                tag = self.sealer.author_tag(workshop, viewer.company_id)
                accepted, granted = self._company_facts(workshop)
                facts = ViewerFacts(
                    viewer,
                    accepted_charter=viewer.company_id in accepted,
                    own_tags=frozenset({tag} if tag else ()),
                    granted=frozenset(granted.get(viewer.company_id, ())),
                )
            self._viewers[key] = facts
        return self._viewers[key]

    def _company_facts(self, workshop: Workshop) -> tuple[set[int], dict[int, set[int]]]:
        """Who accepted the charter and which items each company was granted, loaded once
        per workshop (an event is rendered for every company room)."""
        if workshop.id not in self._companies:
            companies = self.session.scalars(
                select(Company.id).where(Company.workshop_id == workshop.id)
            )
            accepted = {c for c in companies if company_has_accepted(self.session, workshop.id, c)}
            granted: dict[int, set[int]] = {}
            rows = self.session.execute(
                select(AccessRequest.requester_company_id, AccessRequest.contribution_id)
                .join(Contribution, Contribution.id == AccessRequest.contribution_id)
                .where(Contribution.workshop_id == workshop.id, AccessRequest.status == "approved")
            )
            for company_id, item_id in rows:
                granted.setdefault(company_id, set()).add(item_id)
            self._companies[workshop.id] = (accepted, granted)
        return self._companies[workshop.id]

    # --- contributions -------------------------------------------------------------------
    def decide(
        self, viewer: Viewer, workshop: Workshop, item: Contribution, channel: Channel
    ) -> disclosure.Decision:
        if not disclosure.can_enter_workshop(viewer, workshop):
            return disclosure.NOTHING
        facts = self._facts_of(item)
        if facts is None:
            return disclosure.NOTHING
        return disclosure.decide(self.viewer(viewer, workshop), self.room(workshop), facts, channel)

    def _facts_of(self, item: Contribution) -> ItemFacts | None:
        """Parsed once per render pass (an event is decided for every company room);
        None when the stored rules no longer parse (tampering)."""
        if item.id not in self._facts:
            try:
                self._facts[item.id] = item_facts(item)
            except ValueError:
                self._facts[item.id] = None
        return self._facts[item.id]

    def _names(self, workshop: Workshop, item: Contribution) -> Names:
        def attribution() -> tuple[Company | None, Participant | None]:
            if item.company_id is not None:
                return item.company, item.participant
            if item.id not in self._attributions:  # Chatham House: open it once, while held
                found = self.sealer.open_attribution(workshop, item)
                self._attributions[item.id] = (
                    (self.session.get(Company, found[0]), self.session.get(Participant, found[1]))
                    if found
                    else (None, None)
                )
            return self._attributions[item.id]

        return Names(
            company=lambda: c.name if (c := attribution()[0]) else None,
            alias=lambda: c.alias if (c := attribution()[0]) else None,
            person=lambda: p.name if (p := attribution()[1]) else None,
        )

    def contribution(
        self, viewer: Viewer, workshop: Workshop, item: Contribution, channel: Channel
    ) -> dict[str, Any] | None:
        decision = self.decide(viewer, workshop, item, channel)
        memo = (item.id, channel, decision)
        if memo in self._views and not decision.logged_read:
            return self._views[memo]

        def open_body() -> Body:
            if item.id not in self._bodies:
                text, details = parse_body(self.sealer.open_contribution(workshop, item))
                note = self.sealer.open_note(workshop, item) if item.sealed_note else None
                self._bodies[item.id] = Body(text, details, note, item.edited_at is not None)
            return self._bodies[item.id]

        facts = self._facts_of(item)
        if facts is None:  # rules column no longer parses: treat as tampering
            return integrity_error_view(item)
        try:
            view = disclosure.render(decision, facts, open_body, self._names(workshop, item))
        except CryptoError as exc:
            # Tampered or undecryptable: say so, log the kind, never fall back to anything.
            log.error("integrity failure on contribution %s: %s", item.id, type(exc).__name__)
            return integrity_error_view(item)
        if decision.logged_read and channel is not Channel.LIVE:
            self.sealed_reads.append((viewer, item, channel))
        # Viewers with the same decision get the same view: rendered once per publish.
        self._views[memo] = view.to_json() if view else None
        return self._views[memo]

    def _could_see(
        self, viewer: Viewer, workshop: Workshop, item: Contribution, before: Any
    ) -> bool:
        """Whether this viewer saw anything of the item before the update: only they are
        told it is gone (others must not even learn that it existed)."""
        if not isinstance(before, dict):
            return False
        try:
            facts = replace(
                item_facts(item),
                rules=Rules.from_json(before["rules"]),
                status=before["status"],
                withdrawn=before["withdrawn"],
                shredded=False,
            )
        except (KeyError, ValueError):
            return False
        decision = disclosure.decide(
            self.viewer(viewer, workshop), self.room(workshop), facts, Channel.LIVE
        )
        return decision.visibility is not disclosure.Visibility.NONE

    def contributions(
        self, viewer: Viewer, workshop: Workshop, channel: Channel, topic_id: int | None = None
    ) -> list[dict[str, Any]]:
        query = select(Contribution).where(Contribution.workshop_id == workshop.id)
        if topic_id is not None:
            query = query.where(Contribution.topic_id == topic_id)
        out = []
        for item in self.session.scalars(query.order_by(Contribution.id)):
            view = self.contribution(viewer, workshop, item, channel)
            if view is not None:
                out.append(view)
        return out

    # --- events --------------------------------------------------------------------------
    def event(self, viewer: Viewer, workshop: Workshop, event: Event) -> dict[str, Any] | None:
        """The envelope {seq, type, data} this viewer receives, or None for nothing."""
        # Views that services own (votes, threads, themes, matches) are imported here, not at
        # the top: those services record events through this module.
        if not disclosure.can_enter_workshop(viewer, workshop):
            return None
        data: dict[str, Any] | None = None
        ref = event.ref
        if event.type in ("contribution.created", "contribution.updated"):
            item = self.session.get(Contribution, ref["contribution_id"])
            if item is not None:
                data = self.contribution(viewer, workshop, item, Channel.LIVE)
                if data is None and self._could_see(viewer, workshop, item, ref.get("before")):
                    data = {"id": item.id, "visibility": "none"}  # no longer yours to see
        elif event.type == "topic.refresh":
            data = {
                "topic_id": ref["topic_id"],
                "items": self.contributions(viewer, workshop, Channel.LIVE, ref["topic_id"]),
            }
        elif event.type in ("phase.changed", "timer.changed"):
            phase = self.session.get(Phase, ref["phase_id"])
            data = (
                {"phase": phase_json(phase), "server_now": self.clock().isoformat()}
                if phase
                else None
            )
        elif event.type == "agenda.changed":
            data = {"agenda": agenda_json(self.session, workshop)}
        elif event.type == "readiness.changed":
            if disclosure.may_see_round_status(viewer, ref["company_id"]):
                data = round_status(self.session, viewer, workshop)
        elif event.type == "poll.changed":
            from shared.services.votes import poll_view

            poll = self.session.get(Poll, ref["poll_id"])
            data = {"poll": poll_view(self.session, self, viewer, workshop, poll)} if poll else None
        elif event.type == "thread.changed":
            from shared.errors import ServiceError
            from shared.services.threads import thread_view

            try:
                data = thread_view(
                    self.sealer, self.session, viewer, workshop, ref["contribution_id"]
                )
            except ServiceError:
                data = None  # a thread exists only where its contribution may be seen
        elif event.type == "themes.changed":
            from shared.services.themes import themes_view

            data = {
                "topic_id": ref["topic_id"],
                "themes": themes_view(self.session, self, viewer, workshop, ref["topic_id"]),
            }
        elif event.type == "matches.changed":
            from shared.services.matches import match_views

            data = {"matches": match_views(self.sealer, self.session, viewer, workshop)}
        elif event.type == "plans.changed":
            from shared.services.plans import plan_event_view

            data = plan_event_view(
                self.sealer, self.session, viewer, workshop, ref["plan_id"], self.clock().date()
            )
        elif event.type == "profiles.changed":
            data = {}
        elif event.type == "spotlight.changed":
            item = (
                self.session.get(Contribution, ref["contribution_id"])
                if ref.get("contribution_id")
                else None
            )
            data = {
                "contribution": self.contribution(viewer, workshop, item, Channel.LIVE)
                if item
                else None
            }
        elif event.type == "workshop.closed":
            data = {"status": "closed"}
        elif event.type in ("charter.changed", "charter.accepted", "access.changed"):
            company = ref.get("company_id")
            if company is None or disclosure.may_see_acceptance(viewer, company):
                data = {k: v for k, v in ref.items() if k != "contribution_id"}
        if data is None:
            return None
        return {"seq": event.seq, "type": event.type, "data": data}


def integrity_error_view(item: Contribution) -> dict[str, Any]:
    """What replaces an item whose stored form failed authentication: no content at all."""
    return {
        "id": item.id,
        "topic_id": item.topic_id,
        "visibility": "error",
        "error": "integrity",
        "body": None,
        "company": None,
        "author": None,
        "kind": None,
        "own": False,
        "can_request": False,
        "created_at": None,
        "sensitivity": None,
    }


def phase_json(phase: Phase | None) -> dict[str, Any] | None:
    if phase is None:
        return None
    topic: Topic | None = phase.topic
    return {
        "id": phase.id,
        "kind": phase.kind,
        "title": phase.title,
        "position": phase.position,
        "status": phase.status,
        "silent": phase.silent,
        "moderated": phase.moderated,
        "planned_minutes": phase.planned_minutes,
        "topic": {"id": topic.id, "title": topic.title, "revealed": topic.revealed_at is not None}
        if topic
        else None,
        "started_at": phase.started_at.isoformat() if phase.started_at else None,
        "timer": {
            "seconds": phase.timer_seconds,
            "banked": phase.timer_banked,
            "running_since": phase.timer_running_since.isoformat()
            if phase.timer_running_since
            else None,
        },
    }


def events_since(
    renderer: Renderer, viewer: Viewer, workshop: Workshop, since: int
) -> list[dict[str, Any]]:
    rows = renderer.session.scalars(
        select(Event).where(Event.workshop_id == workshop.id, Event.seq > since).order_by(Event.seq)
    )
    out = []
    for row in rows:
        envelope = renderer.event(viewer, workshop, row)
        if envelope is not None:
            out.append(envelope)
    return out


def round_status(s: Session, viewer: Viewer, workshop: Workshop) -> dict[str, Any]:
    """Per company: ready with the active phase, contributed to its topic (as allowed)."""
    phase = s.get(Phase, workshop.current_phase_id) if workshop.current_phase_id else None
    if phase is None:
        return {"ready": {}, "contributed": {}}
    ready = set(
        s.scalars(select(PhaseReadiness.company_id).where(PhaseReadiness.phase_id == phase.id))
    )
    contributed = (
        set(
            s.scalars(
                select(TopicParticipation.company_id).where(
                    TopicParticipation.topic_id == phase.topic_id
                )
            )
        )
        if phase.topic_id
        else set()
    )
    companies = [c.id for c in workshop.companies if disclosure.may_see_round_status(viewer, c.id)]
    return {
        "ready": {str(c): c in ready for c in companies},
        "contributed": {str(c): c in contributed for c in companies},
    }


def agenda_json(s: Session, workshop: Workshop) -> list[dict[str, Any]]:
    phases = s.scalars(
        select(Phase).where(Phase.workshop_id == workshop.id).order_by(Phase.position)
    )
    return [phase_json(p) for p in phases if p is not None]  # type: ignore[misc]
