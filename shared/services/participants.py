"""Joining through an invitation link, and recognising a participant afterwards."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from shared.disclosure import Viewer
from shared.errors import NotFound
from shared.i18n import N_
from shared.models import Company, Invitation, Participant, Workshop
from shared.services.deps import Deps
from shared.tokens import new_token, token_hash
from shared.validation import LANGUAGES, Checker

INVALID_LINK = N_(
    "This invitation link is not valid: it may have expired or been revoked. "
    "Ask the facilitator for a new one."
)


@dataclass(frozen=True)
class InvitationInfo:
    workshop_id: int
    workshop_title: str
    workshop_language: str
    company_name: str


def _usable_invitation(deps: Deps, s: Any, token: str) -> Invitation:
    invitation = s.scalar(select(Invitation).where(Invitation.token_hash == token_hash(token)))
    if (
        invitation is None
        or invitation.revoked_at is not None
        or invitation.expires_at <= deps.clock()
        or invitation.company.workshop.shredded_at is not None
    ):
        raise NotFound(INVALID_LINK)
    return invitation


def describe_invitation(deps: Deps, token: str) -> InvitationInfo:
    with deps.db.reading() as s:
        invitation = _usable_invitation(deps, s, token)
        company = invitation.company
        return InvitationInfo(
            company.workshop.id, company.workshop.title, company.workshop.language, company.name
        )


@dataclass(frozen=True)
class Joined:
    participant_id: int
    workshop_id: int
    company_id: int
    token: str  # bearer token for API and socket clients; shown once


def join(deps: Deps, invitation_token: str, data: dict[str, Any]) -> Joined:
    check = Checker(data)
    name = check.text("name", max_len=120)
    role = check.text("role", max_len=120)
    email = check.email("email", required=False) or None
    locale = check.choice("locale", ("", *LANGUAGES), default="") or None
    # Validate the link first: a bad link matters more than a bad name.
    describe_invitation(deps, invitation_token)
    check.done()
    bearer = "tp_" + new_token()
    with deps.db.transaction() as s:
        invitation = _usable_invitation(deps, s, invitation_token)
        person = Participant(
            workshop_id=invitation.company.workshop_id,
            company_id=invitation.company_id,
            invitation_id=invitation.id,
            name=name,
            role=role,
            email=email,
            locale=locale,
            token_hash=token_hash(bearer),
            created_at=deps.clock(),
        )
        s.add(person)
        s.flush()
        return Joined(person.id, person.workshop_id, person.company_id, bearer)


@dataclass(frozen=True)
class ParticipantIdentity:
    participant_id: int
    workshop_id: int
    company_id: int
    name: str
    role: str
    company_name: str
    locale: str | None

    @property
    def viewer(self) -> Viewer:
        return Viewer(
            participant_id=self.participant_id,
            company_id=self.company_id,
            workshop_id=self.workshop_id,
        )


def has_access(person: Participant | None) -> bool:
    """Still allowed in? Removed people and people whose link was revoked are not."""
    return person is not None and person.removed_at is None and person.invitation.revoked_at is None


def _identity(person: Participant | None) -> ParticipantIdentity | None:
    if person is None or not has_access(person):
        return None
    return ParticipantIdentity(
        person.id,
        person.workshop_id,
        person.company_id,
        person.name,
        person.role,
        person.company.name,
        person.locale,
    )


def identify(deps: Deps, participant_id: int) -> ParticipantIdentity | None:
    with deps.db.reading() as s:
        return _identity(s.get(Participant, participant_id))


def identify_by_token(deps: Deps, bearer: str) -> ParticipantIdentity | None:
    with deps.db.reading() as s:
        return _identity(
            s.scalar(select(Participant).where(Participant.token_hash == token_hash(bearer)))
        )


def company_names(deps: Deps, workshop_id: int) -> dict[int, str]:
    with deps.db.reading() as s:
        rows = s.execute(
            select(Company.id, Company.name).where(Company.workshop_id == workshop_id)
        ).all()
        return {row.id: row.name for row in rows}


def workshop_language(deps: Deps, workshop_id: int) -> str:
    with deps.db.reading() as s:
        workshop = s.get(Workshop, workshop_id)
        return workshop.language if workshop else "es"
