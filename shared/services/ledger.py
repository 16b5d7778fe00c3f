"""Evaluation and the give-and-receive ledger ("debe y haber").

Each company rates, for each other company, what it received from it and what it gave to
it: the kind of benefit (information, contacts, resources, time), a value from 0 to 5 and
a comment, in the workshop's evaluation phase or at a plan's milestone. It also answers
the seed's closing questions about the workshop itself.

The ledger adds the flows per pair and per company, across the workshops an organisation
took part in (companies imported into a later workshop keep their organisation key). The
value of a flow from G to R is what R says it received from G; where R said nothing, what
G says it gave. A pair balances when the two directions differ by at most one point or by
at most a fifth of the larger. Who reads which rating: shared.disclosure.may_see_rating.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared import disclosure
from shared.charter_state import company_has_accepted
from shared.charter_state import current as current_charter
from shared.crypto import CryptoError
from shared.disclosure import Shown, Viewer
from shared.errors import Conflict, NotFound
from shared.i18n import N_
from shared.models import Company, Evaluation, Plan, Workshop, WorkshopFeedback
from shared.services.charters import terms_of
from shared.services.deps import Deps
from shared.services.naming import Ref, company_labels, company_refs
from shared.services.plans import require_accepted
from shared.validation import Checker

BENEFIT_KINDS = ("information", "contacts", "resources", "time")
DIRECTIONS = ("received", "given")
BENEFIT_LABELS = {
    "information": N_("Information"),
    "contacts": N_("Contacts"),
    "resources": N_("Resources"),
    "time": N_("Time"),
}


def _workshop(s: Session, viewer: Viewer, workshop_id: int) -> Workshop:
    workshop = s.get(Workshop, workshop_id)
    if workshop is None or not disclosure.can_enter_workshop(viewer, workshop):
        raise NotFound(N_("Workshop not found."))
    if workshop.shredded_at is not None:
        raise Conflict(N_("This workshop's records were deleted at the end of retention."))
    return workshop


def _comment_label(workshop_id: int, key: tuple[Any, ...]) -> str:
    return "evaluation:" + ":".join(str(k) for k in (workshop_id, *key))


@dataclass(frozen=True)
class _Entry:
    other: Any  # the other company as the client referred to it (see naming)
    direction: str
    occasion: str
    ratings: dict[str, tuple[int | None, str]]


def _parse_entry(data: Any, check: Checker, prefix: str) -> _Entry:
    data = data if isinstance(data, dict) else {}
    sub = Checker(data)
    direction = sub.choice("direction", DIRECTIONS)
    occasion = sub.text("occasion", max_len=40, required=False) or "workshop"
    raw_ratings = data.get("ratings") if isinstance(data.get("ratings"), dict) else {}
    ratings: dict[str, tuple[int | None, str]] = {}
    for kind, entry in raw_ratings.items():  # type: ignore[union-attr]
        if kind not in BENEFIT_KINDS:
            sub.errors[f"ratings.{kind}"] = N_("Choose one of the offered options.")
            continue
        entry = entry if isinstance(entry, dict) else {"value": entry}
        one = Checker(entry)
        value = None
        if entry.get("value") not in (None, ""):
            value = one.integer("value", minimum=0, maximum=5)
        comment = one.text("comment", max_len=1000, required=False)
        for field, message in one.errors.items():
            sub.errors[f"ratings.{kind}.{field}"] = message
            if field in one.params:
                sub.params[f"ratings.{kind}.{field}"] = one.params[field]
        ratings[kind] = (value, comment)
    for field, message in sub.errors.items():
        check.errors[prefix + field] = message
        if field in sub.params:
            check.params[prefix + field] = sub.params[field]
    return _Entry(data.get("other_company_id"), direction, occasion, ratings)


def rate(deps: Deps, viewer: Viewer, workshop_id: int, data: dict[str, Any]) -> int:
    """Save one company's ratings of one other company, in one direction, on one occasion:
    {"other_company_id", "direction", "occasion"?, "ratings": {kind: {"value", "comment"}}}.
    A kind sent with an empty value is removed. Returns how many ratings are stored."""
    return rate_many(deps, viewer, workshop_id, [data], prefixed=False)


def rate_many(
    deps: Deps,
    viewer: Viewer,
    workshop_id: int,
    entries: list[dict[str, Any]],
    prefixed: bool = True,
) -> int:
    """Several entries (both directions of a form) checked together and saved together:
    one bad field saves nothing. Field errors are named "<index>.<field>" when prefixed."""
    if viewer.company_id is None:
        raise Conflict(N_("Only companies rate what they gave and received."))
    check = Checker({})
    parsed = [
        _parse_entry(data, check, f"{index}." if prefixed else "")
        for index, data in enumerate(entries)
    ]
    with deps.db.transaction() as s:
        workshop = _workshop(s, viewer, workshop_id)
        require_accepted(s, viewer, workshop)
        others = {c.id for c in workshop.companies} - {viewer.company_id}
        refs = company_refs(s, viewer, workshop)
        resolved = []
        for index, entry in enumerate(parsed):
            prefix = f"{index}." if prefixed else ""
            other_id = refs.company_id(entry.other)
            if other_id not in others:
                check.errors[prefix + "other_company_id"] = N_(
                    "Choose another company of this workshop."
                )
            occasion = entry.occasion
            if occasion != "workshop":
                occasion = _plan_occasion(s, occasion, workshop, {viewer.company_id, other_id})
                if occasion is None:
                    check.errors[prefix + "occasion"] = N_(
                        "Choose a plan both companies are parties of."
                    )
            resolved.append((entry, other_id, occasion))
        check.done()
        return sum(
            _store(deps, s, viewer, workshop, entry, int(other_id), str(occasion))
            for entry, other_id, occasion in resolved
        )


def _store(
    deps: Deps,
    s: Session,
    viewer: Viewer,
    workshop: Workshop,
    entry: _Entry,
    other_id: int,
    occasion: str,
) -> int:
    stored = 0
    for kind, (value, comment) in entry.ratings.items():
        key = (viewer.company_id, other_id, entry.direction, kind, occasion)
        row = s.scalar(
            select(Evaluation).where(
                Evaluation.workshop_id == workshop.id,
                Evaluation.rater_company_id == viewer.company_id,
                Evaluation.other_company_id == other_id,
                Evaluation.direction == entry.direction,
                Evaluation.kind == kind,
                Evaluation.occasion == occasion,
            )
        )
        if value is None:
            if row is not None:
                s.delete(row)
            continue
        if row is None:
            row = Evaluation(
                workshop_id=workshop.id,
                rater_company_id=viewer.company_id,
                other_company_id=other_id,
                direction=entry.direction,
                kind=kind,
                occasion=occasion,
            )
            s.add(row)
        row.value = value
        row.sealed_comment = (
            deps.sealer.seal_record(workshop, _comment_label(workshop.id, key), comment)
            if comment
            else None
        )
        row.updated_at = deps.clock()
        stored += 1
    return stored


def _plan_occasion(s: Session, occasion: str, workshop: Workshop, pair: set[int]) -> str | None:
    """A milestone rating is between two parties of that plan; stored in one canonical
    form ("plan:7"), so the same occasion is never counted twice."""
    kind, _, ident = occasion.partition(":")
    plan = s.get(Plan, int(ident)) if kind == "plan" and ident.isdigit() else None
    if (
        plan is None
        or plan.workshop_id != workshop.id
        or not pair <= {p.company_id for p in plan.parties}
    ):
        return None
    return f"plan:{plan.id}"


def save_feedback(deps: Deps, viewer: Viewer, workshop_id: int, data: dict[str, Any]) -> None:
    """The seed's closing questions: was this networking useful (0-5); had the company
    done benchmarking before; what it got out of it."""
    if viewer.company_id is None:
        raise Conflict(N_("Only companies answer the closing questions."))
    check = Checker(data)
    useful = check.integer("useful", minimum=0, maximum=5)
    benchmarking = check.choice("did_benchmarking", ("yes", "no"))
    comment = check.text("comment", max_len=2000, required=False)
    check.done()
    with deps.db.transaction() as s:
        workshop = _workshop(s, viewer, workshop_id)
        require_accepted(s, viewer, workshop)
        row = s.get(WorkshopFeedback, (workshop.id, viewer.company_id))
        if row is None:
            row = WorkshopFeedback(workshop_id=workshop.id, company_id=viewer.company_id)
            s.add(row)
        row.useful = useful
        row.did_benchmarking = benchmarking == "yes"
        row.sealed_comment = (
            deps.sealer.seal_record(workshop, f"feedback:{viewer.company_id}", comment)
            if comment
            else None
        )
        row.updated_at = deps.clock()


def _open(deps: Deps, workshop: Workshop, label: str, blob: bytes | None) -> str:
    if blob is None:
        return ""
    try:
        return deps.sealer.open_record(workshop, label, blob)
    except CryptoError:
        return ""


def feedback_views(
    deps: Deps, s: Session, viewer: Viewer, workshop: Workshop
) -> list[dict[str, Any]]:
    names = {c.id: c.name for c in workshop.companies}
    out = []
    for row in s.scalars(
        select(WorkshopFeedback)
        .where(WorkshopFeedback.workshop_id == workshop.id)
        .order_by(WorkshopFeedback.company_id)
    ):
        if disclosure.may_see_feedback(viewer, workshop, row.company_id):
            out.append(
                {
                    "company_id": row.company_id,
                    "company": names.get(row.company_id, ""),
                    "useful": row.useful,
                    "did_benchmarking": row.did_benchmarking,
                    "comment": _open(
                        deps, workshop, f"feedback:{row.company_id}", row.sealed_comment
                    ),
                }
            )
    return out


def workshop_feedback(deps: Deps, viewer: Viewer, workshop_id: int) -> list[dict[str, Any]]:
    with deps.db.reading() as s:
        return feedback_views(deps, s, viewer, _workshop(s, viewer, workshop_id))


def my_ratings(deps: Deps, viewer: Viewer, workshop_id: int) -> dict[str, Any]:
    """What this company has entered so far (to fill the form again) and its feedback."""
    with deps.db.reading() as s:
        workshop = _workshop(s, viewer, workshop_id)
        rows = s.scalars(
            select(Evaluation).where(
                Evaluation.workshop_id == workshop.id,
                Evaluation.rater_company_id == viewer.company_id,
            )
        )
        refs = company_refs(s, viewer, workshop)
        ratings = [
            {
                "other_company_id": refs.ref(r.other_company_id),
                "direction": r.direction,
                "kind": r.kind,
                "occasion": r.occasion,
                "value": r.value,
                "comment": _open(
                    deps,
                    workshop,
                    _comment_label(
                        workshop.id,
                        (r.rater_company_id, r.other_company_id, r.direction, r.kind, r.occasion),
                    ),
                    r.sealed_comment,
                ),
            }
            for r in rows
        ]
        return {"ratings": ratings, "feedback": feedback_views(deps, s, viewer, workshop)}


def rating_choices(deps: Deps, viewer: Viewer, workshop_id: int) -> dict[Ref, str]:
    """The other companies of a workshop, by reference, as this viewer names them."""
    with deps.db.reading() as s:
        refs = company_refs(s, viewer, _workshop(s, viewer, workshop_id))
        return {
            refs.refs[cid]: label for cid, label in refs.labels.items() if cid != viewer.company_id
        }


def ledger(deps: Deps, viewer: Viewer, workshop_id: int) -> dict[str, Any]:
    """Per pair and per company: what was given and received and whether it balances,
    across every workshop of the organisations involved that this viewer may read."""
    with deps.db.reading() as s:
        return ledger_in(s, viewer, _workshop(s, viewer, workshop_id))


def ledger_in(s: Session, viewer: Viewer, workshop: Workshop) -> dict[str, Any]:
    rules = terms_of(current_charter(s, workshop.id)).rules
    named = disclosure.company_listing(viewer, rules) is Shown.NAMED
    own = s.get(Company, viewer.company_id) if viewer.company_id else None
    facilitated = frozenset(
        w.id
        for w in s.scalars(select(Workshop))
        if viewer.facilitator_id is not None and viewer.facilitator_id in w.facilitator_ids
    )
    accepted = own is not None and company_has_accepted(s, workshop.id, own.id)
    scope = disclosure.ledger_scope(
        viewer, facilitated, own.org_key if own else None, workshop.id, accepted, named
    )
    if scope is None:
        return {"pairs": [], "companies": [], "workshops": []}
    # The organisations of this workshop, and every workshop any of them took part in.
    orgs = {c.org_key for c in workshop.companies}
    companies = list(s.scalars(select(Company).where(Company.org_key.in_(orgs))))
    by_id = {c.id: c for c in companies}
    names = company_labels(s, viewer, workshop)
    label = {c.org_key: names[c.id] for c in workshop.companies}
    flows: dict[tuple[str, str], dict[str, Any]] = {}
    reported: dict[tuple[str, str, int, str, str], dict[str, int]] = defaultdict(dict)
    workshops: dict[int, str] = {}
    for row in s.scalars(select(Evaluation).where(Evaluation.rater_company_id.in_(list(by_id)))):
        rater, other = by_id.get(row.rater_company_id), by_id.get(row.other_company_id)
        if rater is None or other is None:
            continue
        if not disclosure.may_see_rating(scope, row.workshop_id, rater.org_key, other.org_key):
            continue
        workshops[row.workshop_id] = ""
        giver, receiver = (
            (other.org_key, rater.org_key)
            if row.direction == "received"
            else (rater.org_key, other.org_key)
        )
        key = (giver, receiver, row.workshop_id, row.occasion, row.kind)
        reported[key][row.direction] = row.value
    for (giver, receiver, _w, _o, kind), said in reported.items():
        value = said.get("received", said.get("given", 0))
        flow = flows.setdefault((giver, receiver), {"total": 0, "by_kind": {}})
        flow["total"] += value
        flow["by_kind"][kind] = flow["by_kind"].get(kind, 0) + value
    for wid in workshops:
        w = s.get(Workshop, wid)
        workshops[wid] = w.title if w else ""
    # In the order of labels, never of organisation keys: those follow names, and an alias
    # listed in its name's place would say whose it is. The viewer's own company comes
    # first in that order, so a company reads its own side of a pair first.
    org_of = {c.id: c.org_key for c in workshop.companies}
    position = {org_of[cid]: index for index, cid in enumerate(names)}

    def place(org: str) -> int:
        return position.get(org, len(position))

    pairs = []
    for a, b in sorted(
        {tuple(sorted(k, key=place)) for k in flows}, key=lambda pair: [place(o) for o in pair]
    ):
        a_to_b = flows.get((a, b), {"total": 0, "by_kind": {}})
        b_to_a = flows.get((b, a), {"total": 0, "by_kind": {}})
        pairs.append(
            {
                "a": label.get(a, ""),
                "b": label.get(b, ""),
                "a_gave": a_to_b["total"],
                "b_gave": b_to_a["total"],
                "a_gave_by_kind": a_to_b["by_kind"],
                "b_gave_by_kind": b_to_a["by_kind"],
                "balance": a_to_b["total"] - b_to_a["total"],
                "balanced": balanced(a_to_b["total"], b_to_a["total"]),
            }
        )
    totals: dict[str, dict[str, int]] = defaultdict(lambda: {"given": 0, "received": 0})
    for (giver, receiver), flow in flows.items():
        totals[giver]["given"] += flow["total"]
        totals[receiver]["received"] += flow["total"]
    company_rows = [
        {
            "company": label.get(org, ""),
            "given": t["given"],
            "received": t["received"],
            "balance": t["given"] - t["received"],
            "balanced": balanced(t["given"], t["received"]),
        }
        for org, t in sorted(totals.items(), key=lambda kv: place(kv[0]))
        if scope.shows_totals_of(org) and org in label
    ]
    return {
        "pairs": [p for p in pairs if p["a"] and p["b"]],
        "companies": company_rows,
        "workshops": [workshops[w] for w in sorted(workshops)],
    }


def balanced(given: int, received: int) -> bool:
    return abs(given - received) <= max(1, 0.2 * max(given, received))
