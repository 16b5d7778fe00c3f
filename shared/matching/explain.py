"""Five-second explanations and evidence lines for the engine's results, in English and
Spanish.

An explanation names the shared concept(s) and quotes the two items that matched, e.g.
``Both work in canning, asparagus: "conservas de espárrago" ~ "asparagus canning".`` or
``Las dos trabajan en conservas, espárrago: ...``. Every explanation function returns an
:data:`Explanations` mapping (one text per language of the product), so a facilitator or
a company reads it in the language of their screen. Explanations never name whose
restricted area is touched: that detail stays in the evidence, which the disclosure
module shows to the facilitator only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .features import Item, Link, label_of
from .lexicon import Lexicon
from .text import fold, guess_language

MAX_QUOTE = 60
LANGUAGES = ("en", "es")
Explanations = dict[str, str]  # language -> text

_PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "related": "related items",
        "both": "Both work in {topic}: {a} ~ {b}.",
        "touch": "An activity ({activity}) falls in {topic}, a restricted area of the other.",
        "coincide": "Their activities coincide.",
        "restricted": " Touches a restricted area.",
        "group": "{size} companies all work in {topic}.",
        "offers": "{provider} offers {answer} for the need {need} ({topic}).",
        "client_does": "Potential client: {provider} does {answer}, asked for in {need} ({topic}).",
        "does": "{provider} does {answer}, which answers {need} ({topic}).",
        "client_seeks": (
            "Potential client: {provider} itself seeks {answer}, asked for in {need} ({topic})."
        ),
        "client_profile": (
            "Potential client: {provider}, whose work is {answer}, fits {need} ({topic})."
        ),
        "shared": "{size} companies seek the same thing — a joint action? {quotes}.",
    },
    "es": {
        "related": "temas afines",
        "both": "Las dos trabajan en {topic}: {a} ~ {b}.",
        "touch": "Una actividad ({activity}) entra en {topic}, un área restringida de la otra.",
        "coincide": "Sus actividades coinciden.",
        "restricted": " Toca un área restringida.",
        "group": "{size} empresas trabajan en {topic}.",
        "offers": "{provider} ofrece {answer} para la necesidad {need} ({topic}).",
        "client_does": (
            "Posible cliente: {provider} se dedica a {answer}, que se busca en {need} ({topic})."
        ),
        "does": "{provider} se dedica a {answer}, que responde a {need} ({topic}).",
        "client_seeks": (
            "Posible cliente: {provider} busca {answer}, que se pide en {need} ({topic})."
        ),
        "client_profile": (
            "Posible cliente: {provider}, que se dedica a {answer}, encaja en {need} ({topic})."
        ),
        "shared": "{size} empresas buscan lo mismo: ¿una acción conjunta? {quotes}.",
    },
}

# The Spanish terms of the lexicon are written accent-folded (they are matched folded), so
# a Spanish label that cannot be taken from the item's own words gets its accents back
# here: by ending (-ción, -sión, -logía...) and, for the lexicon's other first terms, by word.
_SPANISH_ENDINGS = (
    (re.compile(r"cion(es)?$"), r"ción\1"),
    (re.compile(r"sion(es)?$"), r"sión\1"),
    (re.compile(r"logia$"), "logía"),
    (re.compile(r"grafia$"), "grafía"),
    (re.compile(r"istic([ao]s?)$"), r"ístic\1"),
    (re.compile(r"onic([ao]s?)$"), r"ónic\1"),
)
_ACCENTED_WORDS = """
    energía energético energética energéticos consultoría agrícola agronomía ecológico
    cítricos melocotón ganadería lácteo avícola salmón atún panadería alcohólicas café
    viñedo cartón plástico diseño frío almacén frigorífico última auditoría térmica
    térmico biogás baterías vehículo eléctrico eléctrica eléctricos países españa canadá
    norteamérica latinoamérica gastronómico cerámica química cosmética ingeniería
    técnicos economía informático artesanía farmacéutica marítimo aérea clínicas
    lavandería destilería joyería fontanería vídeo peluquería guardería champiñón
    confitería náutica eólica aeronáutica óptica música hidrógeno gestión espárrago
"""
_SPANISH_WORDS = {fold(accented): accented for accented in _ACCENTED_WORDS.split()}
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=4096)
def _accented(name: str) -> str:
    words = []
    for word in name.split(" "):
        word = _SPANISH_WORDS.get(word, word)
        for pattern, accented in _SPANISH_ENDINGS:
            word = pattern.sub(accented, word)
        words.append(word)
    return " ".join(words)


def _quote(text: str) -> str:
    if len(text) > MAX_QUOTE:
        text = text[: MAX_QUOTE - 1].rstrip() + "…"
    return f"“{text}”"


@lru_cache(maxsize=8192)
def _spanish_words(text: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The words of a Spanish item and their folded forms (None for another language);
    cached: one item is quoted by many results."""
    if guess_language(text) != "es":
        return None
    words = tuple(_WORD.findall(text))
    return words, tuple(fold(w) for w in words)


def _in_own_words(item: Item, feature: str) -> str | None:
    """The item's own words (accents and all) for a feature it matched, if it is Spanish."""
    folded = item.surface.get(feature)
    spanish = _spanish_words(item.text) if folded else None
    if spanish is None:
        return None
    words, keys = spanish
    wanted = tuple(folded.split())
    for start in range(len(keys) - len(wanted) + 1):
        if keys[start : start + len(wanted)] == wanted:
            return " ".join(words[start : start + len(wanted)]).lower()
    return None


