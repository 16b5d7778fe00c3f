"""Collaboration plans: creation, versions and sign-off, step follow-up and progress notes.

A plan's content is one sealed document per version (shared.services.plan_document says
what it holds). Every party approves a version; a change after sign-off is a new version
that needs every party's approval again; versions are never changed. The follow-up (each
step's status, progress notes) is not part of the signed content and needs no approval.
Who may read or act on a plan is decided by shared.disclosure.may_see_plan: its parties
and the workshop's facilitators, during the workshop and after it.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared import audit, disclosure
from shared.audit import actor_company, actor_label
from shared.charter_state import company_has_accepted, current_rules
from shared.crypto import CryptoError
from shared.disclosure import Viewer
from shared.errors import Conflict, NotFound, ValidationFailed
from shared.feed import PublishedEvent, record_event
from shared.i18n import N_
from shared.models import (
    Company,
    Match,
    MatchInterest,
    Plan,
    PlanApproval,
    PlanNote,
    PlanParty,
    PlanStepState,
    PlanVersion,
    Workshop,
)
from shared.sealing import EnvelopeSealer
from shared.services.deps import Deps
from shared.services.naming import CompanyRefs, Ref, company_refs, renamed_in_text
from shared.services.plan_document import STEP_STATUSES, is_overdue, normalise, party_ids

PLAN_NOT_FOUND = N_("Plan not found.")
SHREDDED = N_("This workshop's records were deleted at the end of retention.")
ACCEPT_FIRST = N_("Accept the workshop's charter first.")


def _companies(s: Session, workshop_id: int) -> dict[int, str]:
    return {
        c.id: c.name for c in s.scalars(select(Company).where(Company.workshop_id == workshop_id))
    }


def _workshop_for(s: Session, viewer: Viewer, workshop_id: int) -> Workshop:
    workshop = s.get(Workshop, workshop_id)
    if workshop is None or not disclosure.can_enter_workshop(viewer, workshop):
        raise NotFound(PLAN_NOT_FOUND)
    return workshop


def _plan_for(s: Session, viewer: Viewer, plan_id: int, *, write: bool = False) -> Plan:
    """The plan, if this viewer may see it; NotFound otherwise (ids reveal nothing). For a
    change (`write`) the row is locked and a shredded workshop's plan refuses clearly."""
    plan = s.get(Plan, plan_id, with_for_update=write)
    if plan is None:
        raise NotFound(PLAN_NOT_FOUND)
    workshop = s.get(Workshop, plan.workshop_id)
    if workshop is None or not may_see(s, viewer, workshop, plan):
        raise NotFound(PLAN_NOT_FOUND)
    if write and workshop.shredded_at is not None:
        raise Conflict(SHREDDED)
    return plan


def _accepted(s: Session, viewer: Viewer, workshop: Workshop) -> bool:
    return viewer.company_id is not None and company_has_accepted(s, workshop.id, viewer.company_id)


def may_see(
    s: Session, viewer: Viewer, workshop: Workshop, plan: Plan, accepted: bool | None = None
) -> bool:
    """Gathers the facts shared.disclosure.may_see_plan decides on (`accepted` when the
    caller already knows it, so a list asks the charter once)."""
    if accepted is None:
        accepted = _accepted(s, viewer, workshop)
    parties = frozenset(p.company_id for p in plan.parties)
    return disclosure.may_see_plan(viewer, workshop, parties, accepted)


def _label(plan_id: int, version: int) -> str:
    return f"plan:{plan_id}:v{version}"


def seal_version(
    sealer: EnvelopeSealer, workshop: Workshop, plan: Plan, version: int, doc: dict[str, Any]
) -> bytes:
    return sealer.seal_record(
        workshop, _label(plan.id, version), json.dumps(doc, ensure_ascii=False, sort_keys=True)
    )


