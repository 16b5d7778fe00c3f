"""How a viewer names, and refers to, the companies of a workshop in plans and ratings.

The decision is shared.disclosure.company_listing's: the facilitator sees names; a company
sees names under a named charter and aliases otherwise (a plan or a rating needs a handle,
and an alias says nothing about affiliation); its own company always by name.

Where a viewer sees aliases it also refers to companies by alias, never by id: ids travel
elsewhere beside real names (the AMBER+STRICT recipients picker, presence), so a plan that
put an id beside an alias would tell whose alias it is. For the same reason lists of
companies are in the order of their labels, never of ids (nor of names, for a viewer who
sees aliases): the viewer's own company first, then the others by label.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from shared import disclosure
from shared.charter_state import current as current_charter
from shared.disclosure import Shown, Viewer
from shared.matching.text import fold
from shared.models import Workshop
from shared.services.charters import terms_of

Ref = int | str


@dataclass(frozen=True)
class CompanyRefs:
    """One viewer's labels and references for a workshop's companies."""

    labels: dict[int, str]  # company id -> how this viewer names it, in display order
    refs: dict[int, Ref]  # company id -> how this viewer's payloads refer to it
    by_alias: bool

    def ref(self, company_id: int | None) -> Ref | None:
        return None if company_id is None else self.refs.get(company_id)

    def company_id(self, ref: Any) -> int | None:
        """The company a client's reference means; None for no reference, -1 for one that
        names no company of the workshop (the document checks then say what to fix)."""
        if ref in (None, ""):
            return None
        if not self.by_alias:
            # By id: a whole number, or its digits as text ("5", "05") as a form sends it.
            if isinstance(ref, str) and ref.strip().isdecimal():
                ref = int(ref)
            if isinstance(ref, int) and not isinstance(ref, bool) and ref in self.refs:
                return ref
            return -1
        for company_id, own_ref in self.refs.items():
            if str(own_ref) == str(ref):
                return company_id
        return -1

    def choices(self) -> dict[Ref, str]:
        return {self.refs[cid]: label for cid, label in self.labels.items()}

    def _place(self, company_id: int) -> int:
        """Position in display order; a company no longer in the workshop goes last."""
        order = list(self.labels)
        return order.index(company_id) if company_id in self.labels else len(order)

    def ordered(self, company_ids: Iterable[int]) -> list[int]:
        return sorted(company_ids, key=self._place)

    def ordered_parties(self, parties: list[Any]) -> list[Any]:
        """A plan's parties as this viewer lists them: in the author's order where names are
        shown; in display order where aliases are, since the author's order (names
        alphabetically, say) would tell which alias is whose."""
        if not self.by_alias:
            return parties
        return sorted(parties, key=lambda p: self._place(p["company_id"]))

    def encode_plan(self, doc: Mapping[str, Any]) -> dict[str, Any]:
        """A sealed plan document as this viewer reads it: companies by reference."""
        if isinstance(doc.get("parties"), list):
            doc = {**doc, "parties": self.ordered_parties(doc["parties"])}
        return map_plan_companies(doc, self.ref)

    def encode_step(self, step: Mapping[str, Any]) -> dict[str, Any]:
        return _map_step(step, self.ref)

    def decode_plan(self, data: Any) -> Any:
        """A client's plan document with references turned back into company ids."""
        return map_plan_companies(data, self.company_id) if isinstance(data, Mapping) else data


def _each(items: Any, change: Callable[[Mapping[str, Any]], Any]) -> Any:
    if not isinstance(items, list):
        return items  # not a list: the document checks say so
    return [change(i) if isinstance(i, Mapping) else i for i in items]


def _map_step(step: Mapping[str, Any], convert: Callable[[Any], Any]) -> dict[str, Any]:
    return {
        **step,
        "owner_company_id": convert(step.get("owner_company_id")),
        "resources": _each(
            step.get("resources", []),
            lambda r: {**r, "provider_company_id": convert(r.get("provider_company_id"))},
        ),
    }


def map_plan_companies(doc: Mapping[str, Any], convert: Callable[[Any], Any]) -> dict[str, Any]:
    """A plan document with every company field (parties, step owners, resource providers)
    passed through ``convert``."""
    out = dict(doc)
    if isinstance(doc.get("parties"), list):
        # A party may be given as a bare reference: it is converted like any other.
        out["parties"] = [
            {**p, "company_id": convert(p.get("company_id"))}
            if isinstance(p, Mapping)
            else {"company_id": convert(p)}
            for p in doc["parties"]
        ]
    if "steps" in doc:
        out["steps"] = _each(doc["steps"], lambda st: _map_step(st, convert))
    return out


def label_order(label: str) -> list[Any]:
    """Sort key of a label: case and accents aside, numbers by value (Company B2 before
    Company B10)."""
    return [int(part) if part.isdecimal() else fold(part) for part in re.split(r"(\d+)", label)]


