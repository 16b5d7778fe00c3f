"""Crypto-shredding (RED and Chatham House attribution at close, whole workshops at the end
of retention), key rotation while the app runs, and `tertulia audit verify` as a command."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from shared.crypto import CryptoError, WrappedKey
from shared.disclosure import Channel
from shared.models import Contribution, Workshop
from shared.services import contributions, retention, workshops
from tests.trust.support import bearer, canary, dump, new_room

REPO = Path(__file__).resolve().parents[2]


def _db_files(deps: Any) -> bytes:
    """The SQLite file and its WAL, as an attacker copying them would get them."""
    path = Path(deps.db.url.replace("sqlite:///", ""))
    data = path.read_bytes()
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        data += wal.read_bytes()
    return data


def _row(deps: Any, table: str, row_id: int, column: str) -> Any:
    with deps.db.transaction() as s:
        return s.execute(
            text(f"SELECT {column} FROM {table} WHERE id = :id"), {"id": row_id}
        ).scalar_one()


def _chunks(blob: bytes) -> list[bytes]:
    """Distinctive slices of a stored blob to look for in the raw file."""
    blob = bytes(blob)
    return [blob[i : i + 24] for i in range(8, max(9, len(blob) - 24), 24)]


def test_closing_shreds_red_and_chatham_attribution(app: Any, deps: Any) -> None:
    room = new_room(deps, ("A", "B"))
    red, chatham, amber = canary("red"), canary("chat"), canary("amber")
    red_id = room.post("A", red, {"sensitivity": "red"})["id"]
    chatham_id = room.post("A", chatham, {"attribution": "chatham"})["id"]
    amber_id = room.post("B", amber)["id"]
    red_blob = bytes(_row(deps, "contributions", red_id, "sealed_body"))
    attribution_blob = bytes(_row(deps, "contributions", chatham_id, "sealed_attribution"))
    attribution_key = bytes(_row(deps, "workshops", room.workshop_id, "sealed_attribution_key"))
    live = contributions.list_contributions(deps, room.facilitator, room.workshop_id, Channel.PAGE)
    assert red in dump(live)  # readable while the session runs

    workshops.close_workshop(deps, room.facilitator, room.workshop_id)

    assert _row(deps, "contributions", red_id, "sealed_body") is None
    assert _row(deps, "contributions", red_id, "shredded_at") is not None
    assert _row(deps, "contributions", chatham_id, "sealed_attribution") is None
    assert _row(deps, "contributions", chatham_id, "company_id") is None
    assert _row(deps, "workshops", room.workshop_id, "sealed_attribution_key") is None
    assert _row(deps, "contributions", amber_id, "sealed_body") is not None

    # Even with the KEK (the running app's sealer) RED text and attribution are gone.
    with deps.db.transaction() as s:
        workshop = s.get(Workshop, room.workshop_id)
        item = s.get(Contribution, red_id)
        with pytest.raises((CryptoError, AttributeError, TypeError)):
            deps.sealer.open_contribution(workshop, item)
        assert deps.sealer.open_attribution(workshop, s.get(Contribution, chatham_id)) is None
        assert deps.sealer.author_tag(workshop, room.parties["A"].company_id) is None
    for viewer in (room.facilitator, room.parties["A"].viewer, room.parties["B"].viewer):
        for channel in Channel:
            try:
                views = contributions.list_contributions(deps, viewer, room.workshop_id, channel)
            except Exception as exc:  # noqa: BLE001 - any refusal is fine, a leak is not
                assert red not in str(exc)
                continue
            assert red not in dump(views)
            assert room.parties["A"].name not in dump([v for v in views if v["id"] == chatham_id])
    if deps.db.is_sqlite:  # nothing left in free pages or the WAL either
        raw = _db_files(deps)
        assert red.encode() not in raw
        for blob in (red_blob, attribution_blob, attribution_key):
            assert not any(chunk in raw for chunk in _chunks(blob)), "shredded bytes remain"


def test_retention_shreds_whole_workshops_past_their_period(app: Any, deps: Any) -> None:
    due = new_room(deps, ("A", "B"), charter={"retention_days": "30"})
    kept = new_room(deps, ("C",), charter={"retention_days": "90"})
    running = new_room(deps, ("D",), charter={"retention_days": "1"})
    bodies = {
        "due": canary("due"),
        "kept": canary("kept"),
        "running": canary("run"),
    }
    due_ids = [due.post("A", bodies["due"])["id"], due.post("B", canary("due2"))["id"]]
    kept.post("C", bodies["kept"])
    running.post("D", bodies["running"])
    wrapped = bytes(_row(deps, "workshops", due.workshop_id, "wrapped_key"))
    sealed = [bytes(_row(deps, "contributions", i, "sealed_body")) for i in due_ids]
    for room in (due, kept):
        workshops.close_workshop(deps, room.facilitator, room.workshop_id)

    real_clock = deps.clock
    assert retention.run(deps) == []  # nothing is due yet
    deps.clock = lambda: real_clock() + timedelta(days=45)
    try:
        assert retention.run(deps) == [due.workshop_id]
        assert retention.run(deps) == []  # done once
    finally:
        deps.clock = real_clock

    assert _row(deps, "workshops", due.workshop_id, "wrapped_key") is None
    assert _row(deps, "workshops", due.workshop_id, "sealed_attribution_key") is None
    for item_id in due_ids:
        assert _row(deps, "contributions", item_id, "sealed_body") is None
    with deps.db.transaction() as s:
        workshop = s.get(Workshop, due.workshop_id)
        with pytest.raises((CryptoError, AttributeError, TypeError, ValueError)):
            key = deps.sealer.workshop_key(workshop)
            assert key is not None
    facilitator_view = contributions.list_contributions(
        deps, due.facilitator, due.workshop_id, Channel.PAGE
    )
    assert bodies["due"] not in dump(facilitator_view)
    # The others are untouched.
    for room, key in ((kept, "kept"), (running, "running")):
        views = contributions.list_contributions(
            deps, room.facilitator, room.workshop_id, Channel.PAGE
        )
        assert bodies[key] in dump(views)
    if deps.db.is_sqlite:
        raw = _db_files(deps)
        for blob in (wrapped, *sealed):
            assert not any(chunk in raw for chunk in _chunks(blob)), "shredded bytes remain"


def _kek_id(deps: Any, workshop_id: int) -> str:
    return WrappedKey.from_bytes(_row(deps, "workshops", workshop_id, "wrapped_key")).kek_id


def test_key_rotation_while_the_app_runs(app: Any, deps: Any) -> None:
    from tertulia.keys import rotate

    settings = app.config["TERTULIA_SETTINGS"]
    before = new_room(deps, ("A", "B"))
    body_before = canary("before")
    before.post("A", body_before)
    first_kek = _kek_id(deps, before.workshop_id)
    client = app.test_client()

    new_id, count = rotate(settings)
    assert new_id != first_kek and count >= 1
    assert _kek_id(deps, before.workshop_id) == new_id
    between = new_room(deps, ("C",))
    assert _kek_id(deps, between.workshop_id) == new_id  # new workshops wrap under the new KEK
    body_between = canary("between")
    between.post("C", body_between)
    before.post("B", canary("after1"))  # writing into a rewrapped workshop works

    second_id, _ = rotate(settings)
    after = new_room(deps, ("D",))
    assert _kek_id(deps, after.workshop_id) == second_id
    for room, body in ((before, body_before), (between, body_between)):
        assert _kek_id(deps, room.workshop_id) == second_id
        # read through the running app: its keyring provider follows the file
        feed = client.get(
            f"/api/v1/workshops/{room.workshop_id}/feed",
            headers=bearer(next(iter(room.parties.values())).token),
        )
        assert feed.status_code == 200, feed.get_data(as_text=True)
        assert body in feed.get_data(as_text=True)

    # Once nothing is wrapped under the first KEK it can be retired; all still opens.
    from shared.crypto.keyring_file import retire_kek_in_file

    retire_kek_in_file(settings.kek_source, first_kek)
    views = contributions.list_contributions(
        deps, before.facilitator, before.workshop_id, Channel.API
    )
    assert body_before in dump(views)


# --- tertulia audit verify -----------------------------------------------------------------


def _verify(app: Any, *args: str) -> subprocess.CompletedProcess[str]:
    settings = app.config["TERTULIA_SETTINGS"]
    env = {
        **os.environ,
        "TERTULIA_INSTANCE_PATH": str(settings.instance_path),
        "TERTULIA_DATABASE_URL": settings.database_url,
    }
    return subprocess.run(
        [sys.executable, "-m", "tertulia.cli", "audit", "verify", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _audited_workshop(deps: Any) -> None:
    room = new_room(deps, ("A", "B"))
    item = room.post("A", canary("audit"), {"sensitivity": "amber+strict", "recipients": []})
    contributions.change_rules(
        deps, room.parties["A"].viewer, item["id"], {"rules": {"attribution": "pseudonymous"}}
    )
    contributions.list_contributions(deps, room.facilitator, room.workshop_id, Channel.API)
    workshops.close_workshop(deps, room.facilitator, room.workshop_id)


def _head(deps: Any) -> tuple[int, str, str]:
    with deps.db.transaction() as s:
        rows = s.execute(
            text("SELECT seq, root_after FROM audit_entries ORDER BY seq DESC LIMIT 2")
        ).all()
    return rows[0][0] + 1, rows[0][1], rows[1][1]


ALTERATIONS = {
    "detail": "UPDATE audit_entries SET detail = '{\"altered\": 1}' WHERE seq = :seq",
    "action": "UPDATE audit_entries SET action = action || '.x' WHERE seq = :seq",
    "actor": "UPDATE audit_entries SET actor = actor || '0' WHERE seq = :seq",
    "delete": "DELETE FROM audit_entries WHERE seq = :seq",
    "leaf": "UPDATE audit_entries SET leaf_hash = :zeros WHERE seq = :seq",
}


def test_audit_verify_passes_on_an_intact_log(app: Any, deps: Any) -> None:
    _audited_workshop(deps)
    size, root, older_root = _head(deps)
    ok = _verify(app)
    assert ok.returncode == 0, ok.stderr
    assert _verify(app, "--head", f"{size}:{root}").returncode == 0
    stale = _verify(app, "--head", f"{size}:{older_root}")
    assert stale.returncode != 0, "a head whose root does not match the log must fail"
    longer = _verify(app, "--head", f"{size + 5}:{root}")
    assert longer.returncode != 0, "a head longer than the log (rows cut off) must fail"


@pytest.mark.parametrize("change", sorted(ALTERATIONS))
@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_audit_verify_fails_on_any_alteration(app: Any, deps: Any, change: str, where: str) -> None:
    _audited_workshop(deps)
    size, root, _ = _head(deps)
    seq = {"first": 0, "middle": size // 2, "last": size - 1}[where]
    with deps.db.transaction() as s:
        changed = s.execute(text(ALTERATIONS[change]), {"seq": seq, "zeros": "0" * 64})
        assert changed.rowcount == 1
    result = _verify(app)
    assert result.returncode != 0, f"{change} at {where} went unnoticed: {result.stdout}"
    assert _verify(app, "--head", f"{size}:{root}").returncode != 0
