"""Tampering matrix: every edit an attacker with database write access can make
yields IntegrityError (never plaintext, never content in the message).

Modelled on Tink's AEAD tests: edited associated data, rows swapped between
items, every single-byte flip position of every stored field, truncation and
extension, wrong keys, missing associated data.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared.crypto import (
    CryptoError,
    IntegrityError,
    KekUnavailableError,
    LocalKekProvider,
    SealedItem,
    WrappedKey,
    new_workshop_key,
    open_sealed,
    seal,
    unwrap_workshop_key,
)

Ctx = dict[str, str | int]
MakeContext = Callable[..., Ctx]
CANARY = b"CANARY-7f3a-failure-cost-EUR-120k"
SEALED_FIELDS = ("ciphertext", "nonce", "wrapped_data_key", "data_key_nonce")


def expect_integrity_error(
    key: bytes, sealed: SealedItem, ctx: Ctx, *, allowed: type[Exception] = IntegrityError
) -> None:
    with pytest.raises(allowed) as info:
        open_sealed(key, sealed, ctx)
    message = str(info.value)
    assert CANARY.decode() not in message
    for value in ctx.values():
        assert len(str(value)) < 4 or str(value) not in message
    assert info.value.__cause__ is None


def flip(data: bytes, pos: int, mask: int) -> bytes:
    return data[:pos] + bytes([data[pos] ^ mask]) + data[pos + 1 :]


def with_field(sealed: SealedItem, field: str, value: bytes) -> SealedItem:
    changes: dict[str, Any] = {field: value}
    return dataclasses.replace(sealed, **changes)


@pytest.fixture
def item(workshop_key: bytes, make_context: MakeContext) -> tuple[SealedItem, Ctx]:
    ctx = make_context()
    sealed = seal(workshop_key, CANARY * 2, ctx)
    assert open_sealed(workshop_key, sealed, ctx) == CANARY * 2
    return sealed, ctx


# --- associated data -------------------------------------------------------------------

CONTEXT_EDITS: list[tuple[str, Callable[[Ctx], None]]] = [
    ("rules loosened", lambda c: c.update(rules=str(c["rules"]).replace("AMBER", "CLEAR"))),
    ("rules reordered", lambda c: c.update(rules='{"sensitivity":"AMBER"}' + str(c["rules"]))),
    ("rules version bumped", lambda c: c.update(rules_version=2)),
    ("author changed", lambda c: c.update(author_company_id="company-b")),
    ("item changed", lambda c: c.update(item_id="item-2")),
    ("workshop changed", lambda c: c.update(workshop_id="ws-2")),
    ("extra key added", lambda c: c.update(field="attribution")),
    ("rules version 01 vs 1", lambda c: c.update(rules_version="01")),
    ("trailing space", lambda c: c.update(author_company_id="company-a ")),
]


@pytest.mark.parametrize(("name", "edit"), CONTEXT_EDITS, ids=[n for n, _ in CONTEXT_EDITS])
def test_edited_context_is_detected(
    workshop_key: bytes,
    item: tuple[SealedItem, Ctx],
    name: str,
    edit: Callable[[Ctx], None],
) -> None:
    sealed, ctx = item
    edited = dict(ctx)
    edit(edited)
    assert edited != ctx, name
    expect_integrity_error(workshop_key, sealed, edited)


def test_extra_key_removed_is_detected(workshop_key: bytes, make_context: MakeContext) -> None:
    ctx = make_context(field="body")
    sealed = seal(workshop_key, CANARY, ctx)
    del ctx["field"]
    expect_integrity_error(workshop_key, sealed, ctx)


@pytest.mark.parametrize("missing", ["workshop_id", "item_id", "author_company_id", "rules"])
def test_missing_associated_data_is_an_integrity_error(
    workshop_key: bytes, item: tuple[SealedItem, Ctx], missing: str
) -> None:
    sealed, ctx = item
    partial = {k: v for k, v in ctx.items() if k != missing}
    expect_integrity_error(workshop_key, sealed, partial)
    expect_integrity_error(workshop_key, sealed, {})
    expect_integrity_error(workshop_key, sealed, {**ctx, "rules": None})  # type: ignore[dict-item]


# --- rows swapped between items --------------------------------------------------------

SUBSETS = [
    s for r in range(1, len(SEALED_FIELDS) + 1) for s in itertools.combinations(SEALED_FIELDS, r)
]


@pytest.mark.parametrize("fields", SUBSETS, ids=["+".join(s) for s in SUBSETS])
def test_fields_swapped_between_items_are_detected(
    workshop_key: bytes, make_context: MakeContext, fields: tuple[str, ...]
) -> None:
    ctx_a, ctx_b = make_context(item="item-1"), make_context(item="item-2")
    a, b = seal(workshop_key, CANARY + b"-A", ctx_a), seal(workshop_key, b"B", ctx_b)
    moved = dataclasses.replace(b, **{f: getattr(a, f) for f in fields})
    expect_integrity_error(workshop_key, moved, ctx_b)


def test_same_item_id_in_another_workshop_is_detected(
    kek: LocalKekProvider, make_context: MakeContext
) -> None:
    key_1, _ = new_workshop_key(kek, "ws-1")
    key_2, _ = new_workshop_key(kek, "ws-2")
    sealed = seal(key_1, CANARY, make_context(workshop_id="ws-1"))
    # Row copied into workshop 2 under the same item id: wrong key and wrong context.
    expect_integrity_error(key_2, sealed, make_context(workshop_id="ws-2"))
    expect_integrity_error(key_1, sealed, make_context(workshop_id="ws-2"))
    expect_integrity_error(key_2, sealed, make_context(workshop_id="ws-1"))


def test_ciphertext_of_same_item_sealed_twice_cannot_be_mixed(
    workshop_key: bytes, make_context: MakeContext
) -> None:
    """An edited item gets a new data key: old and new columns do not combine."""
    ctx = make_context()
    old, new = seal(workshop_key, CANARY, ctx), seal(workshop_key, b"edited", ctx)
    expect_integrity_error(workshop_key, with_field(new, "ciphertext", old.ciphertext), ctx)
    expect_integrity_error(
        workshop_key, with_field(new, "wrapped_data_key", old.wrapped_data_key or b""), ctx
    )


# --- byte flips, truncation, extension -------------------------------------------------


@pytest.mark.parametrize("field", SEALED_FIELDS)
@pytest.mark.parametrize("mask", [0x01, 0x80, 0xFF])
def test_every_single_byte_flip_is_detected(
    workshop_key: bytes, item: tuple[SealedItem, Ctx], field: str, mask: int
) -> None:
    sealed, ctx = item
    original: bytes = getattr(sealed, field)
    for pos in range(len(original)):
        expect_integrity_error(
            workshop_key, with_field(sealed, field, flip(original, pos, mask)), ctx
        )


@pytest.mark.parametrize("field", SEALED_FIELDS)
def test_truncated_or_extended_fields_are_detected(
    workshop_key: bytes, item: tuple[SealedItem, Ctx], field: str
) -> None:
    sealed, ctx = item
    original: bytes = getattr(sealed, field)
    for variant in (b"", original[:-1], original[1:], original + b"\x00", b"\x00" + original):
        expect_integrity_error(workshop_key, with_field(sealed, field, variant), ctx)


@settings(deadline=None, max_examples=300)
@given(
    plaintext=st.binary(max_size=512),
    field=st.sampled_from(SEALED_FIELDS),
    data=st.data(),
)
def test_random_flips_in_random_items_are_detected(
    workshop_key: bytes,
    make_context: MakeContext,
    plaintext: bytes,
    field: str,
    data: st.DataObject,
) -> None:
    ctx = make_context()
    sealed = seal(workshop_key, plaintext, ctx)
    original: bytes = getattr(sealed, field)
    pos = data.draw(st.integers(0, len(original) - 1), label="pos")
    mask = data.draw(st.integers(1, 255), label="mask")
    with pytest.raises(IntegrityError):
        open_sealed(workshop_key, with_field(sealed, field, flip(original, pos, mask)), ctx)


def test_unknown_format_version_is_detected(
    workshop_key: bytes, item: tuple[SealedItem, Ctx]
) -> None:
    sealed, ctx = item
    for version in (0, 2, -1):
        expect_integrity_error(
            workshop_key, dataclasses.replace(sealed, format_version=version), ctx
        )


# --- wrong keys ------------------------------------------------------------------------


def test_wrong_workshop_key_is_detected(workshop_key: bytes, item: tuple[SealedItem, Ctx]) -> None:
    sealed, ctx = item
    expect_integrity_error(os.urandom(32), sealed, ctx)
    expect_integrity_error(flip(workshop_key, 0, 1), sealed, ctx)
    expect_integrity_error(workshop_key[:16], sealed, ctx)
    expect_integrity_error(b"", sealed, ctx)


# --- the wrapped workshop key ----------------------------------------------------------


@pytest.fixture
def wrapped_workshop() -> tuple[LocalKekProvider, bytes, WrappedKey]:
    kek = LocalKekProvider({"k1": os.urandom(32), "k2": os.urandom(32)}, "k1")
    key, wrapped = new_workshop_key(kek, "ws-1")
    return kek, key, wrapped


def test_every_byte_flip_in_wrapped_workshop_key_is_detected(
    wrapped_workshop: tuple[LocalKekProvider, bytes, WrappedKey],
) -> None:
    kek, key, wrapped = wrapped_workshop
    for field in ("nonce", "ciphertext"):
        original: bytes = getattr(wrapped, field)
        for pos, mask in itertools.product(range(len(original)), (0x01, 0x80)):
            changes: dict[str, Any] = {field: flip(original, pos, mask)}
            tampered = dataclasses.replace(wrapped, **changes)
            with pytest.raises(IntegrityError):
                unwrap_workshop_key(kek, tampered, "ws-1")


def test_every_byte_flip_in_the_stored_blob_fails(
    wrapped_workshop: tuple[LocalKekProvider, bytes, WrappedKey],
) -> None:
    """Flips in the id region may name an unknown KEK instead: still an error, never a key."""
    kek, key, wrapped = wrapped_workshop
    blob = wrapped.to_bytes()
    for pos in range(len(blob)):
        with pytest.raises((IntegrityError, KekUnavailableError)):
            unwrap_workshop_key(kek, WrappedKey.from_bytes(flip(blob, pos, 0x01)), "ws-1")


def test_wrapped_workshop_key_bound_to_its_workshop_and_kek(
    wrapped_workshop: tuple[LocalKekProvider, bytes, WrappedKey],
) -> None:
    kek, key, wrapped = wrapped_workshop
    assert unwrap_workshop_key(kek, wrapped, "ws-1") == key
    with pytest.raises(IntegrityError):  # copied onto another workshop's row
        unwrap_workshop_key(kek, wrapped, "ws-2")
    with pytest.raises(IntegrityError):  # relabelled to the other KEK in the keyring
        unwrap_workshop_key(kek, dataclasses.replace(wrapped, kek_id="k2"), "ws-1")
    with pytest.raises(KekUnavailableError):
        unwrap_workshop_key(kek, dataclasses.replace(wrapped, kek_id="k9"), "ws-1")
    other = LocalKekProvider({"k1": os.urandom(32)}, "k1")  # another deployment's k1
    with pytest.raises(IntegrityError):
        unwrap_workshop_key(other, wrapped, "ws-1")


def test_all_failures_share_the_base_class(
    wrapped_workshop: tuple[LocalKekProvider, bytes, WrappedKey],
) -> None:
    kek, _, wrapped = wrapped_workshop
    with pytest.raises(CryptoError):
        unwrap_workshop_key(kek, wrapped, "ws-2")
