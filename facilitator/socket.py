"""The facilitator's Socket.IO namespace: authenticate, join the workshop room, replay.

Protocol: docs/PROTOCOL.md. Control actions go through the HTTP API.
"""

from __future__ import annotations

from typing import Any

from flask import request
from flask_socketio import Namespace, join_room

from facilitator.auth import session_facilitator
from shared.disclosure import Viewer
from shared.errors import NotFound
from shared.presence import PresenceEntry
from shared.services import accounts, room
from shared.web import deps
from shared.web.live import (
    facilitator_room,
    hello_payload,
    presence_of,
    projector_room,
    publisher_of,
    sync_payload,
)


def _facilitator_from(auth: Any) -> Viewer | None:
    token = auth.get("token") if isinstance(auth, dict) else None
    if isinstance(token, str) and token:
        person = accounts.facilitator_for_api_token(deps(), token)
        return Viewer(facilitator_id=person.id) if person else None
    return session_facilitator()


class FacilitatorNamespace(Namespace):
    def on_connect(self, auth: Any = None) -> None:
        actor = _facilitator_from(auth)
        workshop_id = auth.get("workshop_id") if isinstance(auth, dict) else None
        if actor is None or not isinstance(workshop_id, int):
            raise ConnectionRefusedError("unauthorized")
        try:
            name = room.facilitator_name_for(deps(), actor, workshop_id)
        except NotFound:
            raise ConnectionRefusedError("unauthorized") from None
        sid: str = request.sid  # type: ignore[attr-defined]
        if auth.get("projector") is True:
            # The room's screen: rendered as what every company may see, not as the facilitator.
            join_room(projector_room(workshop_id))
            presence_of().add(
                workshop_id,
                PresenceEntry(sid, "projector", "", None, None, Viewer(projector_of=workshop_id)),
            )
            return
        join_room(facilitator_room(workshop_id))
        presence_of().add(workshop_id, PresenceEntry(sid, "facilitator", name, None, None, actor))
        publisher_of().publish_presence(workshop_id)

    def on_disconnect(self, *_args: Any) -> None:
        workshop_id = presence_of().remove(request.sid)  # type: ignore[attr-defined]
        if workshop_id is not None:
            publisher_of().publish_presence(workshop_id)

    def on_hello(self, data: Any = None) -> dict[str, Any]:
        return hello_payload(request.sid, data)  # type: ignore[attr-defined]

    def on_sync(self, data: Any = None) -> dict[str, Any]:
        return sync_payload(request.sid, data)  # type: ignore[attr-defined]
