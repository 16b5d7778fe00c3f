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
