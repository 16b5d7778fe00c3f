"""Result types of the matching engine and their JSON / text renderings.

The JSON rendering is the command-line contract of issue 5; the ``explanation`` (English)
and ``explanations`` (``{"en": ..., "es": ...}``) keys are additions, the other keys are
exactly the contract's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Overlap:
    """Companies whose activities or markets coincide (a pair, or a group in ``groups``)."""

    companies: tuple[str, ...]
    score: float
    restricted: bool
    evidence: list[str]
    explanation: str
    concepts: tuple[str, ...] = ()
    explanations: dict[str, str] = field(default_factory=dict, compare=False)

    def to_json_dict(self, language: str = "en") -> dict[str, Any]:
        return {
            "companies": list(self.companies),
            "score": self.score,
            "restricted": self.restricted,
            "evidence": list(self.evidence),
            "explanation": explanation_in(self, language),
            "explanations": dict(self.explanations),
        }


@dataclass(frozen=True)
class Combination:
    """A directed match: what ``provider`` offers or does answers what ``receiver`` seeks."""

    provider: str
    receiver: str
    score: float
    offer: str
    need: str
    evidence: list[str]
    explanation: str
    potential_client: bool = False
    explanations: dict[str, str] = field(default_factory=dict, compare=False)

    def to_json_dict(self, language: str = "en") -> dict[str, Any]:
        return {
            "provider": self.provider,
            "receiver": self.receiver,
            "score": self.score,
            "offer": self.offer,
            "need": self.need,
            "evidence": list(self.evidence),
            "explanation": explanation_in(self, language),
            "explanations": dict(self.explanations),
        }


@dataclass(frozen=True)
class SharedNeed:
    """Several companies seek the same thing (a candidate joint activity)."""

    companies: tuple[str, ...]
    need: str
    explanation: str
    score: float = 0.0
    items: tuple[str, ...] = ()
    explanations: dict[str, str] = field(default_factory=dict, compare=False)

    def to_json_dict(self, language: str = "en") -> dict[str, Any]:
        return {
            "companies": list(self.companies),
            "need": self.need,
            "explanation": explanation_in(self, language),
            "explanations": dict(self.explanations),
        }


def explanation_in(result: Overlap | Combination | SharedNeed, language: str) -> str:
    """The result's explanation in ``language``, English when there is none in it."""
    return result.explanations.get(language) or result.explanation


# The text listing's own words; explanations carry both languages already.
TEXT_HEADINGS = {
    "en": {
        "overlaps": "Overlaps",
        "groups": "Overlap groups",
        "combinations": "Combinations",
        "shared_needs": "Shared needs",
        "restricted": "RESTRICTED",
    },
    "es": {
        "overlaps": "Solapes",
        "groups": "Grupos de solapes",
        "combinations": "Sumatorios",
        "shared_needs": "Necesidades compartidas",
        "restricted": "RESTRINGIDO",
    },
}


@dataclass
class MatchResult:
    """Everything the engine stands behind for one set of profiles, best first."""

    overlaps: list[Overlap] = field(default_factory=list)
    combinations: list[Combination] = field(default_factory=list)
    shared_needs: list[SharedNeed] = field(default_factory=list)
    groups: list[Overlap] = field(default_factory=list)

    def to_json_dict(self, language: str = "en") -> dict[str, Any]:
        """The command-line contract: overlaps, combinations, shared_needs (+ overlap_groups).
        ``explanation`` is in ``language``; ``explanations`` holds both."""
        return {
            "overlaps": [o.to_json_dict(language) for o in self.overlaps],
            "combinations": [c.to_json_dict(language) for c in self.combinations],
            "shared_needs": [s.to_json_dict(language) for s in self.shared_needs],
            "overlap_groups": [g.to_json_dict(language) for g in self.groups],
        }

    def to_text(self, language: str = "en") -> str:
        """A plain listing for people (terminal, e-mail), headings and explanations in
        ``language``."""
        words = TEXT_HEADINGS.get(language, TEXT_HEADINGS["en"])
        restricted = f"  [{words['restricted']}]"
        lines: list[str] = []
        lines.append(f"{words['overlaps']} ({len(self.overlaps)})")
        for o in self.overlaps:
            flag = restricted if o.restricted else ""
            lines.append(f"  {o.score:.2f}  {' + '.join(o.companies)}{flag}")
            lines.append(f"        {explanation_in(o, language)}")
        if self.groups:
            lines.append(f"{words['groups']} ({len(self.groups)})")
            for g in self.groups:
                flag = restricted if g.restricted else ""
                lines.append(f"  {g.score:.2f}  {' + '.join(g.companies)}{flag}")
                lines.append(f"        {explanation_in(g, language)}")
        lines.append(f"{words['combinations']} ({len(self.combinations)})")
        for c in self.combinations:
            lines.append(f"  {c.score:.2f}  {c.provider} -> {c.receiver}")
            lines.append(f"        {explanation_in(c, language)}")
        lines.append(f"{words['shared_needs']} ({len(self.shared_needs)})")
        for s in self.shared_needs:
            lines.append(f"  {' + '.join(s.companies)}: {s.need}")
            lines.append(f"        {explanation_in(s, language)}")
        return "\n".join(lines) + "\n"
