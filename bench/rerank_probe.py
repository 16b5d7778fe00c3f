"""Would a learned re-ranker over the engine's candidates help? (docs/MATCHING.md, "Ninth
pass"). Not part of `make test` or `make bench-matching`: it needs scikit-learn, which the
product does not depend on:

    .venv/bin/pip install scikit-learn && .venv/bin/python bench/rerank_probe.py

The engine is run with low thresholds and no peer cap, so that it lists every candidate
pair with its score. Each candidate gets the signals the rules do not combine directly:
its rank and its gap to the best among each company's candidates, the workshop's size,
the number of evidence lines and concepts, the plain TF-IDF cosine of the two companies'
items, the reverse direction and the overlap of the same pair (for combinations), and the
engine's own yes or no at its default thresholds. A logistic regression and a small
gradient-boosted tree ensemble learn from them, leave-one-set-out over the read sets
(each read set is predicted by a model that never saw it, with the threshold that was
best on the others), once with the full lexicon and once with each workshop's own
vocabulary removed (the proxy for unseen sectors). The frozen sets are never read.
"""

from __future__ import annotations

import functools
import pathlib
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

ROOT = pathlib.Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from shared.matching import CompanyProfile, MatchResult, Settings, match  # noqa: E402
from shared.matching.baseline import _cosine, _vectors  # noqa: E402
from shared.matching.evaluate import (  # noqa: E402
    Labelled,
    ablated_matchers,
    load_folder,
    predicted_sets,
)

SETS = ROOT / "tests" / "matching"
READ = ("devset", "heldout", "heldout2", "heldout5", "heldout9", "heldout10")
CANDIDATES = replace(
    Settings(), overlap_threshold=0.25, combination_threshold=0.25, overlap_peers=0
)
Matcher = Callable[..., MatchResult]


@dataclass
class Candidates:
    """One workshop's candidate pairs of one kind, with features and labels."""

    features: list[list[float]]
    labels: list[bool]
    gold: int  # labelled pairs, found or not (recall counts the ones never listed)
    engine_right: int  # the engine's default answer, for the same-run comparison
    engine_listed: int


def _tfidf_best(profiles: Sequence[CompanyProfile]) -> tuple[dict, dict]:
    texts, owners = [], []
    for p in profiles:
        for kind, items in (("a", p.activities), ("s", p.seeks), ("o", p.offers)):
            texts.extend(items)
            owners.extend((p.name, kind) for _ in items)
    vectors = _vectors(texts)
    overlap, combination = defaultdict(float), defaultdict(float)
    for i, (ci, ki) in enumerate(owners):
        for j, (cj, kj) in enumerate(owners):
            if ci == cj:
                continue
            cosine = _cosine(vectors[i], vectors[j])
            if ki == kj == "a" and ci < cj:
                overlap[(ci, cj)] = max(overlap[(ci, cj)], cosine)
            if ki == "s" and kj in "ao":
                combination[(cj, ci)] = max(combination[(cj, ci)], cosine)
    return overlap, combination


def _rank_and_gap(score: float, scores: list[float]) -> tuple[int, float]:
    ordered = sorted(scores, reverse=True)
    return ordered.index(score) + 1, ordered[0] - score


