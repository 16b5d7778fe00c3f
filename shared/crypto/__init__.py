"""Envelope encryption for Tertulia (pure Python, no Flask or SQLAlchemy).

``kek`` holds the key-encryption keys (outside the database), ``keyring_file``
their file form and rotation steps, and ``envelope`` seals items under
per-workshop and per-item keys with the disclosure rules bound as associated
data. See docs/CRYPTO.md for the design.
"""

from __future__ import annotations

from .envelope import (
    CONTEXT_VERSION,
    FORMAT_VERSION,
    REQUIRED_CONTEXT_KEYS,
    SealedItem,
    canonical_context,
    needs_rewrap,
    new_workshop_key,
    open_sealed,
    reseal,
    rewrap_workshop_key,
    seal,
    unwrap_workshop_key,
)
from .errors import (
    ContextError,
    CryptoError,
    IntegrityError,
    KekUnavailableError,
    KeyDestroyedError,
    KeyringError,
)
from .kek import (
    KekProvider,
    LocalKekProvider,
    WrappedKey,
    parse_keyring,
    serialize_keyring,
)
from .keyring_file import (
    KeyringFileProvider,
    add_new_kek,
    generate_keyring_file,
    retire_kek_in_file,
)

__all__ = [
    "CONTEXT_VERSION",
    "FORMAT_VERSION",
    "REQUIRED_CONTEXT_KEYS",
    "ContextError",
    "CryptoError",
    "IntegrityError",
    "KekProvider",
    "KekUnavailableError",
    "KeyDestroyedError",
    "KeyringError",
    "KeyringFileProvider",
    "LocalKekProvider",
    "SealedItem",
    "WrappedKey",
    "add_new_kek",
    "canonical_context",
    "generate_keyring_file",
    "needs_rewrap",
    "new_workshop_key",
    "open_sealed",
    "parse_keyring",
    "reseal",
    "retire_kek_in_file",
    "rewrap_workshop_key",
    "seal",
    "serialize_keyring",
    "unwrap_workshop_key",
]
