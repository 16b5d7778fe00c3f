"""Who is connected to a workshop right now, and what each viewer may see of it.

Presence is live state, not history: it is kept in memory by the process that holds the
sockets, rebuilt by clients when they reconnect after a restart, and never sequenced.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from shared import disclosure
from shared.disclosure import Viewer, WorkshopFacts


@dataclass(frozen=True)
class PresenceEntry:
    sid: str
    kind: str  # facilitator | participant
    name: str
    company_id: int | None
    participant_id: int | None
    viewer: Viewer


class Presence:
    """Connected sockets per workshop in this process; with several processes each knows
    its own sockets (see docs/ARCHITECTURE.md)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_workshop: dict[int, dict[str, PresenceEntry]] = {}

    def add(self, workshop_id: int, entry: PresenceEntry) -> None:
        with self._lock:
            self._by_workshop.setdefault(workshop_id, {})[entry.sid] = entry

    def remove(self, sid: str) -> int | None:
        with self._lock:
            for workshop_id, entries in self._by_workshop.items():
                if entries.pop(sid, None) is not None:
                    return workshop_id
        return None

    def lookup(self, sid: str) -> tuple[int, PresenceEntry] | None:
        with self._lock:
            for workshop_id, entries in self._by_workshop.items():
                if sid in entries:
                    return workshop_id, entries[sid]
        return None

    def sids_of_participants(self, participant_ids: set[int]) -> list[str]:
        with self._lock:
            return [
                entry.sid
                for entries in self._by_workshop.values()
                for entry in entries.values()
                if entry.participant_id in participant_ids
            ]

    def entries(self, workshop_id: int) -> list[PresenceEntry]:
        with self._lock:
            return list(self._by_workshop.get(workshop_id, {}).values())


def presence_view(
    viewer: Viewer, workshop: WorkshopFacts, entries: Sequence[PresenceEntry]
) -> dict[str, Any]:
    """One line per person present (a person may have several tabs open)."""
    people: dict[tuple[str, int | None], dict[str, Any]] = {}
    if disclosure.may_see_presence(viewer, workshop):
        for entry in entries:
            if entry.kind == "projector":
                continue
            key = (entry.kind, entry.participant_id)
            people[key] = {
                "kind": entry.kind,
                "name": entry.name,
                "company_id": entry.company_id,
                "connections": people.get(key, {}).get("connections", 0) + 1,
            }
    ordered = sorted(
        people.values(), key=lambda p: (p["kind"] != "facilitator", p["company_id"] or 0, p["name"])
    )
    return {"workshop_id": workshop.id, "people": ordered}
