"""Unguessable bearer tokens: 256 bits from `secrets`, stored only as SHA-256 hashes.

A hash suffices (no salt or slow hash) because the tokens are random, not chosen by people.
"""

from __future__ import annotations

import hashlib
import secrets


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
