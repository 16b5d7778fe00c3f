"""Shared needs: several companies seek the same thing (a joint export mission...)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from .explain import shared_need_explanation
from .features import Item
from .lexicon import Lexicon
from .results import Combination, SharedNeed
from .scoring import AnalysedCompany, Index, Settings, descendants_of, mean_coverage, round_score


def _kind_of_need(seek: Item, kinds: tuple[frozenset[str], ...]) -> int | None:
    """Which of ``kinds`` (workers, training) the head of a need belongs to; -1 for none,
    None when the need has no head. Needs of different kinds are not one need."""
    if not seek.core:
        return None
    for n, family in enumerate(kinds):
        if seek.core & family:
            return n
    return -1


def _shared_score(a: Item, b: Item, lexicon: Lexicon) -> float:
    """How much two needs are one need; a need listing alternatives ("harvest staff and HGV
    drivers") shares each of them ("HGV drivers for feed deliveries")."""
    score, _ = mean_coverage(a.features, b.features, lexicon, links_wanted=False)
    if not a.parts and not b.parts:
        return score
    for part_a in a.parts or (a.features,):
        for part_b in b.parts or (b.features,):
            score = max(score, mean_coverage(part_a, part_b, lexicon, links_wanted=False)[0])
    return score


def _same_need_head(a: Item, b: Item, lexicon: Lexicon) -> bool:
    """Two needs whose head is the same specific concept or the same unknown word."""
    for feature in a.core & b.core:
        if feature[0] == "w" or not lexicon.concepts[feature[2:]].domain:
            return True
    return False


def find_shared_needs(
    companies: list[AnalysedCompany],
    lexicon: Lexicon,
    settings: Settings,
    combinations: Sequence[Combination] = (),
) -> list[SharedNeed]:
    seeks = [item for c in companies for item in c.seeks]
    index = Index(seeks)
    position = {id(item): n for n, item in enumerate(seeks)}
    parent = list(range(len(seeks)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    edges: list[tuple[float, int, int]] = []
    answered = {(c.provider, c.receiver, c.need) for c in combinations}
    kinds = (descendants_of(lexicon, "staff"), descendants_of(lexicon, "training"))
    for a in seeks:
        for b in index.candidates(a):
            if b.company == a.company or position[id(b)] <= position[id(a)]:
                continue
            if a.target != b.target:
                # "cooperatives needing harvesting equipment" is a client sought by one,
                # "shared harvesting machinery" a need of the other: a combination.
                continue
            if not a.target and (
                (a.company, b.company, b.text) in answered
                or (b.company, a.company, a.text) in answered
            ):
                continue  # one answers the other ("aprovechar el alperujo" / "alperujo")
            score = _shared_score(a, b, lexicon)
            if not a.target and _same_need_head(a, b, lexicon):
                # "bajar la factura de gas de los secaderos" / "reducir el coste energético
                # del lavado": one need (energy cost) for different machines.
                score = max(score, settings.shared_need_threshold)
            kind_a, kind_b = _kind_of_need(a, kinds), _kind_of_need(b, kinds)
            if kind_a is not None and kind_b is not None and kind_a != kind_b:
                score *= settings.head_mismatch
            if score >= settings.shared_need_threshold:
                edges.append((score, position[id(a)], position[id(b)]))
    edges.sort(key=lambda e: (-e[0], e[1], e[2]))
    for _, i, j in edges:
        ri, rj = root(i), root(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    clusters: dict[int, list[int]] = defaultdict(list)
    for n in range(len(seeks)):
        clusters[root(n)].append(n)
    edge_score: dict[int, list[float]] = defaultdict(list)
    for score, i, _j in edges:
        edge_score[root(i)].append(score)
    results: list[SharedNeed] = []
    for key, members in clusters.items():
        names = sorted({seeks[m].company for m in members})
        if len(names) < 2:
            continue
        texts = sorted(seeks[m].text for m in members)
        representative = min(
            (seeks[m] for m in members), key=lambda item: (item.company, item.text)
        )
        score = round_score(max(edge_score[key]))
        explanations = shared_need_explanation(names, representative, texts, lexicon)
        results.append(
            SharedNeed(
                companies=tuple(names),
                need=representative.text,
                explanation=explanations["en"],
                score=score,
                items=tuple(texts),
                explanations=explanations,
            )
        )
    results.sort(key=lambda s: (-s.score, s.companies, s.need))
    return results
