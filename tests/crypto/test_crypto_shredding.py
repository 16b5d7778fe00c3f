"""Crypto-shredding: once the caller deletes a wrapped key, nothing under it can be
opened, not even with the KEK; the failure is a clear KeyDestroyedError."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest

from shared.crypto import (
    IntegrityError,
    KeyDestroyedError,
    LocalKekProvider,
    SealedItem,
    new_workshop_key,
    open_sealed,
    seal,
    unwrap_workshop_key,
)

Ctx = dict[str, str | int]
MakeContext = Callable[..., Ctx]
CANARY = b"CANARY-shred-5c1e"


def test_shredded_workshop_cannot_be_opened_even_with_the_kek(
    kek: LocalKekProvider, make_context: MakeContext
) -> None:
    key, wrapped = new_workshop_key(kek, "ws-1")
    ctx = make_context()
    sealed = seal(key, CANARY, ctx)
    del key
    wrapped_after_shred = None  # the caller deleted the workshop row's wrapped key
    with pytest.raises(KeyDestroyedError, match="workshop key was destroyed") as info:
        unwrap_workshop_key(kek, wrapped_after_shred, "ws-1")
    assert not isinstance(info.value, IntegrityError)
    with pytest.raises(KeyDestroyedError):
        open_sealed(None, sealed, ctx)
    # What remains in the database holds neither the plaintext nor any key.
    stored = b"".join(v for v in sealed.to_dict().values() if isinstance(v, bytes))
    assert CANARY not in stored


def test_shredded_item_cannot_be_opened_with_kek_and_workshop_key(
    kek: LocalKekProvider, make_context: MakeContext
) -> None:
    key, wrapped = new_workshop_key(kek, "ws-1")
    red_ctx, amber_ctx = make_context(item="red-1"), make_context(item="amber-1")
    red, amber = seal(key, CANARY, red_ctx), seal(key, b"amber stays", amber_ctx)

    red = SealedItem.from_dict(red.shredded().to_dict())  # stored, then read back
    assert red.is_shredded and red.to_dict()["wrapped_data_key"] is None
    assert red.to_dict()["data_key_nonce"] is None

    live_key = unwrap_workshop_key(kek, wrapped, "ws-1")
    with pytest.raises(KeyDestroyedError, match="data key was destroyed"):
        open_sealed(live_key, red, red_ctx)
    assert open_sealed(live_key, amber, amber_ctx) == b"amber stays"  # siblings unaffected

    # Grafting a sibling's data key onto the shredded row does not bring it back.
    assert amber.wrapped_data_key is not None and amber.data_key_nonce is not None
    grafted = dataclasses.replace(
        red, wrapped_data_key=amber.wrapped_data_key, data_key_nonce=amber.data_key_nonce
    )
    with pytest.raises(IntegrityError):
        open_sealed(live_key, grafted, red_ctx)
    with pytest.raises(IntegrityError):
        open_sealed(live_key, grafted, amber_ctx)


def test_half_shredded_row_counts_as_destroyed(
    workshop_key: bytes, make_context: MakeContext
) -> None:
    ctx = make_context()
    sealed = seal(workshop_key, CANARY, ctx)
    for field in ("wrapped_data_key", "data_key_nonce"):
        changes: dict[str, Any] = {field: None}
        with pytest.raises(KeyDestroyedError):
            open_sealed(workshop_key, dataclasses.replace(sealed, **changes), ctx)


def test_deleted_item_row_is_destroyed(workshop_key: bytes, make_context: MakeContext) -> None:
    with pytest.raises(KeyDestroyedError):
        open_sealed(workshop_key, None, make_context())


def test_shredding_is_checked_before_the_context(workshop_key: bytes) -> None:
    """A shredded item says so even when the caller cannot rebuild its context any more."""
    sealed = seal(
        workshop_key,
        CANARY,
        {
            "workshop_id": "w",
            "item_id": "i",
            "author_company_id": "c",
            "rules": "r",
            "rules_version": 1,
        },
    ).shredded()
    with pytest.raises(KeyDestroyedError):
        open_sealed(workshop_key, sealed, {})
