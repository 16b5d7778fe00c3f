"""Sealing contribution text for storage: the bridge between rows and shared.crypto.

Each contribution's body is encrypted under a fresh data key wrapped by its workshop's
key, which the key-encryption key (KEK) wraps in turn. The associated data binds the
ciphertext to the workshop, the contribution, the author company and the canonical form of
the item's disclosure rules, so a row edited in the database fails to open instead of
being obeyed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import struct
import threading

from shared.crypto import (
    IntegrityError,
    KekProvider,
    SealedItem,
    WrappedKey,
    new_workshop_key,
    open_sealed,
    seal,
    unwrap_workshop_key,
)
from shared.models import Contribution, Workshop

_PACK_VERSION = 1


_ABSENT = 0xFFFFFFFF  # length marking a destroyed (shredded) key, distinct from empty bytes


def pack(item: SealedItem) -> bytes:
    """One BLOB column: layout version, format version, then four length-prefixed fields."""
    fields = [item.ciphertext, item.nonce, item.wrapped_data_key, item.data_key_nonce]
    out = struct.pack("BB", _PACK_VERSION, item.format_version)
    for field in fields:
        out += (
            struct.pack(">I", _ABSENT) if field is None else struct.pack(">I", len(field)) + field
        )
    return out


def unpack(blob: bytes) -> SealedItem:
    data = bytes(blob)
    try:
        pack_version, format_version = struct.unpack_from("BB", data, 0)
        if pack_version != _PACK_VERSION:
            raise IntegrityError("sealed column has an unknown layout")
        offset = 2
        fields: list[bytes | None] = []
        for _ in range(4):
            (length,) = struct.unpack_from(">I", data, offset)
            offset += 4
            if length == _ABSENT:
                fields.append(None)
                continue
            fields.append(data[offset : offset + length])
            if len(fields[-1] or b"") != length:
                raise IntegrityError("sealed column is truncated")
            offset += length
    except struct.error:
        raise IntegrityError("sealed column is malformed") from None
    if offset != len(data) or fields[0] is None or fields[1] is None:
        raise IntegrityError("sealed column is malformed")
    return SealedItem(
        ciphertext=fields[0],
        nonce=fields[1],
        wrapped_data_key=fields[2],
        data_key_nonce=fields[3],
        format_version=format_version,
    )


def contribution_context(item: Contribution) -> dict[str, str | int]:
    """What the body's ciphertext is bound to: editing any of it breaks decryption."""
    return {
        "workshop_id": item.workshop_id,
        "item_id": f"contribution:{item.id}",
        # Chatham House items have no company in clear: bind the author tag instead.
        "author_company_id": item.company_id if item.company_id is not None else item.author_tag,
        "rules": item.rules,
        "rules_version": item.rules_version,
    }


def _attribution_context(item: Contribution) -> dict[str, str | int]:
    return {
        "workshop_id": item.workshop_id,
        "item_id": f"attribution:{item.id}",
        "author_company_id": item.author_tag,
        "rules": "chatham-attribution",
        "rules_version": 1,
    }


def _record_context(workshop_id: int, label: str) -> dict[str, str | int]:
    return {
        "workshop_id": workshop_id,
        "item_id": label,
        "author_company_id": 0,
        "rules": "record",
        "rules_version": 1,
    }


def _note_context(item: Contribution) -> dict[str, str | int]:
    return {**contribution_context(item), "item_id": f"note:{item.id}"}


def _attribution_key_context(workshop_id: int) -> dict[str, str | int]:
    return {
        "workshop_id": workshop_id,
        "item_id": "attribution-key",
        "author_company_id": 0,
        "rules": "attribution-key",
        "rules_version": 1,
    }


