"""Company profiles: the data model and the import format (JSON or CSV).

The import format is the one of issue 5::

    {"companies": [{"name": "...", "language": "es|en", "mission": "...",
                    "activities": ["..."], "seeks": ["..."], "offers": ["..."],
                    "restricted": ["..."]}]}

CSV files carry the same columns, one company per row, list items separated by ";".
``name`` and at least one of activities, seeks and offers are required; a missing
``language`` is guessed from the company's items (Spanish unless they read as English).
Malformed input raises :class:`ProfileFormatError`, whose message names the company and
the field and says what to fix, so a facilitator can correct the file without help; a
field the format does not have is an error too (a misspelt "ofers" must not vanish).
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import pathlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from shared.i18n import N_

from .text import guess_language

LANGUAGES: tuple[str, ...] = ("es", "en")
LIST_FIELDS: tuple[str, ...] = ("activities", "seeks", "offers", "restricted")
TEXT_FIELDS: tuple[str, ...] = ("name", "language", "mission")
ALL_FIELDS: tuple[str, ...] = TEXT_FIELDS + LIST_FIELDS
MAX_ITEM_CHARS = 500


class ProfileFormatError(ValueError):
    """A profile file or mapping does not follow the import format.

    ``company`` is the company's name, or ``"company #N"`` (1-based) when the name itself
    is missing; ``field`` is the offending field (``None`` for file-level problems).
    ``template`` (an English msgid, marked for translation) and ``params`` let a page show
    the message in its reader's language; ``str()`` is the English message.
    """

    def __init__(
        self,
        template: str,
        company: str | None = None,
        field: str | None = None,
        **params: object,
    ) -> None:
        self.template = template
        self.params: dict[str, object] = {"company": company, "field": field, **params}
        super().__init__(template % self.params)
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


def _fail(label: str, field: str, template: str, **params: object) -> ProfileFormatError:
    return ProfileFormatError(template, company=label, field=field, **params)


def _unknown_field(label: str, field: str) -> ProfileFormatError:
    close = difflib.get_close_matches(field.strip().lower(), ALL_FIELDS, n=1, cutoff=0.6)
    if close:
        return _fail(
            label,
            field,
            N_(
                "%(company)s, field '%(field)s': the format has no such field; "
                "did you mean '%(suggestion)s'?"
            ),
            suggestion=close[0],
        )
    return _fail(
        label,
        field,
        N_(
            "%(company)s, field '%(field)s': the format has no such field; "
            "the fields are %(fields)s"
        ),
        fields=", ".join(ALL_FIELDS),
    )


def _parse_list(label: str, field: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        # Accept "a; b" in JSON too: it is what people paste from spreadsheets.
        value = [part for part in value.split(";")]
    if not isinstance(value, Sequence):
        raise _fail(
            label,
            field,
            N_("%(company)s, field '%(field)s': must be a list of short texts, got %(type)s"),
            type=type(value).__name__,
        )
    items: list[str] = []
    for position, item in enumerate(value, start=1):
        if not isinstance(item, str):
            raise _fail(
                label,
                field,
                N_(
                    "%(company)s, field '%(field)s': item %(position)s must be a text, got "
                    "%(type)s (%(value)s); write it between quotes"
                ),
                position=position,
                type=type(item).__name__,
                value=repr(item),
            )
        text = " ".join(item.split())
        if not text:
            continue
        if len(text) > MAX_ITEM_CHARS:
            raise _fail(
                label,
                field,
                N_(
                    "%(company)s, field '%(field)s': item %(position)s is %(length)s characters "
                    "long; keep items under %(limit)s characters (split long texts into "
                    "several items)"
                ),
                position=position,
                length=len(text),
                limit=MAX_ITEM_CHARS,
            )
        items.append(text)
    return tuple(items)


def _parse_company(position: int, raw: Any, seen: set[str]) -> CompanyProfile:
    label = f"company #{position}"
    if not isinstance(raw, Mapping):
        raise ProfileFormatError(
            N_("company #%(position)s: must be an object with the fields %(fields)s"),
            company=label,
            position=position,
            fields=", ".join(ALL_FIELDS),
        )
    name = raw.get("name")
    if name is None or (isinstance(name, str) and not name.strip()):
        raise ProfileFormatError(
            N_(
                "company #%(position)s, field 'name': is missing or empty; give every company "
                "a name"
            ),
            company=label,
            field="name",
            position=position,
        )
    if not isinstance(name, str):
        raise ProfileFormatError(
            N_("company #%(position)s, field 'name': must be a text, got %(type)s"),
            company=label,
            field="name",
            position=position,
            type=type(name).__name__,
        )
    name = " ".join(name.split())
    label = name
    if name.casefold() in seen:
        raise _fail(
            label, "name", N_("%(company)s, field 'name': appears twice; names must be unique")
        )
    seen.add(name.casefold())
    for key in raw:
        if not isinstance(key, str) or key not in ALL_FIELDS:
            raise _unknown_field(label, str(key))

    language = raw.get("language")
    if (
        language is not None
        and language != ""
        and (not isinstance(language, str) or language.strip().lower() not in LANGUAGES)
    ):
        raise _fail(
            label,
            "language",
            N_('%(company)s, field \'language\': is %(value)s; use "es" or "en"'),
            value=repr(language),
        )

    mission = raw.get("mission", "")
    if mission is None:
        mission = ""
    if not isinstance(mission, str):
        raise _fail(
            label,
            "mission",
            N_("%(company)s, field 'mission': must be a text, got %(type)s"),
            type=type(mission).__name__,
        )

    lists = {field: _parse_list(label, field, raw.get(field)) for field in LIST_FIELDS}
    if not (lists["activities"] or lists["seeks"] or lists["offers"]):
        raise _fail(
            label,
            "activities",
            N_(
                "%(company)s, field 'activities': the company has no activities, seeks or "
                "offers; fill in at least one of them"
            ),
        )
    if language is None or language == "":
        language = _guessed_language(lists)
    return CompanyProfile(
        name=name,
        language=language.strip().lower(),
        mission=" ".join(mission.split()),
        activities=lists["activities"],
        seeks=lists["seeks"],
        offers=lists["offers"],
        restricted=lists["restricted"],
    )


def _guessed_language(lists: Mapping[str, tuple[str, ...]]) -> str:
    """A company's language when the file gives none: the majority of its items' guesses,
    Spanish on a tie (the platform's first language)."""
    guesses = [guess_language(text) for items in lists.values() for text in items]
    return "en" if guesses.count("en") > guesses.count("es") else "es"


def parse_profiles(data: Mapping[str, Any] | Any) -> list[CompanyProfile]:
    """Validate a decoded import document and return its profiles, in file order."""
    if not isinstance(data, Mapping):
        raise ProfileFormatError(N_('the file must be an object of the form {"companies": [...]}'))
    companies = data.get("companies")
    if not isinstance(companies, list):
        raise ProfileFormatError(
            N_('the file has no "companies" list; write {"companies": [{"name": ...}, ...]}'),
            field="companies",
        )
    if not companies:
        raise ProfileFormatError(
            N_("the file lists no companies; add at least one"), field="companies"
        )
    seen: set[str] = set()
    return [_parse_company(i, raw, seen) for i, raw in enumerate(companies, start=1)]


class _SemicolonExcel(csv.excel):
    delimiter = ";"


def _semicolon_columns(text: str) -> bool:
    """A spreadsheet in a Spanish locale saves columns separated by ";" (and quotes a cell
    that holds a ";", so a list cell stays one cell): read such a file when its first line
    is a header of this format's columns, rather than ask the facilitator to re-save it."""
    first = text.split("\n", 1)[0]
    columns = [c.strip().strip('"').lower() for c in first.split(";")]
    return "," not in first and "name" in columns and all(c in ALL_FIELDS for c in columns if c)


def _csv_rows(text: str, sniffed: bool = False) -> list[dict[str, Any]]:
    """The rows of a CSV text; ``sniffed``: the file did not say it was CSV (no .csv name),
    so a missing header may mean it is no profiles file at all."""
    sample = text[:4096]
    dialect: type[csv.Dialect] | csv.Dialect
    if _semicolon_columns(text):
        dialect = _SemicolonExcel
    else:
        try:
            dialect = csv.Sniffer().sniff(sample, delimiters=",\t")
        except csv.Error:
            dialect = csv.excel
    # strict: an unclosed quote is an error, not the rest of the file read as one cell.
    reader = csv.DictReader(io.StringIO(text), dialect=dialect, strict=True)
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        raise _csv_error(1, exc) from exc
    fields = [f.strip().lower() for f in header]
    if "name" not in fields:
        if ";" in (header[0] if header else ""):
            raise ProfileFormatError(
                N_(
                    'the CSV file separates its columns with ";"; save it with commas '
                    'between columns (";" separates the items of a list)'
                ),
                field="name",
            )
        if sniffed:
            raise ProfileFormatError(
                N_(
                    "the file is neither JSON nor CSV: a JSON file starts with {, a CSV "
                    "file's first line names the columns %(fields)s"
                ),
                field="name",
                fields=",".join(ALL_FIELDS),
            )
        raise ProfileFormatError(
            N_(
                "the CSV file has no 'name' column; the first line must name the columns %(fields)s"
            ),
            field="name",
            fields=",".join(ALL_FIELDS),
        )
    for column in fields:
        if column and column not in ALL_FIELDS:
            raise _unknown_column(column)
    rows: list[dict[str, Any]] = []
    row_start = reader.reader.line_num + 1  # the line a row begins on (a cell may span lines)
    try:
        for row in reader:
            if None in row:  # more cells than columns: DictReader keeps them under None
                raise ProfileFormatError(
                    N_(
                        "line %(line)s: the row has more cells than the first line has "
                        "columns; put texts that contain commas between quotes"
                    ),
                    company=str(row.get(header[fields.index("name")]) or "").strip() or None,
                    line=row_start,
                )
            clean = {
                (k or "").strip().lower(): (v if isinstance(v, str) else "") for k, v in row.items()
            }
            row_start = reader.reader.line_num + 1
            if not any(v.strip() for v in clean.values()):
                continue
            record: dict[str, Any] = {}
            for field in ALL_FIELDS:
                value = clean.get(field, "")
                record[field] = value.split(";") if field in LIST_FIELDS else value
            rows.append(record)
    except csv.Error as exc:
        raise _csv_error(row_start, exc) from exc
    return rows


def _csv_error(line: int, exc: csv.Error) -> ProfileFormatError:
    if "end of data" in str(exc):
        return ProfileFormatError(
            N_("line %(line)s: a quote is opened and never closed; close it or remove it"),
            line=line,
        )
    return ProfileFormatError(
        N_("line %(line)s: the CSV file cannot be read (%(reason)s)"), line=line, reason=str(exc)
    )


def _unknown_column(column: str) -> ProfileFormatError:
    close = difflib.get_close_matches(column, ALL_FIELDS, n=1, cutoff=0.6)
    if close:
        return ProfileFormatError(
            N_(
                "the CSV file has a column '%(field)s' that the format does not have; did you "
                "mean '%(suggestion)s'?"
            ),
            field=column,
            suggestion=close[0],
        )
    return ProfileFormatError(
        N_(
            "the CSV file has a column '%(field)s' that the format does not have; the columns "
            "are %(fields)s"
        ),
        field=column,
        fields=",".join(ALL_FIELDS),
    )


def profiles_from_text(text: str, fmt: str | None = None) -> list[CompanyProfile]:
    """Parse JSON or CSV text; ``fmt`` is "json", "csv" or None (sniff the content)."""
    text = text.lstrip("\ufeff")
    if _is_binary(text):
        raise ProfileFormatError(
            N_(
                "the file is a spreadsheet, document or other binary file, not text: save "
                "it as CSV (in a spreadsheet: Save as, CSV) or JSON and import that file"
            )
        )
    sniffed = fmt is None
    if fmt is None:
        fmt = "json" if text.lstrip().startswith(("{", "[")) else "csv"
    if fmt == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ProfileFormatError(
                N_("the file is not valid JSON (line %(line)s, column %(column)s: %(reason)s)"),
                line=exc.lineno,
                column=exc.colno,
                reason=exc.msg,
            ) from exc
        return parse_profiles(data)
    return parse_profiles({"companies": _csv_rows(text, sniffed)})


# Excel (.xlsx and .xls), OpenDocument and PDF files, as decode_profiles_file reads them.
_BINARY_STARTS = ("PK\x03\x04", "%PDF", "\xd0\xcf\x11\xe0", "ÐÏ\x11à")


def _is_binary(text: str) -> bool:
    return text.startswith(_BINARY_STARTS) or "\x00" in text[:1024]


def decode_profiles_file(raw: bytes) -> str:
    """The text of an uploaded or read profiles file, whatever a spreadsheet saved it as."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" is UTF-16
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Spreadsheets on Windows save cp1252 (Latin-1 plus the euro sign and curly quotes);
    # Latin-1 reads any byte, for the few that cp1252 leaves undefined.
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def load_profiles(path: str | pathlib.Path) -> list[CompanyProfile]:
    """Read profiles from a .json or .csv file (other extensions: the content decides).

    Raises FileNotFoundError for a missing file and ProfileFormatError for a malformed one.
    """
    file = pathlib.Path(path)
    text = decode_profiles_file(file.read_bytes())
    suffix = file.suffix.lower()
    fmt = {".json": "json", ".csv": "csv"}.get(suffix)
    return profiles_from_text(text, fmt)


def dump_profiles(profiles: Sequence[CompanyProfile]) -> dict[str, Any]:
    """Profiles in the import format, for export."""
    return {"companies": [p.to_dict() for p in profiles]}
