"""The post-workshop summary as a document: frozen dataclasses, no behaviour beyond ordering.

A document is built per viewer through the disclosure module, so it already holds only what
that viewer may take out of the room. Every renderer in this package renders exactly what the
document holds and decides no visibility of its own. A contribution whose ``body`` is None is a
sealed placeholder: renderers show the placeholder text, never anything else.

Sequences may be passed as lists; they are stored as tuples so a document is immutable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any, Literal, TypeVar

Language = Literal["es", "en"]
Status = Literal["draft", "final"]
LANGUAGES: tuple[str, ...] = ("es", "en")
STATUSES: tuple[str, ...] = ("draft", "final")


def _freeze(obj: Any) -> None:
    """Turn list fields into tuples (frozen dataclasses need object.__setattr__)."""
    for f in fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, list):
            object.__setattr__(obj, f.name, tuple(value))


@dataclass(frozen=True)
class Meta:
    title: str
    objective: str
    date: date | None
    language: Language
    facilitator: str
    status: Status
    generated_at: datetime
    viewer_label: str  # "Facilitator", a company name, or an alias such as "Company C"

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}, not {self.language!r}")
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, not {self.status!r}")


@dataclass(frozen=True)
class Charter:
    sensitivity_default: str  # e.g. "GREEN", "AMBER"
    attribution_mode: str  # human text, e.g. "Chatham House: no attribution"
    reveal_conditions: tuple[str, ...] = ()  # human sentences
    may_leave_room: tuple[str, ...] = ()  # human sentences: what may leave the room
    retention: str = ""

    def __post_init__(self) -> None:
        _freeze(self)


@dataclass(frozen=True)
class Participant:
    company: str  # the label as shown to this viewer (may be an alias)
    people: tuple[str, ...] | None = None  # None: names withheld from this viewer

    def __post_init__(self) -> None:
        _freeze(self)


@dataclass(frozen=True)
class Contribution:
    kind: str  # good_practice | bad_practice | barrier | result | idea
    body: str | None  # None: a sealed placeholder
    attribution: str | None  # company/person label, or None when not attributed
    created_at: datetime

    @property
    def sealed(self) -> bool:
        return self.body is None


@dataclass(frozen=True)
class Theme:
    title: str
    members: int


@dataclass(frozen=True)
class VoteResult:
    label: str
    votes: int


@dataclass(frozen=True)
class Topic:
    title: str
    contributions: tuple[Contribution, ...] = ()
    themes: tuple[Theme, ...] = ()
    votes: tuple[VoteResult, ...] = ()

    def __post_init__(self) -> None:
        _freeze(self)


@dataclass(frozen=True)
class Overlap:
    companies: tuple[str, ...]  # usually two labels
    score: float
    explanation: str
    restricted: bool = False  # touches a restricted area
    confirmed: bool = False

    def __post_init__(self) -> None:
        _freeze(self)


@dataclass(frozen=True)
class Combination:
    provider: str
    receiver: str
    score: float
    explanation: str
    restricted: bool = False
    confirmed: bool = False


@dataclass(frozen=True)
class Resource:
    name: str
    provided_by: str | None = None  # None: needed, nobody provides it yet


@dataclass(frozen=True)
class PlanStep:
    title: str
    owner: str  # company label
    owner_person: str | None = None
    due: date | None = None
    status: str = "planned"  # not_started | planned | in_progress | done | blocked | cancelled
    resources: tuple[Resource, ...] = ()
    milestone: bool = False
    overdue: bool = False  # past its date and not done, when the summary was made

    def __post_init__(self) -> None:
        _freeze(self)


@dataclass(frozen=True)
class PartyTerms:
    """What one party of a plan seeks from it and gives to it."""

    company: str
    seeks: str = ""
    gives: str = ""


@dataclass(frozen=True)
class ActionPlan:
    objective: str
    parties: tuple[str, ...] = ()
    steps: tuple[PlanStep, ...] = ()
    title: str = ""
    status: str = ""  # draft | signed | changed (a newer version awaits approval)
    version: int = 1
    terms: tuple[PartyTerms, ...] = ()
    follow_up: str = ""  # how and when progress is reported
    limits: str = ""  # limits of the exchange: restricted areas, overlap rules
    third_parties: str = ""  # what may be said outside, and to whom

    def __post_init__(self) -> None:
        _freeze(self)


@dataclass(frozen=True)
class Evaluation:
    company: str
    rating: int | None = None  # 1..5, how useful the workshop was; None: not answered
    benefits: str | None = None  # the benefits achieved, in the company's words
    did_networking_before: bool | None = None
    did_benchmarking_before: bool | None = None


@dataclass(frozen=True)
class LedgerRow:
    company: str
    given: int
    received: int

    @property
    def balance(self) -> int:
        return self.given - self.received


@dataclass(frozen=True)
class LedgerPair:
    giver: str
    receiver: str
    count: int


@dataclass(frozen=True)
class AuditFooter:
    tree_size: int
    root_hash: str  # hex
    how_to_verify: str


@dataclass(frozen=True)
class SummaryDocument:
    meta: Meta
    charter: Charter | None = None
    participants: tuple[Participant, ...] = ()
    topics: tuple[Topic, ...] = ()
    overlaps: tuple[Overlap, ...] = ()
    combinations: tuple[Combination, ...] = ()
    plans: tuple[ActionPlan, ...] = ()
    evaluations: tuple[Evaluation, ...] = ()
    ledger: tuple[LedgerRow, ...] = ()
    ledger_pairs: tuple[LedgerPair, ...] = field(default=())
    audit: AuditFooter | None = None

    def __post_init__(self) -> None:
        _freeze(self)

    @property
    def language(self) -> Language:
        return self.meta.language

    @property
    def contribution_count(self) -> int:
        return sum(len(t.contributions) for t in self.topics)


_Match = TypeVar("_Match", "Overlap", "Combination")


def confirmed_first(items: Iterable[_Match]) -> list[_Match]:
    """Confirmed items first, then by descending score; stable otherwise."""
    return sorted(items, key=lambda item: (not item.confirmed, -item.score))