def open_version(
    sealer: EnvelopeSealer, workshop: Workshop, plan_id: int, row: PlanVersion
) -> dict[str, Any] | None:
    """The version's document, or None once it was shredded with its workshop."""
    if row.sealed_document is None:
        return None
    try:
        return dict(
            json.loads(
                sealer.open_record(workshop, _label(plan_id, row.version), row.sealed_document)
            )
        )
    except CryptoError:
        return None


def _version_row(s: Session, plan_id: int, version: int) -> PlanVersion | None:
    return s.scalar(
        select(PlanVersion).where(PlanVersion.plan_id == plan_id, PlanVersion.version == version)
    )


def _changed(s: Session, deps: Deps, plan: Plan) -> PublishedEvent:
    plan.updated_at = deps.clock()
    return record_event(s, plan.workshop_id, "plans.changed", {"plan_id": plan.id}, deps.clock)


def _check_actor_is_party(viewer: Viewer, parties: list[int]) -> None:
    if viewer.facilitator_id is None and viewer.company_id not in parties:
        raise ValidationFailed({"parties": N_("Your company must be one of the parties.")})


def require_accepted(s: Session, viewer: Viewer, workshop: Workshop) -> None:
    """A company acts on plans and ratings only under the charter it accepted."""
    if viewer.company_id is not None and not _accepted(s, viewer, workshop):
        raise Conflict(ACCEPT_FIRST)


def _version_arg(value: Any, field: str) -> int:
    """The version a client says it read; missing or not a number is a field error."""
    if isinstance(value, bool) or value in (None, ""):
        raise ValidationFailed({field: N_("This field is required.")})
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationFailed({field: N_("Enter a whole number.")}) from None


def _decoded(s: Session, viewer: Viewer, workshop: Workshop, data: Any) -> Any:
    """The client's document with its company references turned into ids."""
    return company_refs(s, viewer, workshop).decode_plan(data)


def create(deps: Deps, viewer: Viewer, workshop_id: int, data: dict[str, Any]) -> int:
    """A new plan (version 1, not yet signed) by the facilitator or a company."""
    with deps.db.transaction() as s:
        workshop = _workshop_for(s, viewer, workshop_id)
        if workshop.shredded_at is not None:
            raise Conflict(SHREDDED)
        require_accepted(s, viewer, workshop)
        doc = normalise(_decoded(s, viewer, workshop, data), _companies(s, workshop.id))
        parties = party_ids(doc)
        _check_actor_is_party(viewer, parties)
        match_id = data.get("match_id")
        plan = Plan(
            workshop_id=workshop.id,
            match_id=_usable_match(s, viewer, workshop, match_id) if match_id else None,
            created_by=actor_label(viewer),
            current_version=1,
            created_at=deps.clock(),
            updated_at=deps.clock(),
        )
        s.add(plan)
        s.flush()
        for company_id in parties:
            s.add(PlanParty(plan_id=plan.id, company_id=company_id))
        _add_version(s, deps, viewer, workshop, plan, doc, "plan.created", {"parties": parties})
        event = _changed(s, deps, plan)
        plan_id = plan.id
    deps.publisher.publish([event])
    return plan_id


def _add_version(
    s: Session,
    deps: Deps,
    viewer: Viewer,
    workshop: Workshop,
    plan: Plan,
    doc: dict[str, Any],
    action: str,
    detail: dict[str, Any],
) -> None:
    """Seal the document as the plan's current version and log it (metadata only)."""
    s.add(
        PlanVersion(
            plan_id=plan.id,
            version=plan.current_version,
            sealed_document=seal_version(deps.sealer, workshop, plan, plan.current_version, doc),
            created_by=actor_label(viewer),
            created_at=deps.clock(),
        )
    )
    audit.append(
        s,
        deps.clock,
        action=action,
        actor=actor_label(viewer),
        item=f"plan:{plan.id}",
        workshop_id=workshop.id,
        detail=detail,
    )


