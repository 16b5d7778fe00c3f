"""The one place that decides who may see what.

Every read path (pages, socket events, API, exports and summaries, search) asks this
module; none filters on its own and nothing is filtered in the browser. A decision is made
per viewer, per item, per channel, and returns a typed view: the plaintext, a redacted
view, a placeholder, or nothing.

Current rules (foundation): the workshop's facilitator and the participants of its
companies see its contributions, named; nobody else sees anything of the workshop.
The trust rules (charter, sensitivity, attribution, reveal conditions) replace the body of
`decide_contribution`, not its callers.

This module is pure: no Flask, no database session. Callers pass the facts it needs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol


class Channel(StrEnum):
    LIVE = "live"  # socket events and the room page while the workshop runs
    PAGE = "page"  # server-rendered pages
    API = "api"  # /api/v1 answers
    EXPORT = "export"  # downloads and summaries: what leaves the room
    SEARCH = "search"


class Visibility(StrEnum):
    FULL = "full"
    REDACTED = "redacted"
    PLACEHOLDER = "placeholder"
    NONE = "none"


@dataclass(frozen=True)
class Viewer:
    """Who is asking. Exactly one of facilitator_id / participant_id is set, or neither
    (an outsider). A company-level viewer (participant_id None, company_id set) stands for
    every member of a company: members of one company have identical rights, so events are
    rendered once per company room."""

    facilitator_id: int | None = None
    participant_id: int | None = None
    company_id: int | None = None
    workshop_id: int | None = None

    @property
    def is_facilitator(self) -> bool:
        return self.facilitator_id is not None

    @classmethod
    def for_company(cls, workshop_id: int, company_id: int) -> Viewer:
        return cls(company_id=company_id, workshop_id=workshop_id)


class WorkshopFacts(Protocol):
    id: int
    facilitator_id: int
    status: str


class ContributionFacts(Protocol):
    id: int
    workshop_id: int
    topic_id: int
    company_id: int
    participant_id: int
    kind: str
    created_at: datetime


def can_enter_workshop(viewer: Viewer, workshop: WorkshopFacts) -> bool:
    """May this viewer see the workshop at all (its room, phase, presence, feed)?"""
    if viewer.facilitator_id is not None:
        return viewer.facilitator_id == workshop.facilitator_id
    return viewer.company_id is not None and viewer.workshop_id == workshop.id


def may_see_presence(viewer: Viewer, workshop: WorkshopFacts) -> bool:
    """Who is in the room is visible to everyone in the room."""
    return can_enter_workshop(viewer, workshop)


@dataclass(frozen=True)
class Decision:
    visibility: Visibility
    show_author: bool


def decide_contribution(
    viewer: Viewer, workshop: WorkshopFacts, item: ContributionFacts, channel: Channel
) -> Decision:
    if item.workshop_id != workshop.id or not can_enter_workshop(viewer, workshop):
        return Decision(Visibility.NONE, show_author=False)
    return Decision(Visibility.FULL, show_author=True)


@dataclass(frozen=True)
class ContributionView:
    """What one viewer receives of one contribution. Fields the decision withholds are None."""

    id: int
    topic_id: int
    kind: str
    visibility: Visibility
    created_at: datetime
    body: str | None = None
    company: str | None = None
    author: str | None = None
    own: bool = False

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "topic_id": self.topic_id,
            "kind": self.kind,
            "visibility": self.visibility.value,
            "created_at": self.created_at.isoformat(),
            "body": self.body,
            "company": self.company,
            "author": self.author,
            "own": self.own,
        }


def view_contribution(
    viewer: Viewer,
    workshop: WorkshopFacts,
    item: ContributionFacts,
    channel: Channel,
    *,
    open_body: Callable[[], str],
    company_name: Callable[[], str],
    author_name: Callable[[], str],
) -> ContributionView | None:
    """Build the view this viewer may receive, or None when it may receive nothing.

    The body and names are passed as callables so that sealed text is decrypted only when
    the decision allows it to be shown.
    """
    decision = decide_contribution(viewer, workshop, item, channel)
    if decision.visibility is Visibility.NONE:
        return None
    own = viewer.company_id is not None and viewer.company_id == item.company_id
    body = open_body() if decision.visibility is Visibility.FULL else None
    return ContributionView(
        id=item.id,
        topic_id=item.topic_id,
        kind=item.kind,
        visibility=decision.visibility,
        created_at=item.created_at,
        body=body,
        company=company_name() if decision.show_author else None,
        author=author_name() if decision.show_author else None,
        own=own,
    )
