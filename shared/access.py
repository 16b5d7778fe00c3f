"""Loading objects on behalf of an actor. Reads ask shared.disclosure; acting asks here.

Both answer NotFound (never Forbidden) for another tenant's ids, so guessing sequential ids
reveals nothing about what exists.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from shared import disclosure
from shared.disclosure import Viewer
from shared.errors import Conflict, NotFound
from shared.i18n import N_
from shared.models import Company, Invitation, Workshop

WORKSHOP_NOT_FOUND = N_("Workshop not found.")


def visible_workshop(session: Session, viewer: Viewer, workshop_id: int) -> Workshop:
    workshop = session.get(Workshop, workshop_id)
    if workshop is None or not disclosure.can_enter_workshop(viewer, workshop):
        raise NotFound(WORKSHOP_NOT_FOUND)
    return workshop


def managed_workshop(session: Session, actor: Viewer, workshop_id: int) -> Workshop:
    """The workshop, if the actor is its facilitator."""
    workshop = session.get(Workshop, workshop_id)
    if workshop is None or actor.facilitator_id not in workshop.facilitator_ids:
        raise NotFound(WORKSHOP_NOT_FOUND)
    return workshop


def open_workshop(workshop: Workshop) -> None:
    if workshop.status != "open":
        raise Conflict(N_("This workshop is closed."))


def managed_company(session: Session, actor: Viewer, company_id: int) -> Company:
    company = session.get(Company, company_id)
    if company is None or actor.facilitator_id not in company.workshop.facilitator_ids:
        raise NotFound(N_("Company not found."))
    return company


def managed_invitation(session: Session, actor: Viewer, invitation_id: int) -> Invitation:
    invitation = session.get(Invitation, invitation_id)
    if (
        invitation is None
        or actor.facilitator_id not in invitation.company.workshop.facilitator_ids
    ):
        raise NotFound(N_("Invitation not found."))
    return invitation
