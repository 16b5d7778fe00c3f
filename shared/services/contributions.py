"""Posting contributions (idempotent by client id) under rules never looser than the
charter, changing an item's rules, and reading contributions through the disclosure gate."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from shared import access, audit
from shared.charter_state import current_rules
from shared.disclosure import Channel, Viewer
from shared.errors import Conflict, Forbidden, NotFound, ValidationFailed
from shared.feed import DETAIL_FIELDS, Renderer, body_document, record_event
from shared.i18n import N_
from shared.models import Company, Contribution, Phase, Topic, TopicParticipation, Workshop
from shared.rules import Attribution, Rules, at_least_as_strict, with_changes
from shared.services.charters import require_accepted
from shared.services.deps import Deps
from shared.validation import Checker

KINDS = ("good_practice", "bad_practice", "barrier", "result", "idea")
_CLIENT_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
MAX_BODY = 5000
LOOSER_THAN_CHARTER = N_("Your rules may be stricter than the charter's, never looser.")


@dataclass(frozen=True)
class Posted:
    contribution: dict[str, Any]
    seq: int | None
    duplicate: bool


def _target_topic(s: Session, workshop: Workshop, topic_id: object) -> Topic:
    """The topic the client wrote for, else the open one.

    A contribution written during a round and resent after a reconnect belongs to that
    round even if the facilitator has moved on: a sent contribution is never refused for
    arriving late.
    """
    if topic_id not in (None, ""):
        topic = s.get(Topic, topic_id) if isinstance(topic_id, int) else None
        if topic is None or topic.workshop_id != workshop.id:
            raise ValidationFailed({"topic_id": N_("Unknown topic.")})
        return topic
    phase = s.get(Phase, workshop.current_phase_id) if workshop.current_phase_id else None
    if phase is None or phase.topic is None:
        raise Conflict(N_("No topic is open right now: wait for the facilitator."))
    return phase.topic


def item_rules(s: Session, workshop: Workshop, data: dict[str, Any]) -> Rules:
    """The charter's rules, tightened by what the author asked for; never looser."""
    base = current_rules(s, workshop.id)
    asked = data.get("rules")
    if asked in (None, {}):
        return base
    if not isinstance(asked, dict):
        raise ValidationFailed({"rules": N_("Send the rules as an object.")})
    try:
        rules = Rules.from_dict({**base.to_dict(), **asked})
    except ValueError:
        raise ValidationFailed({"rules": N_("Choose one of the offered options.")}) from None
    companies = set(s.scalars(select(Company.id).where(Company.workshop_id == workshop.id)))
    if not (rules.recipients | rules.excluded | rules.owners) <= companies:
        raise ValidationFailed({"rules": N_("Name only companies of this workshop.")})
    if not at_least_as_strict(rules, base):
        raise ValidationFailed({"rules": LOOSER_THAN_CHARTER})
    return rules


def _existing(deps: Deps, viewer: Viewer, client_id: str) -> Posted | None:
    assert viewer.workshop_id is not None and viewer.participant_id is not None
    with deps.db.transaction() as s:
        workshop = access.visible_workshop(s, viewer, viewer.workshop_id)
        key = deps.sealer.client_key(workshop, viewer.participant_id, client_id)
        item = s.scalar(
            select(Contribution).where(
                Contribution.workshop_id == workshop.id, Contribution.client_key == key
            )
        )
        if item is None:
            return None
        view = Renderer(s, deps.sealer).contribution(viewer, workshop, item, Channel.LIVE)
        return Posted(view or {"id": item.id}, None, duplicate=True)


