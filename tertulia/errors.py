"""Turning errors into answers: JSON for the API, a page otherwise; never a traceback."""

from __future__ import annotations

import logging
import traceback
from typing import Any

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from shared.crypto import CryptoError
from shared.errors import ServiceError
from shared.web import error_ack

log = logging.getLogger("tertulia")


def error_body(exc: ServiceError) -> dict[str, Any]:
    return {"error": error_ack(exc)["error"]}


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def init_app(app: Flask) -> None:
    @app.errorhandler(ServiceError)
    def _service_error(exc: ServiceError) -> Any:
        if _wants_json():
            return jsonify(error_body(exc)), exc.http_status
        return (
            render_template("error.html", message=gettext(exc.message, **exc.params)),
            exc.http_status,
        )

    @app.errorhandler(CSRFError)
    def _csrf(_exc: CSRFError) -> Any:
        message = gettext("Your form expired. Reload the page and try again.")
        if _wants_json():
            return jsonify({"error": {"code": "csrf", "message": message}}), 400
        return render_template("error.html", message=message), 400

    @app.errorhandler(CryptoError)
    def _crypto(exc: CryptoError) -> Any:
        # Integrity failures are logged by kind only: never content, never keys.
        log.error("integrity failure while reading sealed data: %s", type(exc).__name__)
        message = gettext("Stored data failed its integrity check; the facilitator was told.")
        if _wants_json():
            return jsonify({"error": {"code": "integrity", "message": message}}), 500
        return render_template("error.html", message=message), 500

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException) -> Any:
        messages = {
            404: gettext("Not found."),
            405: gettext("This action is not allowed here."),
            413: gettext("What you sent is too large."),
        }
        message = messages.get(exc.code or 500, gettext("The request could not be handled."))
        if _wants_json():
            return jsonify({"error": {"code": f"http_{exc.code}", "message": message}}), exc.code
        return render_template("error.html", message=message), exc.code

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Any:
        # Log the type and where, not the exception text: it may quote user content.
        log.error(
            "unexpected %s at %s %s\n%s",
            type(exc).__name__,
            request.method,
            request.path,
            "".join(traceback.format_tb(exc.__traceback__)),
        )
        message = gettext("Something went wrong on our side. Nothing you saved was lost.")
        if _wants_json():
            return jsonify({"error": {"code": "internal", "message": message}}), 500
        return render_template("error.html", message=message), 500
