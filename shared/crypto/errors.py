"""Exceptions of the crypto package.

Messages name what is wrong (a key id, a field, a length) and never carry key
material, plaintext or associated data: they end up in logs and error pages.
Every exception is raised ``from None`` by the package so that the traceback
does not chain to a lower-level error that could hold a value.
"""

from __future__ import annotations


class CryptoError(Exception):
    """Base class: catch this to handle every failure of the crypto package."""


class IntegrityError(CryptoError):
    """A ciphertext or wrapped key failed authentication.

    Raised for any tampering (edited rules, rows swapped between items, flipped
    bytes, wrong key, incomplete context). The caller must show "integrity
    error" and log it; it must never fall back to anything that reveals data.
    """


class KeyDestroyedError(CryptoError):
    """The key needed to open the item was crypto-shredded (the caller passed None).

    Distinct from IntegrityError: a shredded item is an expected state after
    closing a workshop or running retention, not an attack.
    """


class KekUnavailableError(CryptoError):
    """The wrapped key names a KEK id that this provider does not hold.

    Typically the KEK was retired before every workshop key was rewrapped
    (run the rotation again with the old KEK loaded), or the keyring of
    another deployment was loaded.
    """


class KeyringError(CryptoError, ValueError):
    """The KEK configuration (environment value or keyring file) is invalid."""


class ContextError(CryptoError, ValueError):
    """The caller passed an encryption context that cannot be canonicalized.

    Raised by ``seal`` (a programming error). ``open_sealed`` reports the same
    problem as IntegrityError, because it cannot verify the item.
    """
