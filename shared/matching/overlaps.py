"""Overlaps (solapes): pairs of companies whose activities coincide, flagged where a
restricted area is touched, and groups of three or more on one concept."""

from __future__ import annotations

from collections import defaultdict

from .explain import evidence_line, group_explanation, overlap_explanation
from .features import DERIVED_STRENGTH, RESIDUAL_WEIGHT, Item, Link, coverage, word_relatedness
from .lexicon import Lexicon
from .results import Overlap
from .scoring import (
    AnalysedCompany,
    Index,
    Settings,
    combine_scores,
    mean_coverage,
    round_score,
    trade_concept,
)
from .text import names_deal_terms


def _symmetric(a: Item, b: Item, lexicon: Lexicon) -> tuple[float, list[Link]]:
    return mean_coverage(a.features, b.features, lexicon)


def _restricted_touch(
    restricted: Item, activity: Item, lexicon: Lexicon, settings: Settings
) -> list[Link]:
    """Specific concepts of a restricted area that an activity of another company touches."""
    # A restricted area covers what lies under it: "our fruit suppliers" is touched by
    # "peach production" (need-side strengths), not by a broader "agri-food".
    _, links = coverage(restricted.features, activity.features, lexicon, need=True)
    return [
        link
        for link in links
        if (
            link.feature.startswith("c:")
            and link.weight >= settings.restricted_min_weight
            and link.strength >= settings.restricted_strength
        )
        or (
            # A word the lexicon does not know touches when it is the head of both
            # ("nuestros proveedores de *gaitas*" / "fabricación de *gaitas*").
            settings.restricted_words
            and link.feature.startswith("w:")
            and link.feature in restricted.core
            and link.other in activity.core
            and link.weight >= RESIDUAL_WEIGHT
            and activity.features[link.other] >= RESIDUAL_WEIGHT
            and link.strength >= DERIVED_STRENGTH
        )
    ]


def _shared_head(a: Item, b: Item, lexicon: Lexicon, settings: Settings) -> bool:
    """Two activities name the same thing as the head of at least one of them, at full
    weight in both (not a modifier, context or place): "conservas vegetales" and
    "conservas de tomate", "cultivo de alcachofa" and "alcachofa en conserva". It is how
    a facilitator reads an overlap in a sector whose words the lexicon does not know."""
    for feature in (a.core | b.core) & a.heads & b.heads:
        if feature.startswith("w:"):
            if min(a.features[feature], b.features[feature]) >= RESIDUAL_WEIGHT:
                return True
        elif (
            settings.shared_head_concepts
            and trade_concept(feature[2:], lexicon)
            and min(a.features[feature], b.features[feature]) >= 0.9
        ):
            return True
    return False


def _service_head(item: Item, lexicon: Lexicon) -> bool | None:
    """Whether the item's head is a service (None: the item has no head)."""
    if not item.core:
        return None
    return any(f[2:] in lexicon.services for f in item.core)


def _heads_differ(a: Item, b: Item, lexicon: Lexicon, service: dict[int, bool | None]) -> bool:
    """One activity's head is a service, the other's is not, and no head of one is related
    to a head of the other:
    "seafood processing *apprenticeships*" is training, "salmon *processing*" is not,
    however much their other words agree. ``service``: :func:`_service_head` by id."""
    services_a, services_b = service[id(a)], service[id(b)]
    if services_a is None or services_b is None or services_a == services_b:
        return False  # only a service against a non-service (training vs. processing)
    for x in a.core:
        table = lexicon.related_tables.get(x, {})
        for y in b.core:
            if x == y or table.get(y, 0.0) >= 0.5 or word_relatedness(x, y) > 0.0:
                return False
    return True


