"""The tamper-evident audit log, stored: append inside the writer's transaction, read a
company's disclosure history, verify the whole log.

Entries record who did what to which item (reveals, consents, facilitator reads of sealed
items, exports, rule changes, key rotations, shreds) and never content. Each entry stores
its leaf hash and the Merkle root after it (RFC 6962, shared.audit_log); the root also goes
into every summary download, so a copy of the head lives outside the database.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.audit_log import EMPTY_ROOT, CompactRange, entry_bytes, leaf_hash, verify_log
from shared.clock import Clock
from shared.models import AuditEntry, AuditState

if TYPE_CHECKING:
    from shared.disclosure import Channel, Viewer
    from shared.models import Contribution

SYSTEM = "system"
# A facilitator rereading the same sealed item through the same channel within this window
# is one read: a console refresh must not flood the log.
READ_DEDUP_SECONDS = 600
_recent_reads: dict[tuple[int, int, str], float] = {}
_recent_lock = threading.Lock()


def subject_of(item: Contribution) -> str:
    """Whose item: the company, or its author tag for Chatham House items."""
    return f"company:{item.company_id}" if item.company_id is not None else f"tag:{item.author_tag}"


def actor_label(viewer: Viewer) -> str:
    """A facilitator, or a company acting through any of its participants."""
    if viewer.facilitator_id is not None:
        return f"facilitator:{viewer.facilitator_id}"
    return f"company:{viewer.company_id}"


def actor_company(actor: str) -> int | None:
    """The company an ``actor_label`` stands for; None for a facilitator (or anything else)."""
    kind, _, ident = actor.partition(":")
    return int(ident) if kind == "company" and ident.isdigit() else None


def author_actor(item: Contribution, viewer: Viewer) -> str:
    """The author acting on their own item. On a Chatham House item that is the item's
    tag, never the participant: the log is read by the facilitator and kept after close,
    and a participant beside a tag would name the company behind all its items."""
    if item.company_id is None:
        return subject_of(item)
    return f"participant:{viewer.participant_id}"


def record_facilitator_reads(
    s: Session, clock: Clock, reads: Iterable[tuple[Viewer, Contribution, Channel]]
) -> None:
    now = time.monotonic()
    for viewer, item, channel in reads:
        key = (viewer.facilitator_id or 0, item.id, channel.value)
        with _recent_lock:
            if now - _recent_reads.get(key, -READ_DEDUP_SECONDS) < READ_DEDUP_SECONDS:
                continue
            _recent_reads[key] = now
        append(
            s,
            clock,
            action="facilitator.read_sealed",
            actor=f"facilitator:{viewer.facilitator_id}",
            item=f"contribution:{item.id}",
            subject=subject_of(item),
            workshop_id=item.workshop_id,
            detail={"channel": channel.value},
        )


def _entry_dict(row: AuditEntry) -> dict[str, Any]:
    return {
        "seq": row.seq,
        "at": row.at,
        "workshop": row.workshop_id,
        "actor": row.actor,
        "action": row.action,
        "item": row.item,
        "subject": row.subject,
        "detail": row.detail,
    }


def append(
    s: Session,
    clock: Clock,
    *,
    action: str,
    actor: str,
    item: str = "",
    subject: str = "",
    workshop_id: int | None = None,
    detail: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Add one entry in the caller's transaction (it commits or rolls back with the change
    it records). The state row's lock orders concurrent appends."""
    state = s.scalars(select(AuditState).where(AuditState.id == 1).with_for_update()).one()
    tree = CompactRange.restore(state.size, [bytes.fromhex(h) for h in state.frontier])
    row = AuditEntry(
        seq=state.size,
        at=clock().isoformat(timespec="seconds"),
        workshop_id=workshop_id,
        actor=actor,
        action=action,
        item=item,
        subject=subject,
        detail=dict(detail or {}),
        leaf_hash="",
        root_after="",
    )
    leaf = leaf_hash(entry_bytes(_entry_dict(row)))
    tree.append(leaf)
    row.leaf_hash = leaf.hex()
    row.root_after = tree.root().hex()
    state.size = tree.size
    state.frontier = [h.hex() for h in tree.stack]
    s.add(row)
    s.flush()
    return row


@dataclass(frozen=True)
class Head:
    size: int
    root: str


def head(s: Session) -> Head:
    last = s.scalar(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1))
    if last is None:
        return Head(0, EMPTY_ROOT.hex())
    return Head(last.seq + 1, last.root_after)


def history(s: Session, subjects: set[str], workshop_id: int) -> list[dict[str, Any]]:
    """Entries about the given subjects' items in one workshop (a company's own history)."""
    rows = s.scalars(
        select(AuditEntry)
        .where(AuditEntry.workshop_id == workshop_id, AuditEntry.subject.in_(subjects))
        .order_by(AuditEntry.seq)
    )
    return [_entry_dict(row) | {"leaf_hash": row.leaf_hash} for row in rows]


def workshop_entries(s: Session, workshop_id: int) -> list[dict[str, Any]]:
    rows = s.scalars(
        select(AuditEntry).where(AuditEntry.workshop_id == workshop_id).order_by(AuditEntry.seq)
    )
    return [_entry_dict(row) | {"leaf_hash": row.leaf_hash} for row in rows]


def verify(s: Session) -> list[str]:
    """Every problem found in the stored log (empty when intact)."""
    rows = list(s.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
    problems = verify_log(
        [_entry_dict(r) for r in rows],
        [r.leaf_hash for r in rows],
        [(r.seq + 1, r.root_after) for r in rows],
    )
    state = s.get(AuditState, 1)
    if state is None or state.size != len(rows):
        problems.append("the log's recorded size does not match its entries")
    return problems


def check_heads(s: Session, heads: Iterable[tuple[int, str]]) -> list[str]:
    """Compare tree heads kept outside the database with the stored log."""
    problems = []
    for size, root in heads:
        if size == 0:
            continue
        row = s.get(AuditEntry, size - 1)
        if row is None:
            problems.append(f"the log is shorter than the external head of size {size}")
        elif row.root_after != root:
            problems.append(f"the log's root at size {size} differs from the external head")
    return problems
