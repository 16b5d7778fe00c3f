"""The production server: gunicorn with one worker (Socket.IO keeps per-process state).

gevent: one worker, many greenlets, WebSocket via gevent-websocket (measured to hold
1,000 sockets where threading collapsed; see README). threading: gthread, for debugging.
"""

from __future__ import annotations

import logging
from typing import Any

from gunicorn.app.base import BaseApplication

from tertulia.config import Settings


class _Gunicorn(BaseApplication):  # type: ignore[misc]
    def __init__(self, settings: Settings, options: dict[str, Any]) -> None:
        self.settings = settings
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)
        # gunicorn >= 25.1 opens a control socket in $HOME, one path shared by every instance
        # on the machine (and every test server); we do not use it.
        if "control_socket_disable" in self.cfg.settings:
            self.cfg.set("control_socket_disable", True)

    def load(self) -> Any:
        from tertulia.app import create_app, start_background_jobs

        app = create_app(self.settings)
        start_background_jobs(app)
        return app


def run(settings: Settings) -> None:
    # Request lines carry invitation and setup tokens in their paths: never log them.
    logging.getLogger("geventwebsocket.handler").setLevel(logging.WARNING)
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    options: dict[str, Any] = {
        "bind": f"{host}:{settings.port}",
        "workers": 1,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "info",
        "graceful_timeout": 5,
        "timeout": 60,
    }
    if settings.async_mode == "gevent":
        options["worker_class"] = "geventwebsocket.gunicorn.workers.GeventWebSocketWorker"
    else:
        options["worker_class"] = "gthread"
        options["threads"] = 200
    _Gunicorn(settings, options).run()
