from __future__ import annotations

import stat
from pathlib import Path

import pytest

from tertulia.config import ConfigError, load_settings


def test_defaults_and_overrides(tmp_path: Path) -> None:
    base = {"TERTULIA_INSTANCE_PATH": str(tmp_path)}
    settings = load_settings(base)
    assert (settings.host, settings.port, settings.async_mode) == ("127.0.0.1", 5000, "gevent")
    assert settings.database_url == f"sqlite:///{tmp_path / 'tertulia.sqlite3'}"
    assert settings.cookie_secure is False  # loopback: plain-HTTP development
    moved = load_settings(
        {
            **base,
            "HOST": "0.0.0.0",
            "PORT": "8080",  # noqa: S104
            "TERTULIA_I18N_DEFAULT_LOCALE": "en",
        }
    )
    assert (moved.port, moved.default_locale, moved.cookie_secure) == (8080, "en", True)


def test_generated_secrets_are_private_and_stable(tmp_path: Path) -> None:
    first = load_settings({"TERTULIA_INSTANCE_PATH": str(tmp_path)})
    mode = stat.S_IMODE((tmp_path / "secret_key").stat().st_mode)
    assert mode == 0o600
    assert load_settings({"TERTULIA_INSTANCE_PATH": str(tmp_path)}).secret_key == first.secret_key


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"PORT": "eighty"}, "TERTULIA_SERVER_PORT"),
        ({"TERTULIA_SERVER_PORT": "70000"}, "TERTULIA_SERVER_PORT"),
        ({"TERTULIA_SERVER_ASYNC_MODE": "eventlet"}, "TERTULIA_SERVER_ASYNC_MODE"),
        ({"DATABASE_URL": "mysql://x"}, "DATABASE_URL"),
        ({"TERTULIA_REALTIME_MESSAGE_QUEUE": "amqp://x"}, "TERTULIA_REALTIME_MESSAGE_QUEUE"),
        ({"TERTULIA_SECRET_KEY": "short"}, "TERTULIA_SECRET_KEY"),
        ({"TERTULIA_SECURITY_INVITATION_TTL_DAYS": "0"}, "TERTULIA_SECURITY_INVITATION_TTL_DAYS"),
    ],
)
def test_invalid_settings_name_the_setting(tmp_path: Path, env: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigError, match=named):
        load_settings({"TERTULIA_INSTANCE_PATH": str(tmp_path), **env})


def test_cli_stops_on_an_invalid_setting(tmp_path: Path) -> None:
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-m", "tertulia.cli", "db", "upgrade"],
        capture_output=True,
        text=True,
        env={"PATH": "", "TERTULIA_INSTANCE_PATH": str(tmp_path), "PORT": "x"},
    )
    assert run.returncode != 0
    assert "TERTULIA_SERVER_PORT" in run.stderr
