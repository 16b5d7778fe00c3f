"""Five-second explanations and evidence lines for the engine's results.

An explanation names the shared concept(s) and quotes the two items that matched, e.g.
``Both work in canning, asparagus: "conservas de espárrago" ~ "asparagus canning".``
Explanations never name whose restricted area is touched: that detail stays in the
evidence, which the disclosure module shows to the facilitator only.
"""

from __future__ import annotations

from collections.abc import Sequence

from .features import Item, Link, label_of
from .lexicon import Lexicon

MAX_QUOTE = 60


def _quote(text: str) -> str:
    if len(text) > MAX_QUOTE:
        text = text[: MAX_QUOTE - 1].rstrip() + "…"
    return f"“{text}”"


def _labels(links: Sequence[Link], item: Item, lexicon: Lexicon, limit: int = 2) -> str:
    strong = sorted(links, key=lambda link: (-link.strength * link.weight, link.feature))
    names: list[str] = []
    for link in strong:
        if link.strength < 0.5:
            continue
        feature = link.feature if link.strength >= 1.0 else link.other
        # When two concepts are only related, name the broader one where possible.
        name = label_of(feature, lexicon, item.surface)
        if link.strength < 1.0:
            name = f"{label_of(link.feature, lexicon, item.surface)} ~ {name}"
        if name not in names:
            names.append(name)
        if len(names) == limit:
            break
    return ", ".join(names) if names else "related items"


def evidence_line(a: Item, b: Item, links: Sequence[Link], lexicon: Lexicon) -> str:
    """``A: "item" ~ B: "item" (concepts)``."""
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
) -> str:
    if a is not None and b is not None:
        text = f"Both work in {_labels(links, a, lexicon)}: {_quote(a.text)} ~ {_quote(b.text)}."
    elif touch is not None:
        restricted_item, activity, touch_links = touch
        text = (
            f"An activity ({_quote(activity.text)}) falls in "
            f"{_labels(touch_links, restricted_item, lexicon)}, a restricted area of the other."
        )
        return text
    else:
        text = "Their activities coincide."
    if restricted:
        text += " Touches a restricted area."
    return text


def group_explanation(size: int, concept: str, lexicon: Lexicon) -> str:
    name = lexicon.label(concept[2:]) if concept.startswith("c:") else concept[2:]
    return f"{size} companies all work in {name}."


def combination_explanation(
    provider: str, seek: Item, answer: Item, links: Sequence[Link], lexicon: Lexicon
) -> str:
    topic = _labels(links, seek, lexicon)
    if answer.kind == "offer":
        return (
            f"{provider} offers {_quote(answer.text)} for the need {_quote(seek.text)} ({topic})."
        )
    if answer.kind == "activity":
        if seek.target:
            return (
                f"Potential client: {provider} does {_quote(answer.text)}, "
                f"asked for in {_quote(seek.text)} ({topic})."
            )
        return (
            f"{provider} does {_quote(answer.text)}, which answers {_quote(seek.text)} ({topic})."
        )
    return (
        f"Potential client: {provider} itself seeks {_quote(answer.text)}, "
        f"asked for in {_quote(seek.text)} ({topic})."
    )


def shared_need_explanation(
    companies: Sequence[str], representative: Item, texts: Sequence[str], lexicon: Lexicon
) -> str:
    quoted = ", ".join(_quote(t) for t in list(dict.fromkeys(texts))[:3])
    return f"{len(companies)} companies seek the same thing — a joint action? {quoted}."