def _usable_match(s: Session, viewer: Viewer, workshop: Workshop, match_id: Any) -> int:
    try:
        row = s.get(Match, int(match_id))
    except (TypeError, ValueError):
        row = None
    if row is None or row.workshop_id != workshop.id:
        raise NotFound(N_("Result not found."))
    shown = disclosure.match_visibility(
        viewer,
        frozenset(row.company_ids),
        row.published,
        row.restricted,
        current_rules(s, workshop.id),
    )
    if shown not in (disclosure.MatchView.FULL, disclosure.MatchView.PARTY):
        raise NotFound(N_("Result not found."))
    return row.id


def party_choices(deps: Deps, viewer: Viewer, workshop_id: int) -> dict[Ref, str]:
    """The companies a plan's editor offers, by reference, named as this viewer may name
    them."""
    with deps.db.reading() as s:
        workshop = _workshop_for(s, viewer, workshop_id)
        require_accepted(s, viewer, workshop)
        return company_refs(s, viewer, workshop).choices()


def company_directory(deps: Deps, viewer: Viewer, workshop_id: int) -> list[dict[str, Any]]:
    """Every company as this viewer names it and refers to it in plans and ratings."""
    with deps.db.reading() as s:
        workshop = _workshop_for(s, viewer, workshop_id)
        require_accepted(s, viewer, workshop)
        refs = company_refs(s, viewer, workshop)
        return [
            {"company_id": refs.refs[cid], "name": label, "own": cid == viewer.company_id}
            for cid, label in refs.labels.items()
        ]


def blank_document(deps: Deps, viewer: Viewer, workshop_id: int) -> dict[str, Any]:
    """A new plan's form: the viewer's own company already a party."""
    with deps.db.reading() as s:
        workshop = _workshop_for(s, viewer, workshop_id)
        own = company_refs(s, viewer, workshop).ref(viewer.company_id)
        return {"parties": [{"company_id": own}] if own is not None else [], "steps": []}


def draft_from_match(
    deps: Deps, viewer: Viewer, workshop_id: int, match_id: int, language: str | None = None
) -> dict:
    """A plan document to start from: a published result both parties are interested in
    (or any confirmed one, for the facilitator). Not saved: the form shows it first; its
    objective is the result's explanation in ``language`` (the viewer's screen)."""
    from shared.services.matches import match_views

    with deps.db.reading() as s:
        workshop = _workshop_for(s, viewer, workshop_id)
        require_accepted(s, viewer, workshop)
        view = next(
            (
                m
                for m in match_views(deps.sealer, s, viewer, workshop, language)
                if m["id"] == match_id
            ),
            None,
        )
        if (
            view is None
            or "companies" not in view
            or view.get("status", "confirmed") != "confirmed"
        ):
            raise NotFound(N_("Result not found."))
        refs = company_refs(s, viewer, workshop)
        interested = set(
            s.scalars(select(MatchInterest.company_id).where(MatchInterest.match_id == match_id))
        )
        if viewer.facilitator_id is None and not set(view["company_ids"]) <= interested:
            raise Conflict(N_("Every company of this result must mark interest first."))
        # The parties read what the draft says: where they know each other by alias, so
        # does the draft (the facilitator reads names, and the explanation quotes them),
        # and in their order (a result's companies are in id order; a combination's are
        # provider then receiver, a role).
        as_parties_read = _parties_refs(s, workshop)
        said = as_parties_read.labels
        renaming = {c.name: said[c.id] for c in workshop.companies}
        ids = view["company_ids"]
        if view["kind"] != "combination":
            ids = as_parties_read.ordered(ids)
        parties = []
        for company_id in ids:
            party = {"company_id": refs.ref(company_id), "seeks": "", "gives": ""}
            if view["kind"] == "combination":
                if company_id == view["company_ids"][0]:  # the provider
                    party["gives"] = renamed_in_text(view.get("offer", ""), renaming)
                else:
                    party["seeks"] = renamed_in_text(view.get("need", ""), renaming)
            parties.append(party)
        return {
            "match_id": match_id,
            "title": " + ".join(said[c] for c in ids if c in said),
            "objective": renamed_in_text(view.get("explanation", ""), renaming),
            "parties": parties,
            "steps": [],
            "follow_up": "",
            "limits": "",
            "third_parties": "",
        }


