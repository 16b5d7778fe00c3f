"""The participants' Socket.IO namespace. Protocol: docs/PROTOCOL.md.

Connect with the session cookie and auth {"workshop_id": N}, or with auth {"token":
"tp_..."} from the join API. Each socket joins its company's room only.
"""

from __future__ import annotations

from typing import Any

from flask import request
from flask_socketio import Namespace, join_room

from participant.auth import session_participant, token_participant
from shared.crypto import CryptoError
from shared.errors import ServiceError
from shared.presence import PresenceEntry
from shared.services import contributions
from shared.services.participants import ParticipantIdentity
from shared.web import deps, error_ack
from shared.web.live import (
    company_room,
    hello_payload,
    integrity_ack,
    presence_of,
    publisher_of,
    socket_identity,
    sync_payload,
)


def _participant_from(auth: Any) -> ParticipantIdentity | None:
    if not isinstance(auth, dict):
        return None
    token = auth.get("token")
    if isinstance(token, str) and token:
        return token_participant(token)
    workshop_id = auth.get("workshop_id")
    return session_participant(workshop_id) if isinstance(workshop_id, int) else None


class ParticipantNamespace(Namespace):
    def on_connect(self, auth: Any = None) -> None:
        identity = _participant_from(auth)
        if identity is None:
            raise ConnectionRefusedError("unauthorized")
        sid: str = request.sid  # type: ignore[attr-defined]
        join_room(company_room(identity.workshop_id, identity.company_id))
        presence_of().add(
            identity.workshop_id,
            PresenceEntry(
                sid,
                "participant",
                identity.name,
                identity.company_id,
                identity.participant_id,
                identity.viewer,
            ),
        )
        publisher_of().publish_presence(identity.workshop_id)

    def on_disconnect(self, *_args: Any) -> None:
        workshop_id = presence_of().remove(request.sid)  # type: ignore[attr-defined]
        if workshop_id is not None:
            publisher_of().publish_presence(workshop_id)

    def on_hello(self, data: Any = None) -> dict[str, Any]:
        return hello_payload(request.sid, data)  # type: ignore[attr-defined]

    def on_sync(self, data: Any = None) -> dict[str, Any]:
        return sync_payload(request.sid, data)  # type: ignore[attr-defined]

    def on_post_contribution(self, data: Any = None) -> dict[str, Any]:
        try:
            _workshop_id, entry = socket_identity(request.sid)  # type: ignore[attr-defined]
            posted = contributions.post_contribution(
                deps(), entry.viewer, data if isinstance(data, dict) else {}
            )
        except ServiceError as exc:
            return error_ack(exc)
        except CryptoError as exc:
            return integrity_ack(exc)
        return {
            "ok": True,
            "contribution": posted.contribution,
            "seq": posted.seq,
            "duplicate": posted.duplicate,
        }
