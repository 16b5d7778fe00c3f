"""Architecture rules a test can check: dependencies flow one way, the domain core is pure."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def imports_of(folder: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in (ROOT / folder).rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
        found[str(path.relative_to(ROOT))] = names
    return found


def test_shared_depends_on_neither_side() -> None:
    for path, names in imports_of("shared").items():
        assert not names & {"facilitator", "participant", "tertulia"}, path


def test_sides_do_not_import_each_other_or_the_composition_root() -> None:
    for side, other in (("facilitator", "participant"), ("participant", "facilitator")):
        for path, names in imports_of(side).items():
            assert other not in names and "tertulia" not in names, path


def test_domain_core_does_not_import_flask() -> None:
    core = [p for p in imports_of("shared").items() if not p[0].startswith("shared/web")]
    for path, names in core:
        assert not names & {"flask", "flask_socketio", "flask_babel", "flask_wtf"}, path
