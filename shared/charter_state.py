"""Queries about charter versions and acceptances, used by services and by shared.feed."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.models import Charter, CharterAcceptance
from shared.rules import Rules


def current(s: Session, workshop_id: int) -> Charter:
    return s.scalars(
        select(Charter).where(Charter.workshop_id == workshop_id).order_by(Charter.version.desc())
    ).first()  # type: ignore[return-value]


def current_rules(s: Session, workshop_id: int) -> Rules:
    return Rules.from_json(current(s, workshop_id).rules)


def company_has_accepted(s: Session, workshop_id: int, company_id: int) -> bool:
    """Accepted the current version, or an earlier one followed only by stricter versions."""
    versions = list(
        s.scalars(
            select(Charter)
            .where(Charter.workshop_id == workshop_id)
            .order_by(Charter.version.desc())
        )
    )
    accepted = set(
        s.scalars(
            select(CharterAcceptance.charter_id).where(CharterAcceptance.company_id == company_id)
        )
    )
    for charter in versions:  # newest first
        if charter.id in accepted:
            return True
        if charter.requires_acceptance:
            return False
    return False
