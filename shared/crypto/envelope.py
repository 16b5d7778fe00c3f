"""Envelope encryption of contributions, modelled on Tink's KMS envelope AEAD.

Key hierarchy::

    KEK (outside the DB)  --wraps-->  workshop key (one per workshop, 32 bytes)
    workshop key          --wraps-->  data key (fresh per sealed item, 32 bytes)
    data key              --AES-256-GCM-->  item content

Every layer is AES-256-GCM with a random 96-bit nonce. Random nonces are safe
here: a data key encrypts exactly one message, and a workshop key wraps far
fewer than the 2**32 keys after which random GCM nonces become risky.

Associated data. The data key and the content are both authenticated together
with ``canonical_context(context)``: the workshop, the item, the author
company and the canonical form and version of the item's disclosure rules.
Editing the rules (or any bound field) in the database, or moving a ciphertext
or a wrapped data key to another row, therefore makes opening fail with
``IntegrityError`` instead of silently obeying the edited rules.

Crypto-shredding. Deleting a wrapped key destroys everything under it, even
for someone holding the KEK: delete the workshop's wrapped key to shred the
whole workshop, or a single item's wrapped data key (``SealedItem.shredded()``)
to shred one item (e.g. RED content at close). The caller then passes ``None``
for the destroyed key (``unwrap_workshop_key(kek, None, ...)``,
``open_sealed(None, ...)``, or a SealedItem whose ``wrapped_data_key`` is None)
and gets ``KeyDestroyedError``.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, replace

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .errors import ContextError, IntegrityError, KeyDestroyedError
from .kek import KEY_BYTES, NONCE_BYTES, KekProvider, WrappedKey

FORMAT_VERSION = 1
CONTEXT_VERSION = "v1"
#: Keys every context must hold; extra keys (e.g. ``"field": "attribution"``) are allowed.
REQUIRED_CONTEXT_KEYS: tuple[str, ...] = (
    "workshop_id",
    "item_id",
    "author_company_id",
    "rules",
    "rules_version",
)
_WORKSHOP_KEY_DOMAIN = b"tertulia/workshop-key/v1\x00"
_DATA_KEY_DOMAIN = b"tertulia/item-data-key/v1\x00"
_CONTENT_DOMAIN = b"tertulia/item-content/v1\x00"
_MAX_CONTEXT_VALUE_CHARS = 1_000_000

ContextValue = str | int


@dataclass(frozen=True)
class SealedItem:
    """What the caller stores for one encrypted item: five DB columns, none secret.

    ``wrapped_data_key`` and ``data_key_nonce`` are None once the item was
    crypto-shredded. The context is *not* stored here: the caller rebuilds it
    from the row (ids, rules) when opening, which is what binds those columns.
    """

    ciphertext: bytes
    nonce: bytes
    wrapped_data_key: bytes | None
    data_key_nonce: bytes | None
    format_version: int = FORMAT_VERSION

    @property
    def is_shredded(self) -> bool:
        return self.wrapped_data_key is None

    def shredded(self) -> SealedItem:
        """Copy without the data key: store this to crypto-shred the item."""
        return replace(self, wrapped_data_key=None, data_key_nonce=None)

    def to_dict(self) -> dict[str, bytes | int | None]:
        """Column name -> value (bytes for BLOB/LargeBinary columns)."""
        return {
            "format_version": self.format_version,
            "ciphertext": self.ciphertext,
            "nonce": self.nonce,
            "wrapped_data_key": self.wrapped_data_key,
            "data_key_nonce": self.data_key_nonce,
        }

    @classmethod
    def from_dict(cls, row: Mapping[str, object]) -> SealedItem:
        """Inverse of ``to_dict``; accepts memoryview/bytearray as some DB drivers return.

        A missing or mistyped column is reported as IntegrityError.
        """
        try:
            version = row["format_version"]
            if not isinstance(version, int) or isinstance(version, bool):
                raise TypeError
            return cls(
                ciphertext=_as_bytes(row["ciphertext"]),
                nonce=_as_bytes(row["nonce"]),
                wrapped_data_key=_as_optional_bytes(row.get("wrapped_data_key")),
                data_key_nonce=_as_optional_bytes(row.get("data_key_nonce")),
                format_version=version,
            )
        except (KeyError, TypeError):
            raise IntegrityError("sealed item record is malformed") from None


def _as_bytes(value: object) -> bytes:
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    raise TypeError


def _as_optional_bytes(value: object) -> bytes | None:
    return None if value is None else _as_bytes(value)


# --- context -------------------------------------------------------------------------


def canonical_context(context: Mapping[str, ContextValue]) -> bytes:
    """Canonical bytes of the context: versioned JSON, sorted keys, no whitespace, UTF-8.

    Integers are encoded as decimal strings, so ``5`` and ``"5"`` bind the same
    (database drivers disagree on id types; both denote the same row). Floats,
    booleans, None and nested values are refused: they have no single
    canonical text. Raises ContextError.
    """
    if not isinstance(context, Mapping):
        raise ContextError("context must be a mapping")
    missing = [k for k in REQUIRED_CONTEXT_KEYS if k not in context]
    if missing:
        raise ContextError(f"context lacks required keys {missing}")
    normalized: dict[str, str] = {}
    for key, value in context.items():
        if not isinstance(key, str) or not key:
            raise ContextError("context keys must be non-empty strings")
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise ContextError(f"context value for {key!r} must be str or int")
        try:
            text = str(value)
        except ValueError:  # int beyond Python's digit limit
            raise ContextError(f"context value for {key!r} is too long") from None
        if len(text) > _MAX_CONTEXT_VALUE_CHARS:
            raise ContextError(f"context value for {key!r} is too long")
        normalized[key] = text
    doc = {"v": CONTEXT_VERSION, "context": normalized}
    try:
        return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
            "utf-8"
        )
    except UnicodeEncodeError:
        raise ContextError("context holds text that is not valid Unicode") from None


def _workshop_aad(workshop_id: str | int) -> bytes:
    if isinstance(workshop_id, bool) or not isinstance(workshop_id, str | int):
        raise ContextError("workshop id must be str or int")
    try:
        return _WORKSHOP_KEY_DOMAIN + str(workshop_id).encode("utf-8")
    except UnicodeEncodeError:
        raise ContextError("workshop id is not valid Unicode") from None


# --- workshop keys -------------------------------------------------------------------


def new_workshop_key(kek: KekProvider, workshop_id: str | int) -> tuple[bytes, WrappedKey]:
    """Create a workshop key; returns (key to use now, wrapped form to store).

    The wrap binds the workshop id, so a wrapped key copied to another
    workshop row does not unwrap there.
    """
    key = AESGCM.generate_key(bit_length=256)
    return key, kek.wrap(key, _workshop_aad(workshop_id))


def unwrap_workshop_key(
    kek: KekProvider, wrapped: WrappedKey | None, workshop_id: str | int
) -> bytes:
    """Unwrap with whichever KEK the wrapped key names.

    Raises KeyDestroyedError if ``wrapped`` is None (workshop shredded),
    KekUnavailableError if its KEK was retired, IntegrityError on tampering.
    """
    if wrapped is None:
        raise KeyDestroyedError("the workshop key was destroyed (crypto-shredded)")
    key = kek.unwrap(wrapped, _workshop_aad(workshop_id))
    if len(key) != KEY_BYTES:
        raise IntegrityError("workshop key failed authentication")
    return key


def rewrap_workshop_key(
    kek: KekProvider, wrapped: WrappedKey, workshop_id: str | int
) -> WrappedKey:
    """Rotation: unwrap under its recorded KEK, wrap under the current KEK.

    Items are untouched: only the workshop row's wrapped key changes.
    """
    key = unwrap_workshop_key(kek, wrapped, workshop_id)
    return kek.wrap(key, _workshop_aad(workshop_id))


def needs_rewrap(kek: KekProvider, wrapped: WrappedKey) -> bool:
    """True if ``wrapped`` is not under the current KEK (rotation still has work)."""
    return wrapped.kek_id != kek.current_kek_id()


# --- items ---------------------------------------------------------------------------


def seal(workshop_key: bytes, plaintext: bytes, context: Mapping[str, ContextValue]) -> SealedItem:
    """Encrypt one item under a fresh data key, binding ``context``.

    Raises ContextError for an unusable context, ValueError for a workshop key
    that is not 32 bytes.
    """
    if not isinstance(workshop_key, bytes) or len(workshop_key) != KEY_BYTES:
        raise ValueError(f"workshop key must be {KEY_BYTES} bytes")
    ctx = canonical_context(context)
    data_key = AESGCM.generate_key(bit_length=256)
    dk_nonce = secrets.token_bytes(NONCE_BYTES)
    wrapped_dk = AESGCM(workshop_key).encrypt(dk_nonce, data_key, _DATA_KEY_DOMAIN + ctx)
    nonce = secrets.token_bytes(NONCE_BYTES)
    ciphertext = AESGCM(data_key).encrypt(nonce, plaintext, _CONTENT_DOMAIN + ctx)
    return SealedItem(
        ciphertext=ciphertext,
        nonce=nonce,
        wrapped_data_key=wrapped_dk,
        data_key_nonce=dk_nonce,
    )


def open_sealed(
    workshop_key: bytes | None,
    sealed: SealedItem | None,
    context: Mapping[str, ContextValue],
) -> bytes:
    """Decrypt one item, or fail without revealing anything.

    Raises KeyDestroyedError if the workshop key, the item or its data key was
    shredded (passed as None), and IntegrityError for every other failure:
    context differing from the one sealed (e.g. edited rules), ciphertexts or
    wrapped keys swapped between items, flipped bytes, a wrong workshop key,
    an incomplete context, an unknown format version.
    """
    if workshop_key is None:
        raise KeyDestroyedError("the workshop key was destroyed (crypto-shredded)")
    if sealed is None or sealed.wrapped_data_key is None or sealed.data_key_nonce is None:
        raise KeyDestroyedError("the item's data key was destroyed (crypto-shredded)")
    if sealed.format_version != FORMAT_VERSION:
        raise IntegrityError("sealed item has an unsupported format version")
    try:
        ctx = canonical_context(context)
    except ContextError:
        raise IntegrityError("sealed item cannot be verified: context incomplete") from None
    if (
        len(workshop_key) != KEY_BYTES
        or len(sealed.nonce) != NONCE_BYTES
        or len(sealed.data_key_nonce) != NONCE_BYTES
    ):
        raise IntegrityError("sealed item failed authentication")
    try:
        data_key = AESGCM(workshop_key).decrypt(
            sealed.data_key_nonce, sealed.wrapped_data_key, _DATA_KEY_DOMAIN + ctx
        )
        if len(data_key) != KEY_BYTES:
            raise IntegrityError("sealed item failed authentication")
        return AESGCM(data_key).decrypt(sealed.nonce, sealed.ciphertext, _CONTENT_DOMAIN + ctx)
    except (InvalidTag, ValueError):
        raise IntegrityError("sealed item failed authentication") from None


def reseal(
    workshop_key: bytes,
    sealed: SealedItem,
    old_context: Mapping[str, ContextValue],
    new_context: Mapping[str, ContextValue],
) -> SealedItem:
    """Re-bind an item to new rules (tightening, consented loosening, rule version bump).

    The item is opened under the rules it was sealed with and sealed again,
    with a fresh data key, under the new ones. Store the result in the same
    transaction as the new rules: until then the old rules keep opening it,
    afterwards only the new ones do. Raises like ``open_sealed`` and ``seal``.
    """
    return seal(workshop_key, open_sealed(workshop_key, sealed, old_context), new_context)
