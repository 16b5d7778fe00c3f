"""Canary scan: a whole workshop driven over the API, sockets and pages, with a unique canary
in every contribution under every sensitivity and attribution; then the database (the
SQLite file and its WAL, or every row on PostgreSQL), the server log and every download
are scanned. A canary appears only where the rules allow: never in the database or the log,
RED never in any download, the others only in the downloads of those allowed to see them.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text

from shared.services import accounts
from tests.trust.support import (
    bearer,
    canary,
    facilitator_web,
    new_room,
    participant_web,
    socket_client,
)


def _database_text(deps: Any) -> bytes:
    """Everything stored: the raw files on SQLite, every row of every table otherwise."""
    out = b""
    if deps.db.is_sqlite:
        path = Path(deps.db.url.replace("sqlite:///", ""))
        for candidate in (path, path.with_name(path.name + "-wal")):
            if candidate.exists():
                out += candidate.read_bytes()
    with deps.db.transaction() as s:
        for table in inspect(deps.db.engine).get_table_names():
            for row in s.execute(text(f'SELECT * FROM "{table}"')):
                out += repr(tuple(row)).encode()
    return out


def test_canaries_appear_only_where_the_rules_allow(
    app: Any, deps: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    # The charter allows CLEAR, so every sensitivity can be chosen (stricter only).
    room = new_room(deps, ("A", "B", "C"), charter={"sensitivity": "clear"})
    a, b, c = (room.parties[k] for k in "ABC")
    wid, topic = room.workshop_id, room.topics[0]
    fac_token = accounts.create_api_token(deps, room.facilitator.facilitator_id, "scan")
    api = app.test_client()
    canaries = {
        key: canary(key)
        for key in (
            "clear",
            "green",
            "amber",
            "strict",
            "red",
            "chatham",
            "pseudo",
            "consent",
            "phase",
            "plan",  # a plan between A and B: its title and a step, in A's and B's summaries
            "step",
            "note",  # a progress note on the step: on the plan's page, not in summaries
            "rating",  # A's comment on what B gave it: in no download
            "answer",  # C's closing answer: C's and the facilitator's
        )
    }

    def post(party: Any, key: str, rules: dict[str, Any] | None, via: str = "api") -> int:
        data: dict[str, Any] = {"client_id": f"scan-{key}-0001", "body": canaries[key]}
        data.update({"kind": "barrier", "topic_id": topic})
        if rules:
            data["rules"] = rules
        if via == "socket":
            sock = socket_client(app, party.token)
            ack = sock.emit("post_contribution", data, namespace="/participant", callback=True)
            sock.disconnect(namespace="/participant")
            assert ack["ok"], ack
            return ack["contribution"]["id"]
        answer = api.post(
            f"/api/v1/workshops/{wid}/contributions", json=data, headers=bearer(party.token)
        )
        assert answer.status_code == 201, answer.get_data(as_text=True)
        return answer.json["contribution"]["id"]

    ids = {
        "clear": post(a, "clear", None),
        "green": post(a, "green", {"sensitivity": "green"}, via="socket"),
        "amber": post(a, "amber", {"sensitivity": "amber"}),
        "strict": post(
            a, "strict", {"sensitivity": "amber+strict", "recipients": [b.company_id]}, "socket"
        ),
        "red": post(a, "red", {"sensitivity": "red"}, via="socket"),
        "chatham": post(b, "chatham", {"attribution": "chatham"}),
        "pseudo": post(c, "pseudo", {"attribution": "pseudonymous"}),
        "consent": post(a, "consent", {"consent": True}),
        "phase": post(c, "phase", {"phase_reveal": True}, via="socket"),
    }
    # B asks for the consent item, A approves; C never asks.
    asked = api.post(
        f"/api/v1/workshops/{wid}/contributions/{ids['consent']}/access-requests",
        headers=bearer(b.token),
    )
    assert asked.status_code == 201 and asked.json["status"] == "pending"
    pending = api.get(f"/api/v1/workshops/{wid}/access-requests", headers=bearer(a.token)).json
    (request,) = pending["requests"]
    decided = api.post(
        f"/api/v1/workshops/{wid}/access-requests/{request['id']}/decision",
        json={"approve": True},
        headers=bearer(a.token),
    )
    assert decided.json["status"] == "approved"
    revealed = api.post(f"/api/v1/workshops/{wid}/topics/{topic}/reveal", headers=bearer(fac_token))
    assert revealed.status_code == 200
    # A plan between A and B, a note on its step, a rating and a closing answer.
    made = api.post(
        f"/api/v1/workshops/{wid}/plans",
        json={
            "title": canaries["plan"],
            "objective": "objective",
            "parties": [{"company_id": a.company_id}, {"company_id": b.company_id}],
            "steps": [
                {"title": canaries["step"], "due": "2027-01-15", "owner_company_id": b.company_id}
            ],
        },
        headers=bearer(a.token),
    )
    assert made.status_code == 201, made.get_data(as_text=True)
    plan = made.json["plan"]
    noted = api.post(
        f"/api/v1/workshops/{wid}/plans/{plan['id']}/steps/{plan['steps'][0]['key']}/notes",
        json={"text": canaries["note"]},
        headers=bearer(b.token),
    )
    assert noted.status_code == 201
    rated = api.post(
        f"/api/v1/workshops/{wid}/evaluations",
        json={
            "other_company_id": b.company_id,
            "direction": "received",
            "ratings": {"contacts": {"value": 4, "comment": canaries["rating"]}},
        },
        headers=bearer(a.token),
    )
    assert rated.status_code == 200 and rated.json["stored"] == 1
    answered = api.post(
        f"/api/v1/workshops/{wid}/feedback",
        json={"useful": 4, "did_benchmarking": "yes", "comment": canaries["answer"]},
        headers=bearer(c.token),
    )
    assert answered.status_code == 200
    # Pages are rendered along the way (RED is on screen for those present).
    fac = facilitator_web(app, room.facilitator.facilitator_id)
    webs = {k: participant_web(app, p) for k, p in room.parties.items()}
    assert canaries["red"] in fac.get(f"/facilitator/workshops/{wid}").get_data(as_text=True)
    assert canaries["red"] in webs["B"].get(f"/w/{wid}").get_data(as_text=True)

    everything_but_red = set(canaries) - {"red", "note", "rating", "answer"}
    allowed = {
        "facilitator": everything_but_red | {"answer"},
        "A": everything_but_red,
        "B": everything_but_red,  # strict names B, consent granted to B
        "C": everything_but_red - {"strict", "consent", "plan", "step"} | {"answer"},
    }

    def downloads() -> dict[str, str]:
        out = {"facilitator": fac.get(f"/facilitator/workshops/{wid}/summary.md")}
        for key, web in webs.items():
            out[key] = web.get(f"/w/{wid}/summary.md")
            out[f"{key} history"] = web.get(f"/w/{wid}/history.json")
        out["facilitator audit"] = api.get(
            f"/api/v1/workshops/{wid}/audit", headers=bearer(fac_token)
        )
        for key, party in room.parties.items():
            out[f"{key} history api"] = api.get(
                f"/api/v1/workshops/{wid}/history", headers=bearer(party.token)
            )
        for name, answer in out.items():
            assert answer.status_code == 200, name
        return {name: answer.get_data(as_text=True) for name, answer in out.items()}

    def check(files: dict[str, str]) -> None:
        for name, content in files.items():
            may = allowed.get(name, set())  # histories and the audit: no content at all
            for key, value in canaries.items():
                if key in may:
                    assert value in content, f"{name} should carry {key}"
                else:
                    assert value not in content, f"{name} carries {key}"

    check(downloads())  # while the workshop runs
    closed = api.post(f"/api/v1/workshops/{wid}/close", headers=bearer(fac_token))
    assert closed.status_code == 200
    check(downloads())  # after close

    stored = _database_text(deps)
    for key, value in canaries.items():
        assert value.encode() not in stored, f"{key} is in the database in clear"
    logged = caplog.text + "".join(str(r.args) + (r.exc_text or "") for r in caplog.records)
    for key, value in canaries.items():
        assert value not in logged, f"{key} is in the log"
