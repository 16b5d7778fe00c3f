"""Who the participant is: their session (browser) or a bearer token (other clients).

A browser can hold several workshops (one participant each), so the session maps
workshop id -> participant id. Every request re-checks that the person still has access.
"""

from __future__ import annotations

from flask import session

from shared.services import participants
from shared.services.participants import ParticipantIdentity
from shared.web import bearer_token, deps

SESSION_KEY = "participants"


def remember(workshop_id: int, participant_id: int) -> None:
    joined = dict(session.get(SESSION_KEY) or {})
    joined[str(workshop_id)] = participant_id
    session[SESSION_KEY] = joined
    session.permanent = True


def session_participant(workshop_id: int) -> ParticipantIdentity | None:
    participant_id = (session.get(SESSION_KEY) or {}).get(str(workshop_id))
    if not isinstance(participant_id, int):
        return None
    identity = participants.identify(deps(), participant_id)
    if identity is None or identity.workshop_id != workshop_id:
        return None
    return identity


def token_participant(token: str | None) -> ParticipantIdentity | None:
    if not token or not token.startswith("tp_"):
        return None
    return participants.identify_by_token(deps(), token)


def request_participant(workshop_id: int | None = None) -> ParticipantIdentity | None:
    identity = token_participant(bearer_token())
    if identity is None and workshop_id is not None:
        identity = session_participant(workshop_id)
    if identity is not None and workshop_id is not None and identity.workshop_id != workshop_id:
        return None
    return identity