def find_overlaps(
    companies: list[AnalysedCompany], lexicon: Lexicon, settings: Settings
) -> list[Overlap]:
    activities = [item for c in companies for item in c.activities]
    index = Index(activities)
    service = {id(item): _service_head(item, lexicon) for item in activities}
    pair_links: dict[tuple[str, str], list[tuple[float, Item, Item, list[Link]]]] = defaultdict(
        list
    )
    for a in activities:
        for b in index.candidates(a):
            if b.company <= a.company:
                continue
            score, links = _symmetric(a, b, lexicon)
            if _shared_head(a, b, lexicon, settings):
                score = max(score, settings.shared_head_score)
            elif _heads_differ(a, b, lexicon, service):
                score *= settings.head_mismatch
            if score > 0.0:
                pair_links[(a.company, b.company)].append((score, a, b, links))

    touches: dict[tuple[str, str], list[tuple[Item, Item, list[Link]]]] = defaultdict(list)
    terms_areas = {
        id(item): names_deal_terms(item.text)
        for company in companies
        for item in company.restricted
    }
    for company in companies:
        for restricted in company.restricted:
            for other in index.candidates(restricted):
                if other.company == company.profile.name:
                    continue
                links = _restricted_touch(restricted, other, lexicon, settings)
                if links:
                    pair = tuple(sorted((company.profile.name, other.company)))
                    touches[(pair[0], pair[1])].append((restricted, other, links))

    results: list[Overlap] = []
    for pair in sorted(set(pair_links) | set(touches)):
        matches = sorted(pair_links.get(pair, []), key=lambda m: (-m[0], m[1].text, m[2].text))
        score = combine_scores([m[0] for m in matches], settings.second_bonus)
        pair_touches = touches.get(pair, [])
        threshold = settings.overlap_threshold
        # Only a restricted area about a trade lowers the bar ("our asparagus suppliers");
        # one about the terms of a deal ("our prices with supermarkets") only flags.
        trade_touches = [t for t in pair_touches if not terms_areas[id(t[0])]]
        if trade_touches:
            threshold = settings.restricted_overlap_threshold
            if any(link.other in other.core for _, other, links in trade_touches for link in links):
                # The restricted area names what the other company's activity is about
                # ("our asparagus suppliers" / "growing asparagus"): an overlap by itself.
                threshold = settings.restricted_core_threshold
        if score < threshold:
            continue
        evidence = [
            evidence_line(a, b, links, lexicon)
            for _, a, b, links in matches[:3]
            if _ >= settings.overlap_threshold * 0.8
        ]
        for restricted, other, links in pair_touches[:2]:
            evidence.append("restricted: " + evidence_line(restricted, other, links, lexicon))
        if not evidence and matches:
            _, a, b, links = matches[0]
            evidence.append(evidence_line(a, b, links, lexicon))
        evidence = list(dict.fromkeys(evidence))
        best = matches[0] if matches else None
        explanations = overlap_explanation(
            best[1] if best else None,
            best[2] if best else None,
            best[3] if best else [],
            bool(pair_touches),
            pair_touches[0] if pair_touches else None,
            lexicon,
        )
        concepts = tuple(
            sorted({link.feature for m in matches[:3] for link in m[3] if link.strength >= 0.75})
        )
        results.append(
            Overlap(
                companies=pair,
                score=round_score(score),
                restricted=bool(pair_touches),
                evidence=evidence,
                explanation=explanations["en"],
                concepts=concepts,
                explanations=explanations,
            )
        )
    results.sort(key=lambda o: (-o.score, o.companies))
    return _closest_peers(results, settings.overlap_peers)


def _closest_peers(overlaps: list[Overlap], peers: int) -> list[Overlap]:
    """The overlaps (best first) without those that are, for either company, behind at
    least ``peers`` stronger ones of its own. 0 keeps them all."""
    if peers <= 0:
        return overlaps
    stronger: dict[str, list[float]] = defaultdict(list)  # each company's scores, best first
    for overlap in overlaps:
        for name in overlap.companies:
            stronger[name].append(overlap.score)

    def behind(name: str, score: float) -> bool:
        scores = stronger[name]
        return len(scores) > peers and scores[peers - 1] > score

    return [
        o
        for o in overlaps
        if o.restricted or not any(behind(name, o.score) for name in o.companies)
    ]


def overlap_groups(overlaps: list[Overlap], lexicon: Lexicon) -> list[Overlap]:
    """Groups of 3+ companies that pairwise overlap on one shared concept."""
    by_concept: dict[str, list[Overlap]] = defaultdict(list)
    for overlap in overlaps:
        for concept in overlap.concepts:
            by_concept[concept].append(overlap)
    groups: dict[tuple[str, ...], Overlap] = {}
    for concept, members in sorted(by_concept.items()):
        names = sorted({n for o in members for n in o.companies})
        if len(names) < 3:
            continue
        pairs = {o.companies for o in members}
        clique = [n for n in names if all((min(n, m), max(n, m)) in pairs for m in names if m != n)]
        if len(clique) < 3:
            continue
        key = tuple(clique)
        inside = [o for o in members if set(o.companies) <= set(clique)]
        score = round_score(min(o.score for o in inside))
        restricted = any(o.restricted for o in overlaps if set(o.companies) <= set(clique))
        existing = groups.get(key)
        if existing is None or score > existing.score:
            explanations = group_explanation(len(clique), concept, lexicon)
            groups[key] = Overlap(
                companies=key,
                score=score,
                restricted=restricted,
                evidence=[e for o in inside for e in o.evidence[:1]],
                explanation=explanations["en"],
                concepts=(concept,),
                explanations=explanations,
            )
    return sorted(groups.values(), key=lambda o: (-o.score, o.companies))
