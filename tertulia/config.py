"""Settings: config/defaults.toml, overridden by TERTULIA_<SECTION>_<KEY> variables.

Secrets (the session key and the key-encryption key) come from the environment, from a
file named by an environment variable, or are generated on first run into the instance
folder with mode 0600. Any invalid setting stops start-up with a message naming it.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from tertulia.paths import resource

ALIASES = {
    "HOST": ("server", "host"),
    "PORT": ("server", "port"),
    "DATABASE_URL": ("database", "url"),
}


class ConfigError(Exception):
    """A setting is invalid; the message names it and says what is expected."""


@dataclass(frozen=True)
class MailSettings:
    host: str
    port: int
    user: str
    password: str
    security: str  # starttls | ssl | none
    sender: str
    remind_days_before: int


@dataclass(frozen=True)
class Settings:
    host: str
    port: int
    async_mode: str
    public_url: str
    database_url: str
    message_queue: str
    channel: str
    cookie_secure: bool
    invitation_ttl_days: int
    default_locale: str
    instance_path: Path
    secret_key: str
    kek_source: str  # "env" or a file path; see shared.sealing
    mail: MailSettings | None = None  # None: no SMTP configured, no reminders
    # Tests only (TERTULIA_TESTING_CLOCK_OFFSET_FILE): shift the clock, see shared.clock.
    clock_offset_file: str = ""

    @property
    def base_url(self) -> str:
        if self.public_url:
            return self.public_url.rstrip("/")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"


def _raw_settings(env: Mapping[str, str]) -> dict[str, dict[str, object]]:
    with open(resource("config") / "defaults.toml", "rb") as fh:
        raw: dict[str, dict[str, object]] = tomllib.load(fh)
    for section, values in raw.items():
        for key in values:
            name = f"TERTULIA_{section}_{key}".upper()
            if name in env:
                values[key] = env[name]
    for alias, (section, key) in ALIASES.items():
        if env.get(alias):
            raw[section][key] = env[alias]
    return raw


def _port(value: object, name: str) -> int:
    try:
        port = int(str(value))
    except ValueError:
        raise ConfigError(f"{name}={value!r}: expected a port number from 1 to 65535") from None
    if not 1 <= port <= 65535:
        raise ConfigError(f"{name}={value!r}: expected a port number from 1 to 65535")
    return port


def _choice(value: object, name: str, options: tuple[str, ...]) -> str:
    text = str(value)
    if text not in options:
        raise ConfigError(f"{name}={value!r}: expected one of {', '.join(options)}")
    return text


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _secret_file(path: Path) -> str:
    """Read a generated secret, creating it (0600) on first run."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(48))
    return path.read_text().strip()


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    env = os.environ if env is None else env
    raw = _raw_settings(env)
    server, database, realtime, security, i18n = (
        raw["server"],
        raw["database"],
        raw["realtime"],
        raw["security"],
        raw["i18n"],
    )
    instance = Path(env.get("TERTULIA_INSTANCE_PATH") or Path.cwd() / "instance").resolve()
    host = str(server["host"]).strip()
    if not host:
        raise ConfigError("TERTULIA_SERVER_HOST (HOST): must not be empty")
    port = _port(server["port"], "TERTULIA_SERVER_PORT (PORT)")
    async_mode = _choice(
        server["async_mode"], "TERTULIA_SERVER_ASYNC_MODE", ("gevent", "threading")
    )
    db_url = str(database["url"]).strip()
    if not db_url:
        db_url = f"sqlite:///{instance / 'tertulia.sqlite3'}"
    elif not db_url.startswith(("sqlite:", "postgresql:", "postgresql+psycopg:")):
        raise ConfigError(
            "TERTULIA_DATABASE_URL (DATABASE_URL): expected sqlite:///path or "
            "postgresql://user@host/db"
        )
    queue = str(realtime["message_queue"]).strip()
    if queue and not queue.startswith(("redis://", "rediss://")):
        raise ConfigError("TERTULIA_REALTIME_MESSAGE_QUEUE: expected redis://host:port/db or empty")
    secure_raw = _choice(
        str(security["cookie_secure"]).lower(),
        "TERTULIA_SECURITY_COOKIE_SECURE",
        ("auto", "true", "false"),
    )
    cookie_secure = not _is_loopback(host) if secure_raw == "auto" else secure_raw == "true"
    try:
        ttl = int(str(security["invitation_ttl_days"]))
        if not 1 <= ttl <= 365:
            raise ValueError
    except ValueError:
        raise ConfigError(
            f"TERTULIA_SECURITY_INVITATION_TTL_DAYS={security['invitation_ttl_days']!r}: "
            "expected a number of days from 1 to 365"
        ) from None
    locale = _choice(i18n["default_locale"], "TERTULIA_I18N_DEFAULT_LOCALE", ("es", "en"))
    mail = _mail_settings(raw["mail"], env)

    if env.get("TERTULIA_SECRET_KEY"):
        secret_key = env["TERTULIA_SECRET_KEY"]
    elif env.get("TERTULIA_SECRET_KEY_FILE"):
        try:
            secret_key = Path(env["TERTULIA_SECRET_KEY_FILE"]).read_text().strip()
        except OSError as exc:
            raise ConfigError(
                f"TERTULIA_SECRET_KEY_FILE: cannot read it ({exc.strerror})"
            ) from None
    else:
        secret_key = _secret_file(instance / "secret_key")
    if len(secret_key) < 32:
        raise ConfigError("TERTULIA_SECRET_KEY: must be at least 32 characters long")

    if env.get("TERTULIA_KEK"):
        kek_source = "env"
    else:
        kek_source = env.get("TERTULIA_KEK_FILE") or str(instance / "kek.json")

    return Settings(
        host=host,
        port=port,
        async_mode=async_mode,
        public_url=str(server["public_url"]).strip(),
        database_url=db_url,
        message_queue=queue,
        channel=str(realtime.get("channel") or "tertulia").strip() or "tertulia",
        cookie_secure=cookie_secure,
        invitation_ttl_days=ttl,
        default_locale=locale,
        instance_path=instance,
        secret_key=secret_key,
        kek_source=kek_source,
        mail=mail,
        clock_offset_file=env.get("TERTULIA_TESTING_CLOCK_OFFSET_FILE", ""),
    )


def _mail_settings(mail: Mapping[str, object], env: Mapping[str, str]) -> MailSettings | None:
    host = str(mail.get("smtp_host") or "").strip()
    if not host:
        return None
    try:
        days = int(str(mail.get("remind_days_before", 3)))
        if not 0 <= days <= 60:
            raise ValueError
    except ValueError:
        raise ConfigError(
            f"TERTULIA_MAIL_REMIND_DAYS_BEFORE={mail.get('remind_days_before')!r}: "
            "expected a number of days from 0 to 60"
        ) from None
    sender = str(mail.get("sender") or "").strip()
    if "@" not in sender:
        raise ConfigError(f"TERTULIA_MAIL_SENDER={sender!r}: expected an email address")
    return MailSettings(
        host=host,
        port=_port(mail.get("smtp_port", 587), "TERTULIA_MAIL_SMTP_PORT"),
        user=str(mail.get("smtp_user") or "").strip(),
        password=env.get("TERTULIA_MAIL_SMTP_PASSWORD", ""),
        security=_choice(
            str(mail.get("security") or "starttls").lower(),
            "TERTULIA_MAIL_SECURITY",
            ("starttls", "ssl", "none"),
        ),
        sender=sender,
        remind_days_before=days,
    )
