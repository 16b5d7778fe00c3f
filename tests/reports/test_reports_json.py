"""JSON: the versioned schema, its documentation, values and the sealed placeholder."""

from __future__ import annotations

import json
import pathlib
from typing import Any

from shared.reports.document import SummaryDocument
from shared.reports.json_export import SCHEMA, render_json, to_json_dict

DOC = pathlib.Path(__file__).resolve().parents[2] / "docs" / "SUMMARY_JSON.md"
TOP_KEYS = [
    "schema",
    "meta",
    "charter",
    "participants",
    "topics",
    "overlaps",
    "combinations",
    "plans",
    "evaluations",
    "ledger",
    "audit",
]


def _keys(value: Any, found: set[str]) -> set[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            found.add(key)
            _keys(item, found)
    elif isinstance(value, list):
        for item in value:
            _keys(item, found)
    return found


def test_schema_and_top_level_keys(sample_es: SummaryDocument) -> None:
    data = json.loads(render_json(sample_es))
    assert data["schema"] == SCHEMA == "tertulia.summary/1"
    assert list(data) == TOP_KEYS
    assert set(data["meta"]) == {
        "title",
        "objective",
        "date",
        "language",
        "facilitator",
        "status",
        "generated_at",
        "viewer",
    }
    assert data["meta"]["date"] == "2026-03-14"
    assert data["meta"]["generated_at"] == "2026-03-14T18:05:00+00:00"
    assert set(data["ledger"]) == {"companies", "pairs"}


def test_values_and_accents(sample_es: SummaryDocument) -> None:
    text = render_json(sample_es)
    assert "Peñalba" in text and "\\u00f1" not in text  # UTF-8 kept as written
    data = json.loads(text)
    first = data["topics"][0]["contributions"][0]
    assert first == {
        "kind": "good_practice",
        "body": sample_es.topics[0].contributions[0].body,
        "sealed": False,
        "attribution": "Quesería Peñalba",
        "created_at": "2026-03-14T09:37:00+00:00",
    }
    assert data["participants"][3] == {"company": "Lácteos Úbeda", "people": None}
    assert data["overlaps"][0]["confirmed"] is True
    assert data["ledger"]["companies"][2]["balance"] == -3
    step = data["plans"][0]["steps"][2]
    assert step["due"] == "2026-06-01" and step["owner_person"] is None
    assert step["resources"][1] == {"name": "Sensores de temperatura", "provided_by": None}


def test_sealed_placeholder_is_null_and_flagged(sample_es: SummaryDocument) -> None:
    data = to_json_dict(sample_es)
    sealed = [c for t in data["topics"] for c in t["contributions"] if c["sealed"]]
    assert sealed == [
        {
            "kind": "good_practice",
            "body": None,
            "sealed": True,
            "attribution": None,
            "created_at": "2026-03-14T09:58:00+00:00",
        }
    ]


def test_empty_document(empty_doc: SummaryDocument) -> None:
    data = json.loads(render_json(empty_doc))
    assert data["charter"] is None and data["audit"] is None
    assert data["topics"] == [] and data["ledger"] == {"companies": [], "pairs": []}


def test_every_key_is_documented(sample_es: SummaryDocument) -> None:
    documented = DOC.read_text(encoding="utf-8")
    assert SCHEMA in documented
    for key in sorted(_keys(to_json_dict(sample_es), set())):
        assert f"`{key}`" in documented, key
