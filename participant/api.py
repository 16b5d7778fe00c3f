"""The participants' part of /api/v1: join with an invitation token, read the room,
post contributions. Authentication after joining: `Authorization: Bearer tp_...` (returned
by join) or the session cookie with an X-CSRFToken header."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, jsonify, request

from participant.auth import remember, request_participant
from shared.disclosure import Channel
from shared.errors import Unauthorized, ValidationFailed
from shared.i18n import N_
from shared.services import contributions, participants, room
from shared.services.participants import ParticipantIdentity
from shared.web import check_api_csrf, deps, json_body

api = Blueprint("participant_api", __name__, url_prefix="/api/v1")


def _participant(workshop_id: int | None = None) -> ParticipantIdentity:
    identity = request_participant(workshop_id)
    if identity is None:
        raise Unauthorized(N_("Join the workshop through your invitation link first."))
    g.preferred_locale = identity.locale or participants.workshop_language(
        deps(), identity.workshop_id
    )
    return identity


@api.before_request
def _csrf() -> None:
    # Joining acts on no existing session: the invitation token in the body is the proof.
    if request.endpoint != "participant_api.join":
        check_api_csrf()


@api.post("/join")
def join() -> Any:
    body = json_body()
    token = body.get("invitation")
    if not isinstance(token, str) or not token:
        raise ValidationFailed({"invitation": N_("Send the invitation token from your link.")})
    joined = participants.join(deps(), token, body)
    remember(joined.workshop_id, joined.participant_id)
    return jsonify(
        {
            "participant_id": joined.participant_id,
            "workshop_id": joined.workshop_id,
            "company_id": joined.company_id,
            "token": joined.token,
        }
    ), 201


@api.get("/me")
def me() -> Any:
    identity = _participant()
    return jsonify(
        {
            "participant_id": identity.participant_id,
            "workshop_id": identity.workshop_id,
            "company_id": identity.company_id,
            "company": identity.company_name,
            "name": identity.name,
            "role": identity.role,
        }
    )


@api.get("/workshops/<int:workshop_id>/room")
def room_state(workshop_id: int) -> Any:
    identity = _participant(workshop_id)
    return jsonify(room.room_state(deps(), identity.viewer, workshop_id))


@api.get("/workshops/<int:workshop_id>/feed")
def feed(workshop_id: int) -> Any:
    identity = _participant(workshop_id)
    items = contributions.list_contributions(deps(), identity.viewer, workshop_id, Channel.API)
    return jsonify({"contributions": items})


@api.post("/workshops/<int:workshop_id>/contributions")
def post_contribution(workshop_id: int) -> Any:
    identity = _participant(workshop_id)
    posted = contributions.post_contribution(deps(), identity.viewer, json_body())
    return jsonify(
        {"contribution": posted.contribution, "seq": posted.seq, "duplicate": posted.duplicate}
    ), (200 if posted.duplicate else 201)
