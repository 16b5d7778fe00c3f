"""Translated labels for the codes services use, and translated validation messages."""

from __future__ import annotations

from flask_babel import gettext

from shared.errors import ValidationFailed
from shared.i18n import N_

KIND_LABELS = {
    "good_practice": N_("Good practice"),
    "bad_practice": N_("Bad practice or failure"),
    "barrier": N_("Barrier and how it was overcome"),
    "result": N_("Result over time"),
    "idea": N_("Idea"),
}


def kind_label(kind: str) -> str:
    return gettext(KIND_LABELS.get(kind, KIND_LABELS["idea"]))


def translated_errors(exc: ValidationFailed) -> dict[str, str]:
    return {
        field: gettext(msgid, **exc.field_params.get(field, {}))
        for field, msgid in exc.fields.items()
    }