def post_contribution(deps: Deps, viewer: Viewer, data: dict[str, Any]) -> Posted:
    """Store a participant's contribution and announce it.

    Re-sending the same client_id returns the stored contribution (duplicate=True) and
    changes nothing: clients retry until acknowledged, so this must be idempotent.
    """
    if viewer.participant_id is None or viewer.workshop_id is None or viewer.company_id is None:
        raise Forbidden(N_("Only company participants can contribute."))
    raw_client_id = data.get("client_id") if isinstance(data, dict) else None
    if not isinstance(raw_client_id, str) or not _CLIENT_ID.match(raw_client_id):
        raise ValidationFailed(
            {"client_id": N_("Send a client id of 8 to 64 letters, digits, - or _.")}
        )
    previous = _existing(deps, viewer, raw_client_id)
    if previous:
        return previous

    check = Checker(data)
    body = check.text("body", max_len=MAX_BODY)
    kind = check.choice("kind", KINDS, default="idea")
    details = _details(check, data)
    check.done()
    try:
        with deps.db.transaction() as s:
            workshop = access.visible_workshop(s, viewer, viewer.workshop_id)
            access.open_workshop(workshop)
            require_accepted(s, viewer, workshop.id)
            topic = _target_topic(s, workshop, data.get("topic_id"))
            phase = s.scalar(select(Phase).where(Phase.topic_id == topic.id))
            rules = item_rules(s, workshop, data)
            if phase is not None and phase.silent:
                # A silent round: private writing, then a simultaneous reveal.
                rules = with_changes(rules, phase_reveal=True)
            chatham = rules.attribution is Attribution.CHATHAM
            tag = deps.sealer.author_tag(workshop, viewer.company_id) if chatham else None
            assert tag is not None or not chatham  # open workshop: its attribution key exists
            item = Contribution(
                workshop_id=workshop.id,
                topic_id=topic.id,
                company_id=None if chatham else viewer.company_id,
                participant_id=None if chatham else viewer.participant_id,
                author_tag=tag,
                client_key=deps.sealer.client_key(workshop, viewer.participant_id, raw_client_id),
                kind=kind,
                rules=rules.canonical(),
                rules_version=1,
                status="held"
                if workshop.moderate_all or (phase is not None and phase.moderated)
                else "approved",
                created_at=deps.clock(),
            )
            s.add(item)
            s.flush()
            item.sealed_body = deps.sealer.seal_contribution(
                workshop, item, body_document(body, details)
            )
            if chatham:
                item.sealed_attribution = deps.sealer.seal_attribution(
                    workshop, item, viewer.company_id, viewer.participant_id
                )
            events = [
                record_event(
                    s, workshop.id, "contribution.created", {"contribution_id": item.id}, deps.clock
                )
            ]
            if (
                item.status == "approved"
                and _note_participation(s, topic.id, viewer.company_id)
                and _waits_on_participation(s, topic.id)
            ):
                # A new company on this topic may satisfy reciprocity or a quorum.
                events.append(
                    record_event(
                        s, workshop.id, "topic.refresh", {"topic_id": topic.id}, deps.clock
                    )
                )
            view = Renderer(s, deps.sealer).contribution(viewer, workshop, item, Channel.LIVE)
    except IntegrityError:
        # The same client id raced in from another connection: answer as a duplicate.
        previous = _existing(deps, viewer, raw_client_id)
        if previous:
            return previous
        raise
    deps.publisher.publish(events)
    return Posted(view or {"id": item.id}, events[0].seq, duplicate=False)


def _note_participation(s: Session, topic_id: int, company_id: int) -> bool:
    if s.get(TopicParticipation, (topic_id, company_id)) is not None:
        return False
    s.add(TopicParticipation(topic_id=topic_id, company_id=company_id))
    return True


def _before(item: Contribution) -> dict[str, Any]:
    """What an item was, so an update can retract it from exactly those who could see it."""
    return {"rules": item.rules, "status": item.status, "withdrawn": item.withdrawn_at is not None}


def _details(check: Checker, data: dict[str, Any]) -> dict[str, str]:
    """The optional structured fields; each a short text."""
    raw = data.get("details") or {}
    if not isinstance(raw, dict):
        check.errors["details"] = N_("Send the details as an object.")
        return {}
    sub = Checker(raw)
    out = {key: sub.text(key, max_len=2000, required=False) for key in DETAIL_FIELDS}
    for key, message in sub.errors.items():
        check.errors[f"details.{key}"] = message
        check.params[f"details.{key}"] = sub.params.get(key, {})
    return out


def _waits_on_participation(s: Session, topic_id: int) -> bool:
    for text in s.scalars(select(Contribution.rules).where(Contribution.topic_id == topic_id)):
        rules = Rules.from_json(text)
        if rules.reciprocity or rules.quorum > 0:
            return True
    return False


def _own_item(
    deps: Deps, s: Session, viewer: Viewer, workshop: Workshop, item_id: int
) -> Contribution:
    item = s.get(Contribution, item_id)
    if item is None or item.workshop_id != workshop.id:
        raise NotFound(N_("Contribution not found."))
    if viewer.company_id is None:
        raise NotFound(N_("Contribution not found."))
    if item.company_id != viewer.company_id and (
        item.author_tag is None
        or item.author_tag != deps.sealer.author_tag(workshop, viewer.company_id)
    ):
        raise NotFound(N_("Contribution not found."))
    return item


