"""Scoring a matcher against labelled workshops (precision, recall, F1).

A labelled workshop is an import file with an extra ``expected`` key::

    {"companies": [...],
     "expected": {"overlaps": [{"companies": ["A", "B"], "restricted": false}],
                  "combinations": [{"provider": "A", "receiver": "B"}],
                  "shared_needs": [{"companies": ["A", "B", "C"]}]}}

Overlaps and shared needs are compared as unordered company pairs (a group of three counts
as its three pairs); combinations as ordered (provider, receiver) pairs.
"""

from __future__ import annotations

import functools
import json
import pathlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations as pairs_of
from typing import Any

from .engine import match
from .features import analyse
from .lexicon import DEFAULT_SOURCE, Lexicon, default_lexicon, parse_lexicon
from .profiles import CompanyProfile, parse_profiles
from .results import MatchResult

Matcher = Callable[[list[CompanyProfile]], MatchResult]


@dataclass
class Labelled:
    name: str
    profiles: list[CompanyProfile]
    overlaps: dict[frozenset[str], bool]
    combinations: set[tuple[str, str]]
    shared_needs: set[frozenset[str]]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, predicted: Iterable[Any], gold: Iterable[Any], label: str = "") -> None:
        predicted_set, gold_set = set(predicted), set(gold)
        self.tp += len(predicted_set & gold_set)
        self.fp += len(predicted_set - gold_set)
        self.fn += len(gold_set - predicted_set)
        for item in sorted(map(_show, predicted_set - gold_set)):
            self.errors.append(f"{label} FP {item}")
        for item in sorted(map(_show, gold_set - predicted_set)):
            self.errors.append(f"{label} FN {item}")

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _show(item: Any) -> str:
    if isinstance(item, frozenset):
        return " + ".join(sorted(item))
    if isinstance(item, tuple):
        return " -> ".join(item)
    return str(item)


def _pairs(companies: Sequence[str]) -> set[frozenset[str]]:
    return {frozenset(p) for p in pairs_of(sorted(set(companies)), 2)}


def load_labelled(path: str | pathlib.Path) -> Labelled:
    file = pathlib.Path(path)
    data = json.loads(file.read_text(encoding="utf-8"))
    return _labelled(file.stem, parse_profiles(data), data.get("expected", {}), file.name)


def relabelled(workshop: Labelled, path: str | pathlib.Path) -> Labelled:
    """``workshop`` with the labels of another annotator (a file holding only
    ``{"expected": ...}`` for the same companies)."""
    file = pathlib.Path(path)
    expected = json.loads(file.read_text(encoding="utf-8")).get("expected", {})
    return _labelled(workshop.name, workshop.profiles, expected, file.name)


def _labelled(
    name: str, profiles: list[CompanyProfile], expected: dict[str, Any], file_name: str
) -> Labelled:
    overlaps: dict[frozenset[str], bool] = {}
    for entry in expected.get("overlaps", []):
        for pair in _pairs(entry["companies"]):
            overlaps[pair] = overlaps.get(pair, False) or bool(entry.get("restricted", False))
    combos = {(e["provider"], e["receiver"]) for e in expected.get("combinations", [])}
    shared: set[frozenset[str]] = set()
    for entry in expected.get("shared_needs", []):
        shared |= _pairs(entry["companies"])
    names = {p.name for p in profiles}
    for pair in list(overlaps) + list(shared):
        unknown = set(pair) - names
        if unknown:
            raise ValueError(f"{file_name}: unknown company in labels: {sorted(unknown)}")
    for combo in combos:
        if set(combo) - names:
            raise ValueError(f"{file_name}: unknown company in labels: {combo}")
    return Labelled(name, profiles, overlaps, combos, shared)


def agreement(first: Sequence[Labelled], second: Sequence[Labelled]) -> Report:
    """How far a second annotator's labels agree with the first's (the first as gold):
    the ceiling a matcher can be expected to reach against either."""
    report = Report()
    for a, b in zip(first, second, strict=True):
        report.overlaps.add(b.overlaps, a.overlaps, a.name)
        report.combinations.add(b.combinations, a.combinations, a.name)
        report.shared_needs.add(b.shared_needs, a.shared_needs, a.name)
        for pair in set(a.overlaps) & set(b.overlaps):
            report.restricted_total += 1
            report.restricted_right += a.overlaps[pair] == b.overlaps[pair]
    return report


def load_folder(folder: str | pathlib.Path) -> list[Labelled]:
    return [load_labelled(p) for p in sorted(pathlib.Path(folder).glob("*.json"))]


