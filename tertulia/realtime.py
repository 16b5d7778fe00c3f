"""Socket.IO wiring: the SocketIO object, room names, presence, and the publisher that
renders each recorded event per room of identical rights and emits it.

Rooms: the facilitator namespace joins `w<id>`; the participant namespace joins one room per
company, `w<id>c<company>`. Members of one company have identical rights, so an event is
rendered once per company (through shared.disclosure) and never broadcast to be filtered
in the browser.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Sequence
from typing import Any

from flask_socketio import SocketIO
from sqlalchemy import select

from shared.clock import Clock, utc_now
from shared.db import Database
from shared.disclosure import Viewer
from shared.feed import PublishedEvent, Renderer
from shared.models import Company, Event, Workshop
from shared.presence import Presence, presence_view
from shared.sealing import EnvelopeSealer
from shared.web.live import company_room, facilitator_room, projector_room

FACILITATOR_NS = "/facilitator"
PARTICIPANT_NS = "/participant"


PRESENCE_COALESCE_SECONDS = 1.0
log = logging.getLogger("tertulia")


class SocketPublisher:
    """Delivers recorded events: one render per room, through the disclosure module.

    Rendering happens inside a database transaction; emitting happens after it closes:
    an emit can run a disconnect handler (a client whose ping timed out), which must be
    free to open its own transaction.
    """

    def __init__(
        self,
        db: Database,
        sealer: EnvelopeSealer,
        presence: Presence,
        socketio: SocketIO,
        clock: Clock = utc_now,
    ) -> None:
        self.db = db
        self.clock = clock
        self.sealer = sealer
        self.presence = presence
        self.socketio = socketio
        self._presence_pending: set[int] = set()
        self._presence_lock = threading.Lock()

    def publish(self, events: Sequence[PublishedEvent]) -> None:
        if not events:
            return
        outgoing: list[tuple[dict[str, Any], list[str], str]] = []
        with self.db.transaction() as s:
            renderer = Renderer(s, self.sealer, self.clock)
            for published in events:
                workshop = s.get(Workshop, published.workshop_id)
                event = s.scalar(
                    select(Event).where(
                        Event.workshop_id == published.workshop_id, Event.seq == published.seq
                    )
                )
                if workshop is None or event is None:
                    continue
                # Rooms that receive an identical payload get it in one emit (encoded once):
                # with 300 company rooms most rules give most rooms the same view.
                groups: dict[tuple[str, str], tuple[dict[str, Any], list[str]]] = {}
                for viewer, namespace, room in self._audiences(s, workshop):
                    envelope = renderer.event(viewer, workshop, event)
                    if envelope is not None:
                        key = (namespace, json.dumps(envelope, sort_keys=True, default=str))
                        groups.setdefault(key, (envelope, []))[1].append(room)
                for (namespace, _), (envelope, rooms) in groups.items():
                    outgoing.append((envelope, rooms, namespace))
        for envelope, rooms, namespace in outgoing:
            self.socketio.emit("event", envelope, to=rooms, namespace=namespace)

    def _audiences(self, s: Any, workshop: Workshop) -> list[tuple[Viewer, str, str]]:
        out = [
            (
                Viewer(facilitator_id=workshop.facilitator_id),
                FACILITATOR_NS,
                facilitator_room(workshop.id),
            ),
            (Viewer(projector_of=workshop.id), FACILITATOR_NS, projector_room(workshop.id)),
        ]
        for company_id in s.scalars(select(Company.id).where(Company.workshop_id == workshop.id)):
            out.append(
                (
                    Viewer.for_company(workshop.id, company_id),
                    PARTICIPANT_NS,
                    company_room(workshop.id, company_id),
                )
            )
        return out

    def disconnect_participants(self, participant_ids: set[int]) -> None:
        for sid in self.presence.sids_of_participants(participant_ids):
            self.socketio.server.disconnect(sid, namespace=PARTICIPANT_NS)

    def publish_presence(self, workshop_id: int) -> None:
        """Presence is not sequenced and is coalesced: a room of a thousand connecting at
        9:00 sends one list per second, not one per connection (measured in
        bench/realtime.py: per-connect broadcasts stopped gevent at ~300 clients)."""
        with self._presence_lock:
            if workshop_id in self._presence_pending:
                return
            self._presence_pending.add(workshop_id)
        self.socketio.start_background_task(self._send_presence_later, workshop_id)

    def _send_presence_later(self, workshop_id: int) -> None:
        try:
            self._send_presence(workshop_id)
        except Exception as exc:  # a background task: log and let the next change retry
            log.error("presence update failed: %s", type(exc).__name__)

    def _send_presence(self, workshop_id: int) -> None:
        self.socketio.sleep(PRESENCE_COALESCE_SECONDS)
        with self._presence_lock:
            self._presence_pending.discard(workshop_id)
        entries = self.presence.entries(workshop_id)
        groups: dict[tuple[str, str], tuple[dict[str, Any], list[str]]] = {}
        with self.db.transaction() as s:
            workshop = s.get(Workshop, workshop_id)
            if workshop is None:
                return
            for viewer, namespace, room in self._audiences(s, workshop):
                payload = presence_view(viewer, workshop, entries)
                key = (namespace, json.dumps(payload, sort_keys=True))
                groups.setdefault(key, (payload, []))[1].append(room)
        for (namespace, _), (payload, rooms) in groups.items():
            self.socketio.emit("presence", payload, to=rooms, namespace=namespace)