def change_rules(
    deps: Deps, viewer: Viewer, contribution_id: int, data: dict[str, Any]
) -> dict[str, Any]:
    """The author's company changes an item's rules. Tightening needs nothing more;
    loosening needs `confirm_loosen: true` (the author's explicit consent) and is logged.
    Never looser than the charter. The body is resealed under the new rules."""
    if viewer.workshop_id is None:
        raise Forbidden(N_("Only company participants can change their rules."))
    with deps.db.transaction() as s:
        workshop = access.visible_workshop(s, viewer, viewer.workshop_id)
        access.open_workshop(workshop)
        item = _own_item(deps, s, viewer, workshop, contribution_id)
        old_rules = Rules.from_json(item.rules)
        new_rules = item_rules(
            s, workshop, {"rules": {**old_rules.to_dict(), **(data.get("rules") or {})}}
        )
        if new_rules.attribution != old_rules.attribution and Attribution.CHATHAM in (
            new_rules.attribution,
            old_rules.attribution,
        ):
            raise ValidationFailed(
                {"rules": N_("Chatham House cannot be switched on or off after posting.")}
            )
        loosening = not at_least_as_strict(new_rules, old_rules)
        if loosening and data.get("confirm_loosen") is not True:
            raise ValidationFailed(
                {"confirm_loosen": N_("Loosening your rules needs your explicit confirmation.")}
            )
        from shared.sealing import contribution_context

        before = _before(item)
        old_context = contribution_context(item)
        item.rules = new_rules.canonical()
        item.rules_version += 1
        item.sealed_body = deps.sealer.reseal_contribution(workshop, item, old_context)
        audit.append(
            s,
            deps.clock,
            action="rules.loosened" if loosening else "rules.tightened",
            actor=audit.author_actor(item, viewer),
            item=f"contribution:{item.id}",
            subject=audit.subject_of(item),
            workshop_id=workshop.id,
            detail={"from": old_rules.to_dict(), "to": new_rules.to_dict()},
        )
        event = record_event(
            s,
            workshop.id,
            "contribution.updated",
            {"contribution_id": item.id, "before": before},
            deps.clock,
        )
        view = Renderer(s, deps.sealer).contribution(viewer, workshop, item, Channel.API)
    deps.publisher.publish([event])
    return view or {"id": contribution_id}


def list_contributions(
    deps: Deps, viewer: Viewer, workshop_id: int, channel: Channel, topic_id: int | None = None
) -> list[dict[str, Any]]:
    with deps.db.transaction() as s:
        workshop = access.visible_workshop(s, viewer, workshop_id)
        renderer = Renderer(s, deps.sealer)
        views = renderer.contributions(viewer, workshop, channel, topic_id)
        audit.record_facilitator_reads(s, deps.clock, renderer.sealed_reads)
        return views


def get_contribution(
    deps: Deps, viewer: Viewer, workshop_id: int, contribution_id: int, channel: Channel
) -> dict[str, Any]:
    with deps.db.transaction() as s:
        workshop = access.visible_workshop(s, viewer, workshop_id)
        item = s.get(Contribution, contribution_id)
        view = None
        if item is not None and item.workshop_id == workshop.id:
            renderer = Renderer(s, deps.sealer)
            view = renderer.contribution(viewer, workshop, item, channel)
            audit.record_facilitator_reads(s, deps.clock, renderer.sealed_reads)
        if view is None:
            raise NotFound(N_("Contribution not found."))
        return view


# --- moderation, editing, withdrawing ------------------------------------------------------

MODERATION_ACTIONS = {"approve": "approved", "request_edit": "edit_requested", "reject": "rejected"}


def moderate(
    deps: Deps, actor: Viewer, workshop_id: int, contribution_id: int, data: dict[str, Any]
) -> dict[str, Any]:
    """The facilitator approves a held item, asks its author to edit it (with a message),
    or rejects it (with a reason the author sees). Only approved items reach others."""
    check = Checker(data)
    action = check.choice("action", tuple(MODERATION_ACTIONS))
    note = check.text("note", max_len=1000, required=action in ("request_edit", "reject"))
    check.done()
    with deps.db.transaction() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        access.open_workshop(workshop)
        item = s.get(Contribution, contribution_id)
        if item is None or item.workshop_id != workshop.id or item.withdrawn_at:
            raise NotFound(N_("Contribution not found."))
        before = _before(item)
        item.status = MODERATION_ACTIONS[action]
        item.sealed_note = deps.sealer.seal_note(workshop, item, note) if note else None
        audit.append(
            s,
            deps.clock,
            action=f"moderation.{action}",
            actor=f"facilitator:{actor.facilitator_id}",
            item=f"contribution:{item.id}",
            subject=audit.subject_of(item),
            workshop_id=workshop.id,
        )
        events = [
            record_event(
                s,
                workshop.id,
                "contribution.updated",
                {"contribution_id": item.id, "before": before},
                deps.clock,
            )
        ]
        if item.status == "approved" and _note_participation(
            s, item.topic_id, _author(deps, workshop, item)
        ):
            events.append(
                record_event(
                    s, workshop.id, "topic.refresh", {"topic_id": item.topic_id}, deps.clock
                )
            )
        view = Renderer(s, deps.sealer).contribution(actor, workshop, item, Channel.API)
    deps.publisher.publish(events)
    return view or {"id": contribution_id}


