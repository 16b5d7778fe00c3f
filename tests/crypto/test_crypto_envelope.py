"""Envelope encryption: round trips, canonical contexts, storage of sealed items."""

from __future__ import annotations

import json
import os
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared.crypto import (
    REQUIRED_CONTEXT_KEYS,
    ContextError,
    IntegrityError,
    LocalKekProvider,
    SealedItem,
    WrappedKey,
    canonical_context,
    new_workshop_key,
    open_sealed,
    reseal,
    seal,
    unwrap_workshop_key,
)

Ctx = dict[str, str | int]
MakeContext = Callable[..., Ctx]

context_values = st.one_of(st.text(max_size=40), st.integers(-(2**63), 2**63))
contexts = st.fixed_dictionaries(
    {k: context_values for k in REQUIRED_CONTEXT_KEYS},
    optional={"field": st.sampled_from(["body", "attribution"]), "extra": context_values},
)


@settings(deadline=None, max_examples=200)
@given(plaintext=st.binary(max_size=2048), context=contexts)
def test_round_trip_random_plaintexts_and_contexts(
    kek: LocalKekProvider, plaintext: bytes, context: Ctx
) -> None:
    key, wrapped = new_workshop_key(kek, str(context["workshop_id"]))
    sealed = seal(key, plaintext, context)
    reopened_key = unwrap_workshop_key(kek, wrapped, str(context["workshop_id"]))
    stored = SealedItem.from_dict(sealed.to_dict())
    assert open_sealed(reopened_key, stored, dict(reversed(list(context.items())))) == plaintext
    if len(plaintext) >= 8:
        assert plaintext not in sealed.ciphertext


@settings(deadline=None, max_examples=50)
@given(text=st.text(min_size=1, max_size=300))
def test_unicode_content_round_trips(
    workshop_key: bytes, make_context: MakeContext, text: str
) -> None:
    ctx = make_context()
    assert open_sealed(workshop_key, seal(workshop_key, text.encode(), ctx), ctx).decode() == text


def test_each_seal_uses_fresh_keys_and_nonces(
    workshop_key: bytes, make_context: MakeContext
) -> None:
    ctx = make_context()
    a, b = seal(workshop_key, b"same", ctx), seal(workshop_key, b"same", ctx)
    assert a.ciphertext != b.ciphertext
    assert a.nonce != b.nonce and a.data_key_nonce != b.data_key_nonce
    assert a.wrapped_data_key != b.wrapped_data_key
    assert len(a.nonce) == 12 and len(a.ciphertext) == len(b"same") + 16


def test_workshop_key_is_32_random_bytes(kek: LocalKekProvider) -> None:
    k1, w1 = new_workshop_key(kek, "ws-1")
    k2, _ = new_workshop_key(kek, "ws-1")
    assert len(k1) == 32 and k1 != k2
    assert w1.kek_id == kek.current_kek_id()
    assert k1 not in w1.to_bytes()
    assert unwrap_workshop_key(kek, WrappedKey.from_bytes(w1.to_bytes()), "ws-1") == k1


def test_int_and_str_ids_bind_the_same(kek: LocalKekProvider, make_context: MakeContext) -> None:
    key, wrapped = new_workshop_key(kek, 42)
    assert unwrap_workshop_key(kek, wrapped, "42") == key
    sealed = seal(key, b"x", make_context(item=7, workshop_id=42))
    assert open_sealed(key, sealed, make_context(item="7", workshop_id="42")) == b"x"


# --- canonical context -----------------------------------------------------------------


def test_canonical_context_is_versioned_sorted_compact(make_context: MakeContext) -> None:
    ctx = make_context()
    raw = canonical_context(ctx)
    assert raw == canonical_context(dict(sorted(ctx.items(), reverse=True)))
    doc = json.loads(raw)
    assert doc["v"] == "v1"
    assert doc["context"]["rules_version"] == "1"
    assert b", " not in raw and b": " not in raw
    assert raw.startswith(b'{"context":{"author_company_id":"company-a"')


