"""Real-browser fixtures: Debian's Chromium driven by Playwright, against the production
server (`tertulia serve`: gunicorn + gevent) started as a subprocess on a free port."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from shared.services import accounts
from tests.conftest import PASSWORD

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not path:
        pytest.fail(
            "Chromium is missing: install the Debian package 'chromium' (make test does as root)"
        )
    return {**browser_type_launch_args, "executable_path": path, "args": CHROMIUM_FLAGS}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveServer:
    url: str
    instance: Path
    env: dict[str, str]
    log_path: Path
    process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        log = open(self.log_path, "ab")  # noqa: SIM115 - closed with the process
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tertulia.cli", "serve"],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=1) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("server did not start:\n" + self.log())

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def restart(self) -> None:
        self.stop()
        self.start()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: Any) -> Any:
    """A failing browser test shows the end of its server's log beside the traceback:
    the server runs in another process, so its errors are otherwise out of sight."""
    report = yield
    if report.failed:
        servers = [v for v in getattr(item, "funcargs", {}).values() if isinstance(v, LiveServer)]
        for server in servers:
            tail = "\n".join(server.log().splitlines()[-60:])
            report.sections.append((f"server log ({server.url})", tail))
    return report


def make_live_server(tmp_path: Path, with_facilitator: bool = True) -> LiveServer:
    from tertulia.cli import _deps, prepare
    from tests.conftest import make_settings

    instance = tmp_path / "instance"
    port = free_port()
    db_url = f"sqlite:///{instance / 'tertulia.sqlite3'}"
    env = {
        **os.environ,
        "TERTULIA_INSTANCE_PATH": str(instance),
        "TERTULIA_DATABASE_URL": db_url,
        "TERTULIA_SERVER_ASYNC_MODE": "gevent",
        "HOST": "127.0.0.1",
        "PORT": str(port),
    }
    if with_facilitator:
        settings = make_settings(instance, db_url)
        prepare(settings)
        deps = _deps(settings)
        accounts.create_facilitator(
            deps,
            {
                "email": "ana@example.com",
                "name": "Ana Facilitadora",
                "password": PASSWORD,
                "locale": "es",
            },
        )
        deps.db.dispose()
    return LiveServer(f"http://127.0.0.1:{port}", instance, env, tmp_path / "server.log")


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    server = make_live_server(tmp_path)
    server.start()
    yield server
    server.stop()


def login(page: Any, server: LiveServer) -> None:
    page.goto(server.url + "/facilitator/login")
    page.fill("input[name=email]", "ana@example.com")
    page.fill("input[name=password]", PASSWORD)
    page.click("[data-testid=login]")
    page.wait_for_url("**/facilitator/")
