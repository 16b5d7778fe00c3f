"""Key-encryption keys (KEKs): the root of the key hierarchy, kept outside the database.

A KEK only ever encrypts other keys (workshop keys), never content. Keeping it
out of the database is what makes a stolen database useless on its own.

``KekProvider`` is the small interface the rest of Tertulia depends on;
``LocalKekProvider`` implements it with keys from an environment value or a
keyring file. A KMS-backed provider (AWS KMS, GCP KMS, Vault transit) would
implement the same four methods by calling the KMS's Encrypt/Decrypt with the
``aad`` as its encryption context / additional authenticated data, and would
store the KMS key version as ``WrappedKey.kek_id``; retiring then means
disabling that key version in the KMS.

Keyring serialized form (environment value or file content)::

    {"current": "k2", "keys": {"k1": "<base64 32 bytes>", "k2": "<base64 32 bytes>"}}

A bare base64 string of 32 bytes is also accepted and gets the id ``k1``.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
import secrets
import struct
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .errors import IntegrityError, KekUnavailableError, KeyringError

KEY_BYTES = 32
NONCE_BYTES = 12
_KEK_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_WRAP_DOMAIN = b"tertulia/kek-wrap/v1\x00"
_WRAPPED_MAGIC = b"TWK"
_WRAPPED_VERSION = 1


def validate_kek_id(kek_id: object) -> str:
    """Restrict ids to a short safe alphabet: they are stored in the DB and shown in logs."""
    if not isinstance(kek_id, str) or not _KEK_ID_RE.match(kek_id):
        raise KeyringError(
            "invalid KEK id (use 1-64 characters among letters, digits, '.', '_', '-')"
        )
    return kek_id


@dataclass(frozen=True)
class WrappedKey:
    """A key encrypted under a KEK, as stored beside the workshop row.

    ``kek_id`` is stored in clear so that rotation can find what still needs
    rewrapping (``WHERE kek_id != current``). It is also bound into the
    authenticated data, so editing it only makes unwrapping fail.
    """

    kek_id: str
    nonce: bytes
    ciphertext: bytes

    def to_bytes(self) -> bytes:
        """One opaque blob for a single BLOB column: magic, version, id, nonce, ciphertext."""
        kid = self.kek_id.encode("ascii")
        return (
            _WRAPPED_MAGIC
            + struct.pack("BB", _WRAPPED_VERSION, len(kid))
            + kid
            + self.nonce
            + self.ciphertext
        )

    @classmethod
    def from_bytes(cls, blob: bytes | bytearray | memoryview) -> WrappedKey:
        """Parse ``to_bytes`` output; a malformed blob is tampering (IntegrityError)."""
        data = bytes(blob)
        head = len(_WRAPPED_MAGIC) + 2
        if len(data) < head or data[: len(_WRAPPED_MAGIC)] != _WRAPPED_MAGIC:
            raise IntegrityError("wrapped key blob is malformed")
        version, id_len = struct.unpack("BB", data[len(_WRAPPED_MAGIC) : head])
        if version != _WRAPPED_VERSION:
            raise IntegrityError("wrapped key blob has an unsupported version")
        if len(data) < head + id_len + NONCE_BYTES:
            raise IntegrityError("wrapped key blob is truncated")
        try:
            kek_id = data[head : head + id_len].decode("ascii")
        except UnicodeDecodeError:
            raise IntegrityError("wrapped key blob is malformed") from None
        rest = data[head + id_len :]
        return cls(kek_id=kek_id, nonce=rest[:NONCE_BYTES], ciphertext=rest[NONCE_BYTES:])

    def to_dict(self) -> dict[str, str]:
        """JSON-friendly form (base64 fields), e.g. for exports of key metadata."""
        return {
            "kek_id": self.kek_id,
            "nonce": base64.b64encode(self.nonce).decode("ascii"),
            "ciphertext": base64.b64encode(self.ciphertext).decode("ascii"),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> WrappedKey:
        """Inverse of ``to_dict``; malformed input is tampering (IntegrityError)."""
        try:
            kek_id, nonce, ct = data["kek_id"], data["nonce"], data["ciphertext"]
            if not (isinstance(kek_id, str) and isinstance(nonce, str) and isinstance(ct, str)):
                raise TypeError
            return cls(
                kek_id=kek_id,
                nonce=base64.b64decode(nonce, validate=True),
                ciphertext=base64.b64decode(ct, validate=True),
            )
        except (KeyError, TypeError, binascii.Error):
            raise IntegrityError("wrapped key record is malformed") from None


@runtime_checkable
class KekProvider(Protocol):
    """Wraps and unwraps keys under KEKs; knows several KEKs, one of them current.

    Old KEKs keep unwrapping until retired, which lets rotation rewrap keys
    while the platform runs. ``aad`` binds a wrapped key to its owner (for a
    workshop key: the workshop id) so a wrapped key copied onto another row
    does not unwrap. Implementations raise IntegrityError when authentication
    fails and KekUnavailableError when the named KEK is not held.
    """

    def current_kek_id(self) -> str:
        """Id of the KEK that ``wrap`` uses."""
        ...

    def kek_ids(self) -> frozenset[str]:
        """Ids of every KEK that ``unwrap`` can still use."""
        ...

    def wrap(self, key: bytes, aad: bytes) -> WrappedKey:
        """Encrypt ``key`` under the current KEK, recording its id."""
        ...

    def unwrap(self, wrapped: WrappedKey, aad: bytes) -> bytes:
        """Decrypt with the KEK named by ``wrapped.kek_id``."""
        ...

    def retire(self, kek_id: str) -> None:
        """Stop using a KEK (in this process). The current KEK cannot be retired."""
        ...


class LocalKekProvider:
    """KEKs held in process memory, loaded from the environment or a keyring file.

    Wrapping is AES-256-GCM with a random 96-bit nonce; the authenticated data
    is a domain label, the KEK id and the caller's ``aad``.
    """

    def __init__(self, keys: Mapping[str, bytes], current: str) -> None:
        if not keys:
            raise KeyringError("keyring holds no keys")
        checked: dict[str, bytes] = {}
        for kek_id, key in keys.items():
            validate_kek_id(kek_id)
            if not isinstance(key, bytes) or len(key) != KEY_BYTES:
                length = len(key) if isinstance(key, bytes) else "non-bytes"
                raise KeyringError(f"KEK {kek_id!r} has {length} bytes, expected {KEY_BYTES}")
            checked[kek_id] = key
        if current not in checked:
            raise KeyringError(f"current KEK {current!r} is not among the keys {sorted(checked)}")
        self._aeads = {kek_id: AESGCM(key) for kek_id, key in checked.items()}
        self._current = current

    def __repr__(self) -> str:
        return f"LocalKekProvider(current={self._current!r}, ids={sorted(self._aeads)})"

    # --- constructors -----------------------------------------------------------

    @classmethod
    def from_env(cls, value: str | None, *, name: str = "TERTULIA_KEK") -> LocalKekProvider:
        """Build from an environment variable's value; ``name`` is only used in errors."""
        if value is None:
            raise KeyringError(f"{name} is not set")
        keys, current = parse_keyring(value, source=name)
        return cls(keys, current)

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> LocalKekProvider:
        """Build from a keyring file; warns if group or others can read it."""
        p = Path(path)
        try:
            mode = p.stat().st_mode
            text = p.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise KeyringError(f"keyring file {str(p)!r} does not exist") from None
        except (OSError, UnicodeDecodeError):
            raise KeyringError(f"keyring file {str(p)!r} cannot be read as UTF-8 text") from None
        if mode & 0o077:
            warnings.warn(
                f"keyring file {str(p)!r} is accessible to group or others; chmod 600 it",
                stacklevel=2,
            )
        keys, current = parse_keyring(text, source=f"keyring file {str(p)!r}")
        return cls(keys, current)

    # --- KekProvider --------------------------------------------------------------

    def current_kek_id(self) -> str:
        return self._current

    def kek_ids(self) -> frozenset[str]:
        return frozenset(self._aeads)

    def wrap(self, key: bytes, aad: bytes) -> WrappedKey:
        nonce = secrets.token_bytes(NONCE_BYTES)
        ct = self._aeads[self._current].encrypt(nonce, key, _wrap_aad(self._current, aad))
        return WrappedKey(kek_id=self._current, nonce=nonce, ciphertext=ct)

    def unwrap(self, wrapped: WrappedKey, aad: bytes) -> bytes:
        aead = self._aeads.get(wrapped.kek_id)
        if aead is None:
            raise KekUnavailableError(
                f"KEK {wrapped.kek_id!r} is not in the keyring (retired or never loaded); "
                "load it and rewrap before retiring it"
            )
        if len(wrapped.nonce) != NONCE_BYTES:
            raise IntegrityError("wrapped key failed authentication")
        try:
            return aead.decrypt(wrapped.nonce, wrapped.ciphertext, _wrap_aad(wrapped.kek_id, aad))
        except (InvalidTag, ValueError):
            raise IntegrityError("wrapped key failed authentication") from None

    def retire(self, kek_id: str) -> None:
        if kek_id == self._current:
            raise KeyringError(f"cannot retire the current KEK {kek_id!r}; add a new one first")
        if kek_id not in self._aeads:
            raise KeyringError(f"KEK {kek_id!r} is not in the keyring")
        del self._aeads[kek_id]


