"""The `tertulia` command: serve, db upgrade, facilitator create, keys rotate, match."""

from __future__ import annotations

import logging
import sys
from typing import Any

import click

from tertulia.config import ConfigError, Settings, load_settings


def _settings() -> Settings:
    try:
        return load_settings()
    except ConfigError as exc:
        raise click.ClickException(f"Invalid setting: {exc}") from None


def _deps(settings: Settings) -> Any:
    from shared.db import Database
    from shared.sealing import EnvelopeSealer
    from shared.services.deps import cli_deps
    from tertulia.app import load_kek, mailer_for

    deps = cli_deps(Database(settings.database_url), EnvelopeSealer(load_kek(settings)))
    deps.mailer = mailer_for(settings)
    deps.remind_days_before = settings.mail.remind_days_before if settings.mail else 3
    return deps


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Tertulia: facilitated multi-company workshops."""
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )


@main.group()
def db() -> None:
    """Database schema."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Apply every pending migration."""
    from shared.db import Database
    from tertulia.migrate import upgrade

    settings = _settings()
    settings.instance_path.mkdir(parents=True, exist_ok=True)
    database = Database(settings.database_url)
    upgrade(database)
    database.dispose()
    click.echo("Database is up to date.")


def prepare(settings: Settings) -> str | None:
    """Schema up to date; a setup link while no facilitator exists (returned)."""
    from shared.services import accounts
    from tertulia.migrate import upgrade

    settings.instance_path.mkdir(parents=True, exist_ok=True)
    deps = _deps(settings)
    upgrade(deps.db)
    token = accounts.issue_setup_token(deps)
    deps.db.dispose()  # gunicorn forks after this: no pooled connection may cross it
    return f"{settings.base_url}/facilitator/setup/{token}" if token else None


@main.command()
@click.option("--host", default=None, help="Overrides HOST / TERTULIA_SERVER_HOST.")
@click.option("--port", type=int, default=None, help="Overrides PORT / TERTULIA_SERVER_PORT.")
def serve(host: str | None, port: int | None) -> None:
    """Run the platform with the production server (gunicorn, one worker)."""
    import dataclasses

    settings = _settings()
    if settings.async_mode == "gevent":
        # Patch before anything imports ssl, sockets or threading (gevent's own advice).
        from gevent import monkey

        monkey.patch_all()
    if host or port:
        settings = dataclasses.replace(
            settings, host=host or settings.host, port=port or settings.port
        )
    link = prepare(settings)
    if link:
        click.echo("")
        click.echo("No facilitator account yet. Open this one-time setup link to create it:")
        click.echo(f"    {link}")
        click.echo("")
    click.echo(f"Tertulia is serving at {settings.base_url}  (Ctrl+C stops it)")
    sys.stdout.flush()
    from tertulia.server import run

    run(settings)


@main.group()
def facilitator() -> None:
    """Facilitator accounts."""


@facilitator.command("create")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--locale", type=click.Choice(["es", "en"]), default="es")
@click.password_option(confirmation_prompt=True)
def facilitator_create(email: str, name: str, locale: str, password: str) -> None:
    """Create a facilitator account (for scripted installations)."""
    from shared.errors import ServiceError, ValidationFailed
    from shared.services import accounts
    from tertulia.migrate import upgrade

    deps = _deps(_settings())
    upgrade(deps.db)
    try:
        person = accounts.create_facilitator(
            deps, {"email": email, "name": name, "password": password, "locale": locale}
        )
    except ValidationFailed as exc:
        problems = "; ".join(f"{field}: {msg}" for field, msg in exc.fields.items())
        raise click.ClickException(problems) from None
    except ServiceError as exc:
        raise click.ClickException(exc.message) from None
    click.echo(f"Facilitator {person.email} created.")


@main.group()
def keys() -> None:
    """Key-encryption keys."""


@keys.command("rotate")
def keys_rotate() -> None:
    """Add a new KEK to the keyring file and rewrap every workshop key under it.

    Safe while the platform runs: old KEKs stay in the keyring and keep decrypting until
    you retire them; the server reloads the keyring when it meets a new KEK id.
    """
    from tertulia.keys import rotate

    settings = _settings()
    if settings.kek_source == "env":
        raise click.ClickException(
            "The KEK comes from TERTULIA_KEK: rotate it in your secret store, "
            "or use TERTULIA_KEK_FILE to let Tertulia rotate it."
        )
    new_id, count = rotate(settings)
    click.echo(f"New key-encryption key {new_id} is current; rewrapped {count} workshop keys.")


@main.group()
def audit() -> None:
    """The tamper-evident audit log."""


@audit.command("verify")
@click.option(
    "--head",
    "heads",
    multiple=True,
    metavar="SIZE:ROOT",
    help="A tree head kept outside the database (from a summary download) to check.",
)
def audit_verify(heads: tuple[str, ...]) -> None:
    """Recompute the Merkle tree; exit 1 on any alteration."""
    from shared import audit as audit_log
    from shared.db import Database

    settings = _settings()
    database = Database(settings.database_url)
    with database.transaction() as s:
        problems = audit_log.verify(s)
        problems += audit_log.check_heads(s, [_parse_head(h) for h in heads])
        size = audit_log.head(s).size
    database.dispose()
    if problems:
        for problem in problems:
            click.echo(f"PROBLEM: {problem}", err=True)
        raise SystemExit(1)
    click.echo(f"Audit log intact: {size} entries.")


def _parse_head(text: str) -> tuple[int, str]:
    size, _, root = text.partition(":")
    if not size.isdigit() or len(root) != 64:
        raise click.BadParameter(f"{text!r}: expected SIZE:ROOT (64 hex digits)")
    return int(size), root


@main.group()
def retention() -> None:
    """Crypto-shredding at the end of the retention period."""


@retention.command("run")
def retention_run() -> None:
    """Shred every closed workshop whose retention period has ended."""
    from shared.services import retention as retention_service

    deps = _deps(_settings())
    shredded = retention_service.run(deps)
    deps.db.dispose()
    listed = ": " + ", ".join(map(str, shredded)) if shredded else ""
    click.echo(f"Shredded {len(shredded)} workshop(s){listed}.")


@main.group()
def reminders() -> None:
    """Email reminders of due and overdue plan steps (needs SMTP settings)."""


@reminders.command("send")
def reminders_send() -> None:
    """Send the reminders that are due now (the server also does it every hour)."""
    from shared.services import followup

    settings = _settings()
    if settings.mail is None:
        click.echo("No SMTP server configured (TERTULIA_MAIL_SMTP_HOST): nothing sent.")
        return
    deps = _deps(settings)
    sent = followup.send_reminders(deps)
    deps.db.dispose()
    click.echo(f"Sent {sent} reminder(s).")


# --help goes to the matcher's own parser, which knows FILE, --format and --language.
@main.command(
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
    add_help_option=False,
)
@click.pass_context
def match(ctx: click.Context) -> None:
    """Overlaps and combinations of company profiles: match FILE [--format json|text]."""
    from shared.matching.cli import main as match_main

    sys.exit(match_main(list(ctx.args)))


if __name__ == "__main__":
    main()
