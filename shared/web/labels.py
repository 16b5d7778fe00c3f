"""Translated labels for the codes services use, and translated validation messages."""

from __future__ import annotations

from flask_babel import gettext

from shared.errors import ValidationFailed
from shared.i18n import N_
from shared.rules import ATTRIBUTION_LABELS, SENSITIVITY_LABELS

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


DETAIL_LABELS = {
    "context": N_("Context"),
    "action": N_("What we did"),
    "result": N_("Result"),
    "lesson": N_("Lesson learned"),
    "cost": N_("Cost or effort"),
}

CONDITION_LABELS = {
    "reciprocity": N_("Give to receive: a company sees a topic after contributing to it"),
    "phase_reveal": N_("Revealed when the facilitator opens the round's reveal"),
    "consent": N_("Other companies must ask; the author approves"),
    "aggregate_only": N_("Others see only counts per topic and kind"),
}
WITHHELD_LABELS = {
    "placeholder": N_("Withheld items show as a sealed placeholder"),
    "nothing": N_("Withheld items are not shown at all"),
}


def rule_labels() -> dict[str, object]:
    """Template context for rendering rules and charters."""
    return {
        "sensitivity_labels": {k.value: v for k, v in SENSITIVITY_LABELS.items()},
        "attribution_labels": {k.value: v for k, v in ATTRIBUTION_LABELS.items()},
        "condition_labels": CONDITION_LABELS,
        "withheld_labels": WITHHELD_LABELS,
    }


MATCH_LABELS = {
    "overlap": N_("Overlap (solape)"),
    "combination": N_("Combination (sumatorio)"),
    "shared_need": N_("Shared need"),
}
MATCH_STATUS_LABELS = {
    "suggested": N_("suggested"),
    "confirmed": N_("confirmed"),
    "dismissed": N_("dismissed"),
    "withdrawn": N_("taken back: it quotes an item its company withdrew; find overlaps again"),
}

# The review filter names each status as a list of results ("to review", not "suggested").
MATCH_FILTER_LABELS = {
    "suggested": N_("To review"),
    "confirmed": N_("Confirmed"),
    "dismissed": N_("Dismissed"),
    "withdrawn": N_("Taken back"),
}

PROFILE_LABELS = {
    "activities": N_("Activities and markets: what we do"),
    "seeks": N_("What we seek"),
    "offers": N_("What we offer or are willing to exchange"),
    "restricted": N_("Restricted areas"),
}
