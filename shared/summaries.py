"""The downloadable summary: a document per viewer, built through the disclosure module
with the EXPORT channel, then rendered by shared.reports in any format.

The facilitator's summary and each company's are different documents: every contribution,
name and vote result passes through shared.feed.Renderer (which asks shared.disclosure), so
a company's file holds only what it may take out of the room. Building it records an export
entry in the audit log (which items went out, never their text); the document's footer
carries the log's head so each party keeps a copy of it outside the database.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from shared import access, audit, disclosure
from shared.charter_state import current as current_charter
from shared.disclosure import Channel, Shown, Viewer
from shared.errors import Forbidden
from shared.feed import Renderer
from shared.i18n import N_
from shared.models import Ballot, Facilitator, Participant, Poll, Theme, Workshop
from shared.reports import (
    FORMATS,
    ActionPlan,
    AuditFooter,
    Charter,
    Contribution,
    Evaluation,
    LedgerPair,
    LedgerRow,
    Meta,
    PartyTerms,
    PlanStep,
    Resource,
    SummaryDocument,
    Topic,
    VoteResult,
    render_csv,
    render_ics,
    render_json,
    render_markdown,
    render_pdf,
)
from shared.reports import Combination as CombinationRow
from shared.reports import Overlap as OverlapRow
from shared.reports import Participant as ParticipantRow
from shared.reports import Theme as ThemeRow
from shared.rules import ATTRIBUTION_LABELS, SENSITIVITY_LABELS
from shared.services import ledger as ledger_service
from shared.services import plans as plan_service
from shared.services.charters import CharterTerms, terms_of
from shared.services.deps import Deps
from shared.services.matches import match_views
from shared.services.naming import label_order
from shared.services.themes import themes_view
from shared.services.votes import may_vote_on, totals_of

Translate = Callable[[str], str]
CONDITIONS = {
    "reciprocity": N_("Give to receive: a company sees a topic after contributing to it"),
    "phase_reveal": N_("Revealed when the facilitator opens the round's reveal"),
    "consent": N_("Other companies must ask; the author approves"),
    "aggregate_only": N_("Others see only counts per topic and kind"),
}
VERIFY = N_(
    "Keep this document: `tertulia audit verify --head %(size)s:%(root)s` proves that the "
    "log of who saw what has not been rewritten since it was made."
)


def _charter(terms: CharterTerms, t: Translate) -> Charter:
    rules = terms.rules
    conditions = [t(text) for key, text in CONDITIONS.items() if getattr(rules, key)]
    if rules.quorum:
        conditions.append(
            t(N_("Nothing on a topic before %(k)s companies contributed")) % {"k": rules.quorum}
        )
    leaving = [
        t(N_("Each company downloads its own summary"))
        if terms.downloads_allowed
        else t(N_("No downloads for companies"))
    ]
    if terms.shareable_allowed:
        leaving.append(t(N_("A shareable summary with GREEN and CLEAR items")))
    leaving.append(t(N_("RED items never leave the live session.")))
    return Charter(
        sensitivity_default=t(SENSITIVITY_LABELS[rules.sensitivity]),
        attribution_mode=t(ATTRIBUTION_LABELS[rules.attribution]),
        reveal_conditions=tuple(conditions),
        may_leave_room=tuple(leaving),
        retention=t(N_("Everything is crypto-shredded %(days)s days after the workshop closes"))
        % {"days": terms.retention_days},
    )


def summary_document(deps: Deps, viewer: Viewer, workshop_id: int) -> SummaryDocument:
    with deps.db.transaction() as s:
        workshop = access.visible_workshop(s, viewer, workshop_id)
        terms = terms_of(current_charter(s, workshop.id))
        if not disclosure.may_download(viewer, terms.downloads_allowed):
            raise Forbidden(N_("The charter does not let companies download a summary."))

        def t(msgid: str) -> str:
            return deps.translate(msgid, workshop.language)

        renderer = Renderer(s, deps.sealer, deps.clock)
        facilitator = s.get(Facilitator, workshop.facilitator_id)
        topics, exported = _topics(s, renderer, viewer, workshop)
        viewer_label = (
            t(N_("Facilitator"))
            if viewer.is_facilitator
            else next((c.name for c in workshop.companies if c.id == viewer.company_id), "")
        )
        audit.record_facilitator_reads(s, deps.clock, renderer.sealed_reads)
        audit.append(
            s,
            deps.clock,
            action="export.summary",
            actor=f"facilitator:{viewer.facilitator_id}"
            if viewer.is_facilitator
            else f"company:{viewer.company_id}",
            item=f"workshop:{workshop.id}",
            workshop_id=workshop.id,
            subject=f"company:{viewer.company_id}" if viewer.company_id else "",
            detail={"items": exported},
        )
        overlaps, combinations = _matches(s, viewer, workshop, viewer_label, deps)
        ledger = ledger_service.ledger_in(s, viewer, workshop)
        head = audit.head(s)
        return SummaryDocument(
            meta=Meta(
                title=workshop.title,
                objective=workshop.objective,
                date=date.fromisoformat(workshop.date) if workshop.date else None,
                language="en" if workshop.language == "en" else "es",
                facilitator=facilitator.name if facilitator else "",
                status="final" if workshop.status == "closed" else "draft",
                generated_at=deps.clock(),
                viewer_label=viewer_label,
            ),
            charter=_charter(terms, t),
            participants=_participants(s, viewer, workshop, terms),
            topics=topics,
            overlaps=overlaps,
            combinations=combinations,
            plans=_plans(s, viewer, workshop, deps),
            evaluations=tuple(
                Evaluation(
                    f["company"],
                    rating=f["useful"],
                    benefits=f["comment"] or None,
                    did_benchmarking_before=f["did_benchmarking"],
                )
                for f in ledger_service.feedback_views(deps, s, viewer, workshop)
            ),
            ledger=tuple(
                LedgerRow(r["company"], r["given"], r["received"]) for r in ledger["companies"]
            ),
            ledger_pairs=tuple(
                pair
                for p in ledger["pairs"]
                for pair in (
                    LedgerPair(p["a"], p["b"], p["a_gave"]),
                    LedgerPair(p["b"], p["a"], p["b_gave"]),
                )
                if pair.count
            ),
            audit=AuditFooter(
                head.size, head.root, t(VERIFY) % {"size": head.size, "root": head.root}
            ),
        )


def _plans(s: Any, viewer: Viewer, workshop: Workshop, deps: Deps) -> tuple[ActionPlan, ...]:
    """The plans this viewer is party to (every plan, for the facilitator)."""
    today = deps.clock().date()
    out = []
    for plan in plan_service.visible_plans(s, viewer, workshop):
        view = plan_service.plan_view(deps.sealer, s, viewer, plan, today)
        if not view["available"]:
            continue
        out.append(
            ActionPlan(
                view["objective"],
                parties=tuple(p["company"] for p in view["parties"]),
                steps=tuple(
                    PlanStep(
                        step["title"],
                        step["owner"],
                        step["owner_person"] or None,
                        date.fromisoformat(step["due"]) if step["due"] else None,
                        step["status"],
                        tuple(
                            Resource(
                                r["name"], r["provider"] if r["status"] == "available" else None
                            )
                            for r in step["resources"]
                        ),
                        milestone=step["milestone"],
                        overdue=step["overdue"],
                    )
                    for step in view["steps"]
                ),
                title=view["title"],
                status=view["status"],
                version=view["version"],
                terms=tuple(
                    PartyTerms(p["company"], p["seeks"], p["gives"]) for p in view["parties"]
                ),
                follow_up=view["follow_up"],
                limits=view["limits"],
                third_parties=view["third_parties"],
            )
        )
    return tuple(out)


def _matches(
    s: Any, viewer: Viewer, workshop: Workshop, viewer_label: str, deps: Deps
) -> tuple[tuple[OverlapRow, ...], tuple[CombinationRow, ...]]:
    """The overlaps and combinations this viewer may see (the same gate as the room)."""
    overlaps, combinations = [], []
    for result in match_views(deps.sealer, s, viewer, workshop):
        if result.get("notice"):  # a restricted touch, or a result under a charter naming nobody
            overlaps.append(
                OverlapRow(
                    (viewer_label,),
                    0.0,
                    result["notice"],
                    restricted=result["restricted"],
                    confirmed=True,
                )
            )
        elif result["kind"] == "combination":
            combinations.append(
                CombinationRow(
                    result["provider"] or "",
                    result["receiver"] or "",
                    result["score"],
                    result.get("explanation", ""),
                    restricted=result["restricted"],
                    confirmed=result.get("status", "confirmed") == "confirmed",
                )
            )
        else:
            overlaps.append(
                OverlapRow(
                    tuple(result["companies"]),
                    result["score"],
                    result.get("explanation", ""),
                    restricted=result["restricted"],
                    confirmed=result.get("status", "confirmed") == "confirmed",
                )
            )
    return tuple(overlaps), tuple(combinations)


def _participants(
    s: Any, viewer: Viewer, workshop: Workshop, terms: CharterTerms
) -> tuple[ParticipantRow, ...]:
    listing = disclosure.company_listing(viewer, terms.rules)
    if listing is Shown.NOBODY:
        return ()
    rows = []
    for company in workshop.companies:
        people = None
        if listing is Shown.NAMED:
            people = tuple(
                s.scalars(
                    select(Participant.name).where(
                        Participant.company_id == company.id, Participant.removed_at.is_(None)
                    )
                )
            )
        rows.append(
            ParticipantRow(company.name if listing is Shown.NAMED else company.alias, people)
        )
    # By label, not in the order companies were added: ids travel beside names elsewhere.
    return tuple(sorted(rows, key=lambda row: label_order(row.company)))


def _topics(
    s: Any, renderer: Renderer, viewer: Viewer, workshop: Workshop
) -> tuple[tuple[Topic, ...], list[int]]:
    topics, exported = [], []
    for topic in workshop.topics:
        views = renderer.contributions(viewer, workshop, Channel.EXPORT, topic.id)
        by_id = {v["id"]: v for v in views}
        items = []
        for view in views:
            full = view["visibility"] == "full"
            if full:
                exported.append(view["id"])
            who = " · ".join(x for x in (view.get("company"), view.get("author")) if x) or None
            items.append(
                Contribution(
                    kind=view.get("kind") or "idea",
                    body=view["body"] if full else None,
                    attribution=who if full else None,
                    # A placeholder carries no time of its own: use the round's.
                    created_at=_parse(view.get("created_at")) or topic.created_at,
                )
            )
        topics.append(
            Topic(
                topic.title,
                tuple(items),
                _themes(s, renderer, viewer, workshop, topic.id),
                _votes(s, renderer, viewer, workshop, topic.id, by_id),
            )
        )
    return tuple(topics), exported


def _votes(
    s: Any,
    renderer: Renderer,
    viewer: Viewer,
    workshop: Workshop,
    topic_id: int,
    visible: dict[int, dict[str, Any]],
) -> tuple[VoteResult, ...]:
    """Closed votes' totals, for the contributions and themes this viewer may see."""
    results = []
    for poll in s.scalars(select(Poll).where(Poll.topic_id == topic_id, Poll.status == "closed")):
        ballots = list(s.scalars(select(Ballot).where(Ballot.poll_id == poll.id)))
        for target_id, dots in totals_of(ballots):
            if not may_vote_on(s, renderer, viewer, workshop, poll, target_id):
                continue
            if poll.target == "themes":
                theme = s.get(Theme, target_id)
                label = theme.title if theme else ""
            else:
                label = _excerpt(visible[target_id]["body"]) if target_id in visible else ""
            if label:
                results.append(VoteResult(label, dots))
    return tuple(results)


def _themes(
    s: Any, renderer: Renderer, viewer: Viewer, workshop: Workshop, topic_id: int
) -> tuple[ThemeRow, ...]:
    return tuple(
        ThemeRow(t["title"], len(t["members"]))
        for t in themes_view(s, renderer, viewer, workshop, topic_id)
    )


def _excerpt(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _parse(value: Any) -> Any:
    return datetime.fromisoformat(value) if isinstance(value, str) else None


RENDERERS: dict[str, Callable[[SummaryDocument], str | bytes]] = {
    "md": render_markdown,
    "json": render_json,
    "csv": render_csv,
    "ics": render_ics,
    "pdf": render_pdf,
}


def render(document: SummaryDocument, fmt: str) -> tuple[bytes, str, str]:
    """(content, media type, file extension) for a format in shared.reports.FORMATS."""
    media_type, extension = FORMATS[fmt]
    content = RENDERERS[fmt](document)
    data = (
        content.encode("utf-8-sig" if fmt == "csv" else "utf-8")
        if isinstance(content, str)
        else content
    )
    return data, media_type, extension
