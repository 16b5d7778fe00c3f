"""The concept lexicon compiled for matching: phrase index and concept relatedness.

:data:`shared.matching.lexicon_data.LEXICON` is parsed once into a :class:`Lexicon`:
an index from stemmed phrases (per language) to concept ids, and for every concept the
concepts related to it with a strength in 0..1 (1 = same concept).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from .lexicon_data import LEXICON
from .lexicon_generic import LEXICON_GENERIC
from .lexicon_sectors import LEXICON_SECTORS
from .lexicon_themes import LEXICON_THEMES
from .lexicon_trades import LEXICON_TRADES
from .text import content_tokens, stem, tokens

MAX_PHRASE = 5

# Relatedness strengths. Chosen by measurement on the development set (see docs/MATCHING.md).
SIM_PARENT = 0.75  # a concept and its direct (non-domain) parent, either way
SIM_DOMAIN = 0.45  # a concept and its broad domain
SIM_GRANDPARENT = 0.55  # two steps up a non-domain path
SIM_SIBLING = 0.5  # two concepts under the same non-domain parent
# A need for a broad concept is answered by a narrower one ("textile clients" by a yarn
# spinner, "industries with large heat consumption" by a kiln user): need-side strengths.
NEED_CHILD = 0.9  # the answer's concept is a child of the need's (non-domain) concept
NEED_GRANDCHILD = 0.85
NEED_DOMAIN_CHILD = 0.7  # the need names a broad domain ("textile", "energy")
NEED_DOMAIN_GRANDCHILD = 0.65

# Concepts that say *what is provided* (a service, equipment, a channel): in an activity or
# offer that also names a sector ("seafood processing apprenticeships", "olive harvesting
# machinery", "formación en mecanizado"), the sector is a modifier, not the head.
SERVICE_ROOTS = (
    "training",
    "staff",
    "software",
    "it_support",
    "cloud",
    "digitalisation",
    "cybersecurity",
    "digital_marketing",
    "consulting",
    "machinery",
    "maintenance",
    "transport",
    "logistics_ops",
    "warehousing",
    "financing",
    "insurance",
    "certification",
    "packaging",
    "marketing",
    "energy_audit",
    "engineering",
    "rd",
    "testing_lab",
    "legal_services",
    "accounting",
    "market_research",
    "export_promotion",
    "automation",
    "distribution",
    "energy_saving",
    "facility_services",
)


@dataclass(frozen=True)
class Concept:
    id: str
    label: str
    weight: float
    parents: tuple[str, ...]
    domain: bool
    en_terms: tuple[str, ...]
    es_terms: tuple[str, ...]


@dataclass
class Lexicon:
    concepts: dict[str, Concept]
    index: dict[str, dict[tuple[str, ...], tuple[str, ...]]]
    related: dict[str, dict[str, float]] = field(default_factory=dict)
    geography: frozenset[str] = frozenset()  # places (descendants of markets_geo)
    market: frozenset[str] = frozenset()  # places + export: where one sells, not what
    # language -> single-word stem -> the folded words of the terms that produced it
    forms: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    # language -> (single-word key, concept) -> the whole phrases (stems of every word,
    # stop words included) it must appear in
    guarded: dict[str, dict[tuple[tuple[str, ...], str], tuple[tuple[str, ...], ...]]] = field(
        default_factory=dict
    )
    narrower: dict[str, dict[str, float]] = field(default_factory=dict)  # need-side boost
    services: frozenset[str] = frozenset()  # SERVICE_ROOTS and everything below them
    # The same tables keyed by feature names ("c:<id>"), for the hot loop of coverage.
    related_tables: dict[str, dict[str, float]] = field(default_factory=dict)
    need_tables: dict[str, dict[str, float]] = field(default_factory=dict)

    def label(self, concept_id: str, language: str = "en") -> str:
        """The concept's first term in ``language`` (English when it has no Spanish one)."""
        concept = self.concepts.get(concept_id)
        if concept is None:
            return concept_id
        if language == "es" and concept.es_terms:
            return concept.es_terms[0]
        return concept.label


def _phrase_key(term: str, language: str) -> tuple[str, ...]:
    return tuple(stem(t, language) for t in content_tokens(term))