def _wrap_aad(kek_id: str, aad: bytes) -> bytes:
    # kek_id cannot contain NUL, so the encoding is unambiguous.
    return _WRAP_DOMAIN + kek_id.encode("ascii") + b"\x00" + aad


# --- serialized keyrings ---------------------------------------------------------


def _decode_key(kek_id: str, text: object, source: str) -> bytes:
    """Decode one base64 key; errors say which id is wrong, never the value."""
    if not isinstance(text, str):
        raise KeyringError(f"{source}: key {kek_id!r} must be a base64 string")
    cleaned = "".join(text.split()).replace("-", "+").replace("_", "/")
    try:
        raw = base64.b64decode(cleaned, validate=True)
    except (binascii.Error, ValueError):
        raise KeyringError(f"{source}: key {kek_id!r} is not valid base64") from None
    if len(raw) != KEY_BYTES:
        raise KeyringError(
            f"{source}: key {kek_id!r} decodes to {len(raw)} bytes, expected {KEY_BYTES}"
        )
    return raw


def parse_keyring(text: str, *, source: str = "keyring") -> tuple[dict[str, bytes], str]:
    """Parse the serialized keyring (JSON object or bare base64 key) into (keys, current)."""
    stripped = text.strip()
    if not stripped:
        raise KeyringError(f"{source} is empty")
    if not stripped.startswith("{"):
        return {"k1": _decode_key("k1", stripped, source)}, "k1"
    try:
        doc = json.loads(stripped)
    except ValueError:
        raise KeyringError(f"{source} is not valid JSON") from None
    if not isinstance(doc, dict):
        raise KeyringError(f"{source} must be a JSON object")
    unknown = sorted(set(doc) - {"current", "keys"})
    if unknown:
        raise KeyringError(f"{source} has unknown fields {unknown}")
    current, raw_keys = doc.get("current"), doc.get("keys")
    if not isinstance(raw_keys, dict) or not raw_keys:
        raise KeyringError(f"{source}: 'keys' must be a non-empty object of id -> base64 key")
    if not isinstance(current, str):
        raise KeyringError(f"{source}: 'current' must be the id of one of the keys")
    keys: dict[str, bytes] = {}
    for kek_id, value in raw_keys.items():
        try:
            validate_kek_id(kek_id)
        except KeyringError as err:
            raise KeyringError(f"{source}: {err}") from None
        keys[kek_id] = _decode_key(kek_id, value, source)
    if current not in keys:
        raise KeyringError(
            f"{source}: current KEK {current!r} is not among the keys {sorted(keys)}"
        )
    return keys, current


def serialize_keyring(keys: Mapping[str, bytes], current: str) -> str:
    """The JSON form read by ``parse_keyring`` (handle like the keys themselves)."""
    return (
        json.dumps(
            {
                "current": current,
                "keys": {k: base64.b64encode(v).decode("ascii") for k, v in sorted(keys.items())},
            },
            indent=2,
        )
        + "\n"
    )