def parties_read_aliases(deps: Deps, viewer: Viewer, workshop_id: int) -> bool:
    """Whether the companies of a plan know each other by alias (the editor says so)."""
    with deps.db.reading() as s:
        return _parties_refs(s, _workshop_for(s, viewer, workshop_id)).by_alias


def _parties_refs(s: Session, workshop: Workshop) -> CompanyRefs:
    """How a plan's parties name the others, and in what order they list them. Any
    company's viewer will do: the charter names companies alike for all of them."""
    return company_refs(s, Viewer(workshop_id=workshop.id), workshop)


def propose(
    deps: Deps, viewer: Viewer, plan_id: int, data: dict[str, Any], base_version: Any
) -> int:
    """Save a change as a new version; every party must approve it again. `base_version` is
    the version the editor started from: if someone saved another since, nothing is saved
    and the editor is told to reload (their text stays in their form)."""
    base = _version_arg(base_version, "base_version")
    with deps.db.transaction() as s:
        plan = _plan_for(s, viewer, plan_id, write=True)
        if base != plan.current_version:
            raise Conflict(
                N_(
                    "Someone saved a newer version meanwhile. Copy your changes, reload, "
                    "and edit again."
                )
            )
        workshop = s.get(Workshop, plan.workshop_id)
        assert workshop is not None
        doc = normalise(_decoded(s, viewer, workshop, data), _companies(s, workshop.id))
        old_parties = sorted(p.company_id for p in plan.parties)
        parties = party_ids(doc)
        _check_actor_is_party(viewer, parties)
        if viewer.facilitator_id is None and not set(old_parties) <= set(parties):
            # A company may bring others in, never push a party out: a party leaves a plan
            # through the facilitator, who answers for it.
            raise ValidationFailed(
                {"parties": N_("Only the facilitator can take a party out of a plan.")}
            )
        if sorted(parties) != old_parties:
            for party in list(plan.parties):
                if party.company_id not in parties:
                    s.delete(party)
            for company_id in set(parties) - set(old_parties):
                s.add(PlanParty(plan_id=plan.id, company_id=company_id))
        plan.current_version += 1
        _add_version(
            s, deps, viewer, workshop, plan, doc, "plan.version", {"version": plan.current_version}
        )
        event = _changed(s, deps, plan)
        version = plan.current_version
    deps.publisher.publish([event])
    return version


def approve(deps: Deps, viewer: Viewer, plan_id: int, version: Any) -> bool:
    """A party signs the current version; True once every party has."""
    if viewer.company_id is None:
        raise Conflict(N_("Only the parties sign a plan."))
    read = _version_arg(version, "version")
    with deps.db.transaction() as s:
        plan = _plan_for(s, viewer, plan_id, write=True)
        if read != plan.current_version:
            raise Conflict(N_("This plan changed since you read it: read the new version first."))
        if s.get(PlanApproval, (plan.id, plan.current_version, viewer.company_id)) is None:
            s.add(
                PlanApproval(
                    plan_id=plan.id,
                    version=plan.current_version,
                    company_id=viewer.company_id,
                    participant_id=viewer.participant_id,
                    approved_at=deps.clock(),
                )
            )
            s.flush()
        approved = set(
            s.scalars(
                select(PlanApproval.company_id).where(
                    PlanApproval.plan_id == plan.id, PlanApproval.version == plan.current_version
                )
            )
        )
        signed = {p.company_id for p in plan.parties} <= approved
        if signed:
            plan.signed_version = plan.current_version
        audit.append(
            s,
            deps.clock,
            action="plan.approved",
            actor=actor_label(viewer),
            item=f"plan:{plan.id}",
            workshop_id=plan.workshop_id,
            detail={"version": plan.current_version, "signed": signed},
        )
        event = _changed(s, deps, plan)
    deps.publisher.publish([event])
    return signed


