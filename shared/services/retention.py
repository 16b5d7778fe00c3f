"""Retention: at the end of the period its charter set, a closed workshop is crypto-shredded.

Its workshop key and attribution key are destroyed and every sealed column cleared, so
nothing can be decrypted afterwards, even with the key-encryption key. Run by
`tertulia retention run` and hourly by the server.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, select, update

from shared import audit
from shared.charter_state import current as current_charter
from shared.models import (
    CalendarFeed,
    Contribution,
    Evaluation,
    Participant,
    Plan,
    PlanNote,
    PlanVersion,
    Workshop,
    WorkshopFeedback,
)
from shared.services.deps import Deps


def shred_workshop(deps: Deps, workshop_id: int, reason: str) -> None:
    with deps.db.transaction() as s:
        workshop = s.get(Workshop, workshop_id)
        if workshop is None or workshop.shredded_at is not None:
            return
        now = deps.clock()
        workshop.wrapped_key = None
        workshop.sealed_attribution_key = None
        workshop.shredded_at = now
        s.execute(
            update(Contribution)
            .where(Contribution.workshop_id == workshop.id)
            .values(sealed_body=None, sealed_attribution=None, shredded_at=now)
        )
        # Plans, notes and ratings are sealed under the same key: clear them too.
        plan_ids = select(Plan.id).where(Plan.workshop_id == workshop.id)
        s.execute(
            update(PlanVersion)
            .where(PlanVersion.plan_id.in_(plan_ids))
            .values(sealed_document=None)
        )
        s.execute(update(PlanNote).where(PlanNote.plan_id.in_(plan_ids)).values(sealed_text=None))
        for table in (Evaluation, WorkshopFeedback):
            s.execute(
                update(table).where(table.workshop_id == workshop.id).values(sealed_comment=None)
            )
        # Reminder addresses and calendar links have nothing left to serve.
        people = select(Participant.id).where(Participant.workshop_id == workshop.id)
        s.execute(delete(CalendarFeed).where(CalendarFeed.participant_id.in_(people)))
        s.execute(
            update(Participant).where(Participant.workshop_id == workshop.id).values(email=None)
        )
        audit.append(
            s,
            deps.clock,
            action="shred.workshop",
            actor=audit.SYSTEM,
            item=f"workshop:{workshop.id}",
            workshop_id=workshop.id,
            detail={"reason": reason},
        )
    deps.db.checkpoint()


def run(deps: Deps) -> list[int]:
    """Shred every closed workshop past its retention; returns their ids."""
    now = deps.clock()
    due = []
    with deps.db.transaction() as s:
        for workshop in s.scalars(
            select(Workshop).where(Workshop.status == "closed", Workshop.shredded_at.is_(None))
        ):
            days = current_charter(s, workshop.id).retention_days
            if workshop.closed_at and workshop.closed_at + timedelta(days=days) <= now:
                due.append(workshop.id)
    for workshop_id in due:
        shred_workshop(deps, workshop_id, "retention")
    return due
