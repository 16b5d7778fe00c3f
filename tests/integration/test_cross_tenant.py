"""Nobody sees another workshop or acts as another company: every id from a second tenant
is tried over pages, the API and sockets, sequential ids and revoked links included."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from shared.models import Participant
from shared.services import accounts, workshops
from tests.conftest import build_world, submit


def _login(app: Any, world: Any) -> Any:
    client = app.test_client()
    with client.session_transaction() as session:
        session["facilitator_id"] = world.facilitator.facilitator_id
    return client


def test_other_facilitators_workshop_is_invisible_everywhere(app: Any, world: Any) -> None:
    other = build_world(world.deps, email="otro@example.com", companies=("Gamma",))
    mine = _login(app, world)
    token = accounts.create_api_token(world.deps, world.facilitator.facilitator_id, "t")
    bearer = {"Authorization": f"Bearer {token}"}
    wid, cid = other.workshop_id, other.companies["Gamma"]

    for path in (f"/facilitator/workshops/{wid}", f"/facilitator/workshops/{wid}/summary.md"):
        assert mine.get(path).status_code == 404
    for method, path in (
        ("get", f"/api/v1/workshops/{wid}"),
        ("get", f"/api/v1/workshops/{wid}/companies"),
        ("get", f"/api/v1/workshops/{wid}/contributions"),
        ("post", f"/api/v1/workshops/{wid}/companies"),
        ("post", f"/api/v1/companies/{cid}/invitations"),
        ("post", f"/api/v1/workshops/{wid}/phase"),
        ("post", f"/api/v1/workshops/{wid}/close"),
    ):
        answer = getattr(mine, method)(path, headers=bearer, json={"name": "x", "title": "x"})
        assert answer.status_code == 404, (method, path)
        assert "Gamma" not in answer.get_data(as_text=True)
    sio = app.extensions["socketio"]
    spy = sio.test_client(
        app, namespace="/facilitator", flask_test_client=mine, auth={"workshop_id": wid}
    )
    assert not spy.is_connected("/facilitator")
    assert workshops.list_workshops(world.deps, world.facilitator)[0].id == world.workshop_id


def test_participant_cannot_reach_another_workshop(app: Any, world: Any) -> None:
    other = build_world(world.deps, email="otro@example.com", companies=("Gamma",))
    alfa = app.test_client()
    link = f"/join/{world.invitations['Alfa']}"
    joined = submit(alfa, link, link, {"name": "A", "role": "R"})
    assert joined.status_code == 302
    bearer = {"Authorization": f"Bearer {world.people['Alfa'].token}"}
    wid = other.workshop_id
    assert alfa.get(f"/w/{wid}").status_code == 404
    assert alfa.get(f"/w/{wid}/summary.md").status_code == 404
    for path in (f"/api/v1/workshops/{wid}/room", f"/api/v1/workshops/{wid}/feed"):
        assert alfa.get(path, headers=bearer).status_code == 401
    # Facilitator endpoints refuse participant tokens outright.
    assert (
        alfa.get(f"/api/v1/workshops/{world.workshop_id}/companies", headers=bearer).status_code
        == 401
    )
    sio = app.extensions["socketio"]
    spy = sio.test_client(
        app, namespace="/participant", flask_test_client=alfa, auth={"workshop_id": wid}
    )
    assert not spy.is_connected("/participant")
    # A contribution always lands in the poster's own workshop, whatever topic id it names.
    other_topic = other.deps  # same deps; take the other workshop's topic id from its state
    from shared.services import room

    topic_id = room.room_state(other_topic, other.facilitator, wid)["phase"]["topic"]["id"]
    answer = alfa.post(
        f"/api/v1/workshops/{world.workshop_id}/contributions",
        headers=bearer,
        json={"client_id": "cross-0001", "body": "x", "topic_id": topic_id},
    )
    assert answer.status_code == 422 and "topic_id" in answer.json["error"]["fields"]


def test_revoked_and_expired_links_do_not_open(app: Any, world: Any) -> None:
    with world.deps.db.transaction() as s:
        invitation_id = s.get(Participant, world.people["Beta"].participant_id).invitation_id
    workshops.revoke_invitation(world.deps, world.facilitator, invitation_id)
    visitor = app.test_client()
    page = visitor.get(f"/join/{world.invitations['Beta']}")
    assert page.status_code == 404
    assert "revoked" in page.get_data(as_text=True) or "revocado" in page.get_data(as_text=True)
    api = visitor.post(
        "/api/v1/join", json={"invitation": world.invitations["Beta"], "name": "B", "role": "R"}
    )
    assert api.status_code == 404
    # People who joined through the revoked link lost access too.
    bearer = {"Authorization": f"Bearer {world.people['Beta'].token}"}
    assert (
        visitor.get(f"/api/v1/workshops/{world.workshop_id}/feed", headers=bearer).status_code
        == 401
    )

    from datetime import timedelta

    issued = workshops.issue_invitation(world.deps, world.facilitator, world.companies["Alfa"])
    real_clock = world.deps.clock
    world.deps.clock = lambda: real_clock() + timedelta(days=15)
    try:
        assert visitor.get(f"/join/{issued.token}").status_code == 404
    finally:
        world.deps.clock = real_clock


def test_invitation_tokens_are_long_random_and_stored_hashed(app: Any, world: Any) -> None:
    tokens = set(world.invitations.values())
    assert all(len(t) >= 43 and re.fullmatch(r"[A-Za-z0-9_-]+", t) for t in tokens)
    path = Path(world.deps.db.url.replace("sqlite:///", ""))
    raw = path.read_bytes() if world.deps.db.is_sqlite else b""
    for token in tokens:
        assert token.encode() not in raw