class EnvelopeSealer:
    """Implements shared.services.deps.Sealer over a KEK provider.

    A running server picks up a KEK added by `tertulia keys rotate` because the file-based
    provider (KeyringFileProvider) reloads its keyring when the file changes.
    """

    # Unwrapped keys of the workshops in use, keyed by their stored (wrapped) form: a
    # rotation or a shred changes the stored form, so a stale key is never reused. Every
    # event is rendered for each company room; unwrapping each time dominated at 1,000
    # sockets (bench/realtime.py).
    CACHE_SIZE = 256

    def __init__(self, kek: KekProvider):
        self._kek = kek
        self._opened: dict[tuple[int, bytes], bytes] = {}
        self._lock = threading.Lock()

    def new_workshop_keys(self, workshop_id: int) -> tuple[bytes, bytes]:
        """(wrapped workshop key, sealed attribution key) for a new workshop."""
        key, wrapped = new_workshop_key(self._kek, workshop_id)
        attribution_key = secrets.token_bytes(32)
        sealed = seal(key, attribution_key, _attribution_key_context(workshop_id))
        return wrapped.to_bytes(), pack(sealed)

    def _attribution_key(self, workshop: Workshop) -> bytes | None:
        """None once destroyed (the workshop closed): attribution is then unrecoverable."""
        if workshop.sealed_attribution_key is None:
            return None
        cache_key = (workshop.id, bytes(workshop.sealed_attribution_key))
        if cache_key not in self._opened:
            self._remember(
                cache_key,
                open_sealed(
                    self.workshop_key(workshop),
                    unpack(workshop.sealed_attribution_key),
                    _attribution_key_context(workshop.id),
                ),
            )
        return self._opened[cache_key]

    def _remember(self, cache_key: tuple[int, bytes], key: bytes) -> None:
        with self._lock:
            if len(self._opened) >= self.CACHE_SIZE:
                self._opened.pop(next(iter(self._opened)))
            self._opened[cache_key] = key

    def author_tag(self, workshop: Workshop, company_id: int) -> str | None:
        """A keyed hash standing for the company on its items (None once the key is gone)."""
        key = self._attribution_key(workshop)
        if key is None:
            return None
        return hmac.new(key, f"company:{company_id}".encode(), hashlib.sha256).hexdigest()

    def client_key(self, workshop: Workshop, participant_id: int, client_id: str) -> str:
        """Idempotency key; keyed so Chatham House items do not name their participant."""
        key = self._attribution_key(workshop) or b"closed"
        return hmac.new(
            key, f"participant:{participant_id}:{client_id}".encode(), hashlib.sha256
        ).hexdigest()

    def seal_attribution(
        self, workshop: Workshop, item: Contribution, company_id: int, participant_id: int
    ) -> bytes:
        key = self._attribution_key(workshop)
        assert key is not None, "attribution key destroyed: the workshop is closed"
        payload = json.dumps({"company_id": company_id, "participant_id": participant_id})
        return pack(seal(key, payload.encode(), _attribution_context(item)))

    def open_attribution(self, workshop: Workshop, item: Contribution) -> tuple[int, int] | None:
        """(company_id, participant_id) of a Chatham House item, or None once destroyed."""
        key = self._attribution_key(workshop)
        if key is None or item.sealed_attribution is None:
            return None
        data = json.loads(
            open_sealed(key, unpack(item.sealed_attribution), _attribution_context(item))
        )
        return int(data["company_id"]), int(data["participant_id"])

    def seal_record(self, workshop: Workshop, label: str, text: str) -> bytes:
        """Seal a workshop record (a profile, a match's evidence) bound to its label."""
        return pack(
            seal(
                self.workshop_key(workshop),
                text.encode("utf-8"),
                _record_context(workshop.id, label),
            )
        )

    def open_record(self, workshop: Workshop, label: str, blob: bytes) -> str:
        return open_sealed(
            self.workshop_key(workshop), unpack(blob), _record_context(workshop.id, label)
        ).decode("utf-8")

    def seal_note(self, workshop: Workshop, item: Contribution, text: str) -> bytes:
        """The facilitator's moderation message to the author, sealed like the body."""
        return pack(seal(self.workshop_key(workshop), text.encode("utf-8"), _note_context(item)))

    def open_note(self, workshop: Workshop, item: Contribution) -> str | None:
        if item.sealed_note is None:
            return None
        return open_sealed(
            self.workshop_key(workshop), unpack(item.sealed_note), _note_context(item)
        ).decode("utf-8")

    def reseal_contribution(
        self, workshop: Workshop, item: Contribution, old_context: dict[str, str | int]
    ) -> bytes:
        """Rebind the body to the item's current rules (after a rule change)."""
        sealed = unpack(item.sealed_body) if item.sealed_body else None
        body = open_sealed(self.workshop_key(workshop), sealed, old_context)
        return pack(seal(self.workshop_key(workshop), body, contribution_context(item)))

    def workshop_key(self, workshop: Workshop) -> bytes | None:
        if workshop.wrapped_key is None:
            return unwrap_workshop_key(self._kek, None, workshop.id)  # raises: shredded
        cache_key = (workshop.id, bytes(workshop.wrapped_key))
        if cache_key not in self._opened:
            wrapped = WrappedKey.from_bytes(workshop.wrapped_key)
            self._remember(cache_key, unwrap_workshop_key(self._kek, wrapped, workshop.id))
        return self._opened[cache_key]

    def seal_contribution(self, workshop: Workshop, item: Contribution, text: str) -> bytes:
        key = self.workshop_key(workshop)
        assert key is not None
        return pack(seal(key, text.encode("utf-8"), contribution_context(item)))

    def open_contribution(self, workshop: Workshop, item: Contribution) -> str:
        sealed = unpack(item.sealed_body) if item.sealed_body else None
        plaintext = open_sealed(self.workshop_key(workshop), sealed, contribution_context(item))
        return plaintext.decode("utf-8")
