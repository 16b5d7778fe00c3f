"""Dot voting on a topic's contributions, with a budget per company or per person.

While a poll is open each voter sees only its own dots; the totals appear to everyone when
the facilitator closes it, and only for contributions the viewer may see.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared import access, audit, disclosure
from shared.disclosure import Channel, Viewer
from shared.errors import Conflict, NotFound, ValidationFailed
from shared.feed import Renderer, record_event
from shared.i18n import N_
from shared.models import Ballot, Contribution, Poll, Theme, ThemeMember, Topic, Workshop
from shared.services.deps import Deps
from shared.validation import Checker

POLL_NOT_FOUND = N_("Vote not found.")


def open_poll(deps: Deps, actor: Viewer, workshop_id: int, data: dict[str, Any]) -> Poll:
    check = Checker(data)
    budget = check.integer("budget", minimum=1, maximum=50, default=3)
    per = check.choice("per", ("company", "person"), default="company")
    target = check.choice("target", ("contributions", "themes"), default="contributions")
    topic_id = data.get("topic_id")
    check.done()
    with deps.db.transaction() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        access.open_workshop(workshop)
        topic = s.get(Topic, topic_id) if isinstance(topic_id, int) else None
        if topic is None or topic.workshop_id != workshop.id:
            raise ValidationFailed({"topic_id": N_("Unknown topic.")})
        poll = Poll(
            workshop_id=workshop.id,
            topic_id=topic.id,
            budget=budget,
            per=per,
            target=target,
            status="open",
            created_at=deps.clock(),
        )
        s.add(poll)
        s.flush()
        event = record_event(s, workshop.id, "poll.changed", {"poll_id": poll.id}, deps.clock)
    deps.publisher.publish([event])
    return poll


def _poll(s: Session, workshop: Workshop, poll_id: int) -> Poll:
    poll = s.get(Poll, poll_id)
    if poll is None or poll.workshop_id != workshop.id:
        raise NotFound(POLL_NOT_FOUND)
    return poll


def _voter(poll: Poll, viewer: Viewer) -> str:
    return (
        f"company:{viewer.company_id}"
        if poll.per == "company"
        else f"participant:{viewer.participant_id}"
    )


def may_vote_on(
    s: Session, renderer: Renderer, viewer: Viewer, workshop: Workshop, poll: Poll, target_id: int
) -> bool:
    """A voter (and a results reader) deals only with what it may see: a contribution in
    full, or a theme with at least one member it may see."""
    if poll.target == "themes":
        theme = s.get(Theme, target_id)
        if theme is None or theme.topic_id != poll.topic_id:
            return False
        members = s.scalars(
            select(ThemeMember.contribution_id).where(ThemeMember.theme_id == theme.id)
        )
        return any(
            (item := s.get(Contribution, m)) is not None
            and renderer.decide(viewer, workshop, item, Channel.LIVE).full
            for m in members
        )
    item = s.get(Contribution, target_id)
    return (
        item is not None
        and item.topic_id == poll.topic_id
        and renderer.decide(viewer, workshop, item, Channel.LIVE).full
    )


def vote(deps: Deps, viewer: Viewer, poll_id: int, dots: dict[str, Any]) -> dict[str, int]:
    """Replace this voter's dots: {contribution or theme id: dots}, at most the budget."""
    if viewer.company_id is None or viewer.workshop_id is None:
        raise NotFound(POLL_NOT_FOUND)
    with deps.db.transaction() as s:
        workshop = access.visible_workshop(s, viewer, viewer.workshop_id)
        poll = _poll(s, workshop, poll_id)
        if poll.status != "open":
            raise Conflict(N_("This vote is closed."))
        try:
            wanted = {int(k): int(v) for k, v in (dots or {}).items() if int(v) > 0}
        except (TypeError, ValueError):
            raise ValidationFailed(
                {"dots": N_("Give each contribution a whole number of dots.")}
            ) from None
        if sum(wanted.values()) > poll.budget:
            raise ValidationFailed(
                {"dots": N_("You have %(budget)s dots in all.")}, {"dots": {"budget": poll.budget}}
            )
        renderer = Renderer(s, deps.sealer)
        for target_id in wanted:
            if not may_vote_on(s, renderer, viewer, workshop, poll, target_id):
                raise ValidationFailed(
                    {"dots": N_("Vote only for contributions you can see on this topic.")}
                )
        voter = _voter(poll, viewer)
        for ballot in s.scalars(
            select(Ballot).where(Ballot.poll_id == poll.id, Ballot.voter == voter)
        ):
            s.delete(ballot)
        s.flush()
        for target_id, count in wanted.items():
            s.add(Ballot(poll_id=poll.id, voter=voter, target_id=target_id, dots=count))
        event = record_event(s, workshop.id, "poll.changed", {"poll_id": poll.id}, deps.clock)
    deps.publisher.publish([event])
    return {str(k): v for k, v in wanted.items()}


def close_poll(deps: Deps, actor: Viewer, workshop_id: int, poll_id: int) -> None:
    with deps.db.transaction() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        poll = _poll(s, workshop, poll_id)
        if poll.status == "closed":
            return
        poll.status, poll.closed_at = "closed", deps.clock()
        audit.append(
            s,
            deps.clock,
            action="poll.closed",
            actor=f"facilitator:{actor.facilitator_id}",
            item=f"poll:{poll.id}",
            workshop_id=workshop.id,
        )
        event = record_event(s, workshop.id, "poll.changed", {"poll_id": poll.id}, deps.clock)
    deps.publisher.publish([event])


def poll_view(
    s: Session, renderer: Renderer, viewer: Viewer, workshop: Workshop, poll: Poll
) -> dict[str, Any]:
    """What this viewer sees of a poll: the budget, its own dots, how many have voted, and
    after closing the totals of the contributions it may see."""
    ballots = list(s.scalars(select(Ballot).where(Ballot.poll_id == poll.id)))
    mine = {}
    if viewer.company_id is not None:
        voter = _voter(poll, viewer)
        mine = {str(b.target_id): b.dots for b in ballots if b.voter == voter}
    results = None
    if disclosure.may_see_poll_results(viewer, poll.status):
        results = {
            str(target_id): total
            for target_id, total in totals_of(ballots)
            if may_vote_on(s, renderer, viewer, workshop, poll, target_id)
        }
    return {
        "id": poll.id,
        "topic_id": poll.topic_id,
        "budget": poll.budget,
        "per": poll.per,
        "target": poll.target,
        "status": poll.status,
        "voters": len({b.voter for b in ballots}),
        "mine": mine,
        "results": results,
    }


def totals_of(ballots: list[Ballot]) -> list[tuple[int, int]]:
    """(target id, dots) from the most voted down."""
    totals: dict[int, int] = {}
    for ballot in ballots:
        totals[ballot.target_id] = totals.get(ballot.target_id, 0) + ballot.dots
    return sorted(totals.items(), key=lambda kv: -kv[1])


def polls(deps: Deps, viewer: Viewer, workshop_id: int) -> list[dict[str, Any]]:
    with deps.db.reading() as s:
        workshop = access.visible_workshop(s, viewer, workshop_id)
        renderer = Renderer(s, deps.sealer)
        rows = s.scalars(select(Poll).where(Poll.workshop_id == workshop.id).order_by(Poll.id))
        return [poll_view(s, renderer, viewer, workshop, p) for p in rows]
