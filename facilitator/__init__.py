"""The facilitator's side: console pages, the facilitator API and socket namespace.

Handlers are thin: parse input, call one service in shared/, render or emit.
"""

from __future__ import annotations

from flask import Flask
from flask_socketio import SocketIO
from flask_wtf.csrf import CSRFProtect

from facilitator.api import api
from facilitator.socket import FacilitatorNamespace
from facilitator.views import views


def register(app: Flask, socketio: SocketIO) -> None:
    app.register_blueprint(views)
    app.register_blueprint(api)
    csrf: CSRFProtect = app.extensions["csrf"]
    csrf.exempt(api)  # API checks its own CSRF header (see shared.web.check_api_csrf)
    socketio.on_namespace(FacilitatorNamespace("/facilitator"))
