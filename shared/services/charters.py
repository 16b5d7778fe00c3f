"""The workshop charter: proposed by the facilitator, accepted by every company.

Who accepted which version and when is recorded. A new version needs every company's
acceptance again unless it only makes the rules stricter (then earlier acceptances hold).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared import access, audit, disclosure
from shared.charter_state import company_has_accepted, current
from shared.disclosure import Viewer
from shared.errors import Conflict, Forbidden
from shared.feed import record_event
from shared.i18n import N_
from shared.models import Charter, CharterAcceptance, Company, Workshop
from shared.rules import Rules, at_least_as_strict
from shared.services.deps import Deps
from shared.validation import Checker

DEFAULT_RETENTION_DAYS = 365


@dataclass(frozen=True)
class CharterTerms:
    rules: Rules
    downloads_allowed: bool
    shareable_allowed: bool
    retention_days: int

    def at_least_as_strict_as(self, other: CharterTerms) -> bool:
        return (
            at_least_as_strict(self.rules, other.rules)
            and (other.downloads_allowed or not self.downloads_allowed)
            and (other.shareable_allowed or not self.shareable_allowed)
            and self.retention_days <= other.retention_days
        )


def terms_of(charter: Charter) -> CharterTerms:
    return CharterTerms(
        Rules.from_json(charter.rules),
        charter.downloads_allowed,
        charter.shareable_allowed,
        charter.retention_days,
    )


def add_default(s: Session, workshop: Workshop, deps: Deps) -> Charter:
    charter = Charter(
        workshop_id=workshop.id,
        version=1,
        rules=Rules().canonical(),
        downloads_allowed=True,
        shareable_allowed=False,
        retention_days=DEFAULT_RETENTION_DAYS,
        requires_acceptance=True,
        proposed_at=deps.clock(),
    )
    s.add(charter)
    return charter


def parse_terms(data: dict[str, Any], company_ids: set[int]) -> CharterTerms:
    """Form or JSON fields -> terms; ValidationFailed names every bad field."""
    check = Checker(data)
    retention = check.integer(
        "retention_days", minimum=1, maximum=3650, default=DEFAULT_RETENTION_DAYS
    )
    quorum = check.integer("quorum", minimum=0, maximum=100, default=0)
    raw = {
        "sensitivity": data.get("sensitivity") or "amber",
        "attribution": data.get("attribution") or "named",
        "reciprocity": _flag(data.get("reciprocity")),
        "quorum": quorum,
        "phase_reveal": _flag(data.get("phase_reveal")),
        "consent": _flag(data.get("consent")),
        "aggregate_only": _flag(data.get("aggregate_only")),
        "withheld_view": data.get("withheld_view") or "placeholder",
        "excluded": _ids(data.get("excluded")),
        "recipients": _ids(data.get("recipients")),
    }
    try:
        rules = Rules.from_dict(raw)
    except ValueError:
        check.errors["sensitivity"] = N_("Choose one of the offered options.")
        rules = Rules()
    unknown = (rules.excluded | rules.recipients) - company_ids
    if unknown:
        check.errors["excluded"] = N_("Name only companies of this workshop.")
    check.done()
    return CharterTerms(
        rules,
        _flag(data.get("downloads_allowed", True)),
        _flag(data.get("shareable_allowed")),
        retention,
    )


def _flag(value: Any) -> bool:
    return value in (True, "on", "true", "1", 1)


def _ids(value: Any) -> list[int]:
    if value in (None, ""):
        return []
    items = value if isinstance(value, list) else str(value).split(",")
    try:
        return [int(x) for x in items if str(x).strip()]
    except ValueError:
        return [-1]


def propose(deps: Deps, actor: Viewer, workshop_id: int, data: dict[str, Any]) -> Charter:
    with deps.db.transaction() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        access.open_workshop(workshop)
        company_ids = set(s.scalars(select(Company.id).where(Company.workshop_id == workshop.id)))
        terms = parse_terms(data, company_ids)
        previous = current(s, workshop.id)
        charter = Charter(
            workshop_id=workshop.id,
            version=previous.version + 1,
            rules=terms.rules.canonical(),
            downloads_allowed=terms.downloads_allowed,
            shareable_allowed=terms.shareable_allowed,
            retention_days=terms.retention_days,
            requires_acceptance=not terms.at_least_as_strict_as(terms_of(previous)),
            proposed_at=deps.clock(),
        )
        s.add(charter)
        s.flush()
        audit.append(
            s,
            deps.clock,
            action="charter.proposed",
            actor=f"facilitator:{actor.facilitator_id}",
            item=f"charter:{charter.version}",
            workshop_id=workshop.id,
            detail={"requires_acceptance": charter.requires_acceptance},
        )
        event = record_event(
            s, workshop.id, "charter.changed", {"charter_id": charter.id}, deps.clock
        )
    deps.publisher.publish([event])
    return charter


def accept(deps: Deps, viewer: Viewer, version: int) -> None:
    """The participant accepts, for their company, the version they were shown."""
    if viewer.participant_id is None or viewer.company_id is None or viewer.workshop_id is None:
        raise Forbidden(N_("Only company participants accept the charter."))
    with deps.db.transaction() as s:
        workshop = access.visible_workshop(s, viewer, viewer.workshop_id)
        charter = current(s, workshop.id)
        if charter.version != version:
            raise Conflict(N_("The charter changed while you were reading it: read it again."))
        if company_has_accepted(s, workshop.id, viewer.company_id):
            return
        s.add(
            CharterAcceptance(
                charter_id=charter.id,
                company_id=viewer.company_id,
                participant_id=viewer.participant_id,
                accepted_at=deps.clock(),
            )
        )
        audit.append(
            s,
            deps.clock,
            action="charter.accepted",
            actor=f"participant:{viewer.participant_id}",
            item=f"charter:{charter.version}",
            subject=f"company:{viewer.company_id}",
            workshop_id=workshop.id,
        )
        event = record_event(
            s,
            workshop.id,
            "charter.accepted",
            {"company_id": viewer.company_id, "charter_id": charter.id},
            deps.clock,
        )
    deps.publisher.publish([event])


@dataclass(frozen=True)
class CharterStatus:
    version: int
    terms: CharterTerms
    proposed_at: str
    accepted_by: dict[int, bool]  # company id -> accepted


def status(deps: Deps, viewer: Viewer, workshop_id: int) -> CharterStatus:
    with deps.db.reading() as s:
        workshop = access.visible_workshop(s, viewer, workshop_id)
        charter = current(s, workshop.id)
        companies = s.scalars(select(Company.id).where(Company.workshop_id == workshop.id))
        accepted = {cid: company_has_accepted(s, workshop.id, cid) for cid in companies}
        accepted = {
            cid: ok for cid, ok in accepted.items() if disclosure.may_see_acceptance(viewer, cid)
        }
        return CharterStatus(
            charter.version, terms_of(charter), charter.proposed_at.isoformat(), accepted
        )


def require_accepted(s: Session, viewer: Viewer, workshop_id: int) -> None:
    if viewer.company_id is None or not company_has_accepted(s, workshop_id, viewer.company_id):
        raise Forbidden(N_("Your company must accept the workshop's charter first."))


def status_json(st: CharterStatus) -> dict[str, Any]:
    return {
        "version": st.version,
        "rules": st.terms.rules.to_dict(),
        "downloads_allowed": st.terms.downloads_allowed,
        "shareable_allowed": st.terms.shareable_allowed,
        "retention_days": st.terms.retention_days,
        "proposed_at": st.proposed_at,
        "accepted_by": {str(k): v for k, v in st.accepted_by.items()},
    }