def _author(deps: Deps, workshop: Workshop, item: Contribution) -> int:
    if item.company_id is not None:
        return item.company_id
    found = deps.sealer.open_attribution(workshop, item)
    assert found is not None, "attribution of an open workshop's item must be readable"
    return found[0]


def _revealed_to_others(s: Session, item: Contribution) -> bool:
    rules = Rules.from_json(item.rules)
    topic = s.get(Topic, item.topic_id)
    return item.status == "approved" and (
        not rules.phase_reveal or (topic is not None and topic.revealed_at is not None)
    )


def edit(deps: Deps, viewer: Viewer, contribution_id: int, data: dict[str, Any]) -> dict[str, Any]:
    """The author's company rewrites its item. Before it is revealed nobody notices; after,
    it shows as edited. An item sent back by moderation goes back to the queue."""
    if viewer.workshop_id is None:
        raise Forbidden(N_("Only company participants can edit their contributions."))
    check = Checker(data)
    body = check.text("body", max_len=MAX_BODY)
    details = _details(check, data)
    check.done()
    with deps.db.transaction() as s:
        workshop = access.visible_workshop(s, viewer, viewer.workshop_id)
        access.open_workshop(workshop)
        item = _own_item(deps, s, viewer, workshop, contribution_id)
        if item.withdrawn_at or item.sealed_body is None:
            raise Conflict(N_("This contribution was withdrawn."))
        before = _before(item)
        if _revealed_to_others(s, item):
            item.edited_at = deps.clock()
        if item.status in ("edit_requested", "rejected"):
            item.status = "held"
        item.sealed_body = deps.sealer.seal_contribution(
            workshop, item, body_document(body, details)
        )
        event = record_event(
            s,
            workshop.id,
            "contribution.updated",
            {"contribution_id": item.id, "before": before},
            deps.clock,
        )
        view = Renderer(s, deps.sealer).contribution(viewer, workshop, item, Channel.API)
    deps.publisher.publish([event])
    return view or {"id": contribution_id}


def withdraw(deps: Deps, viewer: Viewer, contribution_id: int) -> None:
    """Until it is revealed, the author's company may take its item back: its text is
    destroyed, not hidden."""
    if viewer.workshop_id is None:
        raise Forbidden(N_("Only company participants can withdraw their contributions."))
    with deps.db.transaction() as s:
        workshop = access.visible_workshop(s, viewer, viewer.workshop_id)
        access.open_workshop(workshop)
        item = _own_item(deps, s, viewer, workshop, contribution_id)
        if item.withdrawn_at:
            return
        if _revealed_to_others(s, item):
            raise Conflict(N_("Already revealed to the room: edit it instead of withdrawing."))
        before = _before(item)
        item.withdrawn_at = deps.clock()
        item.sealed_body = None
        item.sealed_note = None
        audit.append(
            s,
            deps.clock,
            action="contribution.withdrawn",
            actor=audit.author_actor(item, viewer),
            item=f"contribution:{item.id}",
            subject=audit.subject_of(item),
            workshop_id=workshop.id,
        )
        event = record_event(
            s,
            workshop.id,
            "contribution.updated",
            {"contribution_id": item.id, "before": before},
            deps.clock,
        )
    deps.publisher.publish([event])


def set_spotlight(deps: Deps, actor: Viewer, workshop_id: int, contribution_id: int | None) -> None:
    """Bring everyone to one contribution (each sees it only if the rules let them)."""
    with deps.db.transaction() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        if contribution_id is not None:
            item = s.get(Contribution, contribution_id)
            if item is None or item.workshop_id != workshop.id:
                raise NotFound(N_("Contribution not found."))
        workshop.spotlight_id = contribution_id
        event = record_event(
            s, workshop.id, "spotlight.changed", {"contribution_id": contribution_id}, deps.clock
        )
    deps.publisher.publish([event])
