"""The summary as JSON, schema "tertulia.summary/1" (documented in docs/SUMMARY_JSON.md).

Codes stay codes (kind, status, language) so that a program can read the file; labels are
for the other formats. Dates are ISO 8601. A sealed placeholder has "body": null and
"sealed": true. Additive changes keep the version; anything else bumps it.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from shared.reports.document import SummaryDocument, confirmed_first

SCHEMA = "tertulia.summary/1"


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _instant(value: datetime) -> str:
    return value.isoformat()


def to_json_dict(doc: SummaryDocument) -> dict[str, Any]:
    m = doc.meta
    c = doc.charter
    return {
        "schema": SCHEMA,
        "meta": {
            "title": m.title,
            "objective": m.objective,
            "date": _day(m.date),
            "language": m.language,
            "facilitator": m.facilitator,
            "status": m.status,
            "generated_at": _instant(m.generated_at),
            "viewer": m.viewer_label,
        },
        "charter": None
        if c is None
        else {
            "sensitivity_default": c.sensitivity_default,
            "attribution_mode": c.attribution_mode,
            "reveal_conditions": list(c.reveal_conditions),
            "may_leave_room": list(c.may_leave_room),
            "retention": c.retention,
        },
        "participants": [
            {"company": p.company, "people": list(p.people) if p.people is not None else None}
            for p in doc.participants
        ],
        "topics": [
            {
                "title": t.title,
                "contributions": [
                    {
                        "kind": x.kind,
                        "body": x.body,
                        "sealed": x.body is None,
                        "attribution": x.attribution,
                        "created_at": _instant(x.created_at),
                    }
                    for x in t.contributions
                ],
                "themes": [{"title": th.title, "members": th.members} for th in t.themes],
                "votes": [{"label": v.label, "votes": v.votes} for v in t.votes],
            }
            for t in doc.topics
        ],
        "overlaps": [
            {
                "companies": list(o.companies),
                "score": o.score,
                "explanation": o.explanation,
                "restricted": o.restricted,
                "confirmed": o.confirmed,
            }
            for o in confirmed_first(doc.overlaps)
        ],
        "combinations": [
            {
                "provider": k.provider,
                "receiver": k.receiver,
                "score": k.score,
                "explanation": k.explanation,
                "restricted": k.restricted,
                "confirmed": k.confirmed,
            }
            for k in confirmed_first(doc.combinations)
        ],
        "plans": [
            {
                "title": p.title,
                "objective": p.objective,
                "status": p.status,
                "version": p.version,
                "parties": list(p.parties),
                "terms": [
                    {"company": t.company, "seeks": t.seeks, "gives": t.gives} for t in p.terms
                ],
                "follow_up": p.follow_up,
                "limits": p.limits,
                "third_parties": p.third_parties,
                "steps": [
                    {
                        "title": s.title,
                        "milestone": s.milestone,
                        "overdue": s.overdue,
                        "owner": s.owner,
                        "owner_person": s.owner_person,
                        "due": _day(s.due),
                        "status": s.status,
                        "resources": [
                            {"name": r.name, "provided_by": r.provided_by} for r in s.resources
                        ],
                    }
                    for s in p.steps
                ],
            }
            for p in doc.plans
        ],
        "evaluations": [
            {
                "company": e.company,
                "rating": e.rating,
                "benefits": e.benefits,
                "did_networking_before": e.did_networking_before,
                "did_benchmarking_before": e.did_benchmarking_before,
            }
            for e in doc.evaluations
        ],
        "ledger": {
            "companies": [
                {
                    "company": r.company,
                    "given": r.given,
                    "received": r.received,
                    "balance": r.balance,
                }
                for r in doc.ledger
            ],
            "pairs": [
                {"giver": p.giver, "receiver": p.receiver, "count": p.count}
                for p in doc.ledger_pairs
            ],
        },
        "audit": None
        if doc.audit is None
        else {
            "tree_size": doc.audit.tree_size,
            "root_hash": doc.audit.root_hash,
            "how_to_verify": doc.audit.how_to_verify,
        },
    }


def render_json(doc: SummaryDocument, indent: int | None = 2) -> str:
    """UTF-8 text (accents kept as written), keys in schema order, newline-terminated."""
    return json.dumps(to_json_dict(doc), ensure_ascii=False, indent=indent) + "\n"
