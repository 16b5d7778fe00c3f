"""Flask glue used by both sides (the only part of shared/ that imports Flask).

Small helpers for handlers: reach the services' dependencies, read a JSON body, check the
CSRF header of session-authenticated API calls, and turn service errors into socket acks.
"""

from __future__ import annotations

from typing import Any, cast

from flask import current_app, request
from flask_babel import get_locale, gettext
from flask_wtf.csrf import validate_csrf
from wtforms.validators import ValidationError

from shared.errors import ServiceError, ValidationFailed
from shared.services.deps import Deps
from shared.web.labels import translated_errors


def deps() -> Deps:
    return cast(Deps, current_app.extensions["tertulia"])


def screen_language() -> str:
    """The language this request is answered in (the person's switch, Accept-Language...),
    for text the services hold in both languages, such as match explanations."""
    return str(get_locale() or "es")


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        return header[len("Bearer ") :].strip() or None
    return None


def json_body() -> dict[str, Any]:
    """The request's JSON object; anything else is a 400 naming the problem."""
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise ServiceError(gettext("Send a JSON object in the request body."))
    return data


def check_api_csrf() -> None:
    """Browser calls ride on the session cookie, so they must prove same-origin intent.
    Token-authenticated scripts carry no cookie and need no CSRF token."""
    if request.method in ("GET", "HEAD", "OPTIONS") or bearer_token():
        return
    if not current_app.config.get("WTF_CSRF_ENABLED", True):
        return
    try:
        validate_csrf(request.headers.get("X-CSRFToken"))
    except ValidationError:
        raise ServiceError(gettext("Missing or expired CSRF token: reload the page.")) from None


def error_ack(exc: ServiceError) -> dict[str, Any]:
    """The acknowledgement a socket client receives when a service refuses."""
    error: dict[str, Any] = {"code": exc.code, "message": gettext(exc.message, **exc.params)}
    if isinstance(exc, ValidationFailed):
        error["fields"] = translated_errors(exc)
    return {"ok": False, "error": error}
