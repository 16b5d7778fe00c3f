"""Fixtures for the crypto tests: keyrings and contexts built in memory.

Session-scoped so that hypothesis tests can use them (they hold no state that
a test mutates; tests that retire KEKs build their own provider).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pytest

from shared.crypto import LocalKekProvider

ContextFactory = Callable[..., dict[str, str | int]]


def _make_context(item: str | int = "item-1", **overrides: Any) -> dict[str, str | int]:
    """A complete context as the web app will build it from an item row."""
    ctx: dict[str, str | int] = {
        "workshop_id": "ws-1",
        "item_id": item,
        "author_company_id": "company-a",
        "rules": '{"attribution":"named","reveal":["phase"],"sensitivity":"AMBER"}',
        "rules_version": 1,
    }
    ctx.update(overrides)
    return ctx


@pytest.fixture(scope="session")
def make_context() -> ContextFactory:
    return _make_context


@pytest.fixture(scope="session")
def kek() -> LocalKekProvider:
    return LocalKekProvider({"k1": os.urandom(32)}, "k1")


@pytest.fixture(scope="session")
def workshop_key() -> bytes:
    return os.urandom(32)
