"""The matching engine: overlaps, combinations and shared needs between company profiles.

Pure Python, deterministic, no I/O. See docs/MATCHING.md for the method and its numbers.

* Overlap (solape): two companies whose activities coincide (same product, service or
  market). Flagged ``restricted`` when a restricted area of one touches an activity of the
  other; such a touch is reported even when the activities alone would not be.
* Combination (sumatorio): provider -> receiver, when an offer or an activity of the
  provider answers a seek of the receiver. A seek for clients ("new customers in vegetable
  canning") is answered by what the provider does, or by what it itself needs.
* Shared need: several companies seek the same thing (a joint export mission...).
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace

from .explain import (
    combination_explanation,
    evidence_line,
    group_explanation,
    overlap_explanation,
    shared_need_explanation,
)
from .features import (
    DERIVED_STRENGTH,
    RESIDUAL_WEIGHT,
    Item,
    Link,
    analyse,
    coverage,
    word_relatedness,
)
from .lexicon import Lexicon, default_lexicon
from .profiles import CompanyProfile
from .results import Combination, MatchResult, Overlap, SharedNeed
from .text import is_common_word, names_deal_terms


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
class _Company:
    profile: CompanyProfile
    activities: list[Item]
    seeks: list[Item]
    offers: list[Item]
    restricted: list[Item]
    own: frozenset[str]  # features of its own activities (and their non-domain parents)


def _analyse_company(profile: CompanyProfile, lexicon: Lexicon) -> _Company:
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
    return _Company(
        profile=profile,
        activities=activities,
        seeks=items(profile.seeks, "seek"),
        offers=items(profile.offers, "offer"),
        restricted=items(profile.restricted, "restricted"),
        own=frozenset(own),
    )


class _Index:
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


def _round(value: float) -> float:
    return round(min(1.0, max(0.0, value)), 2)


def _symmetric(a: Item, b: Item, lexicon: Lexicon) -> tuple[float, list[Link]]:
    return _mean_coverage(a.features, b.features, lexicon)


def _mean_coverage(
    a: dict[str, float], b: dict[str, float], lexicon: Lexicon, links_wanted: bool = True
) -> tuple[float, list[Link]]:
    ab, links = coverage(a, b, lexicon, links_wanted=links_wanted)
    if ab == 0.0:
        return 0.0, links  # relatedness is symmetric: nothing of b finds a either
    ba, _ = coverage(b, a, lexicon, links_wanted=False)
    return (ab + ba) / 2.0, links


def _directed(
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
            and _trade_concept(feature[2:], lexicon)
            and min(a.features[feature], b.features[feature]) >= 0.9
        ):
            return True
    return False


def _trade_concept(cid: str, lexicon: Lexicon) -> bool:
    """A concept that says what a trade deals in: specific (weight >= 0.9), not a broad
    domain, a place or market, or a service."""
    concept = lexicon.concepts[cid]
    return (
        concept.weight >= 0.9
        and not concept.domain
        and cid not in lexicon.market
        and cid not in lexicon.services
    )


def _head_targets(
    seek: Item, need: dict[str, float], lexicon: Lexicon
) -> tuple[frozenset[str], frozenset[str]]:
    """What may answer a need by its head (what is sought: "*fruta* para industria",
    "*conserveras* que quieran exportar"): its head's unknown words (answered by the same
    word or one of its family) and its head's specific concepts with the narrower ones
    (answered by any of them). What the receiver itself does is not in ``need``
    (client-seeking items), so its competitors do not qualify."""
    words: set[str] = set()
    concepts: set[str] = set()
    for feature in seek.core:
        weight = need.get(feature, 0.0)
        if feature.startswith("w:"):
            if weight >= RESIDUAL_WEIGHT:
                words.add(feature)
            continue
        cid = feature[2:]
        if weight < 0.9 or lexicon.concepts[cid].domain or cid in lexicon.market:
            continue
        concepts.add(feature)
        for narrower, strength in lexicon.narrower.get(cid, {}).items():
            if strength >= 0.9:
                concepts.add("c:" + narrower)
    return frozenset(words), frozenset(concepts)


def _head_answer(targets: tuple[frozenset[str], frozenset[str]], answer: Item) -> bool:
    """The head of the answer ("*fruta* de segunda categoría", "*conservas* de espárrago")
    is one of ``targets`` (:func:`_head_targets`), at full weight."""
    words, concepts = targets
    for other in answer.core:
        if other[0] == "c":
            if other in concepts and answer.features[other] >= 0.9:
                return True
        elif answer.features[other] >= RESIDUAL_WEIGHT and (
            other in words or any(word_relatedness(w, other) >= 0.8 for w in words)
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


def _combine(scores: Sequence[float], bonus: float) -> float:
    ordered = sorted(scores, reverse=True)
    if not ordered:
        return 0.0
    extra = ordered[1] * bonus if len(ordered) > 1 else 0.0
    return min(1.0, ordered[0] + extra)


def _overlaps(companies: list[_Company], lexicon: Lexicon, settings: Settings) -> list[Overlap]:
    activities = [item for c in companies for item in c.activities]
    index = _Index(activities)
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
        score = _combine([m[0] for m in matches], settings.second_bonus)
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
                score=_round(score),
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


def _groups(overlaps: list[Overlap], lexicon: Lexicon) -> list[Overlap]:
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
        score = _round(min(o.score for o in inside))
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


def _need_features(seek: Item, receiver: _Company) -> dict[str, float]:
    return _need_features_of(seek.features, seek, receiver)


def _need_features_of(
    features: dict[str, float], seek: Item, receiver: _Company
) -> dict[str, float]:
    """For a client-seeking need, drop what the receiver itself does (its competitors
    also do it); keep the whole need when nothing would remain."""
    if not seek.target:
        return features
    rest = {f: w for f, w in features.items() if f not in receiver.own}
    return rest or features


def _geography_factor(
    need: dict[str, float], answer: dict[str, float], lexicon: Lexicon, settings: Settings
) -> float:
    """Both name places and none agree ("distributors in the US" vs "UK distribution")."""
    need_places = [f[2:] for f in need if f[2:] in lexicon.geography]
    answer_places = [f[2:] for f in answer if f[2:] in lexicon.geography]
    if not need_places or not answer_places:
        return 1.0
    for place in need_places:
        table = lexicon.related.get(place, {})
        if any(table.get(other, 0.0) >= 0.75 for other in answer_places):
            return 1.0
    return settings.geography_mismatch


def _peer(seek: Item, need: dict[str, float], answer: Item, receiver: _Company) -> bool:
    """An activity that matches a need only on what the receiver itself already does is
    a peer's activity (a competitor), not an answer: a canner seeking "fresh asparagus"
    is not answered by another canner's "canned asparagus"."""
    if seek.target:
        return False
    rest = [f for f in need if f not in receiver.own]
    if not rest:
        # The need names only what the receiver itself works in ("proveedores de
        # espárrago" for an asparagus canner): an activity made only of that is a peer's.
        return all(f in receiver.own for f in answer.features)
    if len(rest) == len(need):
        return False
    return not any(f in answer.features for f in rest) and all(
        f in receiver.own for f in answer.features if f in need
    )


