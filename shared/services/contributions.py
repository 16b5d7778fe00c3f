"""Posting contributions (idempotent by client id) and reading them through disclosure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from shared import access
from shared.disclosure import Channel, Viewer
from shared.errors import Conflict, Forbidden, NotFound, ValidationFailed
from shared.feed import Renderer, record_event
from shared.i18n import N_
from shared.models import Contribution, Phase, Topic, Workshop
from shared.services.deps import Deps
from shared.validation import Checker

KINDS = ("good_practice", "bad_practice", "barrier", "result", "idea")
_CLIENT_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
MAX_BODY = 5000


@dataclass(frozen=True)
class Posted:
    contribution: dict[str, Any]
    seq: int | None
    duplicate: bool


def _existing(deps: Deps, viewer: Viewer, client_id: str) -> Posted | None:
    with deps.db.transaction() as s:
        item = s.scalar(
            select(Contribution).where(
                Contribution.participant_id == viewer.participant_id,
                Contribution.client_id == client_id,
            )
        )
        if item is None:
            return None
        workshop = access.visible_workshop(s, viewer, item.workshop_id)
        view = Renderer(s, deps.sealer.open_contribution).contribution(
            viewer, workshop, item, Channel.LIVE
        )
        return Posted(view or {"id": item.id}, None, duplicate=True)


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


def post_contribution(deps: Deps, viewer: Viewer, data: dict[str, Any]) -> Posted:
    """Store a participant's contribution to the current topic and announce it.

    Re-sending the same client_id returns the stored contribution (duplicate=True) and
    changes nothing: clients retry until acknowledged, so this must be idempotent.
    """
    if viewer.participant_id is None or viewer.workshop_id is None:
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
    topic_id = data.get("topic_id")
    check.done()
    try:
        with deps.db.transaction() as s:
            workshop = access.visible_workshop(s, viewer, viewer.workshop_id)
            access.open_workshop(workshop)
            topic = _target_topic(s, workshop, topic_id)
            item = Contribution(
                workshop_id=workshop.id,
                topic_id=topic.id,
                company_id=viewer.company_id,
                participant_id=viewer.participant_id,
                client_id=raw_client_id,
                kind=kind,
                created_at=deps.clock(),
            )
            s.add(item)
            s.flush()
            item.sealed_body = deps.sealer.seal_contribution(workshop, item, body)
            event = record_event(
                s, workshop.id, "contribution.created", {"contribution_id": item.id}, deps.clock
            )
            view = Renderer(s, lambda _w, _i: body).contribution(
                viewer, workshop, item, Channel.LIVE
            )
    except IntegrityError:
        # The same client id raced in from another connection: answer as a duplicate.
        previous = _existing(deps, viewer, raw_client_id)
        if previous:
            return previous
        raise
    deps.publisher.publish([event])
    return Posted(view or {"id": item.id}, event.seq, duplicate=False)


def list_contributions(
    deps: Deps, viewer: Viewer, workshop_id: int, channel: Channel, topic_id: int | None = None
) -> list[dict[str, Any]]:
    with deps.db.transaction() as s:
        workshop = access.visible_workshop(s, viewer, workshop_id)
        query = select(Contribution).where(Contribution.workshop_id == workshop.id)
        if topic_id is not None:
            query = query.where(Contribution.topic_id == topic_id)
        renderer = Renderer(s, deps.sealer.open_contribution)
        out = []
        for item in s.scalars(query.order_by(Contribution.id)):
            view = renderer.contribution(viewer, workshop, item, channel)
            if view is not None:
                out.append(view)
        return out


def get_contribution(
    deps: Deps, viewer: Viewer, workshop_id: int, contribution_id: int, channel: Channel
) -> dict[str, Any]:
    with deps.db.transaction() as s:
        workshop = access.visible_workshop(s, viewer, workshop_id)
        item = s.get(Contribution, contribution_id)
        view = None
        if item is not None and item.workshop_id == workshop.id:
            view = Renderer(s, deps.sealer.open_contribution).contribution(
                viewer, workshop, item, channel
            )
        if view is None:
            raise NotFound(N_("Contribution not found."))
        return view
