"""Helpers for the trust suite: workshops built through the real services, with unique names
and canary bodies, plus the Socket.IO and HTTP clients that read them back."""

from __future__ import annotations

import itertools
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from shared.disclosure import Viewer
from shared.services import accounts, agenda, charters, contributions, participants, workshops
from shared.services.deps import Deps
from tests.conftest import PASSWORD

_counter = itertools.count(1)


def uid() -> str:
    """A short unique token: names and canaries must not be substrings of one another."""
    return f"{next(_counter):04d}{uuid.uuid4().hex[:10]}"


def canary(label: str = "") -> str:
    return f"CANARY{label.upper()}X{uuid.uuid4().hex}"


def new_facilitator(deps: Deps, locale: str = "en") -> tuple[Viewer, str]:
    """A facilitator with a unique e-mail and name; returns (viewer, name)."""
    tag = uid()
    name = f"Facilitator{tag}"
    person = accounts.create_facilitator(
        deps,
        {"email": f"f{tag}@example.com", "name": name, "password": PASSWORD, "locale": locale},
    )
    return Viewer(facilitator_id=person.id), name


@dataclass
class Party:
    """One company with its one participant."""

    key: str
    name: str  # company name
    alias: str
    person: str
    company_id: int
    participant_id: int
    workshop_id: int
    token: str  # bearer token (API and sockets)
    invitation: str

    @property
    def viewer(self) -> Viewer:
        return Viewer(
            participant_id=self.participant_id,
            company_id=self.company_id,
            workshop_id=self.workshop_id,
        )


@dataclass
class Room:
    deps: Deps
    facilitator: Viewer
    facilitator_name: str
    workshop_id: int
    parties: dict[str, Party]
    topics: list[int] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    _clients: itertools.count = field(default_factory=lambda: itertools.count(1))

    def party(self, key: str) -> Party:
        return self.parties[key]

    def open_topic(self, title: str | None = None) -> int:
        phase = agenda.open_topic(
            self.deps, self.facilitator, self.workshop_id, {"title": title or f"Topic {uid()}"}
        )
        assert phase.topic_id is not None
        self.topics.append(phase.topic_id)
        return phase.topic_id

    def post(
        self,
        key: str,
        body: str,
        rules: dict[str, Any] | None = None,
        topic_id: int | None = None,
        kind: str = "bad_practice",
    ) -> dict[str, Any]:
        data: dict[str, Any] = {
            "client_id": f"trust-{uid()}",
            "body": body,
            "kind": kind,
        }
        if rules is not None:
            data["rules"] = rules
        if topic_id is not None:
            data["topic_id"] = topic_id
        posted = contributions.post_contribution(self.deps, self.parties[key].viewer, data)
        return posted.contribution


def new_room(
    deps: Deps,
    companies: tuple[str, ...] = ("A", "B", "C"),
    *,
    facilitator: tuple[Viewer, str] | None = None,
    charter: dict[str, Any] | None = None,
    accept: tuple[str, ...] | None = None,
    language: str = "en",
    topic: bool = True,
) -> Room:
    """A workshop with one participant per company. `charter` (form fields, company keys
    in "excluded"/"recipients" replaced by ids) is proposed before anyone accepts; the
    companies in `accept` (default: all) accept the current version."""
    actor, actor_name = facilitator or new_facilitator(deps)
    tag = uid()
    workshop = workshops.create_workshop(
        deps,
        actor,
        {"title": f"Workshop {tag}", "date": "2026-12-01", "language": language},
    )
    parties: dict[str, Party] = {}
    for key in companies:
        name = f"Firm{key}{uid()}"
        company = workshops.add_company(deps, actor, workshop.id, {"name": name})
        issued = workshops.issue_invitation(deps, actor, company.id)
        person = f"Person{key}{uid()}"
        joined = participants.join(deps, issued.token, {"name": person, "role": "CEO"})
        parties[key] = Party(
            key,
            name,
            company.alias,
            person,
            company.id,
            joined.participant_id,
            workshop.id,
            joined.token,
            issued.token,
        )
    version = 1
    if charter is not None:
        fields = dict(charter)
        for list_field in ("excluded", "recipients"):
            if list_field in fields:
                fields[list_field] = [parties[k].company_id for k in fields[list_field]]
        charters.propose(deps, actor, workshop.id, fields)
        version = 2
    for key in accept if accept is not None else companies:
        charters.accept(deps, parties[key].viewer, version)
    room = Room(deps, actor, actor_name, workshop.id, parties)
    if topic:
        room.open_topic()
    return room


def dump(payload: Any) -> str:
    """Everything a client received, as one searchable text."""
    return json.dumps(payload, ensure_ascii=False, default=str)


# --- clients -----------------------------------------------------------------------------


def socket_client(app: Any, token: str) -> Any:
    client = app.extensions["socketio"].test_client(
        app, namespace="/participant", auth={"token": token}
    )
    assert client.is_connected("/participant")
    return client


def facilitator_socket(app: Any, facilitator_id: int, workshop_id: int) -> Any:
    web = app.test_client()
    with web.session_transaction() as session:
        session["facilitator_id"] = facilitator_id
    client = app.extensions["socketio"].test_client(
        app, namespace="/facilitator", flask_test_client=web, auth={"workshop_id": workshop_id}
    )
    assert client.is_connected("/facilitator")
    return client


def facilitator_web(app: Any, facilitator_id: int) -> Any:
    web = app.test_client()
    with web.session_transaction() as session:
        session["facilitator_id"] = facilitator_id
    return web


def participant_web(app: Any, party: Party) -> Any:
    """A browser session for the party's participant (as after following the link)."""
    web = app.test_client()
    with web.session_transaction() as session:
        session["participants"] = {str(party.workshop_id): party.participant_id}
    return web


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Accept-Language": "en"}
