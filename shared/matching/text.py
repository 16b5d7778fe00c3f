"""Text normalisation for Spanish and English profile items.

Accent folding, tokenising, stop words, Snowball stemming (PyPI ``snowballstemmer``) and a
per-item language guess. Everything here is pure and cached: the engine calls it for every
item of every company.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer
from wordfreq import get_frequency_dict

_TOKEN = re.compile(r"[a-z0-9]+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words and words that carry no matching content in a profile item (verbs of
# wanting and improving, pronouns, "company", "new"...). Accent-folded, lower case.
STOP_EN = _words(
    """
    a an the and or of for to in on at by with from into onto over under about as per
    via our we us you your their they them its it this that these those is are be been
    being was were has have had do does can could will would should may might must shall
    not no nor so than then too very more most less least much many some any all each
    other such own same new novel find finding look looking seek seeking need needs
    needing want wanting wish reduce reducing reduction lower lowering cut cutting
    improve improving increase increasing get getting help helping make making use using
    offer offering provide providing willing interested open who which what where when
    how also both company companies firm firms business businesses sme smes organisation
    organisations organization organizations service services solution solutions product
    products sector industry industries industrial area areas field range type types
    system systems
    kind kinds etc including e g i e plus like via based level levels free quality high
    low better best good great small large big medium local ours current existing
    production producer producers making maker makers funded subsidised subsidized
    installation installations install installing implementation
    cheaper slash slashing trim trimming
    one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty
    fifty hundred hundreds thousand thousands dozen dozens
    just only really simply even still already always daily weekly monthly yearly
    annual annually north south east west northern southern eastern western
    """
)
STOP_ES = _words(
    """
    a al ante bajo con contra de del desde en entre hacia hasta para por segun sin sobre
    tras y e o u ni que el la los las lo un una unos unas su sus nuestro nuestra
    nuestros nuestras mi mis tu tus este esta estos estas ese esa esos esas aquel es son
    ser estar esta estan fue ha han hay como mas menos muy mucho muchos muchas poco todo
    todos toda todas otro otra otros otras mismo misma tambien ya se le les nos os me te
    si no nuevo nueva nuevos nuevas buscar buscamos busca buscando necesitamos necesita
    necesitan necesiten queremos quiere quieran querer reducir reduccion reduciendo
    bajar rebajar mejorar mejora aumentar ofrecer ofrecemos ofrece dispuestos conseguir
    encontrar empresa empresas pyme pymes sociedad servicio servicios solucion
    soluciones producto productos sector sectores industria industrias industrial
    sistema sistemas
    industriales area areas tipo gratuito gratuita gratuitos gratuitas gratis calidad
    alta alto bajo baja mejor mejores propio propia propios propias actual actuales etc
    incluido incluida produccion productor productores productora elaboracion elaborar
    elaborados financiado financiados financiada subvencionado subvencionada
    subvencionados instalacion instalaciones instalar implantacion
    recortar recortamos abaratar abaratando disminuir minimizar dar salida
    uno dos tres cuatro cinco seis siete ocho nueve diez once doce quince veinte treinta
    cincuenta cien ciento cientos mil miles docena docenas
    solo solamente siempre ya diario diaria diarios diarias semanal semanales mensual
    mensuales anual anuales norte sur oeste
    """
)
# Words of a deal carry no topic ("contratos con residencias" is not a staff need); they
# only mark a client-seek (:func:`_deals_with_clients`).
DEAL_WORDS = _words(
    "contrato contratos acuerdo acuerdos contract contracts agreement agreements deal deals"
)
STOP_WORDS = STOP_EN | STOP_ES | DEAL_WORDS

# Words that say "we want someone to buy from us / hire / host": the seek targets a kind of
# company (a potential client), so it is answered by what that company *does* or *needs*.
TARGET_WORDS = _words(
    """
    customer customers client clients buyer buyers purchaser purchasers employer
    employers cliente clientes comprador compradores empleadores companies firms
    businesses smes manufacturers needing wanting interested empresas pymes fabricantes
    quieran necesiten interesadas interesados
    """
)
# Verbs that make a kind of company of the words before them ("breweries *buying* cans"):
# the seek is for clients, but unlike the words above they keep their content elsewhere
# ("importing wine" is an activity).
CLIENT_VERBS = _words(
    """
    buying purchasing ordering stocking pouring sourcing importing
    """
)
# Words that introduce who should answer, without content of their own.
ROLE_WORDS = TARGET_WORDS | _words(
    """
    supplier suppliers provider providers partner partners vendor vendors supply
    supplies proveedor proveedores proveedora socio socios colaborador colaboradores
    aliado aliados suministro suministros suministrador
    """
)

_ES_HINTS = _words(
    """
    de del la las los el y para con en por nuestros nuestras nuestro nuestra una un al
    """
)
_EN_HINTS = _words(
    """
    the of and for with in to our from by at on an a
    """
)
_STEMMERS: dict[str, snowballstemmer.stemmer] = {}


def fold(text: str) -> str:
    """Lower case, accents removed (``Esterilización`` -> ``esterilizacion``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_FIXES: tuple[tuple[re.Pattern[str], str], ...] = (
    # "US" the country, before case folding turns it into the pronoun "us".
    (re.compile(r"\bU\.?S\.?A?\b"), " usa "),
    # "plastic-free" / "sin plástico" must not read as "plastic".
    (re.compile(r"\b(plastic|gluten|lactose|sugar)[- ]free\b", re.IGNORECASE), r" \1free "),
    (re.compile(r"\bsin (pl[aá]stico|gluten|lactosa|az[uú]car)s?\b", re.IGNORECASE), r" sin\1 "),
    (re.compile(r"\b([IiRr])\s*[+&]\s*([Dd])\b"), " rnd "),
    # "by-products": both halves are stop words, so the hyphenated form would vanish.
    (re.compile(r"\bby[- ]products?\b", re.IGNORECASE), " byproducts "),
)


def tokens(text: str) -> list[str]:
    """Folded alphanumeric tokens, in order (stop words kept)."""
    for pattern, replacement in _FIXES:
        text = pattern.sub(replacement, text)
    return _TOKEN.findall(fold(text))


def guess_language(text: str, default: str = "es") -> str:
    """'es' or 'en' for one short item; ``default`` (the company's language) on a tie."""
    raw = text.casefold()
    words = _TOKEN.findall(fold(text))
    es = sum(1 for w in words if w in _ES_HINTS)
    en = sum(1 for w in words if w in _EN_HINTS)
    if any(ch in raw for ch in "ñáéíóú¿¡"):
        es += 1
    es += sum(1 for w in words if w.endswith(("cion", "ciones", "dad", "miento", "aje")))
    en += sum(1 for w in words if w.endswith(("ing", "tion", "ness", "ship", "ies")) and len(w) > 4)
    if es > en:
        return "es"
    if en > es:
        return "en"
    return default


def _stemmer(language: str) -> snowballstemmer.stemmer:
    stemmer = _STEMMERS.get(language)
    if stemmer is None:
        stemmer = snowballstemmer.stemmer("spanish" if language == "es" else "english")
        _STEMMERS[language] = stemmer
    return stemmer


@lru_cache(maxsize=65536)
def stem(token: str, language: str) -> str:
    """Snowball stem of one folded token ('es' or 'en'); numbers stay as they are."""
    if token.isdigit() or len(token) <= 2:
        return token
    return str(_stemmer(language).stemWord(token))


def content_tokens(text: str) -> list[str]:
    """Folded tokens without stop words and role words (the words that carry meaning)."""
    return [t for t in tokens(text) if t not in STOP_WORDS and t not in ROLE_WORDS]


# Words after these introduce who or what the item is for ("renewable energy *for the
# farm*"): context, weighed less than the head of the item.
PURPOSE_WORDS = frozenset({"for", "para"})


def content_tokens_marked(text: str) -> list[tuple[str, bool]]:
    """Content tokens, each with True when it comes after "for"/"para" (context)."""
    marked: list[tuple[str, bool]] = []
    context = False
    for token in tokens(text):
        if token in PURPOSE_WORDS and marked:
            context = True
            continue
        if token in STOP_WORDS or token in ROLE_WORDS:
            continue
        marked.append((token, context))
    return marked


# Prepositions that make a following "que" clause describe something else than a company.
_CLAUSE_BLOCKERS = frozenset({"para", "con", "sin", "por"})


def _deals_with_clients(words: list[str]) -> bool:
    """ "contratos con residencias", "contracts with hotels": those named are the clients,
    unless they are named as suppliers or partners ("acuerdos con proveedores")."""
    for n, word in enumerate(words[:-1]):
        if word in DEAL_WORDS and words[n + 1] in ("con", "with"):
            named = [w for w in words[n + 2 :] if w not in STOP_WORDS]
            return bool(named) and named[0] not in ROLE_WORDS - TARGET_WORDS
    return False


# A restricted area about the terms of a deal ("our prices with supermarkets", "nuestras
# tarifas a comunidades de regantes") names a counterparty, not a trade both companies share.
_TERMS_WORDS = _words(
    """
    price prices pricing rate rates tariff tariffs margin margins discount discounts terms
    conditions precio precios tarifa tarifas margen margenes descuento descuentos condiciones
    """
)


def names_deal_terms(text: str) -> bool:
    """True when a (restricted) item is about prices, rates, margins or conditions."""
    return any(t in _TERMS_WORDS for t in tokens(text))


_JOINT_WORDS = frozenset({"joint", "group", "shared", "pooled", "collective", "cooperative"})


def has_target_word(text: str) -> bool:
    """True when the item asks for clients/buyers/employers (a potential-client seek), or
    names a kind of company by what it does: "residencias *que externalicen* la
    rehabilitación", "marcas *que fabriquen* en España" (Spanish "que" + a verb in the
    third person plural)."""
    words = tokens(text)
    if any(t in TARGET_WORDS for t in words) or _deals_with_clients(words):
        return True
    # "breweries buying cans" names buyers; "joint buying", "group purchasing" is a need.
    if any(
        t in CLIENT_VERBS and (n == 0 or words[n - 1] not in _JOINT_WORDS)
        for n, t in enumerate(words)
    ):
        return True
    # The clause must follow the item's first words: in "teleasistencia para usuarios que
    # viven solos" it describes the users of a service, not a kind of company.
    for position, word in enumerate(words[1:4], start=1):
        verb = words[position + 1] if position + 1 < len(words) else ""
        if (
            word == "que"
            and words[0] not in STOP_WORDS
            and not set(words[:position]) & _CLAUSE_BLOCKERS
        ):
            return len(verb) > 4 and verb.endswith(("en", "an")) and verb not in STOP_WORDS
    return False


# Spelling correspondences between Spanish and English cognates, applied to Snowball stems
# of words the lexicon does not know, so that "logística"/"logistics",
# "certificación"/"certification", "hidrógeno"/"hydrogen" share one language-neutral key.
_COGNATE_SPELLING: tuple[tuple[str, str], ...] = (
    ("ph", "f"),
    ("th", "t"),
    ("ou", "u"),
    ("y", "i"),
    ("k", "c"),
    ("ch", "c"),
    ("qu", "c"),
    ("z", "s"),
    ("ll", "l"),
    ("ss", "s"),
    ("tt", "t"),
    ("pp", "p"),
    ("mm", "m"),
    ("nn", "n"),
    ("cc", "c"),
    ("ff", "f"),
    ("rr", "r"),
)
_COGNATE_SUFFIX = re.compile(r"(ical|ica|ico|ic|cion|tion|ion|ia|al)$")
_SPANISH_ES = re.compile(r"^es(?=[ptc])")


@lru_cache(maxsize=65536)
def cognate_key(stemmed: str) -> str:
    """Language-neutral key of a stem ("logist" for logística and logistics)."""
    key = _SPANISH_ES.sub("", stemmed) if len(stemmed) > 5 else stemmed
    for source, target in _COGNATE_SPELLING:
        key = key.replace(source, target)
    if len(key) > 6:
        key = _COGNATE_SUFFIX.sub("", key)
    if len(key) > 4:
        key = key.rstrip("aeiou")
    return key


def plausible_form(word: str, forms: tuple[str, ...]) -> bool:
    """A single word matched to a lexicon term through its stem must also look like one of
    the term's written forms: Snowball's Spanish stems are aggressive ("regular" and
    "regulación" both give "regul"; "contratos" and "contratación" give "contrat")."""
    for form in forms:
        common = 0
        for a, b in zip(word, form, strict=False):
            if a != b:
                break
            common += 1
        longest = max(len(word), len(form))
        if longest - common <= 3 or common >= 0.7 * longest:
            return True
    return False


COMMON_ZIPF = 5.5  # about 540 words of English and Spanish together ("home", "part", "city")


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    floor = 10 ** (COMMON_ZIPF - 9)  # a Zipf value as a frequency per word
    return frozenset(
        fold(word)
        for language in ("en", "es")
        for word, frequency in get_frequency_dict(language, wordlist="small").items()
        if frequency >= floor
    )


def is_common_word(word: str) -> bool:
    """One of the commonest words of English or Spanish ("home", "parte", "city"), by the
    frequency tables of ``wordfreq``; trade terms ("xenograft", "herrajes", "FMOD") are
    not, and neither are most ordinary nouns ("coste", "camión")."""
    return fold(word) in _common_words()
