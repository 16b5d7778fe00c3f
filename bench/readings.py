"""How the engine reads a labelled workshop: each item's concepts and unknown words, then
the workshop's missed and wrong results. Used to write vocabulary for a *read* set.

Run from the repository root:  python bench/readings.py tests/matching/heldout9/es_vino_rioja.json

Refuses the frozen sets: reading them would be tuning on them.
"""

from __future__ import annotations

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # the repository

from matching import FROZEN  # noqa: E402  (bench/matching.py: the one list of frozen sets)

from shared.matching import match  # noqa: E402
from shared.matching.evaluate import evaluate, load_labelled  # noqa: E402
from shared.matching.features import analyse, label_of  # noqa: E402
from shared.matching.lexicon import default_lexicon  # noqa: E402

KINDS = (
    ("activity", "activities"),
    ("seek", "seeks"),
    ("offer", "offers"),
    ("restricted", "restricted"),
)


def reading(text: str, company: str, kind: str, language: str) -> str:
    lexicon = default_lexicon()
    item = analyse(text, company, kind, language, lexicon)
    shown = []
    for feature, weight in item.features.items():
        name = label_of(feature, lexicon, item.surface)
        mark = "" if feature.startswith("c:") else "?"  # ? = a word the lexicon does not know
        head = "*" if feature in item.heads else ""
        shown.append(f"{mark}{name}{head} {weight:.2f}")
    return "; ".join(shown) or "(nothing)"


def main(paths: list[str]) -> int:
    for path in paths:
        file = pathlib.Path(path)
        if file.resolve().parent in {folder.resolve() for folder in FROZEN}:
            print(f"{path}: a frozen set; its readings are never printed", file=sys.stderr)
            return 2
        workshop = load_labelled(file)
        print(f"# {file.name}")
        for profile in workshop.profiles:
            print(f"## {profile.name} ({profile.language})")
            for kind, field in KINDS:
                for text in getattr(profile, field):
                    shown = reading(text, profile.name, kind, profile.language)
                    print(f"  {kind:10} {text}\n             -> {shown}")
        report = evaluate(match, [workshop])
        for title, counts in (
            ("overlaps", report.overlaps),
            ("combinations", report.combinations),
            ("shared needs", report.shared_needs),
        ):
            print(f"{title}: P {counts.precision:.2f} R {counts.recall:.2f} F1 {counts.f1:.2f}")
            for line in counts.errors:
                print("  " + line)
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
