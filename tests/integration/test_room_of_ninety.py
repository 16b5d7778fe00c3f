"""Thirty companies of three people in one room: 90 Socket.IO clients against the production
server. Every contribution reaches everyone allowed, in order, none duplicated."""

from __future__ import annotations

import threading
import time
from typing import Any

import socketio

from shared.disclosure import Viewer
from shared.services import accounts, agenda, charters, participants, workshops
from tests.browser.conftest import LiveServer, make_live_server
from tests.conftest import make_settings

COMPANIES, PEOPLE, POSTS_PER_COMPANY = 30, 3, 2


def build_room(server: LiveServer) -> tuple[list[dict[str, Any]], int]:
    from tertulia.cli import _deps

    settings = make_settings(server.instance, server.env["TERTULIA_DATABASE_URL"])
    deps = _deps(settings)
    facilitator = Viewer(
        facilitator_id=accounts.authenticate(
            deps, "ana@example.com", "correct horse battery staple"
        ).id
    )
    workshop = workshops.create_workshop(
        deps, facilitator, {"title": "Sala de 90", "date": "2026-12-01"}
    )
    people = []
    for c in range(COMPANIES):
        company = workshops.add_company(
            deps, facilitator, workshop.id, {"name": f"Empresa {c:02d}"}
        )
        token = workshops.issue_invitation(deps, facilitator, company.id).token
        for p in range(PEOPLE):
            joined = participants.join(deps, token, {"name": f"P{c}-{p}", "role": "R"})
            if p == 0:
                charters.accept(
                    deps,
                    Viewer(
                        participant_id=joined.participant_id,
                        company_id=joined.company_id,
                        workshop_id=joined.workshop_id,
                    ),
                    1,
                )
            people.append({"token": joined.token, "company": c, "person": p})
    agenda.open_topic(deps, facilitator, workshop.id, {"template": "good_practices"})
    deps.db.dispose()
    return people, workshop.id


def test_ninety_clients_receive_every_contribution_once_in_order(tmp_path: Any) -> None:
    server = make_live_server(tmp_path)
    server.start()
    clients: list[socketio.Client] = []
    try:
        people, _ = build_room(server)
        received: dict[int, list[int]] = {i: [] for i in range(len(people))}
        lock = threading.Lock()

        def listener(index: int):
            def on_event(envelope: dict[str, Any]) -> None:
                if envelope["type"] == "contribution.created":
                    with lock:
                        received[index].append(envelope["seq"])

            return on_event

        for index, person in enumerate(people):
            client = socketio.Client(reconnection=False)
            client.on("event", listener(index), namespace="/participant")
            client.connect(
                server.url,
                namespaces=["/participant"],
                auth={"token": person["token"]},
                transports=["websocket"],
                wait_timeout=10,
            )
            clients.append(client)

        sent: list[int] = []
        senders = [i for i, p in enumerate(people) if p["person"] == 0]
        for round_ in range(POSTS_PER_COMPANY):
            for index in senders:
                ack = clients[index].call(
                    "post_contribution",
                    {
                        "client_id": f"c{index:03d}-{round_:02d}-xxxx",
                        "body": f"idea {index} {round_}",
                    },
                    namespace="/participant",
                    timeout=15,
                )
                assert ack["ok"], ack
                sent.append(ack["seq"])

        expected = sorted(sent)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with lock:
                if all(len(seqs) >= len(expected) for seqs in received.values()):
                    break
            time.sleep(0.2)
        with lock:
            for index, seqs in received.items():
                assert seqs == expected, f"client {index}: {len(seqs)} of {len(expected)}"
    finally:
        for client in clients:
            client.disconnect()
        server.stop()
