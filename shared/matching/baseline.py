"""A plain TF-IDF cosine matcher: the baseline the engine is measured against.

Lower-cased word tokens (no accent folding, no stop words, no stemming, no lexicon), smooth
IDF over all items of the workshop, L2-normalised vectors, and the best item-to-item cosine
per company pair. Thresholds are parameters so the benchmark can give the baseline its best
threshold on the development set.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .profiles import CompanyProfile
from .results import Combination, MatchResult, Overlap, SharedNeed

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class BaselineSettings:
    overlap_threshold: float = 0.3
    combination_threshold: float = 0.3
    shared_need_threshold: float = 0.3


Vector = dict[str, float]


def _vectors(texts: Sequence[str]) -> list[Vector]:
    docs = [Counter(_WORD.findall(t.lower())) for t in texts]
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(doc.keys())
    n = len(docs)
    vectors: list[Vector] = []
    for doc in docs:
        vec = {w: c * (math.log((1 + n) / (1 + df[w])) + 1.0) for w, c in doc.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({w: v / norm for w, v in vec.items()})
    return vectors


def _cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def baseline_match(
    profiles: Sequence[CompanyProfile], settings: BaselineSettings = BaselineSettings()
) -> MatchResult:
    items: list[tuple[str, str, str]] = []  # company, kind, text
    for p in profiles:
        for kind, texts in (
            ("activity", p.activities),
            ("seek", p.seeks),
            ("offer", p.offers),
            ("restricted", p.restricted),
        ):
            items.extend((p.name, kind, t) for t in texts)
    vectors = _vectors([t for _, _, t in items])
    by_kind: dict[str, list[int]] = defaultdict(list)
    for n, (_, kind, _) in enumerate(items):
        by_kind[kind].append(n)

    best: dict[tuple[str, str], tuple[float, int, int]] = {}
    for i in by_kind["activity"]:
        for j in by_kind["activity"]:
            a, b = items[i][0], items[j][0]
            if a < b:
                s = _cosine(vectors[i], vectors[j])
                if s > best.get((a, b), (0.0, 0, 0))[0]:
                    best[(a, b)] = (s, i, j)
    restricted_pairs: set[tuple[str, str]] = set()
    for i in by_kind["restricted"]:
        for j in by_kind["activity"]:
            a, b = items[i][0], items[j][0]
            if a != b and _cosine(vectors[i], vectors[j]) >= settings.overlap_threshold:
                restricted_pairs.add((min(a, b), max(a, b)))
    overlaps = [
        Overlap(
            companies=pair,
            score=round(s, 2),
            restricted=pair in restricted_pairs,
            evidence=[f"{items[i][2]} ~ {items[j][2]}"],
            explanation="TF-IDF cosine of activities",
        )
        for pair, (s, i, j) in best.items()
        if s >= settings.overlap_threshold
    ]
    overlaps.sort(key=lambda o: (-o.score, o.companies))

    combos: dict[tuple[str, str], tuple[float, int, int]] = {}
    for i in by_kind["seek"]:
        for j in by_kind["offer"] + by_kind["activity"]:
            receiver, provider = items[i][0], items[j][0]
            if receiver != provider:
                s = _cosine(vectors[i], vectors[j])
                if s > combos.get((provider, receiver), (0.0, 0, 0))[0]:
                    combos[(provider, receiver)] = (s, i, j)
    combinations = [
        Combination(
            provider=p,
            receiver=r,
            score=round(s, 2),
            offer=items[j][2],
            need=items[i][2],
            evidence=[f"{items[j][2]} ~ {items[i][2]}"],
            explanation="TF-IDF cosine of need and offer",
        )
        for (p, r), (s, i, j) in combos.items()
        if s >= settings.combination_threshold
    ]
    combinations.sort(key=lambda c: (-c.score, c.provider, c.receiver))

    shared: list[SharedNeed] = []
    seeks = by_kind["seek"]
    for x, i in enumerate(seeks):
        for j in seeks[x + 1 :]:
            a, b = items[i][0], items[j][0]
            if a != b and _cosine(vectors[i], vectors[j]) >= settings.shared_need_threshold:
                shared.append(
                    SharedNeed(
                        companies=tuple(sorted((a, b))),
                        need=items[i][2],
                        explanation="TF-IDF cosine of needs",
                    )
                )
    return MatchResult(overlaps=overlaps, combinations=combinations, shared_needs=shared)
