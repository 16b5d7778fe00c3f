"""Typed SQLAlchemy 2.0 models. Schema changes go through migrations/ (Alembic).

Contribution text never sits in a column in the clear: it is sealed by shared.sealing
(envelope encryption) and stored as ciphertext plus wrapped keys. Event rows name the
object they are about, never its content, so the event log holds nothing sensitive.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, returns aware UTC: SQLite keeps no time zone."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use shared.clock")
        from datetime import UTC

        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        from datetime import UTC

        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    # Named constraints so that later migrations can drop or alter them on every database.
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(table_name)s_%(column_0_N_name)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


class Facilitator(Base):
    __tablename__ = "facilitators"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    locale: Mapped[str] = mapped_column(String(8), default="es")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SetupToken(Base):
    """One-time link printed on first start to create the first facilitator account."""

    __tablename__ = "setup_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class ApiToken(Base):
    """Facilitator tokens for scripting the API; only a hash is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    facilitator_id: Mapped[int] = mapped_column(ForeignKey("facilitators.id"))
    label: Mapped[str] = mapped_column(String(120))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    facilitator: Mapped[Facilitator] = relationship()


class Workshop(Base):
    __tablename__ = "workshops"

    id: Mapped[int] = mapped_column(primary_key=True)
    facilitator_id: Mapped[int] = mapped_column(ForeignKey("facilitators.id"))
    title: Mapped[str] = mapped_column(String(200))
    objective: Mapped[str] = mapped_column(Text, default="")
    date: Mapped[str] = mapped_column(String(10))  # ISO date of the session day
    language: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | closed
    current_phase_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Highest event sequence number handed out; incremented in the writer's transaction.
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    # The workshop key, wrapped by the key-encryption key (see shared.sealing).
    wrapped_key: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    # The key that seals Chatham House attribution, sealed by the workshop key; destroyed
    # at close so that nobody, the operator included, can link those items to a company.
    sealed_attribution_key: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    shredded_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # Everyone's screen is brought to this contribution (if they may see it).
    spotlight_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Moderate every round (each round can also be moderated on its own).
    moderate_all: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    facilitator: Mapped[Facilitator] = relationship()
    companies: Mapped[list[Company]] = relationship(
        back_populates="workshop", order_by="Company.id"
    )
    topics: Mapped[list[Topic]] = relationship(back_populates="workshop", order_by="Topic.id")
    co_facilitators: Mapped[list[CoFacilitator]] = relationship()

    @property
    def facilitator_ids(self) -> frozenset[int]:
        """The owner and the co-facilitators: who may run this workshop."""
        return frozenset({self.facilitator_id, *(c.facilitator_id for c in self.co_facilitators)})


class Company(Base):
    __tablename__ = "companies"
    __table_args__ = (UniqueConstraint("workshop_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    # Stable pseudonym inside this workshop ("Company C"), used by pseudonymous rules.
    alias: Mapped[str] = mapped_column(String(40))
    # The same organisation across workshops: copied when a workshop imports an earlier
    # one's companies, so plans and the ledger follow it. Random, so it reveals nothing.
    org_key: Mapped[str] = mapped_column(
        String(32), index=True, default=lambda: secrets.token_hex(8)
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())

    workshop: Mapped[Workshop] = relationship(back_populates="companies")


class Invitation(Base):
    """A company's join link. Only the token's hash is kept; the link is shown once."""

    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    company: Mapped[Company] = relationship()


class Participant(Base):
    """A person of a company, joined through an invitation."""

    __tablename__ = "participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), index=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    invitation_id: Mapped[int] = mapped_column(ForeignKey("invitations.id"))
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(120))
    locale: Mapped[str | None] = mapped_column(String(8), nullable=True)
    # Optional: where reminders of the plan steps this person's company owns are sent.
    email: Mapped[str | None] = mapped_column(String(254), nullable=True)
    # Hash of the bearer token given to API and socket clients on join.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    company: Mapped[Company] = relationship()
    invitation: Mapped[Invitation] = relationship()


class Topic(Base):
    __tablename__ = "topics"

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    template: Mapped[str | None] = mapped_column(String(40), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Set when the facilitator reveals the round (rules with phase_reveal wait for it).
    revealed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    workshop: Mapped[Workshop] = relationship(back_populates="topics")


class Phase(Base):
    """One step of the agenda (shared.services.agenda): welcome and charter, profiles, an
    exchange round per topic, overlaps and combinations, action plans, evaluation, closed.

    The timer is stored as facts, not ticks: the seconds banked before the current run and
    when the current run started, so every client computes the same remaining time from
    the server's clock, and a restart loses nothing."""

    __tablename__ = "phases"

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(24))
    title: Mapped[str] = mapped_column(String(200), default="")
    topic_id: Mapped[int | None] = mapped_column(ForeignKey("topics.id"), nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="planned")  # active|done|skipped
    silent: Mapped[bool] = mapped_column(Boolean, default=False)  # private writing, then reveal
    moderated: Mapped[bool] = mapped_column(Boolean, default=False)  # items wait for approval
    planned_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    timer_seconds: Mapped[int] = mapped_column(Integer, default=0)  # planned + extensions
    timer_banked: Mapped[int] = mapped_column(Integer, default=0)  # elapsed before this run
    timer_running_since: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    topic: Mapped[Topic | None] = relationship()


class PhaseReadiness(Base):
    """A company's "we're done" for a phase."""

    __tablename__ = "phase_readiness"

    phase_id: Mapped[int] = mapped_column(ForeignKey("phases.id"), primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), primary_key=True)


