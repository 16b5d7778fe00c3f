"""Matching engine of issue 5: company profiles, overlaps, combinations, shared needs.

Pure Python (no Flask, no database). Public API::

    from shared.matching import load_profiles, parse_profiles, match
    result = match(load_profiles("profiles.json"))
    result.to_json_dict()   # the `tertulia match` JSON contract
"""

from __future__ import annotations

from .engine import DEFAULT_SETTINGS, Settings, match
from .profiles import (
    CompanyProfile,
    ProfileFormatError,
    decode_profiles_file,
    dump_profiles,
    load_profiles,
    parse_profiles,
    profiles_from_text,
)
from .results import Combination, MatchResult, Overlap, SharedNeed

__all__ = [
    "DEFAULT_SETTINGS",
    "Combination",
    "CompanyProfile",
    "MatchResult",
    "Overlap",
    "ProfileFormatError",
    "Settings",
    "SharedNeed",
    "decode_profiles_file",
    "dump_profiles",
    "load_profiles",
    "match",
    "parse_profiles",
    "profiles_from_text",
]
