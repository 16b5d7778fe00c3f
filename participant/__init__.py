"""The company participants' side: joining, the workshop room, their API and namespace."""

from __future__ import annotations

from flask import Flask
from flask_socketio import SocketIO
from flask_wtf.csrf import CSRFProtect

from participant.api import api
from participant.socket import ParticipantNamespace
from participant.views import views


def register(app: Flask, socketio: SocketIO) -> None:
    app.register_blueprint(views)
    app.register_blueprint(api)
    csrf: CSRFProtect = app.extensions["csrf"]
    csrf.exempt(api)  # API checks its own CSRF header (see shared.web.check_api_csrf)
    socketio.on_namespace(ParticipantNamespace("/participant"))
