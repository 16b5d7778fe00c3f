"""KEK providers: wrapping, multiple KEKs, retirement, keyring parsing and files."""

from __future__ import annotations

import base64
import json
import os
import stat
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from shared.crypto import (
    CryptoError,
    IntegrityError,
    KekProvider,
    KekUnavailableError,
    KeyringError,
    LocalKekProvider,
    WrappedKey,
    add_new_kek,
    generate_keyring_file,
    parse_keyring,
    retire_kek_in_file,
    serialize_keyring,
)

K1, K2 = os.urandom(32), os.urandom(32)
B64 = {k: base64.b64encode(v).decode() for k, v in {"k1": K1, "k2": K2}.items()}


def keyring_json(current: str = "k2", **keys: str) -> str:
    return json.dumps({"current": current, "keys": keys or B64})


@pytest.fixture
def umask_zero() -> Iterator[None]:
    """Files must come out 0600 even when the process umask would allow more."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def assert_no_secret(err: BaseException, *secrets: str) -> None:
    """The message holds no key text and the traceback chains to nothing that might."""
    for s in secrets:
        assert s not in str(err)
    assert err.__cause__ is None
    assert err.__context__ is None or err.__suppress_context__


# --- wrapping --------------------------------------------------------------------------


def test_local_provider_implements_the_protocol() -> None:
    assert isinstance(LocalKekProvider({"k1": K1}, "k1"), KekProvider)


def test_wrap_records_current_id_and_round_trips() -> None:
    kek = LocalKekProvider({"k1": K1, "k2": K2}, "k2")
    w1, w2 = kek.wrap(b"s" * 32, b"aad"), kek.wrap(b"s" * 32, b"aad")
    assert w1.kek_id == "k2" and kek.current_kek_id() == "k2"
    assert w1.nonce != w2.nonce and w1.ciphertext != w2.ciphertext
    assert kek.unwrap(w1, b"aad") == b"s" * 32
    assert kek.kek_ids() == frozenset({"k1", "k2"})


def test_unwrap_uses_the_named_kek_not_the_current_one() -> None:
    wrapped = LocalKekProvider({"k1": K1}, "k1").wrap(b"x" * 32, b"a")
    assert LocalKekProvider({"k1": K1, "k2": K2}, "k2").unwrap(wrapped, b"a") == b"x" * 32


def test_unwrap_failures() -> None:
    kek = LocalKekProvider({"k1": K1, "k2": K2}, "k1")
    wrapped = kek.wrap(b"x" * 32, b"ws-1")
    with pytest.raises(IntegrityError):
        kek.unwrap(wrapped, b"ws-2")
    with pytest.raises(IntegrityError):  # relabelled to another KEK that exists
        kek.unwrap(WrappedKey("k2", wrapped.nonce, wrapped.ciphertext), b"ws-1")
    with pytest.raises(IntegrityError):
        kek.unwrap(WrappedKey("k1", wrapped.nonce[:-1], wrapped.ciphertext), b"ws-1")
    with pytest.raises(KekUnavailableError, match="'k9'"):
        kek.unwrap(WrappedKey("k9", wrapped.nonce, wrapped.ciphertext), b"ws-1")


def test_retire() -> None:
    kek = LocalKekProvider({"k1": K1, "k2": K2}, "k2")
    old = LocalKekProvider({"k1": K1}, "k1").wrap(b"x" * 32, b"a")
    with pytest.raises(KeyringError, match="current"):
        kek.retire("k2")
    with pytest.raises(KeyringError, match="not in the keyring"):
        kek.retire("k7")
    kek.retire("k1")
    assert kek.kek_ids() == frozenset({"k2"})
    with pytest.raises(KekUnavailableError, match="retired"):
        kek.unwrap(old, b"a")


def test_repr_shows_ids_only() -> None:
    text = repr(LocalKekProvider({"k1": K1, "k2": K2}, "k2"))
    assert "k1" in text and "k2" in text
    assert B64["k1"] not in text and K1.hex() not in text and repr(K1) not in text


@pytest.mark.parametrize(
    ("keys", "current", "match"),
    [
        ({}, "k1", "no keys"),
        ({"k1": b"short"}, "k1", "'k1' has 5 bytes, expected 32"),
        ({"k1": K1}, "k2", "current KEK 'k2' is not among"),
        ({"bad id!": K1}, "bad id!", "invalid KEK id"),
    ],
)
def test_constructor_validation(keys: dict[str, bytes], current: str, match: str) -> None:
    with pytest.raises(KeyringError, match=match):
        LocalKekProvider(keys, current)


# --- WrappedKey storage ----------------------------------------------------------------


def test_wrapped_key_serializations_round_trip() -> None:
    w = LocalKekProvider({"k1": K1}, "k1").wrap(os.urandom(32), b"a")
    assert WrappedKey.from_bytes(w.to_bytes()) == w
    assert WrappedKey.from_bytes(memoryview(w.to_bytes())) == w
    assert WrappedKey.from_dict(json.loads(json.dumps(w.to_dict()))) == w


@pytest.mark.parametrize(
    "blob",
    [
        b"",
        b"TWK",
        b"XXX\x01\x02k1" + b"\x00" * 40,
        b"TWK\x02\x02k1" + b"\x00" * 40,
        b"TWK\x01\x02k1" + b"\x00" * 5,
        b"TWK\x01\x02\xff\xfe" + b"\x00" * 40,
    ],
)
def test_malformed_wrapped_key_blob_is_an_integrity_error(blob: bytes) -> None:
    with pytest.raises(IntegrityError):
        WrappedKey.from_bytes(blob)


@pytest.mark.parametrize(
    "record",
    [
        {},
        {"kek_id": "k1", "nonce": 3, "ciphertext": ""},
        {"kek_id": "k1", "nonce": "***", "ciphertext": ""},
    ],
)
def test_malformed_wrapped_key_record_is_an_integrity_error(record: dict[str, object]) -> None:
    with pytest.raises(IntegrityError):
        WrappedKey.from_dict(record)


# --- parsing: from_env -----------------------------------------------------------------


def test_from_env_json_keyring() -> None:
    kek = LocalKekProvider.from_env(keyring_json())
    assert kek.current_kek_id() == "k2" and kek.kek_ids() == {"k1", "k2"}
    w = LocalKekProvider({"k1": K1}, "k1").wrap(b"y" * 32, b"")
    assert kek.unwrap(w, b"") == b"y" * 32


def test_from_env_single_base64_key_is_k1() -> None:
    for text in (B64["k1"], f"  {B64['k1']}\n", base64.urlsafe_b64encode(K1).decode()):
        kek = LocalKekProvider.from_env(text)
        assert kek.current_kek_id() == "k1"
        assert kek.unwrap(LocalKekProvider({"k1": K1}, "k1").wrap(b"z", b""), b"") == b"z"


def test_serialize_parse_round_trip() -> None:
    keys, current = parse_keyring(serialize_keyring({"k1": K1, "k2": K2}, "k1"))
    assert keys == {"k1": K1, "k2": K2} and current == "k1"


BAD_VALUES = [
    (None, "TERTULIA_KEK is not set"),
    ("   ", "TERTULIA_KEK is empty"),
    ("{not json", "not valid JSON"),
    ("{}", "'keys' must be a non-empty object"),
    (json.dumps({"keys": B64}), "'current' must be the id"),
    (json.dumps({"current": "k3", "keys": B64}), "current KEK 'k3' is not among the keys"),
    (json.dumps({"current": "k1", "keys": B64, "extra": 1}), r"unknown fields \['extra'\]"),
    (keyring_json("k1", k1=B64["k1"], k2="not*base64!"), "key 'k2' is not valid base64"),
    (
        keyring_json("k1", k1=B64["k1"], k2=base64.b64encode(b"16 bytes only!!!").decode()),
        "key 'k2' decodes to 16 bytes, expected 32",
    ),
    (
        json.dumps({"current": "k1", "keys": {"k1": B64["k1"], "k2": 12345}}),
        "key 'k2' must be a base64 string",
    ),
    (keyring_json("k1", k1=B64["k1"], **{"no spaces": B64["k2"]}), "invalid KEK id"),
    (base64.b64encode(os.urandom(24)).decode(), "key 'k1' decodes to 24 bytes"),
    ("[1, 2]", "is not valid base64"),
]


@pytest.mark.parametrize(("value", "match"), BAD_VALUES, ids=[m for _, m in BAD_VALUES])
def test_from_env_errors_name_the_problem_never_the_key(value: str | None, match: str) -> None:
    with pytest.raises(KeyringError, match=match) as info:
        LocalKekProvider.from_env(value)
    assert_no_secret(info.value, B64["k1"], B64["k2"], "not*base64!")
    assert isinstance(info.value, ValueError) and isinstance(info.value, CryptoError)


def test_from_env_uses_the_given_variable_name() -> None:
    with pytest.raises(KeyringError, match="MY_KEK is not set"):
        LocalKekProvider.from_env(None, name="MY_KEK")


# --- files -----------------------------------------------------------------------------


def test_generate_keyring_file_is_0600_and_loadable(tmp_path: Path, umask_zero: None) -> None:
    path = tmp_path / "keyring.json"
    assert generate_keyring_file(path) == "k1"
    assert mode_of(path) == 0o600
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        kek = LocalKekProvider.from_file(path)
    assert kek.current_kek_id() == "k1"
    assert kek.unwrap(kek.wrap(b"k" * 32, b"a"), b"a") == b"k" * 32


def test_generate_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "keyring.json"
    generate_keyring_file(path)
    before = path.read_bytes()
    with pytest.raises(KeyringError, match="already exists"):
        generate_keyring_file(path)
    assert path.read_bytes() == before


def test_add_new_kek_keeps_old_keys_and_mode(tmp_path: Path, umask_zero: None) -> None:
    path = tmp_path / "keyring.json"
    generate_keyring_file(path)
    old_keys, _ = parse_keyring(path.read_text())
    assert add_new_kek(path) == "k2"
    assert add_new_kek(path) == "k3"
    keys, current = parse_keyring(path.read_text())
    assert current == "k3" and set(keys) == {"k1", "k2", "k3"}
    assert keys["k1"] == old_keys["k1"] and len({*keys.values()}) == 3
    assert mode_of(path) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keyring.json"]  # no temp files left


def test_add_new_kek_with_custom_ids(tmp_path: Path) -> None:
    path = tmp_path / "keyring.json"
    generate_keyring_file(path, kek_id="prod-2024")
    assert add_new_kek(path) == "k1"
    assert add_new_kek(path) == "k2"


def test_retire_kek_in_file(tmp_path: Path) -> None:
    path = tmp_path / "keyring.json"
    generate_keyring_file(path)
    add_new_kek(path)
    with pytest.raises(KeyringError, match="current"):
        retire_kek_in_file(path, "k2")
    with pytest.raises(KeyringError, match="not in the keyring"):
        retire_kek_in_file(path, "k5")
    retire_kek_in_file(path, "k1")
    assert LocalKekProvider.from_file(path).kek_ids() == {"k2"}
    assert mode_of(path) == 0o600


def test_from_file_accepts_a_single_key_and_warns_on_loose_mode(tmp_path: Path) -> None:
    path = tmp_path / "kek.b64"
    path.write_text(B64["k1"] + "\n")
    path.chmod(0o644)
    with pytest.warns(UserWarning, match="chmod 600"):
        kek = LocalKekProvider.from_file(path)
    assert kek.current_kek_id() == "k1"


def test_from_file_errors(tmp_path: Path) -> None:
    with pytest.raises(KeyringError, match="does not exist"):
        LocalKekProvider.from_file(tmp_path / "missing.json")
    with pytest.raises(KeyringError, match="does not exist"):
        add_new_kek(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text(keyring_json("k1", k1="AAAA"))
    bad.chmod(0o600)
    with pytest.raises(KeyringError, match=r"file .*bad\.json.*key 'k1' decodes to 3 bytes"):
        LocalKekProvider.from_file(bad)
    binary = tmp_path / "binary"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(KeyringError, match="cannot be read"):
        LocalKekProvider.from_file(binary)


def test_failed_writes_leave_no_partial_keyring(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "keyring.json"
    generate_keyring_file(path)
    before = path.read_bytes()

    def broken_fsync(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("shared.crypto.keyring_file.os.fsync", broken_fsync)
    with pytest.raises(OSError, match="disk full"):
        add_new_kek(path)
    assert path.read_bytes() == before
    with pytest.raises(OSError, match="disk full"):
        generate_keyring_file(tmp_path / "new.json")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keyring.json"]
