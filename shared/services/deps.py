"""What services need from the outside world, passed in rather than read from globals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from shared.clock import Clock, utc_now
from shared.db import Database
from shared.feed import CollectingPublisher, Publisher
from shared.mail import Mailer
from shared.sealing import EnvelopeSealer


@dataclass
class Deps:
    db: Database
    sealer: EnvelopeSealer
    publisher: Publisher
    clock: Clock = utc_now
    invitation_ttl: timedelta = timedelta(days=14)
    # (msgid, locale) -> text; the app wires Flask-Babel in, the CLI keeps English.
    translate: Callable[[str, str], str] = lambda msgid, _locale: msgid
    mailer: Mailer | None = None  # None: no SMTP configured; reminders are not sent
    remind_days_before: int = 3


def cli_deps(db: Database, sealer: EnvelopeSealer) -> Deps:
    return Deps(db=db, sealer=sealer, publisher=CollectingPublisher())
