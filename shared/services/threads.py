"""Reactions ("useful", "we too", "question") and questions to a contribution's author,
answered in place. Both exist only where the contribution may be seen: whoever cannot see
an item cannot react to it, ask about it, or read its thread.

Reactions are counted, never attributed. Questions are shown without naming who asked, and
answers come from "the author", so a thread never undoes an item's attribution rule.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shared import access
from shared.disclosure import Channel, Viewer
from shared.errors import NotFound
from shared.feed import Renderer, record_event
from shared.i18n import N_
from shared.models import Contribution, Question, Reaction, Workshop
from shared.sealing import EnvelopeSealer
from shared.services.deps import Deps
from shared.validation import Checker

REACTIONS = ("useful", "we_too", "question")
NOT_FOUND = N_("Contribution not found.")


def _visible_item(
    sealer: EnvelopeSealer, s: Session, viewer: Viewer, workshop: Workshop, contribution_id: int
) -> tuple[Contribution, bool]:
    """The item if this viewer sees it in full; and whether the viewer's company wrote it."""
    item = s.get(Contribution, contribution_id)
    if item is None or item.workshop_id != workshop.id:
        raise NotFound(NOT_FOUND)
    decision = Renderer(s, sealer).decide(viewer, workshop, item, Channel.LIVE)
    if not decision.full:
        raise NotFound(NOT_FOUND)
    return item, decision.own


def react(deps: Deps, viewer: Viewer, contribution_id: int, kind: str, on: bool) -> None:
    check = Checker({"kind": kind})
    kind = check.choice("kind", REACTIONS)
    check.done()
    if viewer.participant_id is None or viewer.workshop_id is None:
        raise NotFound(NOT_FOUND)
    with deps.db.transaction() as s:
        workshop = access.visible_workshop(s, viewer, viewer.workshop_id)
        access.open_workshop(workshop)
        item, _own = _visible_item(deps.sealer, s, viewer, workshop, contribution_id)
        existing = s.scalar(
            select(Reaction).where(
                Reaction.contribution_id == item.id,
                Reaction.participant_id == viewer.participant_id,
                Reaction.kind == kind,
            )
        )
        if on and existing is None:
            s.add(
                Reaction(contribution_id=item.id, participant_id=viewer.participant_id, kind=kind)
            )
        elif not on and existing is not None:
            s.delete(existing)
        event = record_event(
            s, workshop.id, "thread.changed", {"contribution_id": item.id}, deps.clock
        )
    deps.publisher.publish([event])


def _label(question: Question, field: str) -> str:
    """Binds a sealed question or answer to its thread and its asker."""
    return f"question:{question.id}:{question.contribution_id}:{question.asker_company_id}:{field}"


def _seal(deps: Deps, workshop: Workshop, question: Question, field: str, text: str) -> bytes:
    return deps.sealer.seal_record(workshop, _label(question, field), text)


def _open(
    sealer: EnvelopeSealer,
    workshop: Workshop,
    question: Question,
    field: str,
    blob: bytes | None,
) -> str | None:
    return None if blob is None else sealer.open_record(workshop, _label(question, field), blob)


def ask(deps: Deps, viewer: Viewer, contribution_id: int, data: dict[str, Any]) -> None:
    check = Checker(data)
    text = check.text("text", max_len=1000)
    check.done()
    if viewer.company_id is None or viewer.workshop_id is None:
        raise NotFound(NOT_FOUND)
    with deps.db.transaction() as s:
        workshop = access.visible_workshop(s, viewer, viewer.workshop_id)
        access.open_workshop(workshop)
        item, _own = _visible_item(deps.sealer, s, viewer, workshop, contribution_id)
        question = Question(
            workshop_id=workshop.id,
            contribution_id=item.id,
            asker_company_id=viewer.company_id,
            created_at=deps.clock(),
        )
        s.add(question)
        s.flush()
        question.sealed_text = _seal(deps, workshop, question, "text", text)
        event = record_event(
            s, workshop.id, "thread.changed", {"contribution_id": item.id}, deps.clock
        )
    deps.publisher.publish([event])


def answer(deps: Deps, viewer: Viewer, question_id: int, data: dict[str, Any]) -> None:
    """Only the item's own company answers (it sees the question as "to you")."""
    check = Checker(data)
    text = check.text("text", max_len=2000)
    check.done()
    if viewer.workshop_id is None:
        raise NotFound(N_("Question not found."))
    with deps.db.transaction() as s:
        workshop = access.visible_workshop(s, viewer, viewer.workshop_id)
        access.open_workshop(workshop)
        question = s.get(Question, question_id)
        if question is None:
            raise NotFound(N_("Question not found."))
        item, own = _visible_item(deps.sealer, s, viewer, workshop, question.contribution_id)
        if not own:
            raise NotFound(N_("Question not found."))
        question.sealed_answer = _seal(deps, workshop, question, "answer", text)
        question.answered_at = deps.clock()
        event = record_event(
            s, workshop.id, "thread.changed", {"contribution_id": item.id}, deps.clock
        )
    deps.publisher.publish([event])


def thread(deps: Deps, viewer: Viewer, workshop_id: int, contribution_id: int) -> dict[str, Any]:
    with deps.db.reading() as s:
        workshop = access.visible_workshop(s, viewer, workshop_id)
        return thread_view(deps.sealer, s, viewer, workshop, contribution_id)


def thread_view(
    sealer: EnvelopeSealer, s: Session, viewer: Viewer, workshop: Workshop, contribution_id: int
) -> dict[str, Any]:
    item, own = _visible_item(sealer, s, viewer, workshop, contribution_id)
    counts = dict(
        s.execute(
            select(Reaction.kind, func.count(Reaction.id))
            .where(Reaction.contribution_id == item.id)
            .group_by(Reaction.kind)
        ).all()
    )
    mine: list[str] = []
    if viewer.participant_id is not None:
        mine = list(
            s.scalars(
                select(Reaction.kind).where(
                    Reaction.contribution_id == item.id,
                    Reaction.participant_id == viewer.participant_id,
                )
            )
        )
    questions = [
        {
            "id": q.id,
            "text": _open(sealer, workshop, q, "text", q.sealed_text),
            "answer": _open(sealer, workshop, q, "answer", q.sealed_answer),
            "mine": q.asker_company_id == viewer.company_id,
        }
        for q in s.scalars(
            select(Question).where(Question.contribution_id == item.id).order_by(Question.id)
        )
    ]
    return {
        "contribution_id": item.id,
        "reactions": {k: counts.get(k, 0) for k in REACTIONS},
        "mine": mine,
        "questions": questions,
        "can_answer": own,
    }