def _current_doc(deps: Deps, s: Session, plan: Plan) -> dict[str, Any] | None:
    workshop = s.get(Workshop, plan.workshop_id)
    row = _version_row(s, plan.id, plan.current_version)
    if workshop is None or row is None:
        return None
    return open_version(deps.sealer, workshop, plan.id, row)


def _step_keys(doc: dict[str, Any] | None) -> set[str]:
    return {step["key"] for step in (doc or {}).get("steps", [])}


def set_step_status(deps: Deps, viewer: Viewer, plan_id: int, step_key: str, status: Any) -> None:
    if status not in STEP_STATUSES:
        raise ValidationFailed({"status": N_("Choose one of the offered options.")})
    with deps.db.transaction() as s:
        plan = _plan_for(s, viewer, plan_id, write=True)
        if step_key not in _step_keys(_current_doc(deps, s, plan)):
            raise NotFound(N_("Step not found."))
        state = s.get(PlanStepState, (plan.id, step_key))
        if state is None:
            state = PlanStepState(plan_id=plan.id, step_key=step_key)
            s.add(state)
        state.status = status
        state.updated_by = actor_label(viewer)
        state.updated_at = deps.clock()
        event = _changed(s, deps, plan)
    deps.publisher.publish([event])


def _note_label(plan_id: int, note_id: int) -> str:
    return f"plan-note:{plan_id}:{note_id}"


def add_note(
    deps: Deps, viewer: Viewer, plan_id: int, step_key: str, data: dict[str, Any], author: str
) -> int:
    """A progress note on a step; the author's name is sealed with the text."""
    text = data.get("text") if isinstance(data, dict) else None
    text = text.strip() if isinstance(text, str) else ""
    if not text:
        raise ValidationFailed({"text": N_("This field is required.")})
    if len(text) > 2000:
        raise ValidationFailed(
            {"text": N_("Too long: at most %(max_len)s characters.")}, {"text": {"max_len": 2000}}
        )
    with deps.db.transaction() as s:
        plan = _plan_for(s, viewer, plan_id, write=True)
        if step_key not in _step_keys(_current_doc(deps, s, plan)):
            raise NotFound(N_("Step not found."))
        workshop = s.get(Workshop, plan.workshop_id)
        assert workshop is not None
        note = PlanNote(
            plan_id=plan.id,
            step_key=step_key,
            company_id=viewer.company_id,
            created_at=deps.clock(),
        )
        s.add(note)
        s.flush()
        note.sealed_text = seal_note_text(
            deps.sealer, workshop, note, json.dumps({"text": text, "author": author})
        )
        event = _changed(s, deps, plan)
        note_id = note.id
    deps.publisher.publish([event])
    return note_id


# --- reading --------------------------------------------------------------------------


def status_of(plan: Plan) -> str:
    """draft (never signed) | signed | changed (a newer version awaits approval)."""
    if plan.signed_version is None:
        return "draft"
    return "signed" if plan.signed_version == plan.current_version else "changed"


