"""Workshops, their companies and invitation links, topics and phases, closing."""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from shared import access, audit
from shared.disclosure import Viewer
from shared.errors import Conflict, Forbidden, NotFound, ValidationFailed
from shared.feed import PublishedEvent, record_event
from shared.i18n import N_
from shared.matching.text import fold
from shared.models import (
    CoFacilitator,
    Company,
    Contribution,
    Facilitator,
    Invitation,
    Participant,
    Phase,
    Topic,
    Workshop,
)
from shared.rules import Rules, Sensitivity
from shared.services import agenda, charters
from shared.services.deps import Deps
from shared.tokens import new_token, token_hash
from shared.validation import LANGUAGES, Checker


def create_workshop(deps: Deps, actor: Viewer, data: dict[str, Any]) -> Workshop:
    check = Checker(data)
    title = check.text("title", max_len=200)
    objective = check.text("objective", max_len=2000, required=False)
    day = check.iso_date("date")
    language = check.choice("language", LANGUAGES, default="es")
    check.done()
    assert actor.facilitator_id is not None
    with deps.db.transaction() as s:
        workshop = Workshop(
            facilitator_id=actor.facilitator_id,
            title=title,
            objective=objective,
            date=day,
            language=language,
            status="open",
            last_seq=0,
            created_at=deps.clock(),
        )
        s.add(workshop)
        s.flush()
        workshop.wrapped_key, workshop.sealed_attribution_key = deps.sealer.new_workshop_keys(
            workshop.id
        )
        charters.add_default(s, workshop, deps)
        audit.append(
            s,
            deps.clock,
            action="workshop.created",
            actor=f"facilitator:{actor.facilitator_id}",
            item=f"workshop:{workshop.id}",
            workshop_id=workshop.id,
        )
        welcome = Phase(
            workshop_id=workshop.id,
            position=0,
            kind="welcome",
            status="active",
            started_at=deps.clock(),
        )
        s.add(welcome)
        s.flush()
        workshop.current_phase_id = welcome.id
    return workshop


def list_workshops(deps: Deps, actor: Viewer) -> list[Workshop]:
    with deps.db.reading() as s:
        return list(
            s.scalars(
                select(Workshop)
                .where(
                    (Workshop.facilitator_id == actor.facilitator_id)
                    | Workshop.id.in_(
                        select(CoFacilitator.workshop_id).where(
                            CoFacilitator.facilitator_id == actor.facilitator_id
                        )
                    )
                )
                .order_by(Workshop.date.desc(), Workshop.id.desc())
            )
        )


# An alias is said aloud in the room and printed in summaries, so it is in the workshop's
# language; it is stored as given, one word for everyone, whatever their screen says.
ALIAS_WORDS = {"en": "Company", "es": "Empresa"}


def alias_word(language: str) -> str:
    return ALIAS_WORDS.get(language, ALIAS_WORDS["en"])


def _alias(taken: set[str], language: str) -> str:
    """A random unused alias: in creation order, "Company A" would be the first company
    added, and anyone who saw the list could map aliases back to names."""
    word, letters = alias_word(language), string.ascii_uppercase
    size = 26
    while True:
        pool = [f"{word} {letters[i % 26]}{'' if i < 26 else i // 26 + 1}" for i in range(size)]
        free = [label for label in pool if label not in taken]
        if free:
            return secrets.choice(free)
        size += 26


def add_company(deps: Deps, actor: Viewer, workshop_id: int, data: dict[str, Any]) -> Company:
    check = Checker(data)
    name = check.text("name", max_len=200)
    check.done()
    try:
        with deps.db.transaction() as s:
            workshop = access.managed_workshop(s, actor, workshop_id)
            access.open_workshop(workshop)
            company = new_company(s, workshop, name, deps)
    except IntegrityError:
        raise Conflict(N_("A company with this name is already in the workshop.")) from None
    return company


def company_key(name: str) -> str:
    """Two names that differ only in case, accents or spacing are one company ("acme foods",
    "Acme  Foods"; "Queseria" / "Quesería"): a second one would be a phantom company that
    an import creates and nothing can remove."""
    return " ".join(fold(name).split())


