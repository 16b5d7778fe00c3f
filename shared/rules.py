"""The rule vocabulary companies agree on, and what "stricter" means.

Pure data: the charter holds a workshop's default Rules; each contribution holds its own
Rules, never looser than the charter's. The canonical JSON of a contribution's Rules is
bound into its ciphertext's associated data (shared.sealing), so rules edited in the
database make the contribution fail to open instead of being obeyed.

Sensitivity uses the Traffic Light Protocol 2.0 words, made precise for a workshop:
RED         only the people present in the live session, on screen; never in a download,
            export or API answer; crypto-shredded when the workshop closes.
AMBER+STRICT only the companies the author names (default: none besides the facilitator).
AMBER       the workshop's companies; in their downloads, never in anything shareable.
GREEN       the workshop's community; may go into the shareable summary.
CLEAR       no restriction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from shared.i18n import N_


class Sensitivity(StrEnum):
    CLEAR = "clear"
    GREEN = "green"
    AMBER = "amber"
    AMBER_STRICT = "amber+strict"
    RED = "red"


class Attribution(StrEnum):
    NAMED = "named"
    PSEUDONYMOUS = "pseudonymous"  # a stable alias per company per workshop
    CHATHAM = "chatham"  # content visible, author and company never revealed


class WithheldView(StrEnum):
    PLACEHOLDER = "placeholder"  # "a sealed contribution on this topic"
    NOTHING = "nothing"


# Increasing strictness; an index comparison decides "at least as strict".
SENSITIVITY_ORDER = list(Sensitivity)
ATTRIBUTION_ORDER = list(Attribution)
WITHHELD_ORDER = list(WithheldView)

SENSITIVITY_LABELS = {
    Sensitivity.RED: N_("RED: only those present, on screen; never downloaded"),
    Sensitivity.AMBER_STRICT: N_("AMBER+STRICT: only the companies the author names"),
    Sensitivity.AMBER: N_("AMBER: the workshop's companies; never shareable"),
    Sensitivity.GREEN: N_("GREEN: the workshop's community; may go in the shareable summary"),
    Sensitivity.CLEAR: N_("CLEAR: no restriction"),
}
ATTRIBUTION_LABELS = {
    Attribution.NAMED: N_("Named: company and person shown"),
    Attribution.PSEUDONYMOUS: N_("Pseudonymous: a stable alias such as Company C"),
    Attribution.CHATHAM: N_("Chatham House: content shown, author and company never"),
}


@dataclass(frozen=True)
class Rules:
    sensitivity: Sensitivity = Sensitivity.AMBER
    attribution: Attribution = Attribution.NAMED
    reciprocity: bool = False  # give to receive: see a topic after contributing to it
    quorum: int = 0  # nothing on a topic is shown before this many companies contributed
    phase_reveal: bool = False  # shown when the facilitator reveals the round
    consent: bool = False  # each other company must ask; the owners approve
    aggregate_only: bool = False  # others see only counts per topic and kind
    recipients: frozenset[int] = field(default_factory=frozenset)  # AMBER+STRICT companies
    excluded: frozenset[int] = field(default_factory=frozenset)  # never these companies
    withheld_view: WithheldView = WithheldView.PLACEHOLDER
    owners: frozenset[int] = field(default_factory=frozenset)  # co-owner companies (consent)
    consent_k: int = 1  # approvals needed among the owners (author company included)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sensitivity": self.sensitivity.value,
            "attribution": self.attribution.value,
            "reciprocity": self.reciprocity,
            "quorum": self.quorum,
            "phase_reveal": self.phase_reveal,
            "consent": self.consent,
            "aggregate_only": self.aggregate_only,
            "recipients": sorted(self.recipients),
            "excluded": sorted(self.excluded),
            "withheld_view": self.withheld_view.value,
            "owners": sorted(self.owners),
            "consent_k": self.consent_k,
        }

    def canonical(self) -> str:
        """The exact text bound into the ciphertext: sorted keys, sorted sets."""
        return json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Rules:
        """Parse stored or submitted rules; raises ValueError naming the bad key."""
        try:
            quorum = int(data.get("quorum", 0))
            if quorum < 0 or quorum > 100:
                raise ValueError("quorum")
            return cls(
                sensitivity=Sensitivity(data.get("sensitivity", Sensitivity.AMBER)),
                attribution=Attribution(data.get("attribution", Attribution.NAMED)),
                reciprocity=bool(data.get("reciprocity", False)),
                quorum=quorum,
                phase_reveal=bool(data.get("phase_reveal", False)),
                consent=bool(data.get("consent", False)),
                aggregate_only=bool(data.get("aggregate_only", False)),
                recipients=frozenset(int(x) for x in data.get("recipients", ())),
                excluded=frozenset(int(x) for x in data.get("excluded", ())),
                withheld_view=WithheldView(data.get("withheld_view", WithheldView.PLACEHOLDER)),
                owners=frozenset(int(x) for x in data.get("owners", ())),
                consent_k=max(1, int(data.get("consent_k", 1))),
            )
        except (TypeError, ValueError) as exc:
            raise ValueError(f"invalid rules: {exc}") from None

    @classmethod
    def from_json(cls, text: str) -> Rules:
        return cls.from_dict(json.loads(text))

    @property
    def restricts_companies(self) -> bool:
        """Some company of the workshop may be kept from this item by these rules."""
        return (
            self.sensitivity in (Sensitivity.RED, Sensitivity.AMBER_STRICT)
            or self.reciprocity
            or self.quorum > 0
            or self.phase_reveal
            or self.consent
            or self.aggregate_only
            or bool(self.excluded)
        )


def _at_least(order: list[Any], new: Any, base: Any) -> bool:
    return order.index(new) >= order.index(base)


def at_least_as_strict(new: Rules, base: Rules) -> bool:
    """True when `new` withholds everything `base` withholds (and maybe more)."""
    if not _at_least(SENSITIVITY_ORDER, new.sensitivity, base.sensitivity):
        return False
    if (
        new.sensitivity is Sensitivity.AMBER_STRICT
        and base.sensitivity is Sensitivity.AMBER_STRICT
        and not new.recipients <= base.recipients
    ):
        return False
    return (
        _at_least(ATTRIBUTION_ORDER, new.attribution, base.attribution)
        and _at_least(WITHHELD_ORDER, new.withheld_view, base.withheld_view)
        and (new.reciprocity or not base.reciprocity)
        and (new.phase_reveal or not base.phase_reveal)
        and (new.consent or not base.consent)
        and (new.aggregate_only or not base.aggregate_only)
        and new.quorum >= base.quorum
        and new.excluded >= base.excluded
        and (not new.consent or not base.consent or new.consent_k >= base.consent_k)
    )


def with_changes(rules: Rules, **changes: Any) -> Rules:
    return replace(rules, **changes)
