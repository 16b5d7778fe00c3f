"""The one place that decides who may see what.

Every read path (pages, socket events, API, exports and summaries, search, matching
output) asks this module; none filters on its own and nothing is filtered in the browser.
A decision is made per viewer, per item, per channel, now, and returns a typed view: the
plaintext, a placeholder ("a sealed contribution on this topic"), or nothing.

This module is pure: no Flask, no database. Callers gather the facts (shared.feed does it
for every read path) and pass them in; the body text is passed as a callable so that it is
decrypted only when the decision allows it to be shown.

The rules (shared.rules) as applied to a company viewer, in order:
1. a company that has not accepted the workshop's charter sees nothing;
2. its own items, in full (RED never leaves the live room, even for its author);
3. the channel: RED only live or on the page while the workshop runs; the shareable
   channel only GREEN and CLEAR;
4. AMBER+STRICT only for the named companies; exclusions; aggregate-only items;
5. reveal conditions: phase (the round was revealed), reciprocity (the viewer's company
   contributed to the topic), quorum (k companies contributed), consent (granted);
6. what is withheld shows as a placeholder or as nothing, as the item's rules say;
7. attribution: named, an alias, or nobody (Chatham House).
The facilitator sees everything no rule withholds from them: all but RED outside the live
room and what was shredded. Their reads of items that restrict companies are logged.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from shared.rules import Attribution, Rules, Sensitivity, WithheldView


class Channel(StrEnum):
    LIVE = "live"  # socket events while the workshop runs
    PAGE = "page"  # server-rendered pages
    API = "api"  # /api/v1 answers
    EXPORT = "export"  # a party's own downloads and summaries: what leaves the room
    SHAREABLE = "shareable"  # material that may be passed on beyond the workshop
    SEARCH = "search"


class Visibility(StrEnum):
    FULL = "full"
    PLACEHOLDER = "placeholder"
    NONE = "none"


class Shown(StrEnum):
    """How the author is shown."""

    NAMED = "named"  # company and person
    ALIAS = "alias"  # the company's stable alias in this workshop
    NOBODY = "nobody"


@dataclass(frozen=True)
class Viewer:
    """Who is asking. A company-level viewer (participant_id None, company_id set) stands for
    every member of a company: members of one company have identical rights, so events are
    rendered once per company room."""

    facilitator_id: int | None = None
    participant_id: int | None = None
    company_id: int | None = None
    workshop_id: int | None = None
    # The room's shared screen: sees what every company in the room may see, nothing more.
    projector_of: int | None = None

    @property
    def is_facilitator(self) -> bool:
        return self.facilitator_id is not None

    @classmethod
    def for_company(cls, workshop_id: int, company_id: int) -> Viewer:
        return cls(company_id=company_id, workshop_id=workshop_id)


@dataclass(frozen=True)
class RoomFacts:
    """Facts about the workshop now, the same for every viewer."""

    workshop_id: int
    facilitator_ids: frozenset[int]
    status: str  # open | closed
    participation: Mapping[int, frozenset[int]] = field(default_factory=dict)  # topic -> cos
    revealed_topics: frozenset[int] = frozenset()


@dataclass(frozen=True)
class ViewerFacts:
    viewer: Viewer
    accepted_charter: bool = False
    own_tags: frozenset[str] = frozenset()  # author tags that mean "my company"
    granted: frozenset[int] = frozenset()  # items whose access request was approved


@dataclass(frozen=True)
class ItemFacts:
    id: int
    workshop_id: int
    topic_id: int
    kind: str
    created_at: datetime
    rules: Rules
    company_id: int | None  # None under Chatham House
    author_tag: str | None  # Chatham House items only
    shredded: bool = False
    status: str = "approved"  # moderation: approved | held | edit_requested | rejected
    withdrawn: bool = False


class WorkshopFacts:
    """What can_enter_workshop needs (a Workshop row satisfies it)."""

    id: int
    facilitator_ids: frozenset[int]


def can_enter_workshop(viewer: Viewer, workshop: WorkshopFacts) -> bool:
    """May this viewer see the workshop at all (its room, phase, presence, feed)?"""
    if viewer.facilitator_id is not None:
        return viewer.facilitator_id in workshop.facilitator_ids
    if viewer.projector_of is not None:
        return viewer.projector_of == workshop.id
    return viewer.company_id is not None and viewer.workshop_id == workshop.id


def may_see_presence(viewer: Viewer, workshop: WorkshopFacts) -> bool:
    """Who is in the room is visible to everyone in the room."""
    return can_enter_workshop(viewer, workshop)


def history_subjects(viewer: Viewer, own_tag: str | None) -> set[str]:
    """Whose disclosure history a viewer reads: its own company's items only (by company,
    and by author tag for Chatham House items while the tag can still be computed)."""
    if viewer.company_id is None:
        return set()
    subjects = {f"company:{viewer.company_id}"}
    if own_tag:
        subjects.add(f"tag:{own_tag}")
    return subjects


def may_see_acceptance(viewer: Viewer, company_id: int) -> bool:
    """Whether a company accepted the charter: the facilitator sees all, a company its own."""
    return viewer.is_facilitator or viewer.company_id == company_id


def may_see_round_status(viewer: Viewer, company_id: int) -> bool:
    """Who is ready and who contributed this round: the facilitator steers with it; a
    company sees only its own (other companies' participation may itself be sensitive)."""
    return viewer.is_facilitator or viewer.company_id == company_id


def may_see_poll_results(viewer: Viewer, status: str) -> bool:
    """Vote totals stay hidden from everyone, the facilitator included, until it closes."""
    return status == "closed" and (
        viewer.is_facilitator or viewer.company_id is not None or viewer.projector_of is not None
    )


def may_download(viewer: Viewer, downloads_allowed: bool) -> bool:
    """The facilitator always keeps a record; companies only if the charter lets them."""
    return viewer.is_facilitator or downloads_allowed


def company_listing(viewer: Viewer, charter_rules: Rules) -> Shown:
    """How an export lists the participating companies: under a Chatham House charter not
    at all (affiliations may not be revealed), pseudonymous charters by alias."""
    if viewer.is_facilitator:
        return Shown.NAMED
    return _attribution(charter_rules)


@dataclass(frozen=True)
class Decision:
    visibility: Visibility
    shown: Shown = Shown.NOBODY
    own: bool = False
    can_request: bool = False  # a consent-ruled item the viewer may ask to see
    show_kind: bool = False  # aggregate-only: counted per topic and kind, nothing more
    moderation: bool = False  # may see the moderation status and the facilitator's note
    logged_read: bool = False  # a facilitator read of an item that restricts companies

    @property
    def full(self) -> bool:
        return self.visibility is Visibility.FULL


NOTHING = Decision(Visibility.NONE)


def _attribution(rules: Rules) -> Shown:
    return {
        Attribution.NAMED: Shown.NAMED,
        Attribution.PSEUDONYMOUS: Shown.ALIAS,
        Attribution.CHATHAM: Shown.NOBODY,
    }[rules.attribution]


def _channel_allows(rules: Rules, channel: Channel, room: RoomFacts) -> bool:
    if rules.sensitivity is Sensitivity.RED:
        return channel in (Channel.LIVE, Channel.PAGE) and room.status == "open"
    if channel is Channel.SHAREABLE:
        return rules.sensitivity in (Sensitivity.GREEN, Sensitivity.CLEAR)
    return True


def _withheld(rules: Rules, *, can_request: bool = False) -> Decision:
    if rules.withheld_view is WithheldView.PLACEHOLDER:
        return Decision(Visibility.PLACEHOLDER, can_request=can_request)
    return NOTHING


def decide(facts: ViewerFacts, room: RoomFacts, item: ItemFacts, channel: Channel) -> Decision:
    viewer, rules = facts.viewer, item.rules
    if item.workshop_id != room.workshop_id or item.shredded or item.withdrawn:
        return NOTHING
    if viewer.facilitator_id is not None:
        if viewer.facilitator_id not in room.facilitator_ids or not _channel_allows(
            rules, channel, room
        ):
            return NOTHING
        return Decision(
            Visibility.FULL, Shown.NAMED, logged_read=rules.restricts_companies, moderation=True
        )
    if viewer.projector_of is not None:
        return _decide_for_projector(viewer, room, item, channel)
    company = viewer.company_id
    if company is None or viewer.workshop_id != room.workshop_id or not facts.accepted_charter:
        return NOTHING
    own = item.company_id == company or item.author_tag in facts.own_tags
    if not _channel_allows(rules, channel, room):
        return NOTHING
    if own:
        return Decision(Visibility.FULL, Shown.NAMED, own=True, moderation=True)
    if item.status != "approved":
        return NOTHING  # held for moderation: nothing reaches other companies
    if rules.sensitivity is Sensitivity.AMBER_STRICT and company not in rules.recipients:
        return _withheld(rules)
    if company in rules.excluded:
        return _withheld(rules)
    if rules.aggregate_only:
        return Decision(Visibility.PLACEHOLDER, show_kind=True)
    contributors = room.participation.get(item.topic_id, frozenset())
    if (
        (rules.phase_reveal and item.topic_id not in room.revealed_topics)
        or (rules.reciprocity and company not in contributors)
        or len(contributors) < rules.quorum
    ):
        return _withheld(rules)
    if rules.consent and item.id not in facts.granted:
        return _withheld(rules, can_request=True)
    return Decision(Visibility.FULL, _attribution(rules))


def _decide_for_projector(
    viewer: Viewer, room: RoomFacts, item: ItemFacts, channel: Channel
) -> Decision:
    """The projector is seen by everyone in the room: it shows an item only when no company
    present could be kept from it."""
    rules = item.rules
    if viewer.projector_of != room.workshop_id or item.status != "approved":
        return NOTHING
    if not _channel_allows(rules, channel, room):
        return NOTHING
    contributors = room.participation.get(item.topic_id, frozenset())
    if (
        rules.sensitivity is Sensitivity.AMBER_STRICT
        or rules.excluded
        or rules.aggregate_only
        or rules.reciprocity
        or rules.consent
        or (rules.phase_reveal and item.topic_id not in room.revealed_topics)
        or len(contributors) < rules.quorum
    ):
        return _withheld(rules)
    return Decision(Visibility.FULL, _attribution(rules))


class ProfileView(StrEnum):
    FULL = "full"  # restricted areas included
    PUBLIC = "public"  # mission, activities, seeks, offers
    NONE = "none"


def profile_visibility(
    viewer: Viewer, company_id: int, charter_rules: Rules, accepted_charter: bool
) -> ProfileView:
    """Restricted areas are the facilitator's and the company's own. Other companies see a
    profile only under a named charter: a profile names its company, which pseudonymous and
    Chatham House charters keep from the room."""
    if viewer.is_facilitator or viewer.company_id == company_id:
        return ProfileView.FULL
    if (
        viewer.company_id is not None
        and accepted_charter
        and charter_rules.attribution is Attribution.NAMED
    ):
        return ProfileView.PUBLIC
    return ProfileView.NONE


class MatchView(StrEnum):
    FULL = "full"  # companies, explanation, the evidence quoting profiles, the status
    PARTY = "party"  # companies and explanation; the evidence quotes others' profiles
    NOTICE = "notice"  # "this result touches a restricted area", not whose nor which
    BLIND = "blind"  # that a result concerns the company and its kind, not with whom
    NONE = "none"


def match_visibility(
    viewer: Viewer,
    party_ids: frozenset[int],
    published: bool,
    restricted: bool,
    charter_rules: Rules,
) -> MatchView:
    """The facilitator sees every result; a company sees the published results it is a
    party of, and of a restricted one only that it exists (not whose area, nor which);
    the projector sees published results that touch no restricted area. A result names
    the other company and quotes its profile, so under a charter that does not name
    companies it is shown like a profile is (not at all): a company learns only that a
    result concerns it and may mark interest, and the facilitator introduces the parties."""
    if viewer.is_facilitator:
        return MatchView.FULL
    if not published:
        return MatchView.NONE
    named = charter_rules.attribution is Attribution.NAMED
    if viewer.projector_of is not None:
        return MatchView.PARTY if named and not restricted else MatchView.NONE
    if viewer.company_id is None or viewer.company_id not in party_ids:
        return MatchView.NONE
    if restricted:
        return MatchView.NOTICE
    return MatchView.PARTY if named else MatchView.BLIND


def may_see_plan(
    viewer: Viewer, workshop: WorkshopFacts, party_ids: frozenset[int], accepted_charter: bool
) -> bool:
    """A collaboration plan is its parties' and the workshop's facilitators', on every
    channel and after the workshop: never another company's, never the projector's. As
    with everything else, a party that has not accepted the charter sees nothing. Who may
    read a plan may also change it and report progress on it."""
    if viewer.facilitator_id is not None:
        return viewer.facilitator_id in workshop.facilitator_ids
    return (
        viewer.company_id is not None
        and viewer.workshop_id == workshop.id
        and viewer.company_id in party_ids
        and accepted_charter
    )


@dataclass(frozen=True)
class LedgerScope:
    """Whose ratings a viewer reads in the ledger. A company reads the ratings it gave and
    the ratings about it (both sides of each pair it belongs to), in every workshop its
    organisation took part in; the facilitator reads every rating of their workshops."""

    workshop_ids: frozenset[int] | None  # None: wherever the organisation took part
    org_key: str | None  # None: every company (the facilitator)

    def shows_totals_of(self, org_key: str) -> bool:
        """A company reads its own totals; the facilitator every company's."""
        return self.org_key is None or self.org_key == org_key


def ledger_scope(
    viewer: Viewer,
    facilitated_ids: frozenset[int],
    own_org_key: str | None,
    workshop_id: int,
    accepted_charter: bool,
    names_shown: bool,
) -> LedgerScope | None:
    """A company that has not accepted the charter reads nothing. Where this workshop hides
    names (aliases), only its own ratings count: totals carried from a workshop that named
    the same companies would tell who is behind each alias."""
    if viewer.facilitator_id is not None:
        return LedgerScope(facilitated_ids, None)
    if viewer.company_id is None or not own_org_key or not accepted_charter:
        return None
    return LedgerScope(None if names_shown else frozenset({workshop_id}), own_org_key)


def may_see_rating(scope: LedgerScope, workshop_id: int, rater_org: str, other_org: str) -> bool:
    """One rating's value and kind: the two companies it is between and the facilitator;
    never a third company. (Its comment is read back only by the company that wrote it.)"""
    if scope.workshop_ids is not None and workshop_id not in scope.workshop_ids:
        return False
    return scope.org_key is None or scope.org_key in (rater_org, other_org)


def may_see_feedback(viewer: Viewer, workshop: WorkshopFacts, company_id: int) -> bool:
    """A company's answers about the workshop itself: the company and the facilitator."""
    if viewer.facilitator_id is not None:
        return viewer.facilitator_id in workshop.facilitator_ids
    return viewer.workshop_id == workshop.id and viewer.company_id == company_id


@dataclass(frozen=True)
class ContributionView:
    """What one viewer receives of one contribution. Withheld fields are None."""

    id: int
    topic_id: int
    visibility: Visibility
    kind: str | None = None
    created_at: datetime | None = None
    body: str | None = None
    company: str | None = None
    author: str | None = None
    own: bool = False
    can_request: bool = False
    sensitivity: str | None = None
    details: Mapping[str, str] | None = None  # structured fields: context, action, result...
    status: str | None = None  # moderation status, for the author and the facilitator
    note: str | None = None  # the facilitator's message or reason, for the same
    edited: bool = False

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "topic_id": self.topic_id,
            "kind": self.kind,
            "visibility": self.visibility.value,
            "created_at": self.created_at.isoformat() if self.created_at else None,
            "body": self.body,
            "company": self.company,
            "author": self.author,
            "own": self.own,
            "can_request": self.can_request,
            "sensitivity": self.sensitivity,
            "details": dict(self.details) if self.details else {},
            "status": self.status,
            "note": self.note,
            "edited": self.edited,
        }