class Contribution(Base):
    """A contribution. Its text is sealed (shared.sealing) with its rules bound in.

    Named and pseudonymous items keep company_id/participant_id in clear. Chatham House
    items keep them NULL: only `author_tag` (a keyed hash of the company, for "is this
    mine" and reciprocity) and `sealed_attribution` (under the workshop's attribution key,
    destroyed at close) link them to their author. Only Chatham House items carry the tag:
    on a named item it would sit beside the company and name every item with that tag.
    """

    __tablename__ = "contributions"
    __table_args__ = (UniqueConstraint("workshop_id", "client_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), index=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id"), index=True)
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("companies.id"), index=True, nullable=True
    )
    participant_id: Mapped[int | None] = mapped_column(ForeignKey("participants.id"), nullable=True)
    author_tag: Mapped[str | None] = mapped_column(String(64), index=True, nullable=True)
    # Idempotency key derived from the participant and their client-generated id: a resent
    # contribution is recognised, not duplicated (keyed hash for Chatham House items).
    client_key: Mapped[str] = mapped_column(String(160))
    kind: Mapped[str] = mapped_column(String(24))
    rules: Mapped[str] = mapped_column(Text)  # canonical JSON of shared.rules.Rules
    rules_version: Mapped[int] = mapped_column(Integer, default=1)
    # The body is a sealed JSON document: the main text and the optional structured
    # fields (context, what we did, result, lesson learned, cost or effort).
    sealed_body: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    sealed_attribution: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    # Moderation: approved | held (waiting) | edit_requested | rejected. Only approved
    # items reach other companies; the sealed note is the facilitator's message or reason.
    status: Mapped[str] = mapped_column(String(16), default="approved")
    sealed_note: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    shredded_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    company: Mapped[Company | None] = relationship()
    participant: Mapped[Participant | None] = relationship()
    topic: Mapped[Topic] = relationship()


