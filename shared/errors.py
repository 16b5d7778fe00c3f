"""Errors services raise; each side turns them into a page, a JSON answer or an ack.

Messages are msgids (see shared.i18n): the edge translates them into the user's language.
"""

from __future__ import annotations

from collections.abc import Mapping


class ServiceError(Exception):
    """Base class; `code` is stable and documented in the API and protocol."""

    code = "error"
    http_status = 400

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


class ValidationFailed(ServiceError):
    """Input is wrong; `fields` maps each bad field to what to fix. Nothing was changed."""

    code = "invalid"
    http_status = 422

    def __init__(
        self,
        fields: Mapping[str, str],
        params: Mapping[str, Mapping[str, object]] | None = None,
    ) -> None:
        super().__init__("Please correct the highlighted fields.")
        self.fields = dict(fields)
        self.field_params = {k: dict(v) for k, v in (params or {}).items()}


class NotFound(ServiceError):
    """Missing, or not visible to this actor: both answer the same so ids reveal nothing."""

    code = "not_found"
    http_status = 404


class Unauthorized(ServiceError):
    """No valid session or token was presented."""

    code = "unauthorized"
    http_status = 401


class Forbidden(ServiceError):
    code = "forbidden"
    http_status = 403


class Conflict(ServiceError):
    code = "conflict"
    http_status = 409
