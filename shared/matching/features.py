"""From a profile item (a short text) to weighted features, and item-to-item similarity.

An item's features are lexicon concepts (``c:<id>``, found by longest stemmed-phrase match
in Spanish or English) and, for words the lexicon does not know, their Snowball stems
(``w:<stem>``, in the item's guessed language). Similarity is a soft coverage: how much of
one item's weighted features find a related feature in the other.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .lexicon import MAX_PHRASE, Concept, Lexicon
from .text import (
    cognate_key,
    content_tokens_marked,
    fold,
    guess_language,
    has_target_word,
    plausible_form,
    stem,
    tokens,
)

RESIDUAL_WEIGHT = 0.5  # weight of a word the lexicon does not know
CONTEXT_FACTOR = 0.6  # weight factor of words after "for"/"para" (context, not the head)
MIN_RESIDUAL_LEN = 3


@dataclass(frozen=True)
class Item:
    """One analysed profile item."""

    company: str
    kind: str  # "activity" | "seek" | "offer" | "restricted"
    text: str
    features: dict[str, float]
    surface: dict[str, str]  # feature -> the words of the item that produced it
    target: bool  # the item asks for clients/buyers/employers
    keys: frozenset[str]  # blocking keys: its features and word families
    parts: tuple[dict[str, float], ...] = ()  # alternatives of a seek ("hotels and spas")
    heads: frozenset[str] = frozenset()  # features that are not context or modifiers
    core: frozenset[str] = frozenset()  # features of the head word (see ``_core``)
    # Blocking keys upwards: the non-domain parents and grandparents of its concepts, and
    # the parents alone (siblings meet there; cousins, which are unrelated, do not).
    ancestors: frozenset[str] = frozenset()
    parents: frozenset[str] = frozenset()

    @property
    def total(self) -> float:
        return sum(self.features.values())


_CONJUNCTION = re.compile(r"\s*(?:[,;/&]|\band\b|\bor\b|\by\b|\be\b|\bo\b)\s*", re.IGNORECASE)


def _parts(text: str, default_language: str, lexicon: Lexicon) -> tuple[dict[str, float], ...]:
    """A seek listing alternatives ("wineries and olive mills") is answered by either."""
    pieces = [p for p in _CONJUNCTION.split(text) if p.strip()]
    if len(pieces) < 2:
        return ()
    parts: list[dict[str, float]] = []
    for piece in pieces:
        features, _, _, _ = _features(piece, default_language, lexicon)
        if any(f.startswith("c:") for f in features):
            parts.append(features)
    return tuple(parts) if len(parts) >= 2 else ()


def analyse(text: str, company: str, kind: str, default_language: str, lexicon: Lexicon) -> Item:
    """Analyse one item: concepts by longest phrase match, residual stems otherwise."""
    features, surface, context, core = _features(text, default_language, lexicon)
    if kind in ("activity", "offer"):
        modifiers = _modifiers(features, lexicon) - context
        features = {
            f: w * (MODIFIER_FACTOR if f in modifiers else 1.0) for f, w in features.items()
        }
        context |= modifiers
    keys: set[str] = set()
    ancestors: set[str] = set()
    parents: set[str] = set()
    for feature in features:
        keys.add(feature)
        if feature.startswith("w:") and len(feature) >= 2 + MIN_SHARED_PREFIX:
            keys.add("p:" + feature[2 : 2 + MIN_SHARED_PREFIX])  # word families meet
        if feature.startswith("c:"):
            for parent in lexicon.concepts[feature[2:]].parents:
                parent_concept = lexicon.concepts[parent]
                if parent_concept.domain:
                    continue
                parents.add("c:" + parent)
                for grand in parent_concept.parents:
                    if not lexicon.concepts[grand].domain:
                        ancestors.add("c:" + grand)
    ancestors |= parents
    return Item(
        company=company,
        kind=kind,
        text=text,
        features=features,
        surface=surface,
        target=has_target_word(text),
        keys=frozenset(keys),
        ancestors=frozenset(ancestors),
        parents=frozenset(parents),
        parts=_parts(text, default_language, lexicon) if kind == "seek" else (),
        heads=frozenset(f for f in features if f not in context),
        core=core & frozenset(features),
    )


MODIFIER_FACTOR = 0.6  # weight factor of a sector word that only qualifies a service


def _modifiers(features: dict[str, float], lexicon: Lexicon) -> set[str]:
    """Sector concepts and unknown words that qualify a service concept of the same item."""
    concepts = [f[2:] for f in features if f.startswith("c:")]
    if not any(c in lexicon.services for c in concepts):
        return set()
    sectors = {"c:" + c for c in concepts if c not in lexicon.services and c not in lexicon.market}
    # Words the lexicon does not know qualify the service too ("transporte de gaitas").
    return sectors | {f for f in features if f.startswith("w:")}


def _features(
    text: str, default_language: str, lexicon: Lexicon
) -> tuple[dict[str, float], dict[str, str], set[str], frozenset[str]]:
    marked = content_tokens_marked(text)
    all_stems: dict[str, list[str]] = {}  # stems of every word, made when a guard asks

    def item_stems(lang: str) -> list[str]:
        if lang not in all_stems:
            all_stems[lang] = [stem(t, lang) for t in tokens(text)]
        return all_stems[lang]

    words = [w for w, _ in marked]
    language = guess_language(text, default_language)
    other = "en" if language == "es" else "es"
    stems = {
        language: [stem(w, language) for w in words],
        other: [stem(w, other) for w in words],
    }
    features: dict[str, float] = {}
    surface: dict[str, str] = {}
    heads: set[str] = set()
    produced: list[tuple[str, ...]] = [() for _ in words]  # features of each content word
    i = 0
    n = len(words)
    while i < n:
        found: tuple[str, ...] = ()
        length = 0
        for size in range(min(MAX_PHRASE, n - i), 0, -1):
            for lang in (language, other):
                ids = lexicon.index[lang].get(tuple(stems[lang][i : i + size]))
                if ids and size == 1:
                    forms = lexicon.forms[lang].get(stems[lang][i], ())
                    if not _looks_like(words[i], forms, foreign=lang != language):
                        ids = ()
                    ids = _unguarded(ids, (stems[lang][i],), lang, item_stems, lexicon)
                if ids:
                    found = ids
                    break
            if found:
                length = size
                break
        if found:
            phrase = " ".join(words[i : i + length])
            factor = CONTEXT_FACTOR if marked[i][1] else 1.0
            for position in range(i, i + length):
                produced[position] = tuple("c:" + cid for cid in found)
            for cid in found:
                feature = "c:" + cid
                if not marked[i][1]:
                    heads.add(feature)
                weight = lexicon.concepts[cid].weight * factor
                if weight > features.get(feature, 0.0):
                    features[feature] = weight
                    surface[feature] = phrase
            i += length
            continue
        word = words[i]
        if len(word) >= MIN_RESIDUAL_LEN and not word.isdigit():
            feature = "w:" + cognate_key(stems[language][i])
            factor = CONTEXT_FACTOR if marked[i][1] else 1.0
            weight = RESIDUAL_WEIGHT * factor
            if weight > features.get(feature, 0.0):
                features[feature] = weight
            surface.setdefault(feature, word)
            produced[i] = (feature,)
            if not marked[i][1]:
                heads.add(feature)
        i += 1
    core = _core(text, language, marked, produced, lexicon)
    return features, surface, set(features) - heads, core


BROADEST_DOMAIN = 0.5  # domains this broad (manufacturing, food, trade) are never a head


def _headword(concept: Concept) -> bool:
    return not concept.domain or concept.weight > BROADEST_DOMAIN


# Prepositions that end an English noun phrase's head ("rental *of* machinery").
_EN_PREPOSITIONS = frozenset(
    ["of", "for", "in", "on", "with", "from", "to", "at", "by", "into", "across", "through", "via"]
    # ... and the words that open a clause describing it ("exporters *needing* cold chain")
    + ["needing", "wanting", "that", "who", "which", "looking", "interested", "willing"]
    + ["buying", "purchasing", "ordering", "stocking", "pouring", "sourcing", "importing"]
)


def _core(
    text: str,
    language: str,
    marked: list[tuple[str, bool]],
    produced: list[tuple[str, ...]],
    lexicon: Lexicon,
) -> frozenset[str]:
    """The features of the item's head word: what the item *is* rather than what qualifies
    it. Spanish puts the head first ("conservas de tomate", "cultivo de alcachofa");
    English last, before any preposition ("smoked salmon production", "rental of
    machinery"). Words that only name the broadest domains ("fabricación",
    "manufacturing", "food", "trade") or a place are skipped, so "fabricación de muebles"
    has the head "muebles" and "food packaging" the head "packaging"."""

    proper = proper_nouns(text)

    def specific(position: int) -> bool:
        found = produced[position]
        if not found or marked[position][1]:
            return False
        if marked[position][0] in proper and all(f.startswith("w:") for f in found):
            return False  # a name the lexicon does not know (a place, a brand) is no head
        return any(
            f.startswith("w:")
            or (_headword(lexicon.concepts[f[2:]]) and f[2:] not in lexicon.market)
            for f in found
        )

    positions = [n for n in range(len(marked)) if specific(n)]
    if not positions:
        return frozenset()
    if language == "es":
        return frozenset(produced[positions[0]])
    # English: content words before the first preposition or clause; the last is the head.
    limit = len(marked)
    seen = 0
    for token in tokens(text):
        if token in _EN_PREPOSITIONS and seen:
            limit = seen
            break
        if seen < len(marked) and token == marked[seen][0]:
            seen += 1
    before = [n for n in positions if n < limit] or positions
    return frozenset(produced[before[-1]])


_CAPITALISED = re.compile(r"(?<![\w.])([A-ZÁÉÍÓÚÑÜ][a-záéíóúñü]+)")


def proper_nouns(text: str) -> frozenset[str]:
    """Folded words written with a capital inside the item, not as its first word: names
    of places and brands ("Clientes en *Tenerife*"). Acronyms (MDR, SATE) are not names."""
    found = set()
    for match in _CAPITALISED.finditer(text):
        if text[: match.start()].strip():
            found.add(fold(match.group(1)))
    return frozenset(found)


def _looks_like(word: str, forms: tuple[str, ...], foreign: bool) -> bool:
    """A single word matched to a lexicon term through its stem. A word read in the item's
    other language is a loanword ("packaging" in a Spanish item): it must be written as in
    the lexicon, a near form is a false friend ("paper" is not "papas")."""
    if foreign:
        return word in forms or word.rstrip("s") in forms
    return plausible_form(word, forms)


def _unguarded(
    ids: tuple[str, ...],
    key: tuple[str, ...],
    language: str,
    item_stems: Callable[[str], list[str]],
    lexicon: Lexicon,
) -> tuple[str, ...]:
    """Drop concepts that this one word only reaches through a longer phrase that stop
    words collapsed ("quality control" -> "control") when the item (``item_stems``: the
    stems of all its words, in a language) does not contain that phrase."""
    guarded = lexicon.guarded.get(language, {})
    kept = []
    for cid in ids:
        phrases = guarded.get((key, cid))
        if phrases is None or any(_contains(item_stems(language), p) for p in phrases):
            kept.append(cid)
    return tuple(kept)


def _contains(item: list[str], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(tuple(item[n : n + size]) == phrase for n in range(len(item) - size + 1))


DERIVED_STRENGTH = 0.8  # two unknown words of one family ("hotel" / "hotelero")
MIN_SHARED_PREFIX = 5


@lru_cache(maxsize=262144)
def word_relatedness(a: str, b: str) -> float:
    """Unknown words (``w:`` features, cognate keys of stems) of one derivational family:
    one key begins with the other, or they share a long prefix ("hotel"/"hoteler",
    "turism"/"turist", "mobil"/"mobiliari"). Strength 0 otherwise."""
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    common -= 2  # the "w:" prefix
    shorter = min(len(a), len(b)) - 2
    if common >= MIN_SHARED_PREFIX and common >= 0.75 * shorter:
        return DERIVED_STRENGTH
    return 0.0


class Link(NamedTuple):
    """The best link of one feature of the first item into the second item (a named
    tuple: coverage makes hundreds of thousands of them in a large workshop)."""

    feature: str
    other: str
    strength: float
    weight: float


def coverage(
    features: dict[str, float],
    other: dict[str, float],
    lexicon: Lexicon,
    need: bool = False,
    links_wanted: bool = True,
) -> tuple[float, list[Link]]:
    """Share (0..1) of ``features``' weight that finds a related feature in ``other``.

    With ``need`` the features are a need's: a narrower concept in ``other`` answers a
    broader one of the need almost fully (``Lexicon.narrower``). Without
    ``links_wanted`` the list of links stays empty (the hot loops only need the share)."""
    tables = lexicon.need_tables if need else lexicon.related_tables
    other_concepts = [f for f in other if f[0] == "c"]
    other_words: list[str] | None = None
    total = 0.0
    covered = 0.0
    links: list[Link] = []
    for feature, weight in features.items():
        total += weight
        best = 0.0
        best_other = ""
        if feature in other:
            best, best_other = 1.0, feature
        elif feature[0] == "c":
            table = tables.get(feature)
            if table:
                for candidate in other_concepts:
                    strength = table.get(candidate, 0.0)
                    if strength > best or (
                        strength == best and strength and candidate < best_other
                    ):
                        best, best_other = strength, candidate
        else:
            if other_words is None:
                other_words = [f for f in other if f[0] == "w"]
            for candidate in other_words:
                strength = word_relatedness(feature, candidate)
                if strength > best:
                    best, best_other = strength, candidate
        if best > 0.0:
            covered += weight * best
            if links_wanted:
                links.append(Link(feature, best_other, best, weight))
    if total <= 0.0:
        return 0.0, []
    return covered / total, links


def label_of(feature: str, lexicon: Lexicon, surface: dict[str, str], language: str = "en") -> str:
    """Readable name of a feature: the concept's label in ``language`` or the word itself."""
    if feature.startswith("c:"):
        return lexicon.label(feature[2:], language)
    return surface.get(feature, feature[2:])