def candidates(workshop: Labelled, matcher: Matcher) -> tuple[Candidates, Candidates]:
    profiles = list(workshop.profiles)
    listed = matcher(profiles, settings=CANDIDATES)
    default_overlaps, default_combinations, _ = predicted_sets(matcher(profiles))
    tfidf_overlap, tfidf_combination = _tfidf_best(profiles)
    size = len(profiles)

    by_company = defaultdict(list)
    for o in listed.overlaps:
        for name in o.companies:
            by_company[name].append(o.score)
    best = max((o.score for o in listed.overlaps), default=1.0)
    overlap_score = {frozenset(o.companies): o.score for o in listed.overlaps}
    rows, labels = [], []
    for o in listed.overlaps:
        a, b = o.companies
        rank_a, gap_a = _rank_and_gap(o.score, by_company[a])
        rank_b, gap_b = _rank_and_gap(o.score, by_company[b])
        rows.append([
            o.score, min(rank_a, rank_b), max(rank_a, rank_b), min(gap_a, gap_b),
            max(gap_a, gap_b), o.score / best, float(o.restricted), len(o.evidence),
            len(o.concepts), size, tfidf_overlap.get((a, b), 0.0),
            len(by_company[a]) + len(by_company[b]),
            float(frozenset(o.companies) in default_overlaps),
        ])  # fmt: skip
        labels.append(frozenset(o.companies) in workshop.overlaps)
    gold = set(workshop.overlaps)
    overlaps = Candidates(
        rows, labels, len(gold), len(set(default_overlaps) & gold), len(default_overlaps)
    )

    incoming, outgoing = defaultdict(list), defaultdict(list)
    for c in listed.combinations:
        incoming[c.receiver].append(c.score)
        outgoing[c.provider].append(c.score)
    combination_score = {(c.provider, c.receiver): c.score for c in listed.combinations}
    rows, labels = [], []
    for c in listed.combinations:
        rank_in, gap_in = _rank_and_gap(c.score, incoming[c.receiver])
        rank_out, gap_out = _rank_and_gap(c.score, outgoing[c.provider])
        rows.append([
            c.score, rank_in, rank_out, gap_in, gap_out, len(incoming[c.receiver]),
            len(outgoing[c.provider]), combination_score.get((c.receiver, c.provider), 0.0),
            overlap_score.get(frozenset((c.provider, c.receiver)), 0.0),
            float(c.potential_client), len(c.evidence), size,
            tfidf_combination.get((c.provider, c.receiver), 0.0),
            float((c.provider, c.receiver) in default_combinations),
        ])  # fmt: skip
        labels.append((c.provider, c.receiver) in workshop.combinations)
    gold_c = workshop.combinations
    combinations = Candidates(
        rows, labels, len(gold_c), len(default_combinations & gold_c), len(default_combinations)
    )
    return overlaps, combinations


def f1(right: int, listed: int, gold: int) -> float:
    precision = right / listed if listed else 1.0
    recall = right / gold if gold else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _models() -> dict[str, Callable[[], object]]:
    return {
        "logistic": lambda: make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)),
        "trees": lambda: GradientBoostingClassifier(
            n_estimators=150, max_depth=2, learning_rate=0.05, subsample=0.8, random_state=0
        ),
    }


def _best_threshold(probabilities: np.ndarray, labels: np.ndarray, gold: int) -> float:
    def score(t: float) -> float:
        chosen = probabilities >= t
        return f1(int((chosen & labels).sum()), int(chosen.sum()), gold)

    return max(np.arange(0.1, 0.9, 0.02), key=score)


def cross_validated(by_set: dict[str, list[Candidates]]) -> dict[str, float]:
    """Pooled F1 of the engine and of each model, every set predicted by a model trained
    on the other sets."""
    totals = {name: [0, 0, 0] for name in ("engine", *_models())}
    for held in by_set:
        train = [c for name, cs in by_set.items() if name != held for c in cs]
        test = by_set[held]
        x = np.array([row for c in train for row in c.features])
        y = np.array([label for c in train for label in c.labels])
        x_test = np.array([row for c in test for row in c.features])
        y_test = np.array([label for c in test for label in c.labels])
        gold = sum(c.gold for c in test)
        engine = totals["engine"]
        engine[0] += sum(c.engine_right for c in test)
        engine[1] += sum(c.engine_listed for c in test)
        engine[2] += gold
        for name, make in _models().items():
            model = make().fit(x, y)
            threshold = _best_threshold(model.predict_proba(x)[:, 1], y, sum(c.gold for c in train))
            chosen = model.predict_proba(x_test)[:, 1] >= threshold
            totals[name][0] += int((chosen & y_test).sum())
            totals[name][1] += int(chosen.sum())
            totals[name][2] += gold
    return {name: f1(*counts) for name, counts in totals.items()}


def main() -> int:
    workshops = {name: load_folder(SETS / name) for name in READ}
    ablated = ablated_matchers([w for ws in workshops.values() for w in ws])
    for variant in ("full lexicon", "own vocabulary removed"):
        overlaps: dict[str, list[Candidates]] = defaultdict(list)
        combinations: dict[str, list[Candidates]] = defaultdict(list)
        for name, ws in workshops.items():
            for w in ws:
                matcher = match if variant == "full lexicon" else _ablated(ablated[w.name])
                o, c = candidates(w, matcher)
                overlaps[name].append(o)
                combinations[name].append(c)
        print(f"read sets ({variant}), leave one set out, pooled F1:")
        for kind, by_set in (("overlaps", overlaps), ("combinations", combinations)):
            scores = cross_validated(by_set)
            print(f"  {kind:<13}" + "  ".join(f"{k} {v:.3f}" for k, v in scores.items()))
    return 0


def _ablated(matcher: functools.partial) -> Matcher:
    """The ablated engine (a ``partial`` holding its lexicon) taking settings too."""
    return functools.partial(match, lexicon=matcher.keywords["lexicon"])


if __name__ == "__main__":
    raise SystemExit(main())