@settings(deadline=None, max_examples=200)
@given(a=contexts, b=contexts)
def test_canonical_context_is_injective(a: Ctx, b: Ctx) -> None:
    def norm(c: Ctx) -> dict[str, str]:
        return {k: str(v) for k, v in c.items()}

    assert (canonical_context(a) == canonical_context(b)) == (norm(a) == norm(b))


@pytest.mark.parametrize(
    ("mutate", "match"),
    [
        (lambda c: c.pop("rules"), r"lacks required keys \['rules'\]"),
        (lambda c: c.update(rules_version=1.0), "'rules_version' must be str or int"),
        (lambda c: c.update(rules_version=True), "must be str or int"),
        (lambda c: c.update(item_id=None), "must be str or int"),
        (lambda c: c.update(rules={"nested": 1}), "must be str or int"),
        (lambda c: c.update({"": "x"}), "non-empty strings"),
        (lambda c: c.update({3: "x"}), "non-empty strings"),
        (lambda c: c.update(rules="\ud800"), "not valid Unicode"),
        (lambda c: c.update(rules="x" * 1_000_001), "too long"),
        (lambda c: c.update(rules_version=10**5000), "too long"),
    ],
)
def test_seal_refuses_unusable_contexts(
    workshop_key: bytes, make_context: MakeContext, mutate: Callable[[Ctx], object], match: str
) -> None:
    ctx = make_context()
    mutate(ctx)
    with pytest.raises(ContextError, match=match) as info:
        seal(workshop_key, b"secret body", ctx)
    assert "secret body" not in str(info.value)
    assert isinstance(info.value, ValueError)


def test_seal_refuses_non_mapping_and_bad_keys(
    workshop_key: bytes, make_context: MakeContext
) -> None:
    with pytest.raises(ContextError):
        seal(workshop_key, b"x", [("workshop_id", "w")])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="32 bytes"):
        seal(b"short", b"x", make_context())
    with pytest.raises(ContextError):
        new_workshop_key(LocalKekProvider({"k1": os.urandom(32)}, "k1"), None)  # type: ignore[arg-type]


# --- storage ---------------------------------------------------------------------------


def test_sealed_item_dict_round_trip_with_driver_types(
    workshop_key: bytes, make_context: MakeContext
) -> None:
    ctx = make_context()
    sealed = seal(workshop_key, b"body", ctx)
    row = sealed.to_dict()
    assert set(row) == {
        "format_version",
        "ciphertext",
        "nonce",
        "wrapped_data_key",
        "data_key_nonce",
    }
    as_driver = {k: memoryview(v) if isinstance(v, bytes) else v for k, v in row.items()}
    restored = SealedItem.from_dict(as_driver)
    assert restored == sealed
    assert open_sealed(workshop_key, restored, ctx) == b"body"


@pytest.mark.parametrize(
    "row",
    [
        {},
        {"format_version": "1", "ciphertext": b"", "nonce": b""},
        {"format_version": True, "ciphertext": b"", "nonce": b""},
        {"format_version": 1, "ciphertext": "text", "nonce": b""},
        {"format_version": 1, "ciphertext": b"", "nonce": b"", "wrapped_data_key": 5},
    ],
)
def test_malformed_rows_are_integrity_errors(row: dict[str, object]) -> None:
    with pytest.raises(IntegrityError):
        SealedItem.from_dict(row)


# --- re-binding to new rules -----------------------------------------------------------


def test_reseal_moves_the_item_to_the_new_rules(
    workshop_key: bytes, make_context: MakeContext
) -> None:
    old_ctx = make_context()
    new_ctx = make_context(rules='{"sensitivity":"RED"}', rules_version=2)
    sealed = seal(workshop_key, b"body", old_ctx)
    moved = reseal(workshop_key, sealed, old_ctx, new_ctx)
    assert open_sealed(workshop_key, moved, new_ctx) == b"body"
    assert moved.wrapped_data_key != sealed.wrapped_data_key
    with pytest.raises(IntegrityError):
        open_sealed(workshop_key, moved, old_ctx)
    with pytest.raises(IntegrityError):  # cannot re-bind an item whose rules were edited
        reseal(workshop_key, sealed, new_ctx, old_ctx)
