"""Shared fixtures: settings in a temporary instance folder, a migrated database (SQLite
always; PostgreSQL too when TEST_DATABASE_URL is set), the app, and small factories that
call the same service functions as the pages and the API."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from shared.disclosure import Viewer
from shared.services import accounts, agenda, charters, participants, workshops
from shared.services.deps import Deps
from tertulia.config import Settings, load_settings

PASSWORD = "correct horse battery staple"


def _reset_postgres(url: str) -> None:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def _db_params() -> list[Any]:
    params: list[Any] = [pytest.param("sqlite", id="sqlite")]
    if os.environ.get("TEST_DATABASE_URL"):
        params.append(pytest.param("postgres", id="postgres", marks=pytest.mark.postgres))
    return params


@pytest.fixture(params=_db_params())
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgres":
        url = os.environ["TEST_DATABASE_URL"]
        _reset_postgres(url)
        return url
    return f"sqlite:///{tmp_path / 'tertulia.sqlite3'}"


def make_settings(instance: Path, database_url: str, **env: str) -> Settings:
    base = {
        "TERTULIA_INSTANCE_PATH": str(instance),
        "TERTULIA_DATABASE_URL": database_url,
        "TERTULIA_SERVER_ASYNC_MODE": "threading",
    }
    base.update(env)
    return load_settings(base)


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return make_settings(tmp_path / "instance", database_url)


@pytest.fixture
def app(settings: Settings) -> Iterator[Any]:
    from tertulia.app import create_app
    from tertulia.cli import prepare

    prepare(settings)
    application = create_app(settings, TESTING=True)
    yield application
    application.extensions["tertulia"].db.dispose()


@pytest.fixture
def deps(app: Any) -> Deps:
    return app.extensions["tertulia"]


@dataclass
class World:
    """A workshop with a facilitator and two companies, each with one participant."""

    deps: Deps
    facilitator: Viewer
    workshop_id: int
    companies: dict[str, int]
    invitations: dict[str, str]  # company name -> invitation token
    people: dict[str, participants.Joined]  # company name -> its first participant

    def viewer(self, company: str) -> Viewer:
        joined = self.people[company]
        return Viewer(
            participant_id=joined.participant_id,
            company_id=joined.company_id,
            workshop_id=joined.workshop_id,
        )


def build_world(
    deps: Deps,
    email: str = "ana@example.com",
    companies: tuple[str, ...] = ("Alfa", "Beta"),
    open_topic: bool = True,
    accept_charter: bool = True,
) -> World:
    person = accounts.create_facilitator(
        deps, {"email": email, "name": "Ana Facilitadora", "password": PASSWORD, "locale": "es"}
    )
    facilitator = Viewer(facilitator_id=person.id)
    workshop = workshops.create_workshop(
        deps,
        facilitator,
        {
            "title": "Taller agroalimentario",
            "date": "2026-12-01",
            "language": "es",
            "objective": "Compartir fracasos",
        },
    )
    ids, tokens, people = {}, {}, {}
    for name in companies:
        company = workshops.add_company(deps, facilitator, workshop.id, {"name": name})
        issued = workshops.issue_invitation(deps, facilitator, company.id)
        ids[name], tokens[name] = company.id, issued.token
        people[name] = participants.join(
            deps, issued.token, {"name": f"Persona {name}", "role": "CEO"}
        )
        if accept_charter:
            joined = people[name]
            viewer = Viewer(
                participant_id=joined.participant_id,
                company_id=joined.company_id,
                workshop_id=joined.workshop_id,
            )
            charters.accept(deps, viewer, 1)
    if open_topic:
        agenda.open_topic(deps, facilitator, workshop.id, {"template": "bad_practices"})
    return World(deps, facilitator, workshop.id, ids, tokens, people)


@pytest.fixture
def world(deps: Deps) -> World:
    return build_world(deps)


def csrf_from(client: Any, path: str) -> str:
    """The CSRF token a page embeds in its forms (pages keep CSRF on in every test)."""
    import re

    page = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def submit(client: Any, page: str, action: str, data: dict[str, str]) -> Any:
    return client.post(action, data={**data, "csrf_token": csrf_from(client, page)})