def parse_lexicon(source: str) -> Lexicon:
    """Parse the ``id | parents | en terms | es terms`` table (see lexicon_data).

    A line whose id starts with ``+`` extends a concept defined earlier: its parents and
    terms are added to that concept's (so a generic vocabulary table can extend the
    sector tables without repeating them).
    """
    concepts: dict[str, Concept] = {}
    for number, raw_line in enumerate(source.splitlines(), start=1):
        line = raw_line.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 4:
            raise ValueError(f"lexicon line {number}: expected 4 fields separated by '|'")
        raw_id, raw_parents, raw_en, raw_es = parts
        en_terms = tuple(t.strip() for t in raw_en.split(",") if t.strip())
        es_terms = tuple(t.strip() for t in raw_es.split(",") if t.strip())
        parents = tuple(p.strip().lstrip("@") for p in raw_parents.split(",") if p.strip())
        if raw_id.startswith("+"):
            base = concepts.get(raw_id[1:])
            if base is None:
                raise ValueError(f"lexicon line {number}: {raw_id[1:]!r} extended before defined")
            concepts[base.id] = replace(
                base,
                parents=base.parents + tuple(p for p in parents if p not in base.parents),
                en_terms=base.en_terms + en_terms,
                es_terms=base.es_terms + es_terms,
            )
            continue
        weight = 1.0
        if "*" in raw_id:
            raw_id, raw_weight = raw_id.split("*", 1)
            weight = float(raw_weight)
        domain = raw_id.startswith("@")
        concept_id = raw_id.lstrip("@")
        if concept_id in concepts:
            raise ValueError(f"lexicon line {number}: concept {concept_id!r} defined twice")
        label = en_terms[0] if en_terms else concept_id.replace("_", " ")
        concepts[concept_id] = Concept(
            concept_id, label, weight, parents, domain, en_terms, es_terms
        )
    for concept in concepts.values():
        for parent in concept.parents:
            if parent not in concepts:
                raise ValueError(f"lexicon: {concept.id!r} has unknown parent {parent!r}")

    index: dict[str, dict[tuple[str, ...], tuple[str, ...]]] = {"en": {}, "es": {}}
    forms: dict[str, dict[str, tuple[str, ...]]] = {"en": {}, "es": {}}
    # (key, concept) -> phrases: a term of several words that stop words reduce to one
    # ("quality control" -> "control", "it support" -> "support") only matches an item
    # that contains the whole phrase; single-word terms clear the guard.
    guarded: dict[str, dict[tuple[tuple[str, ...], str], tuple[tuple[str, ...], ...]]] = {
        "en": {},
        "es": {},
    }
    plain: set[tuple[str, tuple[str, ...], str]] = set()
    for concept in concepts.values():
        for language, terms in (("en", concept.en_terms), ("es", concept.es_terms)):
            for term in terms:
                key = _phrase_key(term, language)
                if not key or len(key) > MAX_PHRASE:
                    continue
                existing = index[language].get(key, ())
                if concept.id not in existing:
                    index[language][key] = existing + (concept.id,)
                if len(key) == 1 and len(tokens(term)) > 1:
                    phrase = tuple(stem(t, language) for t in tokens(term))
                    known = guarded[language].get((key, concept.id), ())
                    guarded[language][(key, concept.id)] = known + (phrase,)
                elif len(key) == 1:
                    plain.add((language, key, concept.id))
                if len(key) == 1:
                    written = content_tokens(term)[0]
                    known = forms[language].get(key[0], ())
                    if written not in known:
                        forms[language][key[0]] = known + (written,)
    for language, key, cid in plain:
        guarded[language].pop((key, cid), None)
    lexicon = Lexicon(concepts=concepts, index=index, forms=forms, guarded=guarded)
    lexicon.related = _relatedness(concepts)
    lexicon.narrower = _narrower(concepts)
    for cid, table in lexicon.related.items():
        keyed = {"c:" + other: value for other, value in table.items()}
        lexicon.related_tables["c:" + cid] = keyed
        need_table = dict(keyed)
        for other, value in lexicon.narrower.get(cid, {}).items():
            if value > need_table.get("c:" + other, 0.0):
                need_table["c:" + other] = value
        lexicon.need_tables["c:" + cid] = need_table
    services: set[str] = set()
    for root in SERVICE_ROOTS:
        services |= _descendants(concepts, root)
    lexicon.services = frozenset(services)
    geography = _descendants(concepts, GEOGRAPHY_ROOT)
    lexicon.geography = frozenset(geography)
    lexicon.market = frozenset(geography | {c for c in MARKET_CONCEPTS if c in concepts})
    return lexicon


