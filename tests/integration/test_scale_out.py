"""Scale-out: two server processes sharing one database and a Redis message queue. A
contribution posted through one process reaches sockets held by the other."""

from __future__ import annotations

import os
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import redis
import socketio

from shared.disclosure import Viewer
from shared.services import accounts, agenda, charters, participants, workshops
from tests.browser.conftest import LiveServer, free_port
from tests.conftest import PASSWORD, make_settings

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def two_servers(tmp_path: Path) -> tuple[LiveServer, LiveServer]:
    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=2).ping()
    except redis.RedisError as exc:
        raise AssertionError(f"the scale-out test needs Redis at {REDIS_URL}: {exc}") from None
    instance = tmp_path / "instance"
    db_url = f"sqlite:///{instance / 'tertulia.sqlite3'}"
    channel = f"tertulia-test-{uuid.uuid4().hex}"  # pub/sub channels are global in Redis
    servers = []
    for name in ("one", "two"):
        port = free_port()
        env = {
            **os.environ,
            "TERTULIA_INSTANCE_PATH": str(instance),
            "TERTULIA_DATABASE_URL": db_url,
            "TERTULIA_SERVER_ASYNC_MODE": "gevent",
            "TERTULIA_REALTIME_MESSAGE_QUEUE": REDIS_URL,
            "TERTULIA_REALTIME_CHANNEL": channel,
            "HOST": "127.0.0.1",
            "PORT": str(port),
        }
        servers.append(
            LiveServer(f"http://127.0.0.1:{port}", instance, env, tmp_path / f"server-{name}.log")
        )
    return servers[0], servers[1]


def room(instance: Path, db_url: str) -> tuple[str, str]:
    from tertulia.cli import _deps, prepare

    settings = make_settings(instance, db_url)
    prepare(settings)
    deps = _deps(settings)
    person = accounts.create_facilitator(
        deps, {"email": "ana@example.com", "name": "Ana", "password": PASSWORD}
    )
    facilitator = Viewer(facilitator_id=person.id)
    workshop = workshops.create_workshop(
        deps, facilitator, {"title": "Dos procesos", "date": "2026-12-01"}
    )
    tokens = []
    for name in ("Alfa", "Beta"):
        company = workshops.add_company(deps, facilitator, workshop.id, {"name": name})
        invitation = workshops.issue_invitation(deps, facilitator, company.id)
        joined = participants.join(deps, invitation.token, {"name": name, "role": "R"})
        charters.accept(
            deps,
            Viewer(
                participant_id=joined.participant_id,
                company_id=joined.company_id,
                workshop_id=joined.workshop_id,
            ),
            1,
        )
        tokens.append(joined.token)
    agenda.open_topic(deps, facilitator, workshop.id, {"template": "costs"})
    deps.db.dispose()
    return tokens[0], tokens[1]


def test_an_event_crosses_processes_through_redis(tmp_path: Path) -> None:
    one, two = two_servers(tmp_path)
    alfa_token, beta_token = room(one.instance, one.env["TERTULIA_DATABASE_URL"])
    one.start()
    two.start()
    clients: list[socketio.Client] = []
    try:
        received: list[dict[str, Any]] = []
        arrived = threading.Event()

        def on_event(envelope: dict[str, Any]) -> None:
            received.append(envelope)
            if envelope["type"] == "contribution.created":
                arrived.set()

        beta = socketio.Client(reconnection=False)
        beta.on("event", on_event, namespace="/participant")
        beta.connect(
            two.url,
            namespaces=["/participant"],
            auth={"token": beta_token},
            transports=["websocket"],
            wait_timeout=10,
        )
        alfa = socketio.Client(reconnection=False)
        alfa.connect(
            one.url,
            namespaces=["/participant"],
            auth={"token": alfa_token},
            transports=["websocket"],
            wait_timeout=10,
        )
        clients += [alfa, beta]
        time.sleep(0.5)  # let both processes subscribe
        ack = alfa.call(
            "post_contribution",
            {"client_id": "cross-proc-01", "body": "De uno a dos"},
            namespace="/participant",
            timeout=10,
        )
        assert ack["ok"], ack
        assert arrived.wait(10), f"nothing reached the other process: {received}"
        created = [e for e in received if e["type"] == "contribution.created"]
        assert [e["data"]["body"] for e in created] == ["De uno a dos"]
        assert created[0]["seq"] == ack["seq"]
    finally:
        for client in clients:
            client.disconnect()
        one.stop()
        two.stop()
