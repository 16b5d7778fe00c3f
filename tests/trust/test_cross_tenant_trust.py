"""Cross-tenant: every endpoint of the trust rules (charter accept and status, rule
changes, access requests and decisions, disclosure history, reveal, audit, charter
acceptances) tried with the ids of another workshop and of another company is refused
(404/401/403) over the API, the pages and the socket, and changes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from shared.services import accounts, consent
from tests.conftest import submit
from tests.trust.support import (
    Room,
    bearer,
    canary,
    dump,
    facilitator_web,
    new_room,
    participant_web,
    socket_client,
)

REFUSED = {401, 403, 404}


class Tenants:
    """Workshop 1 (companies A, B, C) and workshop 2 (X, Y) of another facilitator, each
    with a consent-ruled item and a pending access request on it."""

    def __init__(self, deps: Any) -> None:
        self.deps = deps
        self.one: Room = new_room(deps, ("A", "B", "C"))
        self.two: Room = new_room(deps, ("X", "Y"))
        self.secret_one, self.secret_two = canary("one"), canary("two")
        self.item_one = self.one.post("A", self.secret_one, {"consent": True})["id"]
        self.item_two = self.two.post("X", self.secret_two, {"consent": True})["id"]
        consent.request_access(deps, self.one.parties["C"].viewer, self.item_one)
        consent.request_access(deps, self.two.parties["Y"].viewer, self.item_two)
        self.request_one = self._request_id(self.item_one)
        self.request_two = self._request_id(self.item_two)
        self.token_one = accounts.create_api_token(deps, self.one.facilitator.facilitator_id, "one")
        self.token_two = accounts.create_api_token(deps, self.two.facilitator.facilitator_id, "two")

    def _request_id(self, item_id: int) -> int:
        with self.deps.db.transaction() as s:
            return s.execute(
                text("SELECT id FROM access_requests WHERE contribution_id = :c"), {"c": item_id}
            ).scalar_one()

    def snapshot(self) -> str:
        """The state the refused calls must leave alone."""
        with self.deps.db.transaction() as s:
            rows = [
                s.execute(text(f"SELECT * FROM {table} ORDER BY 1")).all()
                for table in (
                    "charters",
                    "charter_acceptances",
                    "access_requests",
                    "topics",
                    "contributions",
                )
            ]
        return repr(rows)


@pytest.fixture
def tenants(deps: Any) -> Tenants:
    return Tenants(deps)


def _call(client: Any, method: str, path: str, headers: dict[str, str], body: Any) -> Any:
    if method == "get":
        return client.get(path, headers=headers)
    return client.post(path, headers=headers, json=body)


def _assert_refused(answer: Any, where: str, secrets: tuple[str, ...]) -> None:
    assert answer.status_code in REFUSED, (where, answer.status_code, answer.get_data(True))
    for secret in secrets:
        assert secret not in answer.get_data(as_text=True), where


def participant_calls(wid: int, item: int, request: int) -> list[tuple[str, str, Any]]:
    return [
        ("post", f"/api/v1/workshops/{wid}/charter/accept", {"version": 1}),
        ("get", f"/api/v1/workshops/{wid}/charter", None),
        (
            "post",
            f"/api/v1/workshops/{wid}/contributions/{item}/rules",
            {"rules": {"sensitivity": "clear"}, "confirm_loosen": True},
        ),
        ("post", f"/api/v1/workshops/{wid}/contributions/{item}/access-requests", None),
        ("get", f"/api/v1/workshops/{wid}/access-requests", None),
        ("post", f"/api/v1/workshops/{wid}/access-requests/{request}/decision", {"approve": True}),
        ("get", f"/api/v1/workshops/{wid}/history", None),
        ("get", f"/api/v1/workshops/{wid}/feed", None),
    ]


def facilitator_calls(wid: int, topic: int) -> list[tuple[str, str, Any]]:
    return [
        ("get", f"/api/v1/workshops/{wid}/charter/acceptances", None),
        ("post", f"/api/v1/workshops/{wid}/charter", {"sensitivity": "clear"}),
        ("post", f"/api/v1/workshops/{wid}/topics/{topic}/reveal", None),
        ("get", f"/api/v1/workshops/{wid}/audit", None),
    ]


def test_participant_api_refuses_another_workshops_ids(app: Any, tenants: Tenants) -> None:
    before = tenants.snapshot()
    client = app.test_client()
    a = tenants.one.parties["A"]
    two = tenants.two.workshop_id
    # another workshop in the path
    for method, path, body in participant_calls(two, tenants.item_two, tenants.request_two):
        _assert_refused(
            _call(client, method, path, bearer(a.token), body), path, (tenants.secret_two,)
        )
    # own workshop in the path, the other workshop's object ids (sequential and random)
    one = tenants.one.workshop_id
    for item, request in (
        (tenants.item_two, tenants.request_two),
        (tenants.item_two + 1000, tenants.request_two + 1000),
        (0, 0),
        (2**31 - 1, 2**31 - 1),
    ):
        for method, path, body in participant_calls(one, item, request):
            if f"/{item}/" not in path and f"/{request}/" not in path:
                continue  # the workshop-level calls are the participant's own
            _assert_refused(
                _call(client, method, path, bearer(a.token), body), path, (tenants.secret_two,)
            )
    assert tenants.snapshot() == before


def test_another_company_cannot_act_on_my_items(app: Any, tenants: Tenants) -> None:
    before = tenants.snapshot()
    client = app.test_client()
    one = tenants.one.workshop_id
    a, b, c = (tenants.one.parties[k] for k in "ABC")
    # B is not an owner of A's item: it may not change its rules or decide C's request.
    for method, path, body in participant_calls(one, tenants.item_one, tenants.request_one):
        if "/rules" in path or "/decision" in path:
            _assert_refused(
                _call(client, method, path, bearer(b.token), body), path, (tenants.secret_one,)
            )
    # The requester cannot approve its own request either.
    answer = client.post(
        f"/api/v1/workshops/{one}/access-requests/{tenants.request_one}/decision",
        json={"approve": True},
        headers=bearer(c.token),
    )
    _assert_refused(answer, "requester decides", (tenants.secret_one,))
    # B sees only its own acceptance, its own history, no pending requests of others.
    charter = client.get(f"/api/v1/workshops/{one}/charter", headers=bearer(b.token)).json
    assert charter["accepted_by"] == {str(b.company_id): True}
    history = client.get(f"/api/v1/workshops/{one}/history", headers=bearer(b.token)).json
    assert all(e["subject"] != f"company:{a.company_id}" for e in history["entries"])
    assert f"contribution:{tenants.item_one}" not in dump(history["entries"])
    pending = client.get(f"/api/v1/workshops/{one}/access-requests", headers=bearer(b.token))
    assert pending.json["requests"] == []
    assert tenants.secret_one not in pending.get_data(as_text=True)
    assert tenants.snapshot() == before


def test_facilitator_api_refuses_another_workshops_ids(app: Any, tenants: Tenants) -> None:
    before = tenants.snapshot()
    client = app.test_client()
    mine = bearer(tenants.token_one)
    two, topic_two = tenants.two.workshop_id, tenants.two.topics[0]
    for method, path, body in facilitator_calls(two, topic_two):
        _assert_refused(_call(client, method, path, mine, body), path, (tenants.secret_two,))
    # own workshop, the other workshop's topic (and ids that do not exist)
    for topic in (topic_two, topic_two + 1000, 0):
        path = f"/api/v1/workshops/{tenants.one.workshop_id}/topics/{topic}/reveal"
        _assert_refused(client.post(path, headers=mine), path, ())
    # the wrong kind of credential for each side
    a = tenants.one.parties["A"]
    for method, path, body in facilitator_calls(tenants.one.workshop_id, tenants.one.topics[0]):
        _assert_refused(_call(client, method, path, bearer(a.token), body), path, ())
    for method, path, body in participant_calls(
        tenants.one.workshop_id, tenants.item_one, tenants.request_one
    ):
        _assert_refused(_call(client, method, path, mine, body), path, (tenants.secret_one,))
    assert tenants.snapshot() == before


def test_pages_refuse_another_workshops_ids(app: Any, tenants: Tenants) -> None:
    before = tenants.snapshot()
    one, two = tenants.one, tenants.two
    fac = facilitator_web(app, one.facilitator.facilitator_id)
    console = f"/facilitator/workshops/{one.workshop_id}"
    for action, data in (
        (f"/facilitator/workshops/{two.workshop_id}/charter", {"sensitivity": "clear"}),
        (f"/facilitator/workshops/{two.workshop_id}/topics/{two.topics[0]}/reveal", {}),
        (f"/facilitator/workshops/{one.workshop_id}/topics/{two.topics[0]}/reveal", {}),
    ):
        _assert_refused(submit(fac, console, action, data), action, (tenants.secret_two,))
    for path in (
        f"/facilitator/workshops/{two.workshop_id}",
        f"/facilitator/workshops/{two.workshop_id}/summary.md",
    ):
        _assert_refused(fac.get(path), path, (tenants.secret_two,))
    web = participant_web(app, one.parties["A"])
    for path in (
        f"/w/{two.workshop_id}",
        f"/w/{two.workshop_id}/history",
        f"/w/{two.workshop_id}/history.json",
        f"/w/{two.workshop_id}/summary.md",
    ):
        _assert_refused(web.get(path), path, (tenants.secret_two,))
    assert tenants.snapshot() == before


def test_socket_refuses_another_workshops_ids(app: Any, tenants: Tenants) -> None:
    before = tenants.snapshot()
    a = tenants.one.parties["A"]
    sio = app.extensions["socketio"]
    web = participant_web(app, a)
    spy = sio.test_client(
        app,
        namespace="/participant",
        flask_test_client=web,
        auth={"workshop_id": tenants.two.workshop_id},
    )
    assert not spy.is_connected("/participant")
    facilitator_spy = sio.test_client(
        app,
        namespace="/facilitator",
        flask_test_client=facilitator_web(app, tenants.one.facilitator.facilitator_id),
        auth={"workshop_id": tenants.two.workshop_id},
    )
    assert not facilitator_spy.is_connected("/facilitator")
    sock = socket_client(app, a.token)
    ack = sock.emit(
        "post_contribution",
        {"client_id": "cross-tenant-1", "body": "x", "topic_id": tenants.two.topics[0]},
        namespace="/participant",
        callback=True,
    )
    assert ack["ok"] is False and ack["error"]["code"] == "invalid"
    hello = sock.emit("hello", {"last_seq": 0}, namespace="/participant", callback=True)
    text_received = dump([hello, sock.get_received("/participant")])
    assert tenants.secret_two not in text_received
    assert tenants.two.parties["X"].name not in text_received
    assert tenants.snapshot() == before
