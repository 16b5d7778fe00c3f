"""Overlaps ("solapes") and combinable activities ("sumatorios") in the workshop.

The facilitator runs the engine (shared.matching) on the sealed profiles, confirms or
dismisses each result and publishes the confirmed ones. Each company then sees, through
shared.disclosure.match_visibility, the published results it is a party of (a restricted
one only as a notice), and marks interest; mutual interest seeds an action plan.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared import access, audit, disclosure
from shared.charter_state import current_rules
from shared.disclosure import MatchView, Viewer
from shared.errors import Conflict, NotFound, ValidationFailed
from shared.feed import record_event
from shared.i18n import N_
from shared.matching import CompanyProfile, match
from shared.models import Company, Match, MatchInterest, Plan, Workshop
from shared.sealing import EnvelopeSealer
from shared.services.deps import Deps
from shared.services.profiles import load_all

# In both languages, like the engine's explanations: a live event goes to every screen of a
# room, whatever its language, so it cannot be translated once for the room. The restricted
# notice is shown to both parties alike, so it says neither whose area it is nor which.
RESTRICTED_NOTICES = {
    "en": "A result concerning your company touches a restricted area (yours or another "
    "company's): the facilitator can tell you how to proceed.",
    "es": "Un resultado que afecta a vuestra empresa toca un área restringida (vuestra o de "
    "otra empresa): vuestro facilitador/a puede indicaros cómo seguir.",
}
BLIND_NOTICES = {
    "en": "A possible match concerns your company. This workshop's charter does not name "
    "companies, so the other one is not shown: mark your interest, and if it is mutual the "
    "facilitator can introduce you.",
    "es": "Un posible encaje afecta a vuestra empresa. La carta de este taller no nombra a "
    "las empresas, así que no se muestra la otra: marcad vuestro interés y, si es mutuo, "
    "vuestro facilitador/a puede presentaros.",
}


WITHDRAWN = "withdrawn"  # quotes an item its company took back; waits for a new run
REVIEWABLE = ("suggested", WITHDRAWN)  # what a run replaces or refreshes


def run(deps: Deps, actor: Viewer, workshop_id: int) -> int:
    """Run the engine on every profile; replaces earlier suggestions (decisions kept)."""
    with deps.db.transaction() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        access.open_workshop(workshop)
        profiles = load_all(deps, s, workshop)
        if len(profiles) < 2:
            raise Conflict(N_("At least two companies need a profile first."))
        # The engine works on names (its explanations quote them); names are unique per
        # workshop, so they map back to ids.
        names = {c.id: c.name for c in workshop.companies}
        ids_by_name = {name: cid for cid, name in names.items()}
        engine_input = [
            CompanyProfile(
                names[cid],
                p["language"],
                p.get("mission", ""),
                tuple(p["activities"]),
                tuple(p["seeks"]),
                tuple(p["offers"]),
                tuple(p["restricted"]),
            )
            for cid, p in sorted(profiles.items())
        ]
        result = match(engine_input)
        existing = list(s.scalars(select(Match).where(Match.workshop_id == workshop.id)))
        # A suggestion that companies marked or a plan started from (a result sent back to
        # review) is kept and refreshed in place; the others are replaced.
        referenced = set(
            s.scalars(
                select(MatchInterest.match_id).where(
                    MatchInterest.match_id.in_([m.id for m in existing])
                )
            )
        ) | set(s.scalars(select(Plan.match_id).where(Plan.workshop_id == workshop.id)))
        kept: dict[str, Match] = {}
        for old in existing:
            if old.status in REVIEWABLE and old.id not in referenced:
                s.delete(old)
            else:
                kept[_key(old)] = old
        count = 0
        for kind, items in (
            ("overlap", result.overlaps),
            ("combination", result.combinations),
            ("shared_need", result.shared_needs),
        ):
            for found in items:
                row = _row(workshop, kind, found, deps, ids_by_name)
                previous = kept.get(_key(row))
                if previous is not None and previous.status not in REVIEWABLE:
                    continue  # the facilitator's decision stands
                target = previous or row
                target.status = "suggested"
                target.sealed_detail = deps.sealer.seal_record(
                    workshop,
                    f"match:{kind}:{_key(row)}",
                    json.dumps(_detail(kind, found), ensure_ascii=False),
                )
                target.score_permille, target.restricted = row.score_permille, row.restricted
                s.add(target)
                count += 1
        audit.append(
            s,
            deps.clock,
            action="matching.run",
            actor=f"facilitator:{actor.facilitator_id}",
            item=f"workshop:{workshop.id}",
            workshop_id=workshop.id,
            detail={"results": count},
        )
    return count


def _row(
    workshop: Workshop, kind: str, found: Any, deps: Deps, ids_by_name: dict[str, int]
) -> Match:
    if kind == "combination":
        ids = [ids_by_name[found.provider], ids_by_name[found.receiver]]
        return Match(
            workshop_id=workshop.id,
            kind=kind,
            company_ids=ids,
            provider_id=ids[0],
            receiver_id=ids[1],
            score_permille=round(found.score * 1000),
            restricted=False,
            created_at=deps.clock(),
        )
    return Match(
        workshop_id=workshop.id,
        kind=kind,
        company_ids=sorted(ids_by_name[c] for c in found.companies),
        score_permille=round(getattr(found, "score", 0) * 1000),
        restricted=bool(getattr(found, "restricted", False)),
        created_at=deps.clock(),
    )


def _key(row: Match) -> str:
    return f"{row.kind}:{row.provider_id}:{row.receiver_id}:{','.join(map(str, row.company_ids))}"


def _detail(kind: str, found: Any) -> dict[str, Any]:
    detail = {
        "explanation": found.explanation,
        "explanations": dict(found.explanations),
        "evidence": list(getattr(found, "evidence", [])),
    }
    if kind == "combination":
        detail |= {"offer": found.offer, "need": found.need}
    if kind == "shared_need":
        detail["need"] = found.need
    return detail


def _match(s: Session, workshop: Workshop, match_id: int) -> Match:
    row = s.get(Match, match_id)
    if row is None or row.workshop_id != workshop.id:
        raise NotFound(N_("Result not found."))
    return row


def decide(deps: Deps, actor: Viewer, workshop_id: int, match_id: int, status: str) -> None:
    if status not in ("confirmed", "dismissed", "suggested"):
        raise ValidationFailed({"status": N_("Choose one of the offered options.")})
    with deps.db.transaction() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        row = _match(s, workshop, match_id)
        if row.status == WITHDRAWN and status != "dismissed":
            raise Conflict(
                N_(
                    "This result quotes an item its company has since taken back: find "
                    "overlaps and combinations again first."
                )
            )
        was_published = row.published
        row.status = status
        if status != "confirmed":
            row.published = False
        # The companies' screens drop a result the facilitator takes back.
        event = (
            record_event(s, workshop.id, "matches.changed", {}, deps.clock)
            if was_published and not row.published
            else None
        )
    if event is not None:
        deps.publisher.publish([event])


def publish(deps: Deps, actor: Viewer, workshop_id: int) -> int:
    """Publish every confirmed result: the companies concerned see them."""
    with deps.db.transaction() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        rows = list(
            s.scalars(
                select(Match).where(Match.workshop_id == workshop.id, Match.status == "confirmed")
            )
        )
        for row in rows:
            row.published = True
        audit.append(
            s,
            deps.clock,
            action="matching.published",
            actor=f"facilitator:{actor.facilitator_id}",
            item=f"workshop:{workshop.id}",
            workshop_id=workshop.id,
            detail={"results": [r.id for r in rows]},
        )
        event = record_event(s, workshop.id, "matches.changed", {}, deps.clock)
    deps.publisher.publish([event])
    return len(rows)


def mark_interest(deps: Deps, viewer: Viewer, match_id: int, interested: bool) -> None:
    if viewer.company_id is None or viewer.workshop_id is None:
        raise NotFound(N_("Result not found."))
    with deps.db.transaction() as s:
        workshop = access.visible_workshop(s, viewer, viewer.workshop_id)
        row = _match(s, workshop, match_id)
        if _visibility(s, viewer, workshop, row) not in (MatchView.PARTY, MatchView.BLIND):
            raise NotFound(N_("Result not found."))  # only a party of a visible result
        existing = s.get(MatchInterest, (row.id, viewer.company_id))
        if interested and existing is None:
            s.add(MatchInterest(match_id=row.id, company_id=viewer.company_id))
        elif not interested and existing is not None:
            s.delete(existing)
        event = record_event(s, workshop.id, "matches.changed", {}, deps.clock)
    deps.publisher.publish([event])


def views(
    deps: Deps, viewer: Viewer, workshop_id: int, language: str | None = None
) -> list[dict[str, Any]]:
    """The results this viewer may see, most relevant first; ``explanation`` in
    ``language`` (the viewer's screen), else in the workshop's language."""
    with deps.db.reading() as s:
        workshop = access.visible_workshop(s, viewer, workshop_id)
        return match_views(deps.sealer, s, viewer, workshop, language)


def match_views(
    sealer: EnvelopeSealer,
    s: Session,
    viewer: Viewer,
    workshop: Workshop,
    language: str | None = None,
) -> list[dict[str, Any]]:
    """Each view carries ``explanations`` in every language (a live event goes to every
    screen of a room, whatever its language) and ``explanation`` in ``language``."""
    names = {
        c.id: c.name for c in s.scalars(select(Company).where(Company.workshop_id == workshop.id))
    }
    out = []
    rows = s.scalars(
        select(Match)
        .where(Match.workshop_id == workshop.id)
        .order_by(Match.published.desc(), Match.score_permille.desc(), Match.id)
    )
    rules = current_rules(s, workshop.id)
    for row in rows:
        shown = disclosure.match_visibility(
            viewer, frozenset(row.company_ids), row.published, row.restricted, rules
        )
        if shown is MatchView.NONE:
            continue
        interested = set(
            s.scalars(select(MatchInterest.company_id).where(MatchInterest.match_id == row.id))
        )
        if shown is MatchView.NOTICE:
            out.append(_notice(row, RESTRICTED_NOTICES, language or workshop.language, True))
            continue
        if shown is MatchView.BLIND:
            out.append(
                _notice(row, BLIND_NOTICES, language or workshop.language, False)
                | {
                    "blind": True,
                    "interested": viewer.company_id in interested,
                    "mutual_interest": set(row.company_ids) <= interested,
                }
            )
            continue
        detail = (
            json.loads(
                sealer.open_record(workshop, f"match:{row.kind}:{_key(row)}", row.sealed_detail)
            )
            if row.sealed_detail
            else {}
        )
        if shown is not MatchView.FULL:
            detail.pop("evidence", None)  # it quotes profiles, restricted areas included
        explanations = detail.setdefault("explanations", {})  # results run before: English
        detail["explanation"] = explanations.get(
            language or workshop.language, detail.get("explanation", "")
        )
        view: dict[str, Any] = {
            "id": row.id,
            "kind": row.kind,
            "score": row.score_permille / 1000,
            "companies": [names.get(c, "") for c in row.company_ids],
            "company_ids": row.company_ids,
            "provider": names.get(row.provider_id or 0),
            "receiver": names.get(row.receiver_id or 0),
            "restricted": row.restricted,
            "status": row.status,
            "published": row.published,
            "mutual_interest": set(row.company_ids) <= interested,
            "interested": viewer.company_id in interested if viewer.company_id else None,
            **detail,
        }
        if shown is not MatchView.FULL:
            view.pop("status")
        out.append(view)
    return out


def _visibility(s: Session, viewer: Viewer, workshop: Workshop, row: Match) -> MatchView:
    return disclosure.match_visibility(
        viewer,
        frozenset(row.company_ids),
        row.published,
        row.restricted,
        current_rules(s, workshop.id),
    )


def _notice(row: Match, notices: dict[str, str], language: str, restricted: bool) -> dict[str, Any]:
    return {
        "id": row.id,
        "kind": row.kind,
        "notice": notices.get(language, notices["en"]),
        "notices": dict(notices),
        "restricted": restricted,
    }


def withdraw_quoting(
    deps: Deps, s: Session, workshop: Workshop, company_id: int, texts: set[str], actor: str
) -> bool:
    """Results not dismissed that quote an item a company has since removed from its
    profile or made restricted are withdrawn: unpublished, and not to be confirmed again
    until the engine has run on the new profile (their sealed detail still quotes the
    item). True when a published one was withdrawn."""
    texts = {t for t in texts if t.strip()}
    if not texts:
        return False
    withdrawn, was_published = [], False
    rows = s.scalars(
        select(Match).where(
            Match.workshop_id == workshop.id, Match.status.in_(("suggested", "confirmed"))
        )
    )
    for row in rows:
        if company_id not in row.company_ids or row.sealed_detail is None:
            continue
        detail = json.loads(
            deps.sealer.open_record(workshop, f"match:{row.kind}:{_key(row)}", row.sealed_detail)
        )
        quoted = "\n".join(_strings_in(detail))  # decoded: a JSON escape would hide a quote
        if any(text in quoted for text in texts):
            was_published = was_published or row.published
            row.status, row.published = WITHDRAWN, False
            withdrawn.append(row.id)
    if withdrawn:
        audit.append(
            s,
            deps.clock,
            action="matching.withdrawn",
            actor=actor,
            item=f"workshop:{workshop.id}",
            workshop_id=workshop.id,
            detail={"results": withdrawn},
        )
    return was_published


def _strings_in(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings_in(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings_in(item)]
    return []