def new_company(s: Session, workshop: Workshop, name: str, deps: Deps) -> Company:
    """Add a company in the caller's transaction, with a random unused alias."""
    existing = s.scalars(select(Company.name).where(Company.workshop_id == workshop.id))
    same = next((other for other in existing if company_key(other) == company_key(name)), None)
    if same is not None:
        raise Conflict(
            N_(
                "%(existing)s is already in the workshop (names differing only in case or "
                "accents are one company)."
            ),
            existing=same,
        )
    taken = set(s.scalars(select(Company.alias).where(Company.workshop_id == workshop.id)))
    company = Company(
        workshop_id=workshop.id,
        name=name,
        alias=_alias(taken, workshop.language),
        created_at=deps.clock(),
    )
    s.add(company)
    s.flush()
    return company


@dataclass(frozen=True)
class IssuedInvitation:
    invitation_id: int
    company_id: int
    company_name: str
    workshop_id: int
    expires_at: datetime
    token: str  # shown once; only its hash is stored


def issue_invitation(deps: Deps, actor: Viewer, company_id: int) -> IssuedInvitation:
    token = new_token()
    now = deps.clock()
    with deps.db.transaction() as s:
        company = access.managed_company(s, actor, company_id)
        # After the workshop a link brings people back to follow their plans up.
        if company.workshop.shredded_at is not None:
            raise Conflict(N_("This workshop's records were deleted at the end of retention."))
        invitation = Invitation(
            company_id=company.id,
            token_hash=token_hash(token),
            created_at=now,
            expires_at=now + deps.invitation_ttl,
        )
        s.add(invitation)
        s.flush()
        return IssuedInvitation(
            invitation.id,
            company.id,
            company.name,
            company.workshop_id,
            invitation.expires_at,
            token,
        )


def revoke_invitation(deps: Deps, actor: Viewer, invitation_id: int) -> int:
    """Revoking stops the link and signs out the people who joined through it.

    Returns the workshop's id."""
    with deps.db.transaction() as s:
        invitation = access.managed_invitation(s, actor, invitation_id)
        if invitation.revoked_at is None:
            invitation.revoked_at = deps.clock()
        workshop_id = invitation.company.workshop_id
        signed_out = set(
            s.scalars(select(Participant.id).where(Participant.invitation_id == invitation.id))
        )
    deps.publisher.disconnect_participants(signed_out)
    return workshop_id


@dataclass(frozen=True)
class CompanyRow:
    company: Company
    invitations: list[Invitation]
    participants: list[Participant]


def companies_overview(deps: Deps, actor: Viewer, workshop_id: int) -> list[CompanyRow]:
    with deps.db.reading() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        rows = []
        for company in workshop.companies:
            invitations = list(
                s.scalars(
                    select(Invitation)
                    .where(Invitation.company_id == company.id)
                    .order_by(Invitation.id)
                )
            )
            people = list(
                s.scalars(
                    select(Participant)
                    .where(Participant.company_id == company.id)
                    .order_by(Participant.id)
                )
            )
            rows.append(CompanyRow(company, invitations, people))
        return rows


def close_workshop(deps: Deps, actor: Viewer, workshop_id: int) -> Workshop:
    """Close: RED contributions are crypto-shredded, Chatham House attribution becomes
    unrecoverable (its key is destroyed), summaries become final."""
    now = deps.clock()
    events: list[PublishedEvent] = []
    with deps.db.transaction() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        if workshop.status == "closed":
            return workshop
        position = (
            s.scalar(select(func.max(Phase.position)).where(Phase.workshop_id == workshop.id)) or 0
        ) + 1
        phase = Phase(workshop_id=workshop.id, position=position, kind="closed", status="planned")
        s.add(phase)
        s.flush()
        agenda.activate(s, workshop, phase, now)
        workshop.status = "closed"
        workshop.closed_at = now
        shredded = shred_red(s, workshop, deps)
        workshop.sealed_attribution_key = None
        for item in s.scalars(
            select(Contribution).where(
                Contribution.workshop_id == workshop.id,
                Contribution.sealed_attribution.is_not(None),
            )
        ):
            item.sealed_attribution = None  # its key is gone: keep no undecryptable residue
        audit.append(
            s,
            deps.clock,
            action="workshop.closed",
            actor=f"facilitator:{actor.facilitator_id}",
            item=f"workshop:{workshop.id}",
            workshop_id=workshop.id,
            detail={"red_shredded": shredded, "attribution_key": "destroyed"},
        )
        events.append(
            record_event(s, workshop.id, "phase.changed", {"phase_id": phase.id}, deps.clock)
        )
        events.append(record_event(s, workshop.id, "workshop.closed", {}, deps.clock))
    deps.db.checkpoint()  # no trace of shredded material in the WAL
    deps.publisher.publish(events)
    return workshop


