"""Socket handlers' shared steps: the hello/sync replay and reaching the live registry.

Every call re-checks who the socket belongs to (a revoked participant is refused at the
next call even before its socket is closed) and renders through shared.disclosure.
"""

from __future__ import annotations

import logging
from typing import Any, cast

from flask import current_app
from flask_babel import gettext

from shared.crypto import CryptoError
from shared.errors import NotFound, ServiceError
from shared.i18n import N_
from shared.presence import Presence, PresenceEntry
from shared.services import participants, room
from shared.web import deps, error_ack

log = logging.getLogger("tertulia.integrity")


def facilitator_room(workshop_id: int) -> str:
    return f"w{workshop_id}"


def projector_room(workshop_id: int) -> str:
    return f"w{workshop_id}p"


def company_room(workshop_id: int, company_id: int) -> str:
    return f"w{workshop_id}c{company_id}"


def presence_of() -> Presence:
    return cast(Presence, current_app.extensions["tertulia.presence"])


def publisher_of() -> Any:
    return current_app.extensions["tertulia.publisher"]


def socket_identity(sid: str) -> tuple[int, PresenceEntry]:
    """The workshop and entry of a connected socket, still entitled to be there."""
    found = presence_of().lookup(sid)
    if found is None:
        raise NotFound(N_("Not connected to a workshop."))
    workshop_id, entry = found
    if (
        entry.participant_id is not None
        and participants.identify(deps(), entry.participant_id) is None
    ):
        raise NotFound(N_("Your access to this workshop has ended."))
    return workshop_id, entry


def integrity_ack(exc: CryptoError) -> dict[str, Any]:
    """Stored data failed authentication: say so, log the kind, never send anything else."""
    log.error("integrity failure while serving a socket: %s", type(exc).__name__)
    return {
        "ok": False,
        "error": {
            "code": "integrity",
            "message": gettext("Stored data failed its integrity check; the facilitator was told."),
        },
    }


def _since(data: Any) -> int:
    value = data.get("last_seq", data.get("since", 0)) if isinstance(data, dict) else 0
    return value if isinstance(value, int) and value >= 0 else 0


def hello_payload(sid: str, data: Any) -> dict[str, Any]:
    """State from nothing plus the events after the client's last sequence number."""
    try:
        workshop_id, entry = socket_identity(sid)
        state = room.room_state(deps(), entry.viewer, workshop_id)
        missed = room.replay(deps(), entry.viewer, workshop_id, _since(data))
        people = room.presence(
            deps(), entry.viewer, workshop_id, presence_of().entries(workshop_id)
        )
    except ServiceError as exc:
        return error_ack(exc)
    except CryptoError as exc:
        return integrity_ack(exc)
    return {
        "ok": True,
        "state": state,
        "events": missed.events,
        "upto": missed.upto,
        "presence": people,
    }


def sync_payload(sid: str, data: Any) -> dict[str, Any]:
    """Events after `since`, for a client that noticed a gap in the sequence."""
    try:
        workshop_id, entry = socket_identity(sid)
        missed = room.replay(deps(), entry.viewer, workshop_id, _since(data))
    except ServiceError as exc:
        return error_ack(exc)
    except CryptoError as exc:
        return integrity_ack(exc)
    return {"ok": True, "events": missed.events, "upto": missed.upto}