@dataclass(frozen=True)
class Names:
    """How to name an item's author, resolved lazily (Chatham House items have none)."""

    company: Callable[[], str | None]
    alias: Callable[[], str | None]
    person: Callable[[], str | None]


@dataclass(frozen=True)
class Body:
    """A contribution's decrypted document."""

    text: str
    details: Mapping[str, str] = field(default_factory=dict)
    note: str | None = None  # the facilitator's moderation message
    edited: bool = False


def render(
    decision: Decision, item: ItemFacts, open_body: Callable[[], Body], names: Names
) -> ContributionView | None:
    """The view a decision allows. A placeholder carries the topic and nothing else: not
    the time, not the author, and the kind only for aggregate-only items (which exist to
    be counted per topic and kind)."""
    if decision.visibility is Visibility.NONE:
        return None
    if decision.visibility is Visibility.PLACEHOLDER:
        return ContributionView(
            item.id,
            item.topic_id,
            Visibility.PLACEHOLDER,
            kind=item.kind if decision.show_kind else None,
            can_request=decision.can_request,
        )
    company = author = None
    if decision.shown is Shown.NAMED:
        company, author = names.company(), names.person()
    elif decision.shown is Shown.ALIAS:
        company = names.alias()
    body = open_body()
    return ContributionView(
        id=item.id,
        topic_id=item.topic_id,
        visibility=Visibility.FULL,
        kind=item.kind,
        created_at=item.created_at,
        body=body.text,
        company=company,
        author=author,
        own=decision.own,
        sensitivity=item.rules.sensitivity.value,
        details=body.details,
        status=item.status if decision.moderation else None,
        note=body.note if decision.moderation else None,
        edited=body.edited,
    )