def _combinations(
    companies: list[_Company], lexicon: Lexicon, settings: Settings
) -> list[Combination]:
    answers: list[Item] = []
    for company in companies:
        answers.extend(company.offers)
        answers.extend(company.activities)
        answers.extend(company.seeks)
    index = _Index(answers)
    by_name = {c.profile.name: c for c in companies}
    found: dict[tuple[str, str], list[tuple[float, Item, Item, list[Link]]]] = defaultdict(list)
    people_family = _descendants_of(lexicon, "people")
    activities = [item for c in companies for item in c.activities]
    activity_side = {
        # Where a company sells ("export to the US") does not answer a need.
        False: {
            id(a): {f: w for f, w in a.features.items() if f[2:] not in lexicon.market}
            for a in activities
        },
        # A client-seeking need ("clientes en química") is answered by what a company is,
        # not by whom it serves: "FP dual en química" is training.
        True: {id(a): {f: w for f, w in a.features.items() if f in a.heads} for a in activities},
    }
    rare = _rare_features(companies, lexicon, settings.rare_term_companies)
    for receiver in companies:
        for seek in receiver.seeks:
            # A need about what the receiver itself offers ("an outlet for our spent grain"
            # from a brewery offering "spent grain") is not answered by another company
            # offering the same: that one is in the same position, a shared need.
            own_offers = [
                o.features.keys()
                for o in receiver.offers
                if seek.features.keys() <= o.features.keys()
            ]
            need = _need_features(seek, receiver)
            rare_terms = [f for f in need if f in rare]
            targets = _head_targets(seek, need, lexicon)
            need_places = any(f[2:] in lexicon.geography for f in need)
            # "buyers in Asian markets": a place alone does not describe a client, and a
            # company that sells there is a competitor; only offers of clients answer.
            places_only = seek.target and all(f[2:] in lexicon.market for f in need)
            for answer in index.candidates(seek):
                if places_only and answer.kind != "offer":
                    continue
                if answer.company == receiver.profile.name:
                    continue
                if answer.kind == "offer":
                    if seek.target and not answer.target:
                        # Offering the product a company wants buyers for makes a
                        # competitor, not a client; only offers *of clients* answer.
                        continue
                    if any(answer.features.keys() <= offer for offer in own_offers):
                        continue
                    factor = 1.0
                elif answer.kind == "activity":
                    factor = settings.activity_factor
                elif seek.target and not answer.target:
                    factor = settings.seek_factor
                else:
                    continue
                if answer.kind == "activity" and _peer(seek, need, answer, receiver):
                    continue
                answer_features = answer.features
                if answer.kind == "activity":
                    answer_features = activity_side[seek.target][id(answer)]
                    if not answer_features:
                        continue
                cut = settings.combination_threshold * 0.8  # factors below only lower it
                score, links = _directed(
                    need, answer_features, lexicon, settings.need_side, floor=cut
                )
                for part in seek.parts:
                    part_need = _need_features_of(part, seek, receiver)
                    part_score, part_links = _directed(
                        part_need,
                        answer_features,
                        lexicon,
                        settings.need_side,
                        floor=cut / settings.part_factor,
                    )
                    part_score *= settings.part_factor
                    if part_score > score:
                        score, links = part_score, part_links
                if (targets[0] or targets[1]) and _head_answer(targets, answer):
                    score = max(score, settings.head_answer_score)
                elif not seek.target and _people_mismatch(seek, answer, people_family):
                    score *= settings.head_mismatch
                if need_places:
                    score *= _geography_factor(need, answer.features, lexicon, settings)
                score *= factor
                # One shared trade term is how a facilitator links a need to an offer in a
                # trade the lexicon does not know, however little of the rest agrees.
                if (
                    score < settings.rare_term_score
                    and answer.kind != "seek"
                    and any(f in answer_features for f in rare_terms)
                ):
                    score = settings.rare_term_score
                if score >= settings.combination_threshold * 0.8:
                    found[(answer.company, receiver.profile.name)].append(
                        (score, seek, answer, links)
                    )
    # A client-seeking need describes a kind of company ("seafood exporters needing cold
    # chain"): it is also matched against the provider's whole profile (what it does and
    # what it needs, without where it wants to sell), not only one item at a time.
    profiles = {c.profile.name: _profile_item(c, lexicon) for c in companies}
    for receiver in companies:
        for seek in receiver.seeks:
            if not seek.target:
                continue
            need = _need_features(seek, receiver)
            if all(f[2:] in lexicon.market for f in need):
                continue  # "buyers in Germany": a place alone does not describe a client
            for name, profile_item in profiles.items():
                if name == receiver.profile.name or not profile_item.features:
                    continue
                forward, links = coverage(need, profile_item.features, lexicon, need=True)
                score = forward * settings.profile_factor
                score *= _geography_factor(need, profile_item.features, lexicon, settings)
                if score >= settings.combination_threshold * 0.8:
                    answer = _quoted_as(profile_item, by_name[name], need, lexicon)
                    found[(name, receiver.profile.name)].append((score, seek, answer, links))
    # Roles inferred from needs: a company that seeks staff is an employer, and answers a
    # need for employers, host companies for placements or farms needing workers.
    people = _people_concepts(lexicon)
    hiring = {
        c.profile.name: [
            s for s in c.seeks if not s.target and any(f[2:] in people for f in s.heads)
        ]
        for c in companies
    }
    for receiver in companies:
        for seek in receiver.seeks:
            if not seek.target or not any(f[2:] in people for f in seek.features):
                continue
            for name, staff_needs in hiring.items():
                if name == receiver.profile.name or not staff_needs:
                    continue
                answer = staff_needs[0]
                links = [
                    Link(f, f, 1.0, w) for f, w in answer.features.items() if f in answer.heads
                ]
                found[(name, receiver.profile.name)].append(
                    (settings.employer_score, seek, answer, links)
                )
    results: list[Combination] = []
    for (provider, receiver_name), matches in sorted(found.items()):
        matches.sort(key=lambda m: (-m[0], m[1].text, m[2].text))
        distinct_needs: dict[str, float] = {}
        for score, seek, _, _ in matches:
            distinct_needs.setdefault(seek.text, score)
        score = _combine(list(distinct_needs.values()), settings.second_bonus)
        if score < settings.combination_threshold:
            continue
        best_score, seek, answer, links = matches[0]
        # One pair of items can be found by two routes (a client-seeking need is also a
        # need): the facilitator reads each piece of evidence once.
        evidence = list(
            dict.fromkeys(evidence_line(s, a, lk, lexicon) for _, s, a, lk in matches[:4])
        )[:3]
        explanations = combination_explanation(
            by_name[provider].profile.name, seek, answer, links, lexicon
        )
        results.append(
            Combination(
                provider=provider,
                receiver=receiver_name,
                score=_round(score),
                offer=answer.text,
                need=seek.text,
                evidence=evidence,
                explanation=explanations["en"],
                potential_client=answer.kind != "offer" and seek.target,
                explanations=explanations,
            )
        )
    results.sort(key=lambda c: (-c.score, c.provider, c.receiver))
    return results