def _name(feature: str, item: Item, lexicon: Lexicon, language: str) -> str:
    if language == "es":
        own = _in_own_words(item, feature)
        if own:
            return own
        return _accented(label_of(feature, lexicon, item.surface, language))
    return label_of(feature, lexicon, item.surface, language)


def _labels(
    links: Sequence[Link], item: Item, lexicon: Lexicon, language: str = "en", limit: int = 2
) -> str:
    strong = sorted(links, key=lambda link: (-link.strength * link.weight, link.feature))
    names: list[str] = []
    for link in strong:
        if link.strength < 0.5:
            continue
        feature = link.feature if link.strength >= 1.0 else link.other
        # When two concepts are only related, name the broader one where possible.
        name = _name(feature, item, lexicon, language)
        if link.strength < 1.0:
            name = f"{_name(link.feature, item, lexicon, language)} ~ {name}"
        if name not in names:
            names.append(name)
        if len(names) == limit:
            break
    return ", ".join(names) if names else _PHRASES[language]["related"]


def evidence_line(a: Item, b: Item, links: Sequence[Link], lexicon: Lexicon) -> str:
    """``A: "item" ~ B: "item" (concepts)`` (for the facilitator; concepts in English)."""
    return (
        f"{a.company}: {_quote(a.text)} ~ {b.company}: {_quote(b.text)}"
        f" ({_labels(links, a, lexicon)})"
    )


def overlap_explanation(
    a: Item | None,
    b: Item | None,
    links: Sequence[Link],
    restricted: bool,
    touch: tuple[Item, Item, list[Link]] | None,
    lexicon: Lexicon,
) -> Explanations:
    out: Explanations = {}
    for language in LANGUAGES:
        phrases = _PHRASES[language]
        if a is not None and b is not None:
            # The items in their own order, not the companies': parties who know each
            # other by alias would read whose name sorts first from which item comes first.
            first, second = sorted((a.text, b.text), key=lambda t: (fold(t), t))
            text = phrases["both"].format(
                topic=_labels(links, a, lexicon, language), a=_quote(first), b=_quote(second)
            )
        elif touch is not None:
            restricted_item, activity, touch_links = touch
            out[language] = phrases["touch"].format(
                activity=_quote(activity.text),
                topic=_labels(touch_links, restricted_item, lexicon, language),
            )
            continue
        else:
            text = phrases["coincide"]
        out[language] = text + (phrases["restricted"] if restricted else "")
    return out


def group_explanation(size: int, concept: str, lexicon: Lexicon) -> Explanations:
    out: Explanations = {}
    for language in LANGUAGES:
        if concept.startswith("c:"):
            name = lexicon.label(concept[2:], language)
            name = _accented(name) if language == "es" else name
        else:
            name = concept[2:]
        out[language] = _PHRASES[language]["group"].format(size=size, topic=name)
    return out


def combination_explanation(
    provider: str, seek: Item, answer: Item, links: Sequence[Link], lexicon: Lexicon
) -> Explanations:
    if answer.kind == "offer":
        key = "offers"
    elif answer.kind == "activity":
        key = "client_does" if seek.target else "does"
    elif answer.kind == "profile":  # the provider's activities and needs taken together
        key = "client_profile"
    else:
        key = "client_seeks"
    return {
        language: _PHRASES[language][key].format(
            provider=provider,
            answer=_quote(answer.text),
            need=_quote(seek.text),
            topic=_labels(links, seek, lexicon, language),
        )
        for language in LANGUAGES
    }


def shared_need_explanation(
    companies: Sequence[str], representative: Item, texts: Sequence[str], lexicon: Lexicon
) -> Explanations:
    quoted = ", ".join(_quote(t) for t in list(dict.fromkeys(texts))[:3])
    return {
        language: _PHRASES[language]["shared"].format(size=len(companies), quotes=quoted)
        for language in LANGUAGES
    }


def theme_titles(items: Sequence[Item], feature: str | None, lexicon: Lexicon) -> Explanations:
    """A heading for a group of contributions: the concept they share, by the lexicon's
    name in each language ("Papeleo" / "Paperwork"), cased as a member wrote it ("ERP").
    Never a member's own words: an accepted title is shown to everyone who sees any one
    member, and a word could carry a contribution others may not see. No shared concept,
    no title (the facilitator writes one)."""
    if feature is None or not feature.startswith("c:"):
        return {language: "" for language in LANGUAGES}
    titles: Explanations = {}
    for language in LANGUAGES:
        name = lexicon.label(feature[2:], language)
        name = _accented(name) if language == "es" else name
        name = _as_written(name, [item.text for item in items])
        titles[language] = name[:1].upper() + name[1:]
    return titles


def _as_written(name: str, texts: Sequence[str]) -> str:
    """``name`` with a member's casing where a member wrote it ("erp" -> "ERP")."""
    pattern = re.compile(r"\b" + re.escape(name) + r"\b", re.IGNORECASE)
    for text in texts:
        found = pattern.search(text)
        if found:
            return found.group(0)
    return name
