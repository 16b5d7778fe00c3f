"""Company profiles: the data model and the import format (JSON or CSV).

The import format is the one of issue 5::

    {"companies": [{"name": "...", "language": "es|en", "mission": "...",
                    "activities": ["..."], "seeks": ["..."], "offers": ["..."],
                    "restricted": ["..."]}]}

CSV files carry the same columns, one company per row, list items separated by ";".
Malformed input raises :class:`ProfileFormatError`, whose message names the company and
the field and says what to fix, so a facilitator can correct the file without help.
"""

from __future__ import annotations

import csv
import io
import json
import pathlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

LANGUAGES: tuple[str, ...] = ("es", "en")
LIST_FIELDS: tuple[str, ...] = ("activities", "seeks", "offers", "restricted")
TEXT_FIELDS: tuple[str, ...] = ("name", "language", "mission")
ALL_FIELDS: tuple[str, ...] = TEXT_FIELDS + LIST_FIELDS
MAX_ITEM_CHARS = 500


class ProfileFormatError(ValueError):
    """A profile file or mapping does not follow the import format.

    ``company`` is the company's name, or ``"company #N"`` (1-based) when the name itself
    is missing; ``field`` is the offending field (``None`` for file-level problems).
    """

    def __init__(self, message: str, company: str | None = None, field: str | None = None) -> None:
        super().__init__(message)
        self.company = company
        self.field = field


@dataclass(frozen=True)
class CompanyProfile:
    """One company's profile. List fields are tuples of short texts (Spanish or English)."""

    name: str
    language: str = "es"
    mission: str = ""
    activities: tuple[str, ...] = ()
    seeks: tuple[str, ...] = ()
    offers: tuple[str, ...] = ()
    restricted: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The profile in the import format (round-trips through :func:`parse_profiles`)."""
        return {
            "name": self.name,
            "language": self.language,
            "mission": self.mission,
            "activities": list(self.activities),
            "seeks": list(self.seeks),
            "offers": list(self.offers),
            "restricted": list(self.restricted),
        }


def _fail(label: str, field: str | None, what: str) -> ProfileFormatError:
    where = f"{label}, field '{field}'" if field else label
    return ProfileFormatError(f"{where}: {what}", company=label, field=field)


def _parse_list(label: str, field: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        # Accept "a; b" in JSON too: it is what people paste from spreadsheets.
        value = [part for part in value.split(";")]
    if not isinstance(value, Sequence):
        raise _fail(label, field, f"must be a list of short texts, got {type(value).__name__}")
    items: list[str] = []
    for position, item in enumerate(value, start=1):
        if not isinstance(item, str):
            raise _fail(
                label,
                field,
                f"item {position} must be a text, got {type(item).__name__} ({item!r}); "
                "write it between quotes",
            )
        text = " ".join(item.split())
        if not text:
            continue
        if len(text) > MAX_ITEM_CHARS:
            raise _fail(
                label,
                field,
                f"item {position} is {len(text)} characters long; keep items under "
                f"{MAX_ITEM_CHARS} characters (split long texts into several items)",
            )
        items.append(text)
    return tuple(items)


def _parse_company(position: int, raw: Any, seen: set[str]) -> CompanyProfile:
    label = f"company #{position}"
    if not isinstance(raw, Mapping):
        raise _fail(label, None, f"must be an object with the fields {', '.join(ALL_FIELDS)}")
    name = raw.get("name")
    if name is None or (isinstance(name, str) and not name.strip()):
        raise _fail(label, "name", "is missing or empty; give every company a name")
    if not isinstance(name, str):
        raise _fail(label, "name", f"must be a text, got {type(name).__name__}")
    name = " ".join(name.split())
    label = name
    if name.casefold() in seen:
        raise _fail(label, "name", "appears twice; company names must be unique")
    seen.add(name.casefold())

    language = raw.get("language", "es")
    if language is None or language == "":
        language = "es"
    if not isinstance(language, str) or language.strip().lower() not in LANGUAGES:
        raise _fail(label, "language", f'is {language!r}; use "es" or "en"')
    language = language.strip().lower()

    mission = raw.get("mission", "")
    if mission is None:
        mission = ""
    if not isinstance(mission, str):
        raise _fail(label, "mission", f"must be a text, got {type(mission).__name__}")

    lists = {field: _parse_list(label, field, raw.get(field)) for field in LIST_FIELDS}
    if not (lists["activities"] or lists["seeks"] or lists["offers"]):
        raise _fail(
            label,
            "activities",
            "the company has no activities, seeks or offers; fill in at least one of them",
        )
    return CompanyProfile(
        name=name,
        language=language,
        mission=" ".join(mission.split()),
        activities=lists["activities"],
        seeks=lists["seeks"],
        offers=lists["offers"],
        restricted=lists["restricted"],
    )


def parse_profiles(data: Mapping[str, Any] | Any) -> list[CompanyProfile]:
    """Validate a decoded import document and return its profiles, in file order."""
    if not isinstance(data, Mapping):
        raise ProfileFormatError(
            'the file must be an object of the form {"companies": [...]}', company=None, field=None
        )
    companies = data.get("companies")
    if not isinstance(companies, list):
        raise ProfileFormatError(
            'the file has no "companies" list; write {"companies": [{"name": ...}, ...]}',
            company=None,
            field="companies",
        )
    seen: set[str] = set()
    return [_parse_company(i, raw, seen) for i, raw in enumerate(companies, start=1)]


def _csv_rows(text: str) -> list[dict[str, Any]]:
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    fields = [f.strip().lower() for f in (reader.fieldnames or [])]
    if "name" not in fields:
        raise ProfileFormatError(
            "the CSV file has no 'name' column; the first line must name the columns "
            + ",".join(ALL_FIELDS),
            company=None,
            field="name",
        )
    rows: list[dict[str, Any]] = []
    for row in reader:
        clean = {
            (k or "").strip().lower(): (v if isinstance(v, str) else "")
            for k, v in row.items()
            if k is not None
        }
        if not any(v.strip() for v in clean.values()):
            continue
        record: dict[str, Any] = {}
        for field in ALL_FIELDS:
            value = clean.get(field, "")
            record[field] = value.split(";") if field in LIST_FIELDS else value
        rows.append(record)
    return rows


def profiles_from_text(text: str, fmt: str | None = None) -> list[CompanyProfile]:
    """Parse JSON or CSV text; ``fmt`` is "json", "csv" or None (sniff the content)."""
    text = text.lstrip("\ufeff")
    if fmt is None:
        fmt = "json" if text.lstrip().startswith(("{", "[")) else "csv"
    if fmt == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ProfileFormatError(
                f"the file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
                company=None,
                field=None,
            ) from exc
        return parse_profiles(data)
    return parse_profiles({"companies": _csv_rows(text)})


def load_profiles(path: str | pathlib.Path) -> list[CompanyProfile]:
    """Read profiles from a .json or .csv file (other extensions: the content decides).

    Raises FileNotFoundError for a missing file and ProfileFormatError for a malformed one.
    """
    file = pathlib.Path(path)
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    suffix = file.suffix.lower()
    fmt = {".json": "json", ".csv": "csv"}.get(suffix)
    return profiles_from_text(text, fmt)


def dump_profiles(profiles: Sequence[CompanyProfile]) -> dict[str, Any]:
    """Profiles in the import format, for export."""
    return {"companies": [p.to_dict() for p in profiles]}