@dataclass
class Report:
    overlaps: Counts = field(default_factory=Counts)
    combinations: Counts = field(default_factory=Counts)
    shared_needs: Counts = field(default_factory=Counts)
    restricted_right: int = 0
    restricted_total: int = 0

    @property
    def restricted_accuracy(self) -> float:
        return self.restricted_right / self.restricted_total if self.restricted_total else 1.0


def predicted_sets(
    result: MatchResult,
) -> tuple[dict[frozenset[str], bool], set[tuple[str, str]], set[frozenset[str]]]:
    overlaps: dict[frozenset[str], bool] = {}
    for overlap in result.overlaps:
        for pair in _pairs(overlap.companies):
            overlaps[pair] = overlaps.get(pair, False) or overlap.restricted
    for group in result.groups:  # a group adds its pairs; their flags come from the pairs
        for pair in _pairs(group.companies):
            overlaps.setdefault(pair, group.restricted)
    combos = {(c.provider, c.receiver) for c in result.combinations}
    shared: set[frozenset[str]] = set()
    for need in result.shared_needs:
        shared |= _pairs(need.companies)
    return overlaps, combos, shared


def evaluate(matcher: Matcher, workshops: Sequence[Labelled]) -> Report:
    report = Report()
    for workshop in workshops:
        result = matcher(list(workshop.profiles))
        overlaps, combos, shared = predicted_sets(result)
        report.overlaps.add(overlaps, workshop.overlaps, workshop.name)
        report.combinations.add(combos, workshop.combinations, workshop.name)
        report.shared_needs.add(shared, workshop.shared_needs, workshop.name)
        for pair in set(overlaps) & set(workshop.overlaps):
            report.restricted_total += 1
            report.restricted_right += overlaps[pair] == workshop.overlaps[pair]
    return report


# Vocabulary ablation: a proxy for workshops of sectors the lexicon was not written for.


def _concepts_used(workshop: Labelled, lexicon: Lexicon) -> set[str]:
    used: set[str] = set()
    for p in workshop.profiles:
        for kind, texts in (
            ("activity", p.activities),
            ("seek", p.seeks),
            ("offer", p.offers),
            ("restricted", p.restricted),
        ):
            for text in texts:
                item = analyse(text, p.name, kind, p.language, lexicon)
                used |= {
                    f[2:]
                    for f in item.features
                    if f.startswith("c:") and not lexicon.concepts[f[2:]].domain
                }
    return used


def _without_terms(source: str, concepts: set[str]) -> str:
    """The lexicon table with the terms of ``concepts`` emptied (ids and parents kept)."""
    lines = []
    for line in source.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            parts = [part.strip() for part in stripped.split("|")]
            if parts[0].lstrip("+@").split("*")[0] in concepts:
                line = " | ".join(parts[:2] + ["", ""])
        lines.append(line)
    return "\n".join(lines)


def ablated_matchers(tuning: Sequence[Labelled]) -> dict[str, Matcher]:
    """Per tuning workshop, the engine with that workshop's own vocabulary removed."""
    lexicon = default_lexicon()
    used = {w.name: _concepts_used(w, lexicon) for w in tuning}
    matchers: dict[str, Matcher] = {}
    for workshop in tuning:
        others = set().union(*(used[w.name] for w in tuning if w.name != workshop.name))
        own = parse_lexicon(_without_terms(DEFAULT_SOURCE, used[workshop.name] - others))
        matchers[workshop.name] = functools.partial(match, lexicon=own)
    return matchers


def evaluate_ablated(
    tuning: Sequence[Labelled], matchers: dict[str, Matcher] | None = None
) -> Report:
    """Every workshop matched without the concepts that only it uses (its sector's words
    emptied from the lexicon, the concepts kept so the hierarchy stays valid), as if it
    came from a sector the lexicon was not written for; counts pooled. A proxy for unseen
    workshops that never looks at a frozen set."""
    matchers = matchers if matchers is not None else ablated_matchers(tuning)
    total = Report()
    for workshop in tuning:
        report = evaluate(matchers[workshop.name], [workshop])
        for attr in ("overlaps", "combinations", "shared_needs"):
            into, add = getattr(total, attr), getattr(report, attr)
            into.tp, into.fp, into.fn = into.tp + add.tp, into.fp + add.fp, into.fn + add.fn
            into.errors.extend(add.errors)
        total.restricted_right += report.restricted_right
        total.restricted_total += report.restricted_total
    return total