class Charter(Base):
    """One version of a workshop's charter: the rules the companies agree to."""

    __tablename__ = "charters"
    __table_args__ = (UniqueConstraint("workshop_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    rules: Mapped[str] = mapped_column(Text)  # default Rules for contributions
    downloads_allowed: Mapped[bool] = mapped_column(Boolean, default=True)
    shareable_allowed: Mapped[bool] = mapped_column(Boolean, default=False)
    retention_days: Mapped[int] = mapped_column(Integer)
    # False when this version only made the rules stricter: earlier acceptances still hold.
    requires_acceptance: Mapped[bool] = mapped_column(Boolean, default=True)
    proposed_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CharterAcceptance(Base):
    __tablename__ = "charter_acceptances"
    __table_args__ = (UniqueConstraint("charter_id", "company_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    charter_id: Mapped[int] = mapped_column(ForeignKey("charters.id"), index=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id"))
    accepted_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AccessRequest(Base):
    """A company asks to see a consent-ruled contribution; its owners decide."""

    __tablename__ = "access_requests"
    __table_args__ = (UniqueConstraint("contribution_id", "requester_company_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contribution_id: Mapped[int] = mapped_column(ForeignKey("contributions.id"), index=True)
    requester_company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"))
    status: Mapped[str] = mapped_column(String(16), default="pending")  # approved | declined
    # Owner companies that approved so far; k of them (the rules' consent_k) grant access.
    # A Chatham House author approves as "author", never by company id.
    approvals: Mapped[list[int | str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class Poll(Base):
    """Dot voting on a topic's contributions; results stay hidden until it is closed."""

    __tablename__ = "polls"

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), index=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id"))
    budget: Mapped[int] = mapped_column(Integer)  # dots per voter
    per: Mapped[str] = mapped_column(String(16))  # company | person
    target: Mapped[str] = mapped_column(String(16), default="contributions")  # | themes
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | closed
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class Ballot(Base):
    """Dots one voter (a company or a person, as the poll says) put on one contribution or
    one theme (as the poll's target says)."""

    __tablename__ = "ballots"
    __table_args__ = (UniqueConstraint("poll_id", "voter", "target_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id"), index=True)
    voter: Mapped[str] = mapped_column(String(40))  # "company:3" or "participant:9"
    target_id: Mapped[int] = mapped_column(Integer)  # a contribution or a theme id
    dots: Mapped[int] = mapped_column(Integer)


class Reaction(Base):
    """ "useful", "we too", "question": counted per contribution, never attributed."""

    __tablename__ = "reactions"
    __table_args__ = (UniqueConstraint("contribution_id", "participant_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contribution_id: Mapped[int] = mapped_column(ForeignKey("contributions.id"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id"))
    kind: Mapped[str] = mapped_column(String(16))


class Question(Base):
    """A question to a contribution's author, answered in place. Sealed like the body;
    shown without naming who asked, and the answer as "the author"."""

    __tablename__ = "questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), index=True)
    contribution_id: Mapped[int] = mapped_column(ForeignKey("contributions.id"), index=True)
    asker_company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"))
    sealed_text: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    sealed_answer: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class Theme(Base):
    """The facilitator's grouping of a topic's contributions; members keep their own rules."""

    __tablename__ = "themes"

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), index=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id"))
    title: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ThemeMember(Base):
    __tablename__ = "theme_members"

    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id"), primary_key=True)
    contribution_id: Mapped[int] = mapped_column(ForeignKey("contributions.id"), primary_key=True)


class CoFacilitator(Base):
    """Another facilitator account helping to run a workshop (the owner can hand over)."""

    __tablename__ = "co_facilitators"

    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), primary_key=True)
    facilitator_id: Mapped[int] = mapped_column(ForeignKey("facilitators.id"), primary_key=True)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ProfileRecord(Base):
    """A company's profile (mission, activities and markets, what it seeks, what it offers,
    its restricted areas), sealed as one JSON document: restricted areas are sensitive."""

    __tablename__ = "company_profiles"

    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), index=True)
    language: Mapped[str] = mapped_column(String(8))
    sealed_profile: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Match(Base):
    """An overlap, a combination or a shared need found by shared.matching. The evidence
    quotes profiles (restricted areas included), so it is sealed."""

    __tablename__ = "matches"

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # overlap | combination | shared_need
    company_ids: Mapped[list[int]] = mapped_column(JSON)
    provider_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    receiver_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    score_permille: Mapped[int] = mapped_column(Integer)
    restricted: Mapped[bool] = mapped_column(Boolean, default=False)
    sealed_detail: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    # suggested | confirmed | dismissed | withdrawn (quotes an item its company took back)
    status: Mapped[str] = mapped_column(String(16), default="suggested")
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class MatchInterest(Base):
    """A company marks interest in a published match; mutual interest seeds a plan."""

    __tablename__ = "match_interest"

    match_id: Mapped[int] = mapped_column(ForeignKey("matches.id"), primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), primary_key=True)


class TopicParticipation(Base):
    """Which companies have contributed to a topic: what reciprocity and quorum need.

    Kept apart from contributions (no id, no time) so that Chatham House items stay
    unlinkable to their company once the attribution key is destroyed.
    """

    __tablename__ = "topic_participation"

    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id"), primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), primary_key=True)


class AuditEntry(Base):
    """One leaf of the tamper-evident audit log (shared.audit_log): metadata, never content.

    `subject` names whose item the entry concerns ("company:3", or "tag:<author tag>" for
    Chatham House items) so each company can read its own disclosure history.
    """

    __tablename__ = "audit_entries"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))
    workshop_id: Mapped[int | None] = mapped_column(Integer, index=True, nullable=True)
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(60))
    item: Mapped[str] = mapped_column(String(80))
    subject: Mapped[str] = mapped_column(String(80), index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)
    leaf_hash: Mapped[str] = mapped_column(String(64))
    root_after: Mapped[str] = mapped_column(String(64))


