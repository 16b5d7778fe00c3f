"""Benchmark of the matching engine (issue 5): quality and speed, beside a TF-IDF baseline.

Run from the repository root:  python bench/matching.py [--sweep]

* Quality: precision, recall and F1 for overlaps, combinations and shared needs on the
  development set (tests/matching/devset) and, separately, on the held-out set
  (tests/matching/heldout, written before tuning and never tuned on). The baseline's
  thresholds are the best ones for it on the development set, applied unchanged to the
  held-out set, exactly like the engine's.
* Speed: time to match 200 generated companies with 10 items each (target < 2 s).
  tests/matching/heldout2 is a second held-out set written later (after one look at the
  first held-out set's error list), also never tuned on.
* --sweep: F1 on the development set for a range of engine thresholds (how the defaults
  were chosen).
"""

from __future__ import annotations

import argparse
import functools
import pathlib
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace

ROOT = pathlib.Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from shared.matching import CompanyProfile, MatchResult, Settings, match  # noqa: E402
from shared.matching.baseline import BaselineSettings, baseline_match  # noqa: E402
from shared.matching.evaluate import Counts, Labelled, Report, evaluate, load_folder  # noqa: E402
from shared.matching.lexicon import default_lexicon  # noqa: E402

DEV = ROOT / "tests" / "matching" / "devset"
HELD_OUT = ROOT / "tests" / "matching" / "heldout"
HELD_OUT_2 = ROOT / "tests" / "matching" / "heldout2"
Matcher = Callable[[list[CompanyProfile]], MatchResult]


def _row(name: str, report: Report) -> str:
    cells = []
    for counts in (report.overlaps, report.combinations, report.shared_needs):
        cells.append(f"{counts.precision:5.2f} {counts.recall:5.2f} {counts.f1:5.2f}")
    return (
        f"  {name:<9}"
        + "  |  ".join(cells)
        + f"  | restricted flag {report.restricted_accuracy:4.2f}"
    )


def _header() -> str:
    return "  matcher  " + "  |  ".join(
        f"{title:^17}" for title in ("overlaps P R F1", "combinations P R F1", "shared P R F1")
    )


def _overlaps(report: Report) -> Counts:
    return report.overlaps


def _combinations(report: Report) -> Counts:
    return report.combinations


def _shared(report: Report) -> Counts:
    return report.shared_needs


def best_baseline(dev: Sequence[Labelled]) -> BaselineSettings:
    """The baseline's best thresholds on the development set (per result type)."""
    grid = [round(0.05 * i, 2) for i in range(2, 17)]
    best = BaselineSettings()
    chosen: dict[str, float] = {}
    for attr, counts_of in (
        ("overlap_threshold", _overlaps),
        ("combination_threshold", _combinations),
        ("shared_need_threshold", _shared),
    ):
        scores = []
        for t in grid:
            settings = replace(best, **{attr: t})
            report = evaluate(functools.partial(baseline_match, settings=settings), dev)
            scores.append((counts_of(report).f1, -t, t))
        chosen[attr] = max(scores)[2]
    return BaselineSettings(**chosen)


def generated_profiles(count: int = 200, items: int = 10, seed: int = 5) -> list[CompanyProfile]:
    """Synthetic workshop: items built from lexicon terms and filler words, 10 per company."""
    rng = random.Random(seed)
    lexicon = default_lexicon()
    terms = sorted(
        {t for c in lexicon.concepts.values() for t in c.en_terms + c.es_terms if len(t) > 3}
    )
    fillers = ["for", "de", "new", "local", "para", "with", "regional", "premium", "small"]
    profiles = []
    for n in range(count):

        def item() -> str:
            words = rng.sample(terms, rng.randint(1, 3))
            return f" {rng.choice(fillers)} ".join(words)

        split = [3, 3, 3, 1]
        profiles.append(
            CompanyProfile(
                name=f"Company {n:03d}",
                language=rng.choice(["es", "en"]),
                mission="",
                activities=tuple(item() for _ in range(split[0])),
                seeks=tuple(item() for _ in range(split[1])),
                offers=tuple(item() for _ in range(split[2])),
                restricted=tuple(item() for _ in range(items - sum(split[:3]))),
            )
        )
    return profiles


def timing(matcher: Matcher, profiles: list[CompanyProfile], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        matcher(profiles)
        best = min(best, time.perf_counter() - start)
    return best


def sweep(dev: Sequence[Labelled]) -> None:
    print("Threshold sweep on the development set (engine, F1):")
    for attr, counts_of in (
        ("overlap_threshold", _overlaps),
        ("combination_threshold", _combinations),
        ("shared_need_threshold", _shared),
    ):
        cells = []
        for t in [round(0.4 + 0.04 * i, 2) for i in range(9)]:
            settings = replace(Settings(), **{attr: t})
            report = evaluate(functools.partial(match, settings=settings), dev)
            cells.append(f"{t:.2f}:{counts_of(report).f1:.2f}")
        print(f"  {attr:<22} " + " ".join(cells))
    print()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", action="store_true", help="also print a threshold sweep")
    parser.add_argument("--errors", action="store_true", help="list every FP/FN")
    args = parser.parse_args(argv)

    dev = load_folder(DEV)
    held_out = load_folder(HELD_OUT)
    held_out_2 = load_folder(HELD_OUT_2)
    baseline_settings = best_baseline(dev)

    def engine(p: list[CompanyProfile]) -> MatchResult:
        return match(p)

    def baseline(p: list[CompanyProfile]) -> MatchResult:
        return baseline_match(p, baseline_settings)

    print("Matching benchmark (issue 5)")
    print(
        f"  engine thresholds: overlap {Settings().overlap_threshold}, combination "
        f"{Settings().combination_threshold}, shared need {Settings().shared_need_threshold}"
    )
    print(
        f"  baseline (TF-IDF cosine) thresholds, best on dev: overlap "
        f"{baseline_settings.overlap_threshold}, combination "
        f"{baseline_settings.combination_threshold}, shared need "
        f"{baseline_settings.shared_need_threshold}"
    )
    print()
    if args.sweep:
        sweep(dev)
    for title, sets in (("dev", dev), ("held-out", held_out), ("held-out 2", held_out_2)):
        companies = sum(len(w.profiles) for w in sets)
        print(f"{title}: {len(sets)} workshops, {companies} companies")
        print(_header())
        for name, matcher in (("engine", engine), ("baseline", baseline)):
            report = evaluate(matcher, sets)
            print(_row(name, report))
            # Never list held-out errors: looking at them would be tuning on them.
            if args.errors and name == "engine" and title == "dev":
                for counts in (report.overlaps, report.combinations, report.shared_needs):
                    for line in counts.errors:
                        print("      " + line)
        print()

    profiles = generated_profiles()
    match(profiles[:5])  # warm the lexicon and stemmer caches, as a running server would be
    engine_time = timing(engine, profiles)
    baseline_time = timing(baseline, profiles)
    items = sum(
        len(p.activities) + len(p.seeks) + len(p.offers) + len(p.restricted) for p in profiles
    )
    print(f"speed: {len(profiles)} generated companies, {items} items")
    print(f"  engine   {engine_time:6.3f} s   (target < 2 s)")
    print(f"  baseline {baseline_time:6.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
