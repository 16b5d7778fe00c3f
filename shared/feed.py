"""The per-workshop event sequence and its per-viewer rendering.

Writers call `record_event` inside their transaction: it takes the next sequence number
from the workshop row (the UPDATE locks that row until commit, so numbers are gap-free and
ordered per workshop) and stores an Event naming the object. After commit the service hands
the events to a Publisher, which renders each one per room of identical rights and emits.
A client that reconnects sends the last sequence it saw and gets `events_since` for itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from shared import disclosure
from shared.clock import Clock
from shared.disclosure import Channel, Viewer
from shared.models import Contribution, Event, Phase, Topic, Workshop


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


class BodyOpener(Protocol):
    def __call__(self, workshop: Workshop, contribution: Contribution) -> str: ...


@dataclass
class Renderer:
    """Renders events for viewers; caches decrypted bodies for one publish or replay."""

    session: Session
    open_body: BodyOpener
    _bodies: dict[int, str] = field(default_factory=dict)

    def _body(self, workshop: Workshop, item: Contribution) -> Callable[[], str]:
        def opener() -> str:
            if item.id not in self._bodies:
                self._bodies[item.id] = self.open_body(workshop, item)
            return self._bodies[item.id]

        return opener

    def contribution(
        self, viewer: Viewer, workshop: Workshop, item: Contribution, channel: Channel
    ) -> dict[str, Any] | None:
        view = disclosure.view_contribution(
            viewer,
            workshop,
            item,
            channel,
            open_body=self._body(workshop, item),
            company_name=lambda: item.company.name,
            author_name=lambda: item.participant.name,
        )
        return view.to_json() if view else None

    def event(self, viewer: Viewer, workshop: Workshop, event: Event) -> dict[str, Any] | None:
        """The envelope {seq, type, data} this viewer receives, or None for nothing."""
        if not disclosure.can_enter_workshop(viewer, workshop):
            return None
        data: dict[str, Any] | None
        if event.type == "contribution.created":
            item = self.session.get(Contribution, event.ref["contribution_id"])
            data = self.contribution(viewer, workshop, item, Channel.LIVE) if item else None
        elif event.type == "phase.changed":
            phase = self.session.get(Phase, event.ref["phase_id"])
            data = {"phase": phase_json(phase)} if phase else None
        elif event.type == "workshop.closed":
            data = {"status": "closed"}
        else:
            data = None
        if data is None:
            return None
        return {"seq": event.seq, "type": event.type, "data": data}


def phase_json(phase: Phase | None) -> dict[str, Any] | None:
    if phase is None:
        return None
    topic: Topic | None = phase.topic
    return {
        "id": phase.id,
        "kind": phase.kind,
        "position": phase.position,
        "topic": {"id": topic.id, "title": topic.title} if topic else None,
        "started_at": phase.started_at.isoformat() if phase.started_at else None,
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