def company_refs(s: Session, viewer: Viewer, workshop: Workshop) -> CompanyRefs:
    listing = disclosure.company_listing(viewer, terms_of(current_charter(s, workshop.id)).rules)
    by_alias = listing is not Shown.NAMED
    labels = {
        c.id: c.name if not by_alias or c.id == viewer.company_id else c.alias
        for c in workshop.companies
    }
    order = sorted(labels, key=lambda cid: (cid != viewer.company_id, label_order(labels[cid])))
    return CompanyRefs(
        labels={cid: labels[cid] for cid in order},
        refs={c.id: c.alias if by_alias else c.id for c in workshop.companies},
        by_alias=by_alias,
    )


def company_labels(s: Session, viewer: Viewer, workshop: Workshop) -> dict[int, str]:
    return company_refs(s, viewer, workshop).labels


# A quote cut short ("…" before its closing mark, as matching's explanations cut them) may
# end inside a name; so much of it still says whose it is.
_MIN_CUT_NAME = 4
_CUT = "…”"
# Letters that Unicode does not decompose into a base letter and an accent.
_PLAIN_LETTERS = str.maketrans({"ł": "l", "ø": "o", "ı": "i", "đ": "d", "æ": "ae", "œ": "oe"})


def _plain(text: str) -> str:
    return fold(text).translate(_PLAIN_LETTERS)


def renamed_in_text(text: str, names: Mapping[str, str]) -> str:
    """``text`` with each company name replaced by how the reader knows it (``names``: name
    -> label), longest names first (so "Alfa" does not bite into "Alfa Foods"). A name is
    found as a whole word in any case, with or without its accents, whatever the spaces
    between its words, and where a quote was cut short inside it ("Hodder Val…”"); a cut
    that could begin two companies' names loses its beginning instead."""
    changed: dict[str, str] = {}
    for name, said in names.items():
        key = " ".join(_plain(name).split())
        if key and name != said:
            changed[key] = said
    if not changed:
        return text
    # Match on the plain text, replace in the original: each character's plain form
    # (empty for a combining accent, longer for "ß") maps back to it.
    pieces = [_plain(ch) for ch in text]
    plain = "".join(pieces)
    origin = [i for i, piece in enumerate(pieces) for _ in piece]
    offset = [0]
    for piece in pieces:
        offset.append(offset[-1] + len(piece))

    def span_in_text(start: int, end: int) -> tuple[int, int]:
        begin, finish = origin[start], origin[end - 1] + 1
        while finish < len(text) and not pieces[finish]:
            finish += 1  # the accents of its last letter
        return begin, finish

    def whole_word(begin: int, finish: int) -> bool:
        # On the original characters: "Alfa™" is a name and a mark, though "™" reads "tm".
        before = text[begin - 1] if begin else " "
        after = text[finish] if finish < len(text) else " "
        return not (before.isalnum() or before == "_" or after.isalnum() or after == "_")

    found: list[tuple[int, int, str]] = []
    for key, said in changed.items():
        words = r"\s+".join(re.escape(word) for word in key.split(" "))
        for match in re.finditer(rf"(?=({words}))", plain):
            begin, finish = span_in_text(match.start(1), match.end(1))
            if whole_word(begin, finish):
                found.append((begin, finish, said))
    for cut in re.finditer(re.escape(_CUT), text):
        span = _cut_name(plain, offset[cut.start()], changed)
        if span:
            begin, _ = span_in_text(span[0], span[1])
            if whole_word(begin, cut.start()):
                found.append((begin, cut.start(), span[2]))
    spans: list[tuple[int, int, str]] = []
    for span in sorted(found, key=lambda f: (f[0] - f[1], f[0])):  # the longest first
        if not any(a < span[1] and span[0] < b for a, b, _ in spans):
            spans.append(span)
    out: list[str] = []
    last = 0
    for begin, finish, said in sorted(spans):
        out.append(text[last:begin])
        out.append(said)
        last = finish
    out.append(text[last:])
    return "".join(out)


def _cut_name(plain: str, cut: int, changed: Mapping[str, str]) -> tuple[int, int, str] | None:
    """The span before a cut at ``cut`` that is the beginning of a name, and the label to
    put there: the name's, or nothing where it could begin names of different companies."""
    size = 0
    labels: set[str] = set()
    for name, said in changed.items():
        for length in range(min(len(name), cut), _MIN_CUT_NAME - 1, -1):
            if plain[cut - length : cut] == name[:length]:
                if length > size:
                    size, labels = length, {said}
                elif length == size:
                    labels.add(said)
                break
    if not size:
        return None
    return cut - size, cut, labels.pop() if len(labels) == 1 else ""