def shred_red(s: Session, workshop: Workshop, deps: Deps) -> int:
    count = 0
    for item in s.scalars(
        select(Contribution).where(
            Contribution.workshop_id == workshop.id, Contribution.shredded_at.is_(None)
        )
    ):
        if Rules.from_json(item.rules).sensitivity is Sensitivity.RED:
            item.sealed_body = None
            item.shredded_at = deps.clock()
            audit.append(
                s,
                deps.clock,
                action="shred.red",
                actor=audit.SYSTEM,
                item=f"contribution:{item.id}",
                subject=audit.subject_of(item),
                workshop_id=workshop.id,
            )
            count += 1
    return count


def reveal_topic(deps: Deps, actor: Viewer, workshop_id: int, topic_id: int) -> None:
    """Open the reveal of a round: contributions waiting for it appear to all at once."""
    with deps.db.transaction() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        access.open_workshop(workshop)
        topic = s.get(Topic, topic_id)
        if topic is None or topic.workshop_id != workshop.id:
            raise NotFound(N_("Topic not found."))
        if topic.revealed_at is not None:
            return
        topic.revealed_at = deps.clock()
        audit.append(
            s,
            deps.clock,
            action="reveal.phase",
            actor=f"facilitator:{actor.facilitator_id}",
            item=f"topic:{topic.id}",
            workshop_id=workshop.id,
        )
        event = record_event(s, workshop.id, "topic.refresh", {"topic_id": topic.id}, deps.clock)
    deps.publisher.publish([event])


def add_co_facilitator(deps: Deps, actor: Viewer, workshop_id: int, email: str) -> None:
    """Invite another facilitator account (by its email) to help run the workshop."""
    with deps.db.transaction() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        person = s.scalar(select(Facilitator).where(Facilitator.email == email.strip().lower()))
        if person is None:
            raise ValidationFailed(
                {
                    "email": N_(
                        "No facilitator account has this email: create it first "
                        "(tertulia facilitator create) and invite again."
                    )
                }
            )
        if person.id in workshop.facilitator_ids:
            return
        s.add(
            CoFacilitator(workshop_id=workshop.id, facilitator_id=person.id, added_at=deps.clock())
        )
        audit.append(
            s,
            deps.clock,
            action="facilitator.added",
            actor=f"facilitator:{actor.facilitator_id}",
            item=f"facilitator:{person.id}",
            workshop_id=workshop.id,
        )


def hand_over(deps: Deps, actor: Viewer, workshop_id: int, facilitator_id: int) -> None:
    """The owner hands control to a co-facilitator and stays on as a co-facilitator."""
    with deps.db.transaction() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        if workshop.facilitator_id != actor.facilitator_id:
            raise Forbidden(N_("Only the workshop's owner can hand over control."))
        co = s.get(CoFacilitator, (workshop.id, facilitator_id))
        if co is None:
            raise ValidationFailed({"facilitator_id": N_("Invite them as co-facilitator first.")})
        s.delete(co)
        s.add(
            CoFacilitator(
                workshop_id=workshop.id,
                facilitator_id=workshop.facilitator_id,
                added_at=deps.clock(),
            )
        )
        workshop.facilitator_id = facilitator_id
        audit.append(
            s,
            deps.clock,
            action="facilitator.handover",
            actor=f"facilitator:{actor.facilitator_id}",
            item=f"facilitator:{facilitator_id}",
            workshop_id=workshop.id,
        )


def facilitators_of(deps: Deps, actor: Viewer, workshop_id: int) -> list[dict[str, Any]]:
    with deps.db.reading() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        people = s.scalars(select(Facilitator).where(Facilitator.id.in_(workshop.facilitator_ids)))
        return [
            {"id": p.id, "name": p.name, "email": p.email, "owner": p.id == workshop.facilitator_id}
            for p in people
        ]


def set_moderation(deps: Deps, actor: Viewer, workshop_id: int, moderate_all: bool) -> None:
    """Moderate every round of the workshop (new contributions wait for approval)."""
    with deps.db.transaction() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        workshop.moderate_all = moderate_all
        event = record_event(s, workshop.id, "agenda.changed", {}, deps.clock)
    deps.publisher.publish([event])
