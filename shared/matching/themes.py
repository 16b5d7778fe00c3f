"""Common themes: contributions of a topic that say the same thing ("a common barrier"),
across wording and language, suggested to the facilitator with a title.

Pure Python, like the rest of the engine: the caller passes the texts it may read (the
service asks the disclosure module first) and gets groups of ids back. Each contribution is
read like a profile item (lexicon concepts, with a table of barriers and lessons of its own,
unknown words by stem), its features weighed for the topic (the topic's own words count
less); two contributions are similar by the soft coverage the engine uses for overlaps;
groups are linked best-first, and two groups merge only if each member of each is close
to half of the other, so loose pairs do not chain two themes together. Themes that span
more companies come first; one company's group comes last, still offered (it is often part
of a theme whose other members were missed). Numbers: docs/MATCHING.md ("Common
themes"), ``python bench/themes.py``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from .explain import Explanations, theme_titles
from .features import Item, analyse, coverage
from .lexicon import THEME_CONCEPTS, Lexicon, themes_lexicon
from .text import fold, guess_language


class ThemeText(NamedTuple):
    """One contribution as the caller may read it; ``company`` is None when its author is
    not shown to the caller (each such item counts as a company of its own)."""

    id: int
    text: str
    company: str | None = None


@dataclass(frozen=True)
class CommonTheme:
    ids: tuple[int, ...]
    companies: int  # how many different companies (unnamed authors count one each)
    score: float  # the strongest link inside the group
    titles: Explanations  # a suggested heading, {"en": ..., "es": ...}

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "ids": list(self.ids),
            "companies": self.companies,
            "score": self.score,
            "title": dict(self.titles),
        }


@dataclass(frozen=True)
class ThemeSettings:
    link_threshold: float = 0.3  # two contributions this similar may share a theme
    # Two groups merge only if this share of each one's members is close to at least half
    # of the other's.
    join_share: float = 1.0
    # A feature named by more than this share of the topic's contributions (the topic's own
    # words: "export" in a topic about exporting) weighs less in proportion.
    common_share: float = 0.25
    word_factor: float = 0.6  # weight of a word the lexicon does not know, against a concept
    barrier_factor: float = 2.0  # weight of a barrier of the contributions' table


DEFAULT_THEME_SETTINGS = ThemeSettings()


def similarity(a: dict[str, float], b: dict[str, float], lexicon: Lexicon) -> float:
    """Mean of both directions' coverage: the share of each text's weighted features that
    find a related feature in the other."""
    ab, _ = coverage(a, b, lexicon, links_wanted=False)
    if ab == 0.0:
        return 0.0
    ba, _ = coverage(b, a, lexicon, links_wanted=False)
    return (ab + ba) / 2.0


def _topic_weights(items: list[Item], settings: ThemeSettings) -> list[dict[str, float]]:
    """Each contribution's features reweighted for its topic (see ``ThemeSettings``)."""
    named = Counter(f for item in items for f in item.features)
    usual = max(2.0, settings.common_share * len(items))
    weighted = []
    for item in items:
        features = {}
        for feature, weight in item.features.items():
            if feature[0] == "w":
                weight *= settings.word_factor
            elif feature[2:] in THEME_CONCEPTS:
                weight *= settings.barrier_factor
            if named[feature] > usual:
                weight *= usual / named[feature]
            features[feature] = weight
        weighted.append(features)
    return weighted