MIN_RARE_STEM = 4  # shorter stems ("part", "plan") are common words more often than not


def _rare_features(companies: list[_Company], lexicon: Lexicon, most: int) -> frozenset[str]:
    """What at most ``most`` companies of the workshop name in their activities, needs and
    offers, among the features that say what a trade deals in: unknown words that are not
    everyday words, and specific concepts that are not a domain, a place or a service
    ("wheat bran", not "logistics", "Germany" or "training")."""
    users: dict[str, int] = defaultdict(int)
    common: set[str] = set()
    for company in companies:
        used: set[str] = set()
        for item in company.activities + company.seeks + company.offers:
            for feature in item.features:
                if feature.startswith("w:"):
                    if len(feature) - 2 < MIN_RARE_STEM:
                        continue
                    if is_common_word(item.surface.get(feature, "")):
                        common.add(feature)
                elif not _trade_concept(feature[2:], lexicon):
                    continue
                used.add(feature)
        for feature in used:
            users[feature] += 1
    return frozenset(f for f, n in users.items() if n <= most and f not in common)


def _descendants_of(lexicon: Lexicon, root: str) -> frozenset[str]:
    found = {root}
    changed = True
    while changed:
        changed = False
        for cid, concept in lexicon.concepts.items():
            if cid not in found and any(p in found for p in concept.parents):
                found.add(cid)
                changed = True
    return frozenset("c:" + c for c in found)


