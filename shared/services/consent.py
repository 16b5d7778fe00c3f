"""Consent: a company asks to see a consent-ruled contribution; its owners decide.

The owners are the author's company and any co-owners the rules name; `consent_k` of them
must approve (k-of-n). Every request and decision is in the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from shared import access, audit
from shared.disclosure import Channel, Viewer, Visibility
from shared.errors import Conflict, NotFound
from shared.feed import Renderer, item_facts, parse_body, record_event
from shared.i18n import N_
from shared.models import AccessRequest, Company, Contribution
from shared.rules import Rules
from shared.services.deps import Deps

NOT_FOUND = N_("Contribution not found.")


def request_access(deps: Deps, viewer: Viewer, contribution_id: int) -> str:
    """Returns the request's status (pending, or approved if already granted)."""
    if viewer.company_id is None or viewer.workshop_id is None:
        raise NotFound(NOT_FOUND)
    with deps.db.transaction() as s:
        workshop = access.visible_workshop(s, viewer, viewer.workshop_id)
        access.open_workshop(workshop)
        item = s.get(Contribution, contribution_id)
        if item is None or item.workshop_id != workshop.id:
            raise NotFound(NOT_FOUND)
        decision = Renderer(s, deps.sealer).decide(viewer, workshop, item, Channel.PAGE)
        if decision.visibility is Visibility.FULL:
            return "approved"
        if not decision.can_request:
            raise NotFound(NOT_FOUND)  # nothing to ask for: do not confirm it exists
        existing = s.scalar(
            select(AccessRequest).where(
                AccessRequest.contribution_id == item.id,
                AccessRequest.requester_company_id == viewer.company_id,
            )
        )
        if existing:
            return existing.status
        s.add(
            AccessRequest(
                contribution_id=item.id,
                requester_company_id=viewer.company_id,
                status="pending",
                approvals=[],
                created_at=deps.clock(),
            )
        )
        audit.append(
            s,
            deps.clock,
            action="consent.requested",
            actor=f"company:{viewer.company_id}",
            item=f"contribution:{item.id}",
            subject=audit.subject_of(item),
            workshop_id=workshop.id,
        )
        event = record_event(
            s, workshop.id, "access.changed", {"contribution_id": item.id}, deps.clock
        )
    deps.publisher.publish([event])
    return "pending"


def _owners(deps: Deps, workshop: Any, item: Contribution) -> set[int]:
    """The author's company (recovered for Chatham House items while the key is held)."""
    owners = set(Rules.from_json(item.rules).owners)
    if item.company_id is not None:
        owners.add(item.company_id)
    else:
        found = deps.sealer.open_attribution(workshop, item)
        if found:
            owners.add(found[0])
    return owners


AUTHOR = "author"  # how a Chatham House author's approval is kept: never by company


def _approver(workshop: Any, item: Contribution, viewer: Viewer) -> int | str:
    """Who approves, as stored in the request and named in the audit log: the company,
    except the author of a Chatham House item (unless the rules name it as a co-owner),
    which would otherwise be named beside the item it wrote."""
    if item.company_id is None and viewer.company_id not in Rules.from_json(item.rules).owners:
        return AUTHOR
    assert viewer.company_id is not None
    return viewer.company_id


@dataclass(frozen=True)
class PendingRequest:
    id: int
    contribution_id: int
    requester: str
    excerpt: str


def pending_for_owner(deps: Deps, viewer: Viewer) -> list[PendingRequest]:
    """Requests waiting for this company's decision (it owns the items)."""
    if viewer.company_id is None or viewer.workshop_id is None:
        return []
    with deps.db.reading() as s:
        workshop = access.visible_workshop(s, viewer, viewer.workshop_id)
        out = []
        rows = s.scalars(
            select(AccessRequest)
            .join(Contribution)
            .where(Contribution.workshop_id == workshop.id, AccessRequest.status == "pending")
        )
        for request in rows:
            item = s.get(Contribution, request.contribution_id)
            assert item is not None
            if (
                viewer.company_id in _owners(deps, workshop, item)
                and _approver(workshop, item, viewer) not in request.approvals
            ):
                requester = s.get(Company, request.requester_company_id)
                text, _details = parse_body(deps.sealer.open_contribution(workshop, item))
                out.append(
                    PendingRequest(
                        request.id, item.id, requester.name if requester else "", text[:120]
                    )
                )
        return out


def decide(deps: Deps, viewer: Viewer, request_id: int, approve: bool) -> str:
    if viewer.company_id is None or viewer.workshop_id is None:
        raise NotFound(N_("Request not found."))
    with deps.db.transaction() as s:
        workshop = access.visible_workshop(s, viewer, viewer.workshop_id)
        access.open_workshop(workshop)
        request = s.get(AccessRequest, request_id)
        item = s.get(Contribution, request.contribution_id) if request else None
        if (
            request is None
            or item is None
            or item.workshop_id != workshop.id
            or viewer.company_id not in _owners(deps, workshop, item)
        ):
            raise NotFound(N_("Request not found."))
        if request.status != "pending":
            raise Conflict(N_("This request was already decided."))
        rules = item_facts(item).rules
        if approve:
            approver = _approver(workshop, item, viewer)
            request.approvals = sorted({*request.approvals, approver}, key=str)
            if len(request.approvals) >= rules.consent_k:
                request.status = "approved"
        else:
            request.status = "declined"
        if request.status != "pending":
            request.decided_at = deps.clock()
        audit.append(
            s,
            deps.clock,
            action="consent.approved" if approve else "consent.declined",
            actor=(
                audit.subject_of(item)
                if _approver(workshop, item, viewer) == AUTHOR
                else f"company:{viewer.company_id}"
            ),
            item=f"contribution:{item.id}",
            subject=audit.subject_of(item),
            workshop_id=workshop.id,
            detail={"requester": request.requester_company_id, "status": request.status},
        )
        events = [
            record_event(
                s,
                workshop.id,
                "access.changed",
                {"company_id": request.requester_company_id, "status": request.status},
                deps.clock,
            )
        ]
        if request.status == "approved":
            events.append(
                record_event(
                    s, workshop.id, "contribution.updated", {"contribution_id": item.id}, deps.clock
                )
            )
        status = request.status
    deps.publisher.publish(events)
    return status
