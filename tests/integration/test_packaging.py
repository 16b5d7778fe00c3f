"""Schema, API description, catalogs and the wheel stay in step with the code."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from shared.models import Base

ROOT = Path(__file__).resolve().parents[2]


def test_migrations_build_exactly_the_models(app: Any, deps: Any) -> None:
    with deps.db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_every_api_route_is_in_the_openapi_document(app: Any) -> None:
    document = app.test_client().get("/api/v1/openapi.json").json
    documented = {
        (path, method.upper())
        for path, item in document["paths"].items()
        for method in item
        if method != "parameters"
    }
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1/"):
            continue
        path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule[len("/api/v1") :])
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert (path, method) in documented, (path, method)


def test_compiled_catalogs_match_their_sources(tmp_path: Path) -> None:
    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po

    for lang in ("es", "en"):
        folder = ROOT / "translations" / lang / "LC_MESSAGES"
        with open(folder / "messages.po", "rb") as po, open(folder / "messages.mo", "rb") as mo:
            source, compiled = read_po(po), read_mo(mo)
        assert {m.id: m.string for m in source if m.id and m.string} == {
            m.id: m.string for m in compiled if m.id
        }
    with open(ROOT / "translations/es/LC_MESSAGES/messages.po", "rb") as po:
        untranslated = [m.id for m in read_po(po) if m.id and not m.string]
    assert untranslated == []


def test_the_wheel_carries_templates_static_config_and_migrations(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("tertulia-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "tertulia/templates/base.html",
        "tertulia/templates/participant/room.html",
        "tertulia/static/js/live.js",
        "tertulia/static/vendor/socket.io.min.js",
        "tertulia/config/defaults.toml",
        "tertulia/migrations/env.py",
        "tertulia/translations/es/LC_MESSAGES/messages.mo",
        "shared/disclosure.py",
        "facilitator/views.py",
        "participant/socket.py",
    ):
        assert needed in names, needed
