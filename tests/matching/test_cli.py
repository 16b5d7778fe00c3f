from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import pytest

from shared.matching.cli import main

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_json_contract(devset_dir: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main([str(devset_dir / "es_conservas_navarra.json"), "--format", "json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert {"overlaps", "combinations", "shared_needs"} <= set(data)
    assert data["overlaps"] and data["combinations"] and data["shared_needs"]
    for overlap in data["overlaps"]:
        assert {"companies", "score", "restricted", "evidence"} <= set(overlap)
        assert isinstance(overlap["restricted"], bool)
        assert 0.0 <= overlap["score"] <= 1.0
        assert overlap["companies"] == sorted(overlap["companies"])
    for combo in data["combinations"]:
        assert {"provider", "receiver", "score", "offer", "need", "evidence"} <= set(combo)
        assert combo["provider"] != combo["receiver"]
    for need in data["shared_needs"]:
        assert {"companies", "need"} <= set(need) and len(need["companies"]) >= 2
    scores = [c["score"] for c in data["combinations"]]
    assert scores == sorted(scores, reverse=True)


def test_default_format_is_json(
    devset_dir: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(devset_dir / "en_midlands_manufacturing.json")]) == 0
    assert "overlaps" in json.loads(capsys.readouterr().out)


def test_text_format(devset_dir: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(devset_dir / "en_midlands_manufacturing.json"), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Overlaps (") and "Combinations (" in out and "->" in out
    # A Spanish workshop's listing is Spanish throughout, headings included.
    assert main([str(devset_dir / "es_conservas_navarra.json"), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Solapes (") and "Sumatorios (" in out and "Combinations" not in out


def test_malformed_file_exits_2_naming_company_and_field(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps({"companies": [{"name": "Bodegas Montilla", "activities": "vino", "seeks": 7}]}),
        encoding="utf-8",
    )
    assert main([str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Bodegas Montilla" in captured.err and "seeks" in captured.err


def test_missing_file_exits_2(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nope.json")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_python_dash_m(devset_dir: pathlib.Path) -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "shared.matching",
            str(devset_dir / "mixed_olive_wine_andalucia.json"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["overlaps"]


def test_tertulia_match_help_shows_the_interface() -> None:
    """`tertulia match --help` reaches the matcher's parser, not the bare click stub."""
    tertulia = pathlib.Path(sys.executable).with_name("tertulia")
    run = subprocess.run(
        [str(tertulia), "match", "--help"], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    assert "file" in run.stdout and "--format {json,text}" in run.stdout


def test_explanations_in_both_languages_and_text_in_the_chosen_one(
    devset_dir: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(devset_dir / "es_conservas_navarra.json")
    assert main([path]) == 0
    data = json.loads(capsys.readouterr().out)
    for combo in data["combinations"]:
        assert combo["explanations"]["en"] == combo["explanation"]
        assert combo["explanations"]["es"] != combo["explanation"]
    assert main([path, "--format", "text", "--language", "en"]) == 0
    english = capsys.readouterr().out
    # A Spanish workshop is listed in Spanish unless asked otherwise.
    assert main([path, "--format", "text"]) == 0
    spanish = capsys.readouterr().out
    first_es = data["combinations"][0]["explanations"]["es"]
    assert first_es in spanish and first_es not in english
    assert data["combinations"][0]["explanation"] in english
    assert main([path, "--language", "es"]) == 0
    in_spanish = json.loads(capsys.readouterr().out)
    assert in_spanish["combinations"][0]["explanation"] == first_es
