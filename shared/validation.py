"""Small field validators shared by forms, the API and socket events.

Each returns the cleaned value or records a msgid for the field; `Checker.done()` raises
ValidationFailed with every problem at once, so users fix everything in one go.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from shared.errors import ValidationFailed
from shared.i18n import N_

LANGUAGES = ("es", "en")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Checker:
    def __init__(self, data: Mapping[str, Any] | None) -> None:
        self.data: Mapping[str, Any] = data if isinstance(data, Mapping) else {}
        self.errors: dict[str, str] = {}
        self.params: dict[str, dict[str, object]] = {}

    def text(self, field: str, *, max_len: int, required: bool = True) -> str:
        raw = self.data.get(field)
        if raw is None:
            raw = ""
        if not isinstance(raw, str):
            self.errors[field] = N_("Must be text.")
            return ""
        value = raw.strip()
        if not value:
            if required:
                self.errors[field] = N_("This field is required.")
            return ""
        if len(value) > max_len:
            self.errors[field] = N_("Too long: at most %(max_len)s characters.")
            self.params[field] = {"max_len": max_len}
        return value

    def choice(self, field: str, options: tuple[str, ...], default: str | None = None) -> str:
        raw = self.data.get(field)
        if (raw is None or raw == "") and default is not None:
            return default
        if raw not in options:
            self.errors[field] = N_("Choose one of the offered options.")
            return options[0]
        return str(raw)

    def iso_date(self, field: str) -> str:
        raw = self.text(field, max_len=10)
        if raw and field not in self.errors:
            try:
                date.fromisoformat(raw)
            except ValueError:
                self.errors[field] = N_("Use a date like 2026-12-31.")
        return raw

    def email(self, field: str, required: bool = True) -> str:
        value = self.text(field, max_len=254, required=required).lower()
        if value and field not in self.errors and not _EMAIL.match(value):
            self.errors[field] = N_("Enter a valid email address.")
        return value

    def integer(self, field: str, *, minimum: int, maximum: int, default: int | None = None) -> int:
        raw = self.data.get(field, default)
        if raw in (None, "") and default is not None:
            return default
        try:
            value = int(raw)  # type: ignore[arg-type]
            if isinstance(raw, bool) or str(value) != str(raw).strip():
                raise ValueError
        except (TypeError, ValueError):
            self.errors[field] = N_("Enter a whole number.")
            return minimum
        if not minimum <= value <= maximum:
            self.errors[field] = N_("Enter a number from %(minimum)s to %(maximum)s.")
            self.params[field] = {"minimum": minimum, "maximum": maximum}
        return value

    def done(self) -> None:
        if self.errors:
            raise ValidationFailed(self.errors, self.params)
