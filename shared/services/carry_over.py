"""Starting a workshop from an earlier one: its companies (with their profiles), its open
plans (every version, sign-off, follow-up and notes) and, through the companies'
organisation keys, its ledger. Everything sealed is opened under the earlier workshop's
key and sealed again under the new one's, so each workshop's retention still applies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared import access, audit
from shared.disclosure import Viewer
from shared.errors import Conflict, ValidationFailed
from shared.feed import record_event
from shared.i18n import N_
from shared.models import (
    Company,
    Evaluation,
    Plan,
    PlanApproval,
    PlanNote,
    PlanParty,
    PlanReminder,
    PlanStepState,
    PlanVersion,
    ProfileRecord,
    Workshop,
)
from shared.services import plans
from shared.services.deps import Deps
from shared.services.naming import map_plan_companies
from shared.services.workshops import new_company


@dataclass(frozen=True)
class CarriedOver:
    companies: int
    plans: int


def import_from(deps: Deps, actor: Viewer, workshop_id: int, earlier_id: Any) -> CarriedOver:
    try:
        earlier_id = int(earlier_id)
    except (TypeError, ValueError):
        raise ValidationFailed(
            {"earlier_id": N_("Choose one of your earlier workshops.")}
        ) from None
    if earlier_id == workshop_id:
        raise ValidationFailed({"earlier_id": N_("Choose one of your earlier workshops.")})
    with deps.db.transaction() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        access.open_workshop(workshop)
        earlier = s.get(Workshop, earlier_id)
        # Only the workshop's own lead may carry its material elsewhere: a co-facilitator
        # helps run a workshop, it does not take its companies' plans with it.
        if earlier is None or earlier.facilitator_id != actor.facilitator_id:
            raise ValidationFailed({"earlier_id": N_("Choose one of your earlier workshops.")})
        if earlier.shredded_at is not None:
            raise Conflict(N_("This workshop's records were deleted at the end of retention."))
        mapping = _companies(deps, s, earlier, workshop)
        events = []
        for plan in s.scalars(
            select(Plan).where(Plan.workshop_id == earlier.id, Plan.carried_to_plan_id.is_(None))
        ):
            if _is_open(deps, s, actor, plan) and all(
                p.company_id in mapping for p in plan.parties
            ):
                copy = _carry_plan(deps, s, plan, earlier, workshop, mapping, actor)
                events.append(
                    record_event(s, workshop.id, "plans.changed", {"plan_id": copy.id}, deps.clock)
                )
        carried = len(events)
        audit.append(
            s,
            deps.clock,
            action="workshop.imported",
            actor=f"facilitator:{actor.facilitator_id}",
            item=f"workshop:{workshop.id}",
            workshop_id=workshop.id,
            detail={"from": earlier.id, "companies": len(mapping), "plans": carried},
        )
    deps.publisher.publish(events)
    return CarriedOver(len(mapping), carried)


def _companies(deps: Deps, s: Session, earlier: Workshop, workshop: Workshop) -> dict[int, int]:
    """Earlier company id -> company id here, adding those not here yet (by name). A
    company already here with the same name is taken as the same organisation only while
    it has no ratings of its own: a key with history is never overwritten."""
    here = {c.name.casefold(): c for c in workshop.companies}
    rated = set(s.scalars(select(Evaluation.rater_company_id))) | set(
        s.scalars(select(Evaluation.other_company_id))
    )
    mapping = {}
    for company in earlier.companies:
        target = here.get(company.name.casefold())
        if target is None:
            target = new_company(s, workshop, company.name, deps)
            s.flush()
            _copy_profile(deps, s, company, target, earlier, workshop)
        if target.org_key != company.org_key and target.id not in rated:
            target.org_key = company.org_key
        mapping[company.id] = target.id
    return mapping


def _copy_profile(
    deps: Deps, s: Session, company: Company, target: Company, earlier: Workshop, workshop: Workshop
) -> None:
    from shared.services.profiles import profile_label

    record = s.get(ProfileRecord, company.id)
    if record is None or record.sealed_profile is None:
        return
    text = deps.sealer.open_record(earlier, profile_label(company.id), record.sealed_profile)
    s.add(
        ProfileRecord(
            company_id=target.id,
            workshop_id=workshop.id,
            language=record.language,
            sealed_profile=deps.sealer.seal_record(workshop, profile_label(target.id), text),
            updated_at=deps.clock(),
        )
    )


def _is_open(deps: Deps, s: Session, actor: Viewer, plan: Plan) -> bool:
    """Not every step done (a plan without steps is open). The actor leads the earlier
    workshop, so the plan is theirs to read."""
    view = plans.plan_view(deps.sealer, s, actor, plan, deps.clock().date())
    steps = view["steps"]
    return view["available"] and (not steps or any(st["status"] != "done" for st in steps))


def _remap(doc: dict[str, Any], mapping: dict[int, int]) -> dict[str, Any]:
    return map_plan_companies(
        doc, lambda value: mapping.get(value, value) if isinstance(value, int) else value
    )


def _remap_actor(actor: str, mapping: dict[int, int]) -> str:
    """ "company:<id>" in the earlier workshop becomes the same organisation's company here
    (a version's author is shown by its company; the earlier id names nobody here)."""
    company_id = audit.actor_company(actor)
    return f"company:{mapping[company_id]}" if company_id in mapping else actor


def _carry_plan(
    deps: Deps,
    s: Session,
    plan: Plan,
    earlier: Workshop,
    workshop: Workshop,
    mapping: dict[int, int],
    actor: Viewer,
) -> Plan:
    copy = Plan(
        workshop_id=workshop.id,
        created_by=_remap_actor(plan.created_by, mapping),
        current_version=plan.current_version,
        signed_version=plan.signed_version,
        continues_plan_id=plan.id,
        created_at=plan.created_at,
        updated_at=deps.clock(),
    )
    s.add(copy)
    s.flush()
    plan.carried_to_plan_id = copy.id
    for party in plan.parties:
        s.add(PlanParty(plan_id=copy.id, company_id=mapping[party.company_id]))
    for row in s.scalars(select(PlanVersion).where(PlanVersion.plan_id == plan.id)):
        doc = plans.open_version(deps.sealer, earlier, plan.id, row)
        if doc is None:
            continue
        s.add(
            PlanVersion(
                plan_id=copy.id,
                version=row.version,
                sealed_document=plans.seal_version(
                    deps.sealer, workshop, copy, row.version, _remap(doc, mapping)
                ),
                created_by=_remap_actor(row.created_by, mapping),
                created_at=row.created_at,
            )
        )
    for approval in s.scalars(select(PlanApproval).where(PlanApproval.plan_id == plan.id)):
        s.add(
            PlanApproval(
                plan_id=copy.id,
                version=approval.version,
                company_id=mapping[approval.company_id],
                approved_at=approval.approved_at,
            )
        )
    for state in s.scalars(select(PlanStepState).where(PlanStepState.plan_id == plan.id)):
        s.add(
            PlanStepState(
                plan_id=copy.id,
                step_key=state.step_key,
                status=state.status,
                updated_by=_remap_actor(state.updated_by, mapping),
                updated_at=state.updated_at,
            )
        )
    for note in s.scalars(select(PlanNote).where(PlanNote.plan_id == plan.id)):
        text = plans.open_note_text(deps.sealer, earlier, note)
        if text is None:
            continue
        new_note = PlanNote(
            plan_id=copy.id,
            step_key=note.step_key,
            company_id=mapping.get(note.company_id or 0),
            created_at=note.created_at,
        )
        s.add(new_note)
        s.flush()
        new_note.sealed_text = plans.seal_note_text(deps.sealer, workshop, new_note, text)
    for sent in s.scalars(select(PlanReminder).where(PlanReminder.plan_id == plan.id)):
        s.add(
            PlanReminder(
                plan_id=copy.id,
                step_key=sent.step_key,
                due=sent.due,
                kind=sent.kind,
                recipient=sent.recipient,
                sent_at=sent.sent_at,
            )
        )
    audit.append(
        s,
        deps.clock,
        action="plan.carried",
        actor=f"facilitator:{actor.facilitator_id}",
        item=f"plan:{copy.id}",
        workshop_id=workshop.id,
        detail={"from_plan": plan.id, "from_workshop": earlier.id},
    )
    return copy
