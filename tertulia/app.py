"""The application factory: settings -> database, keys, real time -> blueprints."""

from __future__ import annotations

import logging
import os
from datetime import timedelta
from typing import Any

from flask import Flask, g, redirect, request, session
from flask_babel import Babel, force_locale, get_locale, gettext
from flask_socketio import SocketIO
from flask_wtf.csrf import CSRFProtect

from facilitator import register as register_facilitator
from participant import register as register_participant
from shared.clock import OffsetFileClock, utc_now
from shared.crypto import KekProvider, KeyringFileProvider, LocalKekProvider, generate_keyring_file
from shared.db import Database
from shared.mail import Mailer
from shared.presence import Presence
from shared.sealing import EnvelopeSealer
from shared.services.deps import Deps
from tertulia import errors, openapi, security
from tertulia.config import ConfigError, Settings, load_settings
from tertulia.paths import resource
from tertulia.realtime import SocketPublisher

LOCALES = ("es", "en")
log = logging.getLogger("tertulia")


def load_kek(settings: Settings) -> KekProvider:
    if settings.kek_source == "env":
        return LocalKekProvider.from_env(os.environ.get("TERTULIA_KEK"))
    path = settings.kek_source
    if not os.path.exists(path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        generate_keyring_file(path)
        log.warning("Generated a new key-encryption key in %s: back it up with the database.", path)
    return KeyringFileProvider(path)


def mailer_for(settings: Settings) -> Mailer | None:
    mail = settings.mail
    if mail is None:
        return None
    return Mailer(mail.host, mail.port, mail.sender, mail.user, mail.password, mail.security)


def _select_locale() -> str:
    """A person's explicit choice first (the language switch; for API clients, their
    Accept-Language header), then the workshop's language, then the browser's."""
    chosen = session.get("lang")
    if chosen in LOCALES:
        return str(chosen)
    if request.path.startswith("/api/") and request.accept_languages:
        return request.accept_languages.best_match(LOCALES) or g.get("default_locale", "es")
    preferred = getattr(g, "preferred_locale", None)
    if preferred in LOCALES:
        return str(preferred)
    return request.accept_languages.best_match(LOCALES) or g.get("default_locale", "es")


def create_app(settings: Settings | None = None, **overrides: Any) -> Flask:
    settings = settings or load_settings()
    app = Flask(
        "tertulia",
        template_folder=str(resource("templates")),
        static_folder=str(resource("static")),
        instance_path=str(settings.instance_path),
    )
    app.config.update(
        SECRET_KEY=settings.secret_key,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.cookie_secure,
        SESSION_COOKIE_NAME="tertulia_session",
        PERMANENT_SESSION_LIFETIME=timedelta(days=30),
        # A workshop lasts hours; a token tied to the session is enough (Flask-WTF docs).
        WTF_CSRF_TIME_LIMIT=None,
        BABEL_DEFAULT_LOCALE=settings.default_locale,
        BABEL_TRANSLATION_DIRECTORIES=str(resource("translations")),
        MAX_CONTENT_LENGTH=2 * 1024 * 1024,
        TERTULIA_SETTINGS=settings,
    )
    app.config.update(overrides)

    database = Database(settings.database_url)
    sealer = EnvelopeSealer(load_kek(settings))
    presence = Presence()
    socketio = SocketIO(
        app,
        async_mode=settings.async_mode,
        message_queue=settings.message_queue or None,
        channel=settings.channel,
        # Same origin only: the default refuses cross-origin connections.
        ping_interval=10,
        ping_timeout=10,
        max_http_buffer_size=256 * 1024,
    )
    clock = OffsetFileClock(settings.clock_offset_file) if settings.clock_offset_file else utc_now
    publisher = SocketPublisher(database, sealer, presence, socketio, clock)

    def translate(msgid: str, locale: str) -> str:
        with app.app_context(), force_locale(locale):
            return gettext(msgid)

    deps = Deps(
        db=database,
        sealer=sealer,
        publisher=publisher,
        clock=clock,
        invitation_ttl=timedelta(days=settings.invitation_ttl_days),
        mailer=mailer_for(settings),
        remind_days_before=settings.mail.remind_days_before if settings.mail else 3,
        translate=translate,
    )
    app.extensions["tertulia"] = deps
    app.extensions["tertulia.presence"] = presence
    app.extensions["tertulia.publisher"] = publisher

    Babel(app, locale_selector=_select_locale)
    CSRFProtect(app)
    security.init_app(app)
    errors.init_app(app)

    @app.before_request
    def _defaults() -> None:
        g.default_locale = settings.default_locale

    @app.context_processor
    def _template_helpers() -> dict[str, Any]:
        return {"current_locale": lambda: str(get_locale() or settings.default_locale)}

    @app.route("/healthz")
    def healthz() -> dict[str, str]:
        database.ping()
        return {"status": "ok"}

    @app.route("/lang/<code>", methods=["POST"])
    def switch_language(code: str) -> Any:
        if code in LOCALES:
            session["lang"] = code
        target = request.form.get("next") or "/"
        if not target.startswith("/") or target.startswith("//"):
            target = "/"
        return redirect(target)

    register_facilitator(app, socketio)
    register_participant(app, socketio)
    app.register_blueprint(openapi.blueprint)
    return app


__all__ = ["ConfigError", "create_app"]


RETENTION_INTERVAL_SECONDS = 3600


def start_background_jobs(app: Flask) -> None:
    """Hourly: crypto-shredding of workshops past retention (also `tertulia retention run`)
    and reminders of due plan steps when SMTP is configured (`tertulia reminders send`)."""
    from shared.services import followup, retention

    socketio: SocketIO = app.extensions["socketio"]
    deps: Deps = app.extensions["tertulia"]

    def loop() -> None:
        while True:
            try:
                shredded = retention.run(deps)
                if shredded:
                    log.info("retention: shredded workshops %s", shredded)
            except Exception as exc:  # keep the schedule alive; the CLI reports details
                log.error("retention run failed: %s", type(exc).__name__)
            try:
                sent = followup.send_reminders(deps)
                if sent:
                    log.info("reminders: sent %s", sent)
            except Exception as exc:  # the same: the next hour tries again
                log.error("reminders failed: %s", type(exc).__name__)
            socketio.sleep(RETENTION_INTERVAL_SECONDS)

    socketio.start_background_task(loop)