def plan_view(
    sealer: EnvelopeSealer, s: Session, viewer: Viewer, plan: Plan, today: date
) -> dict[str, Any]:
    """The whole plan for someone disclosure already let in: the current version's content,
    sign-off, each step's follow-up (overdue marked), notes and the version history."""
    workshop = s.get(Workshop, plan.workshop_id)
    assert workshop is not None
    refs = company_refs(s, viewer, workshop)
    names = refs.labels
    row = _version_row(s, plan.id, plan.current_version)
    doc = open_version(sealer, workshop, plan.id, row) if row else None
    states = {
        st.step_key: st
        for st in s.scalars(select(PlanStepState).where(PlanStepState.plan_id == plan.id))
    }
    notes: dict[str, list[dict[str, Any]]] = {}
    for note in s.scalars(
        select(PlanNote).where(PlanNote.plan_id == plan.id).order_by(PlanNote.id)
    ):
        opened = _open_note(sealer, workshop, note, viewer, refs)
        if opened is not None:
            notes.setdefault(note.step_key, []).append(opened)
    approvals = {
        a.company_id: a.approved_at.isoformat()
        for a in s.scalars(
            select(PlanApproval).where(
                PlanApproval.plan_id == plan.id, PlanApproval.version == plan.current_version
            )
        )
    }
    parties = [refs.ref(cid) for cid in refs.ordered(p.company_id for p in plan.parties)]
    steps = []
    for step in (doc or {}).get("steps", []):
        state = states.get(step["key"])
        status = state.status if state else "not_started"
        by_ref = refs.encode_step(step)
        steps.append(
            {
                **by_ref,
                "owner": names.get(step.get("owner_company_id") or 0, ""),
                "resources": [
                    {**shown, "provider": names.get(r.get("provider_company_id") or 0)}
                    for r, shown in zip(step.get("resources", []), by_ref["resources"], strict=True)
                ],
                "status": status,
                "status_updated_at": state.updated_at.isoformat() if state else None,
                "overdue": is_overdue(step, status, today),
                "notes": notes.get(step["key"], []),
            }
        )
    versions = [
        {
            "version": v.version,
            "created_at": v.created_at.isoformat(),
            "by": _by(v.created_by, names),
        }
        for v in s.scalars(
            select(PlanVersion).where(PlanVersion.plan_id == plan.id).order_by(PlanVersion.version)
        )
    ]
    return {
        "id": plan.id,
        "workshop_id": plan.workshop_id,
        "workshop_title": workshop.title,
        "version": plan.current_version,
        "signed_version": plan.signed_version,
        "status": status_of(plan),
        "match_id": plan.match_id,
        "carried_to_plan_id": plan.carried_to_plan_id,
        "continues_plan_id": plan.continues_plan_id,
        "available": doc is not None,
        "title": (doc or {}).get("title", ""),
        "objective": (doc or {}).get("objective", ""),
        "follow_up": (doc or {}).get("follow_up", ""),
        "limits": (doc or {}).get("limits", ""),
        "third_parties": (doc or {}).get("third_parties", ""),
        "parties": [
            {
                **p,
                "company_id": refs.ref(p["company_id"]),
                "company": names.get(p["company_id"], ""),
                "approved_at": approvals.get(p["company_id"]),
            }
            for p in refs.ordered_parties((doc or {}).get("parties", []))
        ],
        "party_ids": parties,
        "steps": steps,
        "progress": _progress(steps),
        "versions": versions,
        "you_approved": viewer.company_id in approvals if viewer.company_id else None,
        "updated_at": plan.updated_at.isoformat(),
    }


def _by(actor: str, names: dict[int, str]) -> str:
    company_id = actor_company(actor)
    return "facilitator" if company_id is None else names.get(company_id, "")


def _progress(steps: list[dict[str, Any]]) -> dict[str, int]:
    return {
        "steps": len(steps),
        "done": sum(1 for st in steps if st["status"] == "done"),
        "blocked": sum(1 for st in steps if st["status"] == "blocked"),
        "overdue": sum(1 for st in steps if st["overdue"]),
    }


def seal_note_text(sealer: EnvelopeSealer, workshop: Workshop, note: PlanNote, text: str) -> bytes:
    return sealer.seal_record(workshop, _note_label(note.plan_id, note.id), text)


def open_note_text(sealer: EnvelopeSealer, workshop: Workshop, note: PlanNote) -> str | None:
    if note.sealed_text is None:
        return None
    try:
        return sealer.open_record(workshop, _note_label(note.plan_id, note.id), note.sealed_text)
    except CryptoError:
        return None


