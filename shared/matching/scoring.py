"""What every part of the matching engine shares: its settings, each company's items
analysed once, blocking (which items are compared at all) and the arithmetic of scores.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .features import Item, Link, analyse, coverage
from .lexicon import Lexicon
from .profiles import CompanyProfile


@dataclass(frozen=True)
class Settings:
    """Thresholds and weights. Defaults chosen on the development set (docs/MATCHING.md)."""

    overlap_threshold: float = 0.66
    combination_threshold: float = 0.52
    shared_need_threshold: float = 0.6
    restricted_overlap_threshold: float = 0.5  # lower bar when a restricted area is touched
    restricted_core_threshold: float = 0.0  # ... on the head of the other's activity
    restricted_strength: float = 0.9  # a restricted concept must match it or a direct child
    restricted_min_weight: float = 0.9  # ... and be specific (not a country, not a domain)
    restricted_words: bool = True  # ... or be the same unknown head word in both items
    need_side: float = 0.6  # weight of "how much of the need is answered"
    activity_factor: float = 0.95  # an activity answers a need slightly less than an offer
    seek_factor: float = 0.9  # a provider's own need answers a client-seeking need
    second_bonus: float = 0.15  # extra evidence raises a pair's score a little
    part_factor: float = 0.9  # one alternative of a seek ("hotels and spas") answered
    geography_mismatch: float = 0.5  # need and answer name different places
    profile_factor: float = 0.85  # a client-seeking need matched by a whole profile
    shared_head_score: float = 0.7  # two activities whose head is the same unknown word
    shared_head_concepts: bool = True  # ... or the same specific concept
    head_answer_score: float = 0.6  # a need's head answered by the head of an offer/activity
    employer_score: float = 0.6  # "employers for trainees" answered by a company hiring
    head_mismatch: float = 0.7  # a service head against an unrelated non-service head
    # A trade's own term (an unknown word or a specific concept) that only the two parties
    # of the workshop name, shared by a need and an offer or activity ("pasarela de pago",
    # "xenograft", "devoluciones por talla"): see ``_rare_features``.
    rare_term_score: float = 0.55
    rare_term_companies: int = 2
    # An overlap is among the closest peers of both companies: a pair is dropped when
    # either has at least this many stronger overlaps (in a one-sector workshop everyone
    # shares the sector's words with everyone). Restricted touches are always kept.
    overlap_peers: int = 3


DEFAULT_SETTINGS = Settings()


@dataclass
class AnalysedCompany:
    profile: CompanyProfile
    activities: list[Item]
    seeks: list[Item]
    offers: list[Item]
    restricted: list[Item]
    own: frozenset[str]  # features of its own activities (and their non-domain parents)


def analyse_company(profile: CompanyProfile, lexicon: Lexicon) -> AnalysedCompany:
    def items(texts: Iterable[str], kind: str) -> list[Item]:
        return [analyse(t, profile.name, kind, profile.language, lexicon) for t in texts]

    activities = items(profile.activities, "activity")
    own: set[str] = set()
    for item in activities:
        # What the company does: the heads of its activities, not their context
        # ("heat pumps *for hotels*" does not make a company a hotel).
        own.update(item.heads)
        for feature in item.heads:
            if feature.startswith("c:"):
                own.update(
                    "c:" + parent
                    for parent in lexicon.concepts[feature[2:]].parents
                    if not lexicon.concepts[parent].domain
                )
    return AnalysedCompany(
        profile=profile,
        activities=activities,
        seeks=items(profile.seeks, "seek"),
        offers=items(profile.offers, "offer"),
        restricted=items(profile.restricted, "restricted"),
        own=frozenset(own),
    )


class Index:
    """Blocking: only items that may be related are compared. A concept is related to
    itself, its parents and grandparents, its children and grandchildren and its siblings
    (:func:`lexicon._relatedness`); an unknown word to its word family. So an item meets
    the items that share a feature or word family with it, that have one of its concepts
    as an ancestor or one of its ancestors as a concept, or that share a parent with it.
    Cousins, which only share a grandparent and are unrelated, are not compared."""

    def __init__(self, items: Iterable[Item]) -> None:
        self._by_key: dict[str, list[Item]] = defaultdict(list)
        self._by_ancestor: dict[str, list[Item]] = defaultdict(list)
        self._by_parent: dict[str, list[Item]] = defaultdict(list)
        for item in items:
            for key in item.keys:
                self._by_key[key].append(item)
            for key in item.ancestors:
                self._by_ancestor[key].append(item)
            for key in item.parents:
                self._by_parent[key].append(item)

    def candidates(self, item: Item) -> list[Item]:
        seen: dict[int, Item] = {}
        for table, keys in (
            (self._by_key, item.keys | item.ancestors),
            (self._by_ancestor, item.keys),
            (self._by_parent, item.parents),
        ):
            for key in sorted(keys):
                for other in table.get(key, ()):
                    seen.setdefault(id(other), other)
        return list(seen.values())


def round_score(value: float) -> float:
    return round(min(1.0, max(0.0, value)), 2)


def mean_coverage(
    a: dict[str, float], b: dict[str, float], lexicon: Lexicon, links_wanted: bool = True
) -> tuple[float, list[Link]]:
    ab, links = coverage(a, b, lexicon, links_wanted=links_wanted)
    if ab == 0.0:
        return 0.0, links  # relatedness is symmetric: nothing of b finds a either
    ba, _ = coverage(b, a, lexicon, links_wanted=False)
    return (ab + ba) / 2.0, links


def directed_score(
    need: dict[str, float],
    answer: dict[str, float],
    lexicon: Lexicon,
    need_side: float,
    floor: float = 0.0,
) -> tuple[float, list[Link]]:
    """Need-side coverage weighed ``need_side``, answer-side the rest. Below ``floor`` even
    with a full answer side, the answer side is not computed (the score is then a lower
    bound that is itself below ``floor``)."""
    forward, links = coverage(need, answer, lexicon, need=True)
    if forward == 0.0:
        return 0.0, links  # need-side relatedness includes the symmetric one
    if need_side * forward + (1.0 - need_side) < floor:
        return need_side * forward, links
    backward, _ = coverage(answer, need, lexicon, links_wanted=False)
    return need_side * forward + (1.0 - need_side) * backward, links


def combine_scores(scores: Sequence[float], bonus: float) -> float:
    ordered = sorted(scores, reverse=True)
    if not ordered:
        return 0.0
    extra = ordered[1] * bonus if len(ordered) > 1 else 0.0
    return min(1.0, ordered[0] + extra)


def trade_concept(cid: str, lexicon: Lexicon) -> bool:
    """A concept that says what a trade deals in: specific (weight >= 0.9), not a broad
    domain, a place or market, or a service."""
    concept = lexicon.concepts[cid]
    return (
        concept.weight >= 0.9
        and not concept.domain
        and cid not in lexicon.market
        and cid not in lexicon.services
    )


def descendants_of(lexicon: Lexicon, root: str) -> frozenset[str]:
    found = {root}
    changed = True
    while changed:
        changed = False
        for cid, concept in lexicon.concepts.items():
            if cid not in found and any(p in found for p in concept.parents):
                found.add(cid)
                changed = True
    return frozenset("c:" + c for c in found)