class AuditState(Base):
    """The log's size and Merkle frontier, one row, locked by each append."""

    __tablename__ = "audit_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    frontier: Mapped[list[str]] = mapped_column(JSON)


class Event(Base):
    """The per-workshop, ordered record of what happened; clients replay it by sequence.

    `ref` names objects by id (never their content); what a viewer receives is rendered
    from the current state through shared.disclosure at delivery time.
    """

    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("workshop_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(40))
    ref: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Plan(Base):
    """A collaboration plan between two or more companies of a workshop.

    Its content (objective, what each party seeks and gives, steps, resources, follow-up,
    limits, rules towards third parties) is a sealed JSON document per version
    (PlanVersion). Who its parties are stays in clear: access decisions need it.
    """

    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), index=True)
    match_id: Mapped[int | None] = mapped_column(ForeignKey("matches.id"), nullable=True)
    created_by: Mapped[str] = mapped_column(String(40))  # "facilitator:1" | "company:3"
    current_version: Mapped[int] = mapped_column(Integer, default=1)
    # The latest version every party approved; None until the first sign-off.
    signed_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # A plan carried into a later workshop continues there; the earlier one points to it.
    continues_plan_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    carried_to_plan_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    parties: Mapped[list[PlanParty]] = relationship(order_by="PlanParty.company_id")


class PlanParty(Base):
    __tablename__ = "plan_parties"

    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), primary_key=True)


class PlanVersion(Base):
    """One version of a plan's content, sealed; versions are never changed or deleted."""

    __tablename__ = "plan_versions"
    __table_args__ = (UniqueConstraint("plan_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    sealed_document: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_by: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class PlanApproval(Base):
    """A party's sign-off of one version."""

    __tablename__ = "plan_approvals"

    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), primary_key=True)
    participant_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    approved_at: Mapped[datetime] = mapped_column(UTCDateTime())


class PlanStepState(Base):
    """Follow-up of one step (by its key in the plan document): survives new versions."""

    __tablename__ = "plan_step_states"

    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), primary_key=True)
    step_key: Mapped[str] = mapped_column(String(16), primary_key=True)
    status: Mapped[str] = mapped_column(String(16))  # not_started|in_progress|done|blocked
    updated_by: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class PlanNote(Base):
    """A progress note on a step; its text (and who wrote it) is sealed."""

    __tablename__ = "plan_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), index=True)
    step_key: Mapped[str] = mapped_column(String(16))
    company_id: Mapped[int | None] = mapped_column(Integer, nullable=True)  # None: facilitator
    sealed_text: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class PlanReminder(Base):
    """A reminder email for a step's due date and one recipient, claimed before it is sent
    (the key makes concurrent senders skip it) and released if sending fails."""

    __tablename__ = "plan_reminders"

    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), primary_key=True)
    step_key: Mapped[str] = mapped_column(String(16), primary_key=True)
    due: Mapped[str] = mapped_column(String(10), primary_key=True)
    kind: Mapped[str] = mapped_column(String(12), primary_key=True)  # due_soon | overdue
    recipient: Mapped[str] = mapped_column(String(254), primary_key=True)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CalendarFeed(Base):
    """A person's calendar subscription link to their company's plan dates (hash only; a
    new link replaces theirs). It works only while the person still has access."""

    __tablename__ = "calendar_feeds"

    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id"), primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Evaluation(Base):
    """One company's rating of what it received from, or gave to, another company: one
    kind of benefit (information, contacts, resources, time), 0 to 5, on one occasion
    (the workshop's evaluation phase, or a plan's milestone)."""

    __tablename__ = "evaluations"
    __table_args__ = (
        UniqueConstraint(
            "workshop_id",
            "rater_company_id",
            "other_company_id",
            "direction",
            "kind",
            "occasion",
            name="uq_evaluations_one_rating",  # the generated name passes PostgreSQL's 63
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), index=True)
    rater_company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    other_company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    direction: Mapped[str] = mapped_column(String(10))  # received | given
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[int] = mapped_column(Integer)
    occasion: Mapped[str] = mapped_column(String(40), default="workshop")  # or "plan:<id>"
    sealed_comment: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class WorkshopFeedback(Base):
    """A company's answers to the seed's closing questions about the workshop itself."""

    __tablename__ = "workshop_feedback"

    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), primary_key=True)
    useful: Mapped[int] = mapped_column(Integer)  # 0..5: was this networking useful
    did_benchmarking: Mapped[bool] = mapped_column(Boolean)  # had it done benchmarking
    sealed_comment: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
