"""Who the facilitator is: the session cookie in pages, a bearer token for scripts."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import redirect, request, session, url_for

from shared.disclosure import Viewer
from shared.services import accounts
from shared.web import bearer_token, deps

F = TypeVar("F", bound=Callable[..., Any])


def session_facilitator() -> Viewer | None:
    facilitator_id = session.get("facilitator_id")
    if not isinstance(facilitator_id, int):
        return None
    if accounts.get_facilitator(deps(), facilitator_id) is None:
        session.pop("facilitator_id", None)
        return None
    return Viewer(facilitator_id=facilitator_id)


def request_facilitator() -> Viewer | None:
    """Bearer API token first (scripts), else the session (the console's own calls)."""
    token = bearer_token()
    if token:
        person = accounts.facilitator_for_api_token(deps(), token)
        return Viewer(facilitator_id=person.id) if person else None
    return session_facilitator()


def login_required(view: F) -> F:
    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        actor = session_facilitator()
        if actor is None:
            return redirect(url_for("facilitator.login", next=request.path))
        return view(actor, *args, **kwargs)

    return wrapper  # type: ignore[return-value]