def common_themes(
    texts: Sequence[ThemeText],
    language: str = "es",
    settings: ThemeSettings = DEFAULT_THEME_SETTINGS,
    lexicon: Lexicon | None = None,
) -> list[CommonTheme]:
    """Groups of two or more contributions that share a theme, biggest first. ``language``
    is the workshop's, for texts too short to tell their own."""
    lex = lexicon or themes_lexicon()
    ordered = sorted(texts, key=lambda t: t.id)
    languages = [language_of(t.text, language) for t in ordered]
    items = [
        analyse(t.text, t.company or "", "contribution", said, lex)
        for t, said in zip(ordered, languages, strict=True)
    ]
    weighted = _topic_weights(items, settings)
    n = len(items)
    close: list[set[int]] = [set() for _ in range(n)]
    edges: list[tuple[float, int, int]] = []
    for i in range(n):
        for j in range(i + 1, n):
            score = similarity(weighted[i], weighted[j], lex)
            if score >= settings.link_threshold:
                close[i].add(j)
                close[j].add(i)
                edges.append((score, i, j))
    edges.sort(key=lambda e: (-e[0], e[1], e[2]))

    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    strongest: dict[int, float] = {}
    for score, i, j in edges:
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        merged = members[gi] + members[gj]
        # Each side must be close to at least ``join_share`` of the other: average-linkage
        # in spirit, so a theme does not grow by a chain of loose pairs.
        if not (
            _close_share(members[gi], members[gj], close) >= settings.join_share
            and _close_share(members[gj], members[gi], close) >= settings.join_share
        ):
            continue
        keep, gone = min(gi, gj), max(gi, gj)
        members[keep] = merged
        del members[gone]
        for m in merged:
            group_of[m] = keep
        strongest[keep] = max(score, strongest.get(keep, 0.0), strongest.pop(gone, 0.0))

    themes: list[CommonTheme] = []
    for key, group in members.items():
        if len(group) < 2:
            continue
        group.sort()
        authors = [ordered[m].company for m in group]
        named = {a for a in authors if a}
        themes.append(
            CommonTheme(
                ids=tuple(ordered[m].id for m in group),
                companies=len(named) + sum(1 for a in authors if not a),
                score=round(strongest[key], 2),
                titles=theme_titles(
                    [items[m] for m in group], _title_concept(group, weighted), lex
                ),
            )
        )
    themes.sort(key=lambda t: (-t.companies, -len(t.ids), -t.score, t.ids))
    return themes


# Words of whole sentences (contributions, unlike profile items, are sentences) that tell
# the language when the profile hints of ``text.guess_language`` tie.
_SENTENCE_HINTS = {
    "en": frozenset(
        ["we", "us", "is", "are", "was", "were", "it", "this", "they", "have", "has", "not"]
        + ["cannot", "too"]
    ),
    "es": frozenset(
        ["que", "se", "nos", "es", "son", "hay", "muy", "lo", "su", "sus", "mas", "tenemos"]
        + ["hemos"]
    ),
}


def language_of(text: str, default: str) -> str:
    """'es' or 'en' for one contribution; ``default`` (the workshop's) on a tie."""
    guessed = guess_language(text, "")
    if guessed:
        return guessed
    words = re.findall(r"\w+", fold(text))
    counts = {lang: sum(1 for w in words if w in hints) for lang, hints in _SENTENCE_HINTS.items()}
    if counts["en"] != counts["es"]:
        return "en" if counts["en"] > counts["es"] else "es"
    return default


def _close_share(group: list[int], other: list[int], close: list[set[int]]) -> float:
    """The share of ``group``'s members that are close to at least half of ``other``."""
    near = sum(1 for m in group if 2 * len(close[m].intersection(other)) >= len(other))
    return near / len(group)


def _title_concept(group: list[int], weighted: list[dict[str, float]]) -> str | None:
    """The concept most members name; among those, a barrier of the contributions' table
    ("paperwork" before "freight forwarding" for customs forms), then the weightier for
    the topic."""
    counts: Counter[str] = Counter()
    weights: Counter[str] = Counter()
    for m in group:
        for feature, weight in weighted[m].items():
            if feature[0] == "c":
                counts[feature] += 1
                weights[feature] += weight
    shared = [f for f, c in counts.items() if c >= 2]
    if not shared:
        return None
    return min(shared, key=lambda f: (-counts[f], f[2:] not in THEME_CONCEPTS, -weights[f], f))
