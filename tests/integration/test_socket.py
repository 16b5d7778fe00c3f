"""Socket.IO handlers through Flask-SocketIO's test client: auth, rooms, sequence, replay."""

from __future__ import annotations

import time
from typing import Any

import pytest

from shared.services import agenda, workshops


def _sio(app: Any) -> Any:
    return app.extensions["socketio"]


def participant_client(app: Any, token: str) -> Any:
    client = _sio(app).test_client(app, namespace="/participant", auth={"token": token})
    assert client.is_connected("/participant")
    return client


def events(client: Any, namespace: str = "/participant") -> list[dict[str, Any]]:
    return [m["args"][0] for m in client.get_received(namespace) if m["name"] == "event"]


def post(client: Any, body: str, client_id: str, **extra: Any) -> dict[str, Any]:
    return client.emit(
        "post_contribution",
        {"client_id": client_id, "body": body, **extra},
        namespace="/participant",
        callback=True,
    )


def test_unauthenticated_sockets_are_refused(app: Any, world: Any) -> None:
    for auth in (None, {}, {"token": "tp_forged"}, {"workshop_id": world.workshop_id}):
        client = _sio(app).test_client(app, namespace="/participant", auth=auth)
        assert not client.is_connected("/participant")
    facilitator = _sio(app).test_client(
        app, namespace="/facilitator", auth={"workshop_id": world.workshop_id}
    )
    assert not facilitator.is_connected("/facilitator")


def test_contribution_reaches_everyone_in_the_workshop_once(app: Any, world: Any) -> None:
    alfa = participant_client(app, world.people["Alfa"].token)
    beta = participant_client(app, world.people["Beta"].token)
    alfa.get_received("/participant"), beta.get_received("/participant")

    ack = post(alfa, "Perdimos un cliente por un retraso", "c-000001", kind="bad_practice")
    assert ack["ok"] is True and ack["duplicate"] is False
    again = post(alfa, "Perdimos un cliente por un retraso", "c-000001", kind="bad_practice")
    assert again["ok"] is True and again["duplicate"] is True

    received = events(beta)
    assert [e["type"] for e in received] == ["contribution.created"]
    assert received[0]["seq"] == ack["seq"]
    assert received[0]["data"]["body"] == "Perdimos un cliente por un retraso"
    assert received[0]["data"]["company"] == "Alfa"
    assert received[0]["data"]["own"] is False
    own = events(alfa)
    assert len(own) == 1 and own[0]["data"]["own"] is True


def test_hello_replays_what_a_client_missed(app: Any, world: Any) -> None:
    alfa = participant_client(app, world.people["Alfa"].token)
    first = alfa.emit("hello", {"last_seq": 0}, namespace="/participant", callback=True)
    assert first["ok"] and first["state"]["phase"]["topic"]["title"]
    seen = first["upto"]

    beta = participant_client(app, world.people["Beta"].token)
    alfa.disconnect(namespace="/participant")
    for n in range(3):
        assert post(beta, f"idea {n}", f"beta-{n:06d}")["ok"]

    alfa = participant_client(app, world.people["Alfa"].token)
    replay = alfa.emit("hello", {"last_seq": seen}, namespace="/participant", callback=True)
    bodies = [e["data"]["body"] for e in replay["events"]]
    assert bodies == ["idea 0", "idea 1", "idea 2"]
    seqs = [e["seq"] for e in replay["events"]]
    assert seqs == sorted(seqs) and len(set(seqs)) == 3
    assert replay["upto"] == seqs[-1]

    sync = alfa.emit("sync", {"since": seqs[0]}, namespace="/participant", callback=True)
    assert [e["data"]["body"] for e in sync["events"]] == ["idea 1", "idea 2"]


def test_facilitator_receives_events_and_presence(app: Any, world: Any) -> None:
    web = app.test_client()
    with web.session_transaction() as session:
        session["facilitator_id"] = world.facilitator.facilitator_id
    console = _sio(app).test_client(
        app,
        namespace="/facilitator",
        flask_test_client=web,
        auth={"workshop_id": world.workshop_id},
    )
    assert console.is_connected("/facilitator")
    alfa = participant_client(app, world.people["Alfa"].token)
    presence: list[dict[str, Any]] = []
    deadline = time.monotonic() + 5  # presence is coalesced: about one list per second
    while not presence and time.monotonic() < deadline:
        time.sleep(0.1)
        presence = [
            m["args"][0] for m in console.get_received("/facilitator") if m["name"] == "presence"
        ]
    names = {p["name"] for p in presence[-1]["people"]}
    assert {"Persona Alfa", "Ana Facilitadora"} <= names

    post(alfa, "Buena práctica", "alfa-000001", kind="good_practice")
    got = events(console, "/facilitator")
    assert got[-1]["data"]["body"] == "Buena práctica"

    agenda.open_topic(world.deps, world.facilitator, world.workshop_id, {"title": "Costes"})
    got = events(console, "/facilitator")
    assert got[-1]["type"] == "phase.changed"
    assert got[-1]["data"]["phase"]["topic"]["title"] == "Costes"


def test_revoked_participant_is_refused_at_the_next_call(app: Any, world: Any) -> None:
    alfa = participant_client(app, world.people["Alfa"].token)
    from shared.models import Participant
    from shared.services.participants import identify

    with world.deps.db.transaction() as s:
        invitation_id = s.get(Participant, world.people["Alfa"].participant_id).invitation_id
    beta = participant_client(app, world.people["Beta"].token)
    workshops.revoke_invitation(world.deps, world.facilitator, invitation_id)
    assert identify(world.deps, world.people["Alfa"].participant_id) is None
    assert not alfa.is_connected("/participant")  # signed out at once
    assert beta.is_connected("/participant")
    again = _sio(app).test_client(
        app, namespace="/participant", auth={"token": world.people["Alfa"].token}
    )
    assert not again.is_connected("/participant")


@pytest.mark.parametrize(
    "payload", [None, "text", {"client_id": "short"}, {"client_id": "c-00000001"}]
)
def test_bad_socket_payloads_get_clear_errors(app: Any, world: Any, payload: Any) -> None:
    alfa = participant_client(app, world.people["Alfa"].token)
    ack = alfa.emit("post_contribution", payload, namespace="/participant", callback=True)
    assert ack["ok"] is False
    assert ack["error"]["code"] == "invalid"
    assert ack["error"]["fields"]
