"""Fixtures for the matching tests (pure library: no app, no database)."""

from __future__ import annotations

import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

HERE = pathlib.Path(__file__).resolve().parent


@pytest.fixture
def devset_dir() -> pathlib.Path:
    return HERE / "devset"
