"""Email reminders of plan steps through a real SMTP server (aiosmtpd on localhost)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from email import message_from_bytes
from email.header import decode_header, make_header
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from shared.models import Participant
from shared.services import followup, participants, plans, workshops
from tertulia.config import ConfigError
from tests.browser.conftest import free_port
from tests.conftest import build_world, make_settings


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content)))
        return "250 Message accepted for delivery"


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    handler = Inbox()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield handler, port
    controller.stop()


@pytest.fixture
def mail_app(tmp_path: Path, database_url: str, inbox: tuple[Inbox, int]) -> Iterator[Any]:
    from tertulia.app import create_app
    from tertulia.cli import prepare

    settings = make_settings(
        tmp_path / "instance",
        database_url,
        TERTULIA_MAIL_SMTP_HOST="127.0.0.1",
        TERTULIA_MAIL_SMTP_PORT=str(inbox[1]),
        TERTULIA_MAIL_SECURITY="none",
        TERTULIA_MAIL_SENDER="talleres@camara.example",
        TERTULIA_MAIL_REMIND_DAYS_BEFORE="2",
    )
    prepare(settings)
    app = create_app(settings, TESTING=True)
    yield app
    app.extensions["tertulia"].db.dispose()


def test_due_and_overdue_steps_are_emailed_once_to_the_owner_company(
    mail_app: Any, inbox: tuple[Inbox, int]
) -> None:
    deps = mail_app.extensions["tertulia"]
    world = build_world(deps, companies=("Alfa", "Beta"))
    # A second person of Alfa joins with an email address; Beta's person has one too.
    issued = workshops.issue_invitation(deps, world.facilitator, world.companies["Alfa"])
    participants.join(deps, issued.token, {"name": "Eva", "role": "COO", "email": "eva@alfa.es"})
    with deps.db.transaction() as s:
        person = s.get(Participant, world.people["Beta"].participant_id)
        person.email = "beta@beta.es"
    alfa, beta = world.companies["Alfa"], world.companies["Beta"]
    plans.create(
        deps,
        world.viewer("Alfa"),
        world.workshop_id,
        {
            "title": "Plan de exportación",
            "objective": "Exportar",
            "parties": [{"company_id": alfa}, {"company_id": beta}],
            "steps": [{"title": "Enviar muestras", "due": "2027-01-15", "owner_company_id": alfa}],
        },
    )
    deps.clock = lambda: datetime(2027, 1, 12, 9, tzinfo=UTC)
    assert followup.send_reminders(deps) == 0  # three days before: not yet
    deps.clock = lambda: datetime(2027, 1, 13, 9, tzinfo=UTC)
    assert followup.send_reminders(deps) == 1
    ((to, message),) = inbox[0].messages
    assert to == ["eva@alfa.es"]  # Alfa owns the step; Beta is not reminded
    assert message["From"] == "talleres@camara.example"
    assert "Enviar muestras" in message.get_payload(decode=True).decode()
    assert followup.send_reminders(deps) == 0
    deps.clock = lambda: datetime(2027, 1, 16, 9, tzinfo=UTC)
    assert followup.send_reminders(deps) == 1
    subject = str(make_header(decode_header(inbox[0].messages[-1][1]["Subject"])))
    assert subject in ("Overdue step in your action plan", "Paso vencido en tu plan de acción")


def test_a_failing_smtp_server_loses_nothing(tmp_path: Path, database_url: str) -> None:
    from tertulia.app import create_app
    from tertulia.cli import prepare

    settings = make_settings(
        tmp_path / "instance",
        database_url,
        TERTULIA_MAIL_SMTP_HOST="127.0.0.1",
        TERTULIA_MAIL_SMTP_PORT=str(free_port()),  # nobody listens
        TERTULIA_MAIL_SECURITY="none",
    )
    prepare(settings)
    app = create_app(settings, TESTING=True)
    deps = app.extensions["tertulia"]
    world = build_world(deps)
    with deps.db.transaction() as s:
        s.get(Participant, world.people["Alfa"].participant_id).email = "a@alfa.es"
    plans.create(
        deps,
        world.viewer("Alfa"),
        world.workshop_id,
        {
            "title": "P",
            "objective": "O",
            "parties": [{"company_id": c} for c in world.companies.values()],
            "steps": [
                {"title": "S", "due": "2027-01-15", "owner_company_id": world.companies["Alfa"]}
            ],
        },
    )
    deps.clock = lambda: datetime(2027, 1, 20, tzinfo=UTC)
    assert followup.send_reminders(deps) == 0
    assert len(followup.due_reminders(deps)) == 1  # still due: tried again next hour
    deps.db.dispose()


def test_mail_settings_are_checked(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="TERTULIA_MAIL_SECURITY"):
        make_settings(
            tmp_path, "sqlite://", TERTULIA_MAIL_SMTP_HOST="x", TERTULIA_MAIL_SECURITY="tls13"
        )
    with pytest.raises(ConfigError, match="TERTULIA_MAIL_SENDER"):
        make_settings(tmp_path, "sqlite://", TERTULIA_MAIL_SMTP_HOST="x", TERTULIA_MAIL_SENDER="x")
    assert make_settings(tmp_path, "sqlite://").mail is None
