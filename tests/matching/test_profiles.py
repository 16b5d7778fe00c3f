from __future__ import annotations

import json
import pathlib

import pytest

from shared.matching import CompanyProfile, ProfileFormatError, load_profiles, parse_profiles
from shared.matching.profiles import dump_profiles

GOOD = {
    "companies": [
        {
            "name": "Conservas La Huerta",
            "language": "es",
            "mission": "La huerta en conserva",
            "activities": ["conservas vegetales"],
            "seeks": ["misión comercial a Alemania"],
            "offers": [],
            "restricted": ["nuestros proveedores de espárrago"],
        },
        {"name": "GreenCan", "language": "en", "activities": ["vegetable canning"]},
    ]
}


def test_parse_profiles_builds_frozen_profiles() -> None:
    profiles = parse_profiles(GOOD)
    assert [p.name for p in profiles] == ["Conservas La Huerta", "GreenCan"]
    first = profiles[0]
    assert isinstance(first, CompanyProfile)
    assert first.activities == ("conservas vegetales",)
    assert first.restricted == ("nuestros proveedores de espárrago",)
    assert profiles[1].seeks == () and profiles[1].mission == ""
    with pytest.raises(AttributeError):
        first.name = "x"  # type: ignore[misc]


def test_json_round_trip(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "profiles.json"
    path.write_text(json.dumps(GOOD, ensure_ascii=False), encoding="utf-8")
    profiles = load_profiles(path)
    assert parse_profiles(dump_profiles(profiles)) == profiles


def test_csv_with_semicolon_lists(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "profiles.csv"
    path.write_text(
        "name,language,mission,activities,seeks,offers,restricted\n"
        'Conservas La Huerta,es,Huerta,"conservas vegetales; exportación a Francia",'
        "misión comercial a Alemania,,nuestros proveedores de espárrago\n"
        "GreenCan,en,,vegetable canning,,free energy audits,\n",
        encoding="utf-8",
    )
    profiles = load_profiles(path)
    assert profiles[0].activities == ("conservas vegetales", "exportación a Francia")
    assert profiles[0].offers == ()
    assert profiles[1].offers == ("free energy audits",)


def test_unknown_extension_sniffs_content(tmp_path: pathlib.Path) -> None:
    as_json = tmp_path / "profiles.txt"
    as_json.write_text(json.dumps(GOOD), encoding="utf-8")
    assert len(load_profiles(as_json)) == 2
    as_csv = tmp_path / "export.dat"
    as_csv.write_text("name,activities\nA,canning;logistics\n", encoding="utf-8")
    assert load_profiles(as_csv)[0].activities == ("canning", "logistics")


def test_missing_name_is_reported_by_position() -> None:
    data = {"companies": [GOOD["companies"][0], {"language": "en", "activities": ["x"]}]}
    with pytest.raises(ProfileFormatError) as info:
        parse_profiles(data)
    assert info.value.company == "company #2"
    assert info.value.field == "name"
    assert "company #2" in str(info.value) and "name" in str(info.value)


@pytest.mark.parametrize(
    ("record", "field", "hint"),
    [
        ({"name": "Acme", "language": "fr", "activities": ["x"]}, "language", '"es" or "en"'),
        ({"name": "Acme", "activities": ["x", 3]}, "activities", "item 2"),
        ({"name": "Acme", "activities": "x", "seeks": {"a": 1}}, "seeks", "list"),
        ({"name": "Acme", "mission": 5, "activities": ["x"]}, "mission", "text"),
        ({"name": "Acme"}, "activities", "at least one"),
    ],
)
def test_field_errors_name_company_and_field(
    record: dict[str, object], field: str, hint: str
) -> None:
    with pytest.raises(ProfileFormatError) as info:
        parse_profiles({"companies": [record]})
    assert info.value.company == "Acme"
    assert info.value.field == field
    message = str(info.value)
    assert "Acme" in message and field in message and hint in message
    assert isinstance(info.value, ValueError)


def test_duplicate_names_rejected() -> None:
    with pytest.raises(ProfileFormatError, match="twice"):
        parse_profiles({"companies": [{"name": "A", "activities": ["x"]}] * 2})


def test_file_level_errors(tmp_path: pathlib.Path) -> None:
    with pytest.raises(ProfileFormatError, match="companies"):
        parse_profiles({"firms": []})
    broken = tmp_path / "broken.json"
    broken.write_text('{"companies": [', encoding="utf-8")
    with pytest.raises(ProfileFormatError, match="not valid JSON"):
        load_profiles(broken)
    no_name = tmp_path / "bad.csv"
    no_name.write_text("company,activities\nA,x\n", encoding="utf-8")
    with pytest.raises(ProfileFormatError, match="'name' column"):
        load_profiles(no_name)
    with pytest.raises(FileNotFoundError):
        load_profiles(tmp_path / "missing.json")


def test_csv_row_error_names_company(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "profiles.csv"
    path.write_text("name,language,activities\nA,es,x\nBodega B,de,vino\n", encoding="utf-8")
    with pytest.raises(ProfileFormatError) as info:
        load_profiles(path)
    assert info.value.company == "Bodega B" and info.value.field == "language"


def test_a_misspelt_field_is_an_error_that_says_what_was_meant(tmp_path: pathlib.Path) -> None:
    """A dropped "ofers" would silently lose the company's offers."""
    with pytest.raises(ProfileFormatError) as info:
        parse_profiles(
            {
                "companies": [
                    {
                        "name": "Acme",
                        "language": "es",
                        "activities": ["x"],
                        "ofers": ["vapor residual"],
                    }
                ]
            }
        )
    assert (info.value.company, info.value.field) == ("Acme", "ofers")
    assert "did you mean 'offers'" in str(info.value)
    with pytest.raises(ProfileFormatError, match="the fields are name, language"):
        parse_profiles({"companies": [{"name": "Acme", "activities": ["x"], "sector": "agro"}]})
    path = tmp_path / "p.csv"
    path.write_text("name,language,activites\nA,es,x\n", encoding="utf-8")
    with pytest.raises(ProfileFormatError, match="column 'activites'.*'activities'"):
        load_profiles(path)


def test_a_missing_language_is_read_from_the_items() -> None:
    english, spanish = parse_profiles(
        {
            "companies": [
                {"name": "A", "activities": ["Vegetable canning and packaging of asparagus"]},
                {"name": "B", "language": "", "activities": ["Fabricación de envases de vidrio"]},
            ]
        }
    )
    assert (english.language, spanish.language) == ("en", "es")


def test_a_file_without_companies_is_refused() -> None:
    with pytest.raises(ProfileFormatError, match="no companies"):
        parse_profiles({"companies": []})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('name,language,activities\nA,es,x\nB,es,"never closed\nC,es,y\n', "line 3: a quote"),
        ("name,language,activities\nA,es,canning, bottling\n", "line 2: the row has more cells"),
        ("name;language;activites\nA;es;x\n", 'separates its columns with ";"'),
    ],
)
def test_broken_csv_says_where_and_what_to_fix(
    tmp_path: pathlib.Path, text: str, message: str
) -> None:
    path = tmp_path / "p.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileFormatError, match=message):
        load_profiles(path)


def test_a_spanish_spreadsheets_semicolon_columns_are_read(tmp_path: pathlib.Path) -> None:
    """Excel in a Spanish locale separates columns with ";" and quotes a list cell."""
    path = tmp_path / "p.csv"
    text = 'name;language;activities;offers\r\nCafé Peña;es;"Tostado;Cata";Cestas\r\n'
    path.write_bytes(text.encode("cp1252"))
    (profile,) = load_profiles(path)
    assert profile.name == "Café Peña"
    assert (profile.activities, profile.offers) == (("Tostado", "Cata"), ("Cestas",))


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
def test_spreadsheet_encodings_are_read(tmp_path: pathlib.Path, encoding: str) -> None:
    path = tmp_path / "p.csv"
    path.write_text("name,language,offers\nCafé “Peña”,es,Cestas de 10 €\n", encoding=encoding)
    (profile,) = load_profiles(path)
    assert (profile.name, profile.offers) == ("Café “Peña”", ("Cestas de 10 €",))


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("notes.txt", b"Hola, esto es una nota\nsin columnas\n", "neither JSON nor CSV"),
        ("profiles.xlsx", b"PK\x03\x04\x14\x00\x06\x00" + bytes(40), "save it as CSV"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(40), "save it as CSV"),
        ("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "save it as CSV"),
        ("notes.csv", b"Hola, esto es una nota\n", "no 'name' column"),
    ],
)
def test_a_file_that_is_not_a_profiles_file_says_what_to_save_it_as(
    tmp_path: pathlib.Path, name: str, content: bytes, says: str
) -> None:
    """A facilitator who picks the wrong file is told what it is and what to do, not a CSV
    parser's complaint about a .txt or a spreadsheet's bytes."""
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ProfileFormatError) as caught:
        load_profiles(path)
    assert says in str(caught.value)