def _open_note(
    sealer: EnvelopeSealer, workshop: Workshop, note: PlanNote, viewer: Viewer, refs: CompanyRefs
) -> dict[str, Any] | None:
    text = open_note_text(sealer, workshop, note)
    if text is None:
        return None
    body = json.loads(text)
    author = body["author"]  # "person (company)", as written
    if refs.by_alias and note.company_id is not None and note.company_id != viewer.company_id:
        author = refs.labels.get(note.company_id, "")
    return {
        "id": note.id,
        "text": body["text"],
        "author": author,
        "at": note.created_at.isoformat(),
    }


def brief(view: dict[str, Any]) -> dict[str, Any]:
    """What lists and live events carry of a plan."""
    keys = ("id", "workshop_id", "workshop_title", "title", "status", "version", "progress")
    return {k: view[k] for k in keys} | {
        "parties": [p["company"] for p in view["parties"]],
        "next_due": min(
            (st["due"] for st in view["steps"] if st["due"] and st["status"] != "done"),
            default=None,
        ),
        "you_approved": view["you_approved"],
    }


def visible_plans(s: Session, viewer: Viewer, workshop: Workshop) -> list[Plan]:
    """The plans of a workshop this viewer may see, in creation order."""
    accepted = _accepted(s, viewer, workshop)
    rows = s.scalars(select(Plan).where(Plan.workshop_id == workshop.id).order_by(Plan.id))
    return [plan for plan in rows if may_see(s, viewer, workshop, plan, accepted)]


def list_plans(deps: Deps, viewer: Viewer, workshop_id: int) -> list[dict[str, Any]]:
    today = deps.clock().date()
    with deps.db.reading() as s:
        workshop = _workshop_for(s, viewer, workshop_id)
        return [
            plan_view(deps.sealer, s, viewer, plan, today)
            for plan in visible_plans(s, viewer, workshop)
        ]


def get_plan(deps: Deps, viewer: Viewer, plan_id: int) -> dict[str, Any]:
    with deps.db.reading() as s:
        plan = _plan_for(s, viewer, plan_id)
        return plan_view(deps.sealer, s, viewer, plan, deps.clock().date())


def get_version(deps: Deps, viewer: Viewer, plan_id: int, version: int) -> dict[str, Any]:
    """An earlier version's content as it was proposed (the history is readable)."""
    with deps.db.reading() as s:
        plan = _plan_for(s, viewer, plan_id)
        row = _version_row(s, plan.id, version)
        workshop = s.get(Workshop, plan.workshop_id)
        if row is None or workshop is None:
            raise NotFound(N_("Version not found."))
        doc = open_version(deps.sealer, workshop, plan.id, row)
        refs = company_refs(s, viewer, workshop)
        names = refs.labels
        approved = {
            a.company_id: a.approved_at.isoformat()
            for a in s.scalars(
                select(PlanApproval).where(
                    PlanApproval.plan_id == plan.id, PlanApproval.version == version
                )
            )
        }
        approvals = {names.get(cid, ""): approved[cid] for cid in refs.ordered(approved)}
        return {
            "plan_id": plan.id,
            "version": version,
            "created_at": row.created_at.isoformat(),
            "by": _by(row.created_by, names),
            "approved_by": approvals,
            "document": refs.encode_plan(doc) if doc is not None else None,
        }


def plan_event_view(
    sealer: EnvelopeSealer,
    s: Session,
    viewer: Viewer,
    workshop: Workshop,
    plan_id: int,
    today: date,
) -> dict[str, Any] | None:
    """A plans.changed event for one viewer: the plan's brief, or nothing at all."""
    plan = s.get(Plan, plan_id)
    if plan is None or plan.workshop_id != workshop.id:
        return None
    if not may_see(s, viewer, workshop, plan):
        return None
    return {"plan": brief(plan_view(sealer, s, viewer, plan, today))}
