"""Combinations (sumatorios): provider -> receiver, where what the provider offers, does
or itself needs answers what the receiver seeks (potential clients included)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from .explain import combination_explanation, evidence_line
from .features import RESIDUAL_WEIGHT, Item, Link, coverage, word_relatedness
from .lexicon import Lexicon
from .results import Combination
from .scoring import (
    AnalysedCompany,
    Index,
    Settings,
    combine_scores,
    descendants_of,
    directed_score,
    round_score,
    trade_concept,
)
from .text import is_common_word


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


def _need_features(seek: Item, receiver: AnalysedCompany) -> dict[str, float]:
    return _need_features_of(seek.features, seek, receiver)


def _need_features_of(
    features: dict[str, float], seek: Item, receiver: AnalysedCompany
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


def _peer(seek: Item, need: dict[str, float], answer: Item, receiver: AnalysedCompany) -> bool:
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


def find_combinations(
    companies: list[AnalysedCompany], lexicon: Lexicon, settings: Settings
) -> list[Combination]:
    answers: list[Item] = []
    for company in companies:
        answers.extend(company.offers)
        answers.extend(company.activities)
        answers.extend(company.seeks)
    index = Index(answers)
    by_name = {c.profile.name: c for c in companies}
    found: dict[tuple[str, str], list[tuple[float, Item, Item, list[Link]]]] = defaultdict(list)
    people_family = descendants_of(lexicon, "people")
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
                score, links = directed_score(
                    need, answer_features, lexicon, settings.need_side, floor=cut
                )
                for part in seek.parts:
                    part_need = _need_features_of(part, seek, receiver)
                    part_score, part_links = directed_score(
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
        score = combine_scores(list(distinct_needs.values()), settings.second_bonus)
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
                score=round_score(score),
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


def _rare_features(companies: list[AnalysedCompany], lexicon: Lexicon, most: int) -> frozenset[str]:
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
                elif not trade_concept(feature[2:], lexicon):
                    continue
                used.add(feature)
        for feature in used:
            users[feature] += 1
    return frozenset(f for f, n in users.items() if n <= most and f not in common)


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


def _people_concepts(lexicon: Lexicon) -> frozenset[str]:
    """Staff, training and placements: in a client-seeking need, what an employer answers."""
    found: set[str] = set()
    for root in ("staff", "vocational_training", "training"):
        if root in lexicon.concepts:
            found |= {root} | {
                c for c, concept in lexicon.concepts.items() if root in concept.parents
            }
    return frozenset(found)


def _profile_item(company: AnalysedCompany, lexicon: Lexicon) -> Item:
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
    profile_item: Item, company: AnalysedCompany, need: dict[str, float], lexicon: Lexicon
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
