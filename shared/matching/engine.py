"""The matching engine: overlaps, combinations and shared needs between company profiles.

Pure Python, deterministic, no I/O. See docs/MATCHING.md for the method and its numbers.

* Overlap (solape): two companies whose activities coincide (same product, service or
  market). Flagged ``restricted`` when a restricted area of one touches an activity of the
  other; such a touch is reported even when the activities alone would not be.
* Combination (sumatorio): provider -> receiver, when an offer or an activity of the
  provider answers a seek of the receiver. A seek for clients ("new customers in vegetable
  canning") is answered by what the provider does, or by what it itself needs.
* Shared need: several companies seek the same thing (a joint export mission...).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from .combinations import find_combinations
from .lexicon import Lexicon, default_lexicon
from .overlaps import find_overlaps, overlap_groups
from .profiles import CompanyProfile
from .results import MatchResult
from .scoring import DEFAULT_SETTINGS, Settings, analyse_company
from .shared_needs import find_shared_needs

__all__ = ["DEFAULT_SETTINGS", "Settings", "match"]


def match(
    profiles: Sequence[CompanyProfile],
    settings: Settings = DEFAULT_SETTINGS,
    lexicon: Lexicon | None = None,
) -> MatchResult:
    """Match a workshop's profiles: overlaps, combinations and shared needs, best first."""
    lex = lexicon or default_lexicon()
    # Sorted by name so that the results never depend on the order of the file.
    ordered = sorted(profiles, key=lambda p: (p.name.casefold(), p.name))
    with _cyclic_gc_paused():
        companies = [analyse_company(p, lex) for p in ordered]
        overlaps = find_overlaps(companies, lex, settings)
        combinations = find_combinations(companies, lex, settings)
        return MatchResult(
            overlaps=overlaps,
            combinations=combinations,
            shared_needs=find_shared_needs(companies, lex, settings, combinations),
            groups=overlap_groups(overlaps, lex),
        )


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Matching makes hundreds of thousands of small dicts and tuples and no reference
    cycles, so the cyclic collector's passes over them are pure cost (about 12% of a
    200-company match, docs/MATCHING.md). Reference counting still frees everything."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