GEOGRAPHY_ROOT = "markets_geo"
MARKET_CONCEPTS = ("export", "internationalisation")


def _descendants(concepts: dict[str, Concept], root: str) -> set[str]:
    found = {root} if root in concepts else set()
    changed = True
    while changed:
        changed = False
        for concept in concepts.values():
            if concept.id not in found and any(p in found for p in concept.parents):
                found.add(concept.id)
                changed = True
    return found


def _relatedness(concepts: dict[str, Concept]) -> dict[str, dict[str, float]]:
    children: dict[str, list[str]] = {cid: [] for cid in concepts}
    for concept in concepts.values():
        for parent in concept.parents:
            children[parent].append(concept.id)

    related: dict[str, dict[str, float]] = {}

    def put(table: dict[str, float], other: str, value: float) -> None:
        if value > table.get(other, 0.0):
            table[other] = value

    for cid, concept in concepts.items():
        table: dict[str, float] = {cid: 1.0}
        for parent in concept.parents:
            if concepts[parent].domain:
                put(table, parent, SIM_DOMAIN)
                continue
            put(table, parent, SIM_PARENT)
            for sibling in children[parent]:
                if sibling != cid:
                    put(table, sibling, SIM_SIBLING)
            for grand in concepts[parent].parents:
                if not concepts[grand].domain:
                    put(table, grand, SIM_GRANDPARENT)
        for child in children[cid]:
            put(table, child, SIM_DOMAIN if concept.domain else SIM_PARENT)
            if not concept.domain:
                for grandchild in children[child]:
                    put(table, grandchild, SIM_GRANDPARENT)
        related[cid] = table
    return related


def _narrower(concepts: dict[str, Concept]) -> dict[str, dict[str, float]]:
    """For every concept, its children and grandchildren with need-side strengths."""
    children: dict[str, list[str]] = {cid: [] for cid in concepts}
    for concept in concepts.values():
        for parent in concept.parents:
            children[parent].append(concept.id)
    table: dict[str, dict[str, float]] = {}
    for cid, concept in concepts.items():
        down: dict[str, float] = {}
        child_strength = NEED_DOMAIN_CHILD if concept.domain else NEED_CHILD
        grand_strength = NEED_DOMAIN_GRANDCHILD if concept.domain else NEED_GRANDCHILD
        for child in children[cid]:
            down[child] = max(down.get(child, 0.0), child_strength)
            for grand in children[child]:
                down[grand] = max(down.get(grand, 0.0), grand_strength)
        down.pop(cid, None)
        if down:
            table[cid] = down
    return table


# The built-in tables in parse order: later tables may extend (+id) earlier ones.
DEFAULT_SOURCE = "\n".join((LEXICON, LEXICON_GENERIC, LEXICON_SECTORS, LEXICON_TRADES))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The built-in bilingual lexicon (parsed once per process)."""
    return parse_lexicon(DEFAULT_SOURCE)


# The barriers and lessons the contributions' table defines (not the concepts it extends,
# nor its domain and its light modifiers, "price rises", "delays"): the better heading for a
# theme when a group also shares a profile concept.
THEME_CONCEPTS = frozenset(
    line.split("|")[0].strip()
    for line in LEXICON_THEMES.splitlines()
    if "|" in line
    and not line.lstrip().startswith(("#", "+", "@"))
    and "*" not in line.split("|")[0]
)


@lru_cache(maxsize=1)
def themes_lexicon() -> Lexicon:
    """The built-in lexicon plus the vocabulary of contributions (barriers, costs, lessons),
    for common themes only: profile matching keeps :func:`default_lexicon`."""
    return parse_lexicon(DEFAULT_SOURCE + "\n" + LEXICON_THEMES)
