"""Key rotation matrix: old KEKs decrypt until retired; rewrapped workshops survive
retirement; un-rewrapped ones fail clearly (KekUnavailableError naming the KEK)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared.crypto import (
    IntegrityError,
    KekProvider,
    KekUnavailableError,
    KeyringError,
    KeyringFileProvider,
    LocalKekProvider,
    SealedItem,
    WrappedKey,
    add_new_kek,
    generate_keyring_file,
    needs_rewrap,
    new_workshop_key,
    open_sealed,
    retire_kek_in_file,
    rewrap_workshop_key,
    seal,
    unwrap_workshop_key,
)

Ctx = dict[str, str | int]
MakeContext = Callable[..., Ctx]


def open_item(
    kek: KekProvider, wrapped: WrappedKey, ws: str, sealed: SealedItem, ctx: Ctx
) -> bytes:
    key = unwrap_workshop_key(kek, wrapped, ws)
    return open_sealed(key, sealed, ctx)


@pytest.mark.parametrize("rewrapped", [True, False], ids=["rewrapped", "not-rewrapped"])
@pytest.mark.parametrize("retired", [True, False], ids=["k1-retired", "k1-kept"])
def test_rotation_matrix(
    tmp_path: Path, make_context: MakeContext, rewrapped: bool, retired: bool
) -> None:
    path = tmp_path / "keyring.json"
    generate_keyring_file(path)
    kek = LocalKekProvider.from_file(path)
    key, wrapped = new_workshop_key(kek, "ws-1")
    ctx = make_context()
    sealed = seal(key, b"sealed under k1", ctx)
    assert wrapped.kek_id == "k1"

    assert add_new_kek(path) == "k2"
    kek = LocalKekProvider.from_file(path)  # as a restarted process would
    assert kek.current_kek_id() == "k2"
    assert needs_rewrap(kek, wrapped)
    assert open_item(kek, wrapped, "ws-1", sealed, ctx) == b"sealed under k1"  # k1 still works

    if rewrapped:
        wrapped = rewrap_workshop_key(kek, wrapped, "ws-1")
        assert wrapped.kek_id == "k2" and not needs_rewrap(kek, wrapped)
        assert unwrap_workshop_key(kek, wrapped, "ws-1") == key  # same workshop key
    if retired:
        retire_kek_in_file(path, "k1")
        kek = LocalKekProvider.from_file(path)

    if retired and not rewrapped:
        with pytest.raises(KekUnavailableError, match="'k1'.*retired") as info:
            open_item(kek, wrapped, "ws-1", sealed, ctx)
        assert "sealed under" not in str(info.value)
    else:
        assert open_item(kek, wrapped, "ws-1", sealed, ctx) == b"sealed under k1"


def test_items_need_no_rewrite_on_rotation(make_context: MakeContext) -> None:
    """Only the workshop row changes: item columns stay byte-identical."""
    k1, k2 = os.urandom(32), os.urandom(32)
    old = LocalKekProvider({"k1": k1}, "k1")
    key, wrapped = new_workshop_key(old, "ws-1")
    ctx = make_context()
    sealed = seal(key, b"body", ctx)
    before = sealed.to_dict()
    both = LocalKekProvider({"k1": k1, "k2": k2}, "k2")
    new_wrapped = rewrap_workshop_key(both, wrapped, "ws-1")
    both.retire("k1")
    assert sealed.to_dict() == before
    assert open_sealed(unwrap_workshop_key(both, new_wrapped, "ws-1"), sealed, ctx) == b"body"


def test_new_workshops_use_the_current_kek(tmp_path: Path) -> None:
    path = tmp_path / "keyring.json"
    generate_keyring_file(path)
    add_new_kek(path)
    _, wrapped = new_workshop_key(LocalKekProvider.from_file(path), "ws-9")
    assert wrapped.kek_id == "k2"


def test_rotation_does_not_launder_tampering() -> None:
    kek = LocalKekProvider({"k1": os.urandom(32), "k2": os.urandom(32)}, "k1")
    _, wrapped = new_workshop_key(kek, "ws-1")
    tampered = WrappedKey(
        wrapped.kek_id, wrapped.nonce, bytes([wrapped.ciphertext[0] ^ 1]) + wrapped.ciphertext[1:]
    )
    with pytest.raises(IntegrityError):
        rewrap_workshop_key(kek, tampered, "ws-1")
    with pytest.raises(IntegrityError):
        rewrap_workshop_key(kek, wrapped, "ws-2")


def test_multi_step_rotation(make_context: MakeContext) -> None:
    keys = {"k1": os.urandom(32)}
    kek = LocalKekProvider(keys, "k1")
    key, wrapped = new_workshop_key(kek, "ws-1")
    ctx = make_context()
    sealed = seal(key, b"survives", ctx)
    for step in (2, 3, 4):
        new_id = f"k{step}"
        keys[new_id] = os.urandom(32)
        kek = LocalKekProvider(keys, new_id)
        wrapped = rewrap_workshop_key(kek, wrapped, "ws-1")
        del keys[f"k{step - 1}"]  # retire the previous one right after rewrapping
        kek = LocalKekProvider(keys, new_id)
        assert open_item(kek, wrapped, "ws-1", sealed, ctx) == b"survives"
    assert wrapped.kek_id == "k4" and kek.kek_ids() == {"k4"}


@settings(deadline=None, max_examples=60)
@given(
    st.lists(
        st.tuples(st.sampled_from(["rotate", "rewrap", "retire"]), st.integers(0, 5)),
        max_size=12,
    )
)
def test_random_rotation_histories(make_context: MakeContext, ops: list[tuple[str, int]]) -> None:
    """Invariant: a workshop opens iff the KEK its wrapped key names is still held."""
    keys = {"k1": os.urandom(32)}
    current = "k1"
    kek = LocalKekProvider(keys, current)
    ctx = make_context()
    workshops: dict[str, tuple[WrappedKey, SealedItem]] = {}
    for i in range(3):
        key, wrapped = new_workshop_key(kek, f"ws-{i}")
        workshops[f"ws-{i}"] = (wrapped, seal(key, f"item of ws-{i}".encode(), ctx))
    counter = 1
    for op, arg in ops:
        if op == "rotate":
            counter += 1
            current = f"k{counter}"
            keys[current] = os.urandom(32)
        elif op == "rewrap":
            ws = f"ws-{arg % 3}"
            wrapped, sealed = workshops[ws]
            if wrapped.kek_id in keys:
                workshops[ws] = (rewrap_workshop_key(kek, wrapped, ws), sealed)
        else:
            old = sorted(k for k in keys if k != current)
            if old:
                del keys[old[arg % len(old)]]
        kek = LocalKekProvider(keys, current)
        for ws, (wrapped, sealed) in workshops.items():
            if wrapped.kek_id in keys:
                assert open_item(kek, wrapped, ws, sealed, ctx) == f"item of {ws}".encode()
            else:
                with pytest.raises(KekUnavailableError):
                    open_item(kek, wrapped, ws, sealed, ctx)


# --- a running server following the keyring file --------------------------------------


def test_running_server_follows_rotation_without_restart(
    tmp_path: Path, make_context: MakeContext
) -> None:
    path = tmp_path / "keyring.json"
    generate_keyring_file(path)
    server = KeyringFileProvider(path)  # long-lived, in the web process
    assert isinstance(server, KekProvider)
    key, wrapped = new_workshop_key(server, "ws-1")
    ctx = make_context()
    sealed = seal(key, b"live", ctx)
    _, untouched = new_workshop_key(server, "ws-2")

    add_new_kek(path)  # `tertulia keys rotate`, another process
    cli = LocalKekProvider.from_file(path)
    wrapped = rewrap_workshop_key(cli, wrapped, "ws-1")
    assert server.current_kek_id() == "k2"
    assert open_item(server, wrapped, "ws-1", sealed, ctx) == b"live"
    assert new_workshop_key(server, "ws-3")[1].kek_id == "k2"

    server.retire("k1")  # persisted: every process loses k1
    assert LocalKekProvider.from_file(path).kek_ids() == {"k2"}
    assert server.kek_ids() == {"k2"}
    assert open_item(server, wrapped, "ws-1", sealed, ctx) == b"live"
    with pytest.raises(KekUnavailableError, match="'k1'"):
        unwrap_workshop_key(server, untouched, "ws-2")
    assert "k2" in repr(server) and "keys" not in repr(server)


def test_server_refuses_a_broken_keyring_file(tmp_path: Path) -> None:
    path = tmp_path / "keyring.json"
    generate_keyring_file(path)
    server = KeyringFileProvider(path)
    path.write_text('{"current": "k1", "keys": {"k1": "AAAA"}}')
    with pytest.raises(KeyringError, match="decodes to 3 bytes"):
        server.current_kek_id()
    path.unlink()
    with pytest.raises(KeyringError, match="does not exist"):
        server.current_kek_id()