def _people_mismatch(seek: Item, answer: Item, people: frozenset[str]) -> bool:
    """A need for people (staff, training) answered by something that is not about people,
    or the other way round: "personal de cocina" is not answered by a "cocina central",
    "local seafood suppliers" not by "seafood processing apprenticeships"."""
    if not seek.core or not answer.core:
        return False
    if seek.core & people:
        return not answer.heads & people
    if answer.core & people:
        return not seek.heads & people
    return False


def _kind_of_need(seek: Item, kinds: tuple[frozenset[str], ...]) -> int | None:
    """Which of ``kinds`` (workers, training) the head of a need belongs to; -1 for none,
    None when the need has no head. Needs of different kinds are not one need."""
    if not seek.core:
        return None
    for n, family in enumerate(kinds):
        if seek.core & family:
            return n
    return -1


def _people_concepts(lexicon: Lexicon) -> frozenset[str]:
    """Staff, training and placements: in a client-seeking need, what an employer answers."""
    found: set[str] = set()
    for root in ("staff", "vocational_training", "training"):
        if root in lexicon.concepts:
            found |= {root} | {
                c for c, concept in lexicon.concepts.items() if root in concept.parents
            }
    return frozenset(found)


def _profile_item(company: _Company, lexicon: Lexicon) -> Item:
    """The company as one item: the heads of its activities and of its needs other than
    client-seeking ones, without places (where it sells says nothing of what it is)."""
    features: dict[str, float] = {}
    surface: dict[str, str] = {}
    for item in company.activities + [s for s in company.seeks if not s.target]:
        for feature, weight in item.features.items():
            if feature not in item.heads or feature[2:] in lexicon.market:
                continue
            if weight > features.get(feature, 0.0):
                features[feature] = weight
                surface[feature] = item.surface.get(feature, "")
    text = "; ".join(company.profile.activities) or company.profile.name
    return Item(
        company=company.profile.name,
        kind="profile",
        text=text,
        features=features,
        surface=surface,
        target=False,
        keys=frozenset(features),
        heads=frozenset(features),
    )


