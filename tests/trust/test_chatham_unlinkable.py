"""Chatham House items stay unattributable in what is stored: no row and no audit entry
puts the author's company or participant beside the item, so neither a copy of the
database nor the facilitator's audit log after close can say who wrote it. (A leak scan
found both: the author tag sat on the company's named items too, and the author's own
actions on the item were logged under their participant id.)"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from shared import audit
from shared.disclosure import Channel
from shared.models import AccessRequest, Contribution
from shared.services import consent, contributions, workshops
from tests.trust.support import canary, new_room


def _linking_rows(deps: Any, workshop_id: int) -> list[Any]:
    """The join a database thief would try: a Chatham House item's tag on a row that
    names its company."""
    with deps.db.transaction() as s:
        return list(
            s.execute(
                text(
                    "SELECT c1.id, c2.company_id FROM contributions c1 JOIN contributions c2"
                    " ON c1.author_tag = c2.author_tag AND c2.company_id IS NOT NULL"
                    " WHERE c1.company_id IS NULL AND c1.workshop_id = :w"
                ),
                {"w": workshop_id},
            )
        )


def _author_named_beside(entries: list[dict[str, Any]], item_id: int, party: Any) -> list:
    names = {f"participant:{party.participant_id}", f"company:{party.company_id}"}
    return [
        e
        for e in entries
        if e.get("item") == f"contribution:{item_id}"
        and (e.get("actor") in names or party.company_id in (e.get("detail") or {}).values())
    ]


def test_the_authors_actions_on_a_chatham_item_never_name_them(app: Any, deps: Any) -> None:
    room = new_room(deps, ("A", "B", "C"))
    a, c = room.parties["A"], room.parties["C"]
    named_id = room.post("A", canary("named"))["id"]
    chatham_id = room.post("A", canary("chat"), {"attribution": "chatham", "consent": True})["id"]

    # The author tightens the item, C asks to read it and the author approves.
    b_id = room.parties["B"].company_id
    contributions.change_rules(deps, a.viewer, chatham_id, {"rules": {"excluded": [b_id]}})
    assert consent.request_access(deps, c.viewer, chatham_id) == "pending"
    (pending,) = consent.pending_for_owner(deps, a.viewer)
    assert consent.decide(deps, a.viewer, pending.id, approve=True) == "approved"
    assert consent.pending_for_owner(deps, a.viewer) == []  # decided, not asked again
    seen = contributions.list_contributions(deps, c.viewer, room.workshop_id, Channel.API)
    assert any(v["id"] == chatham_id and v["visibility"] == "full" for v in seen)

    with deps.db.transaction() as s:
        named = s.get(Contribution, named_id)
        item = s.get(Contribution, chatham_id)
        assert named.author_tag is None and named.company_id == a.company_id
        assert item.company_id is None and item.author_tag
        request = s.query(AccessRequest).filter_by(contribution_id=chatham_id).one()
        assert request.approvals == [consent.AUTHOR]
        entries = audit.workshop_entries(s, room.workshop_id)
    assert _linking_rows(deps, room.workshop_id) == []
    assert _author_named_beside(entries, chatham_id, a) == []
    acted = [e for e in entries if e.get("item") == f"contribution:{chatham_id}"]
    actions = {e["action"]: e["actor"] for e in acted}
    assert actions["rules.tightened"] == f"tag:{item.author_tag}"
    assert actions["consent.approved"] == f"tag:{item.author_tag}"
    assert actions["consent.requested"] == f"company:{c.company_id}"  # the asker is named

    workshops.close_workshop(deps, room.facilitator, room.workshop_id)
    assert _linking_rows(deps, room.workshop_id) == []


def test_a_withdrawn_chatham_item_is_logged_under_its_tag(app: Any, deps: Any) -> None:
    room = new_room(deps, ("A", "B"))
    a = room.parties["A"]
    item_id = room.post("A", canary("chat"), {"attribution": "chatham", "phase_reveal": True})["id"]
    contributions.withdraw(deps, a.viewer, item_id)
    with deps.db.transaction() as s:
        tag = s.get(Contribution, item_id).author_tag
        entries = audit.workshop_entries(s, room.workshop_id)
    (withdrawn,) = [e for e in entries if e["action"] == "contribution.withdrawn"]
    assert withdrawn["actor"] == withdrawn["subject"] == f"tag:{tag}"
    assert _author_named_beside(entries, item_id, a) == []


def test_named_items_keep_their_author_in_the_log(app: Any, deps: Any) -> None:
    """The fix is for Chatham House only: a named item's changes still say who did them."""
    room = new_room(deps, ("A", "B"))
    a = room.parties["A"]
    item_id = room.post("A", canary("named"))["id"]
    contributions.change_rules(deps, a.viewer, item_id, {"rules": {"withheld_view": "nothing"}})
    with deps.db.transaction() as s:
        entries = audit.workshop_entries(s, room.workshop_id)
    (tightened,) = [e for e in entries if e["action"] == "rules.tightened"]
    assert tightened["actor"] == f"participant:{a.participant_id}"
    assert tightened["subject"] == f"company:{a.company_id}"
