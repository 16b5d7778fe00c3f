"""Benchmark of theme suggestions (issue 5, "themes that several companies' contributions
share"): the engine's common themes beside two baselines computed in the same run: plain
TF-IDF cosine (connected groups, its best threshold on dev) and the stem-overlap grouping
the console used before (Jaccard >= 0.3 over stems, connected groups).

Run from the repository root:  python bench/themes.py [--sweep]

* Sets: tests/matching/themes_dev (read: the defaults were chosen on it),
  tests/matching/themes_dev2 (written blind later, measured once, then read to extend the
  vocabulary and weigh barriers: a tuning set since) and tests/matching/themes_heldout
  (frozen: written blind by another helper; only its aggregate row is ever printed, and
  it is never swept).
* Pairs: two contributions put in one theme. Precision, recall and F1 over those pairs,
  pooled over the topics of a set. "themes found": the share of labelled themes for which
  one suggestion holds at least half of the theme and is at least half made of it.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import combinations

ROOT = pathlib.Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from shared.matching.baseline import _cosine, _vectors  # noqa: E402  (the matching baseline's)
from shared.matching.text import content_tokens, guess_language, stem  # noqa: E402
from shared.matching.themes import ThemeSettings, ThemeText, common_themes  # noqa: E402

SETS = (
    ("themes dev (read)", ROOT / "tests" / "matching" / "themes_dev"),
    ("themes dev 2 (measured once blind, then read)", ROOT / "tests" / "matching" / "themes_dev2"),
    ("themes held-out (frozen)", ROOT / "tests" / "matching" / "themes_heldout"),
)
TFIDF_THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4)
Grouper = Callable[[Sequence[ThemeText], str], list[tuple[int, ...]]]


@dataclass
class Topic:
    name: str
    language: str
    texts: list[ThemeText]
    expected: list[frozenset[int]]


def load(folder: pathlib.Path) -> list[Topic]:
    topics = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        texts = [ThemeText(c["id"], c["text"], c["company"]) for c in data["contributions"]]
        expected = [frozenset(t["ids"]) for t in data["expected"]]
        topics.append(Topic(path.stem, data["language"], texts, expected))
    return topics


def engine(settings: ThemeSettings) -> Grouper:
    def group(texts: Sequence[ThemeText], language: str) -> list[tuple[int, ...]]:
        return [t.ids for t in common_themes(texts, language, settings)]

    return group


def stem_overlap(texts: Sequence[ThemeText], language: str) -> list[tuple[int, ...]]:
    """The console's grouping before the engine: connected groups of texts whose stem sets
    overlap with Jaccard >= 0.3, each text stemmed in its guessed language."""
    stems = {}
    for t in texts:
        said = guess_language(t.text, language)
        stems[t.id] = {stem(token, said) for token in content_tokens(t.text)}
    edges = []
    for a, b in combinations(sorted(stems), 2):
        union = stems[a] | stems[b]
        if union and len(stems[a] & stems[b]) / len(union) >= 0.3:
            edges.append((a, b))
    return _connected(sorted(stems), edges)


def tfidf(threshold: float) -> Grouper:
    """Plain TF-IDF (the matching baseline's vectors): connected groups of texts whose
    cosine is at least ``threshold``; the benchmark gives it its best threshold on dev."""

    def group(texts: Sequence[ThemeText], language: str) -> list[tuple[int, ...]]:
        ordered = sorted(texts, key=lambda t: t.id)
        vectors = _vectors([t.text for t in ordered])
        edges = [
            (a.id, b.id)
            for (a, va), (b, vb) in combinations(zip(ordered, vectors, strict=True), 2)
            if _cosine(va, vb) >= threshold
        ]
        return _connected([t.id for t in ordered], edges)

    return group


def _connected(ids: Sequence[int], edges: Sequence[tuple[int, int]]) -> list[tuple[int, ...]]:
    parent = {i: i for i in ids}

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for a, b in edges:
        parent[find(a)] = find(b)
    groups: dict[int, list[int]] = {}
    for i in ids:
        groups.setdefault(find(i), []).append(i)
    return [tuple(g) for g in groups.values() if len(g) > 1]


def pairs(groups: Sequence[Sequence[int]]) -> set[frozenset[int]]:
    return {frozenset(p) for g in groups for p in combinations(sorted(g), 2)}


def score(topics: Sequence[Topic], grouper: Grouper) -> tuple[float | None, float, float, float]:
    tp = fp = fn = 0
    found = total = 0
    for topic in topics:
        got = grouper(topic.texts, topic.language)
        want, have = pairs(topic.expected), pairs(got)
        tp += len(want & have)
        fp += len(have - want)
        fn += len(want - have)
        for theme in topic.expected:
            total += 1
            found += any(
                2 * len(theme & set(g)) >= len(theme) and 2 * len(theme & set(g)) >= len(g)
                for g in got
            )
    precision = tp / (tp + fp) if tp + fp else None  # None: it suggested nothing
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else 0.0
    return precision, recall, f1, found / total if total else 0.0


def _row(name: str, numbers: tuple[float | None, float, float, float]) -> str:
    p, r, f1, found = numbers
    shown = "    -" if p is None else f"{p:5.2f}"
    return f"  {name:14} {shown} {r:5.2f} {f1:5.2f}   {found:5.2f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sweep", action="store_true", help="thresholds on the dev set")
    args = parser.parse_args(argv)
    defaults = ThemeSettings()
    read = load(SETS[0][1]) + load(SETS[1][1])
    # The baseline gets its best threshold on the read sets, as in bench/matching.py.
    tfidf_threshold = max(TFIDF_THRESHOLDS, key=lambda t: score(read, tfidf(t))[2])
    print("Theme suggestions benchmark (issue 5)")
    print(
        f"  engine: link {defaults.link_threshold}, join share {defaults.join_share},"
        f" barriers x{defaults.barrier_factor}"
    )
    print(f"  TF-IDF cosine threshold (best on the read sets): {tfidf_threshold}")
    for title, folder in SETS:
        topics = load(folder)
        texts = sum(len(t.texts) for t in topics)
        print(f"\n{title}: {len(topics)} topics, {texts} contributions")
        print("  grouping       pairs P     R    F1   themes found")
        print(_row("engine", score(topics, engine(defaults))))
        print(_row("TF-IDF", score(topics, tfidf(tfidf_threshold))))
        print(_row("stem overlap", score(topics, stem_overlap)))
    if args.sweep:
        print("\nsweep on the read sets, dev and dev 2 pooled (pairs F1, themes found)")
        for link in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45):
            cells = []
            for share in (0.0, 0.5, 1.0):
                settings = replace(defaults, link_threshold=link, join_share=share)
                _, _, f1, found = score(read, engine(settings))
                cells.append(f"share {share}: {f1:.2f} / {found:.2f}")
            print(f"  link {link}: " + " | ".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