def _quoted_as(
    profile_item: Item, company: _Company, need: dict[str, float], lexicon: Lexicon
) -> Item:
    """The whole-profile answer, quoted by the one item of the company that answers the
    need best (the result's "offer" is then one of its own texts, not a list): an activity
    where one answers at all, else one of its needs, explained as what it seeks."""
    for candidates in (company.activities, [s for s in company.seeks if not s.target]):
        scored = [(coverage(need, i.features, lexicon, need=True)[0], i) for i in candidates]
        if any(score > 0.0 for score, _ in scored):
            best = max(scored, key=lambda pair: pair[0])[1]  # the first of equals
            kind = "profile" if best.kind == "activity" else "seek"
            return replace(profile_item, text=best.text, kind=kind)
    return profile_item


def _shared_score(a: Item, b: Item, lexicon: Lexicon) -> float:
    """How much two needs are one need; a need listing alternatives ("harvest staff and HGV
    drivers") shares each of them ("HGV drivers for feed deliveries")."""
    score, _ = _mean_coverage(a.features, b.features, lexicon, links_wanted=False)
    if not a.parts and not b.parts:
        return score
    for part_a in a.parts or (a.features,):
        for part_b in b.parts or (b.features,):
            score = max(score, _mean_coverage(part_a, part_b, lexicon, links_wanted=False)[0])
    return score


def _same_need_head(a: Item, b: Item, lexicon: Lexicon) -> bool:
    """Two needs whose head is the same specific concept or the same unknown word."""
    for feature in a.core & b.core:
        if feature[0] == "w" or not lexicon.concepts[feature[2:]].domain:
            return True
    return False


def _shared_needs(
    companies: list[_Company],
    lexicon: Lexicon,
    settings: Settings,
    combinations: Sequence[Combination] = (),
) -> list[SharedNeed]:
    seeks = [item for c in companies for item in c.seeks]
    index = _Index(seeks)
    position = {id(item): n for n, item in enumerate(seeks)}
    parent = list(range(len(seeks)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    edges: list[tuple[float, int, int]] = []
    answered = {(c.provider, c.receiver, c.need) for c in combinations}
    kinds = (_descendants_of(lexicon, "staff"), _descendants_of(lexicon, "training"))
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
        score = _round(max(edge_score[key]))
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


def match(
    profiles: Sequence[CompanyProfile],
    settings: Settings = DEFAULT_SETTINGS,
    lexicon: Lexicon | None = None,
) -> MatchResult:
    """Match a workshop's profiles: overlaps, combinations and shared needs, best first."""
    lex = lexicon or default_lexicon()
    # Sorted by name so that the results never depend on the order of the file.
    ordered = sorted(profiles, key=lambda p: (p.name.casefold(), p.name))
    with _cyclic_gc_paused():
        companies = [_analyse_company(p, lex) for p in ordered]
        overlaps = _overlaps(companies, lex, settings)
        combinations = _combinations(companies, lex, settings)
        return MatchResult(
            overlaps=overlaps,
            combinations=combinations,
            shared_needs=_shared_needs(companies, lex, settings, combinations),
            groups=_groups(overlaps, lex),
        )


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Matching makes hundreds of thousands of small dicts and tuples and no reference
    cycles, so the cyclic collector's passes over them are pure cost (about 12% of a
    200-company match, docs/MATCHING.md). Reference counting still frees everything."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
