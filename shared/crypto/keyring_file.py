"""Keyring files: creation (mode 0600), rotation steps, and a provider that follows the file.

Rotation while the platform runs (``tertulia keys rotate``):

1. ``add_new_kek(path)``: a new KEK becomes current; old ones stay.
2. Every process using ``KeyringFileProvider`` sees the new file on its next
   call (it checks the file's identity on each use), so none is left unable
   to unwrap keys wrapped under the new KEK.
3. Rewrap every workshop key (``envelope.rewrap_workshop_key``) and store it.
4. ``retire_kek_in_file(path, old_id)`` once no wrapped key names the old KEK.

A KEK given through the environment cannot change under a running process:
put old and new keys in the value and restart, then rewrap, then drop the old one.
"""

from __future__ import annotations

import os
import re
import secrets
import threading
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .errors import KeyringError
from .kek import (
    LocalKekProvider,
    WrappedKey,
    parse_keyring,
    serialize_keyring,
    validate_kek_id,
)


def _write_private(path: Path, text: str, *, exclusive: bool) -> None:
    """Write with mode 0600 from the first byte; replace atomically unless ``exclusive``.

    Atomic replacement means a crash mid-rotation never leaves a half-written
    keyring, which would lock every workshop.
    """
    if exclusive:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise KeyringError(
                f"keyring file {str(path)!r} already exists; refusing to overwrite keys"
            ) from None
        target = path
    else:
        target = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if not exclusive:
            os.replace(target, path)
    except BaseException:
        target.unlink(missing_ok=True)  # we created it: never leave a partial keyring
        raise
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    """Make the new directory entry durable, so a crash cannot bring back the old file."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _read_keyring_file(path: Path) -> tuple[dict[str, bytes], str]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KeyringError(f"keyring file {str(path)!r} does not exist") from None
    except (OSError, UnicodeDecodeError):
        raise KeyringError(f"keyring file {str(path)!r} cannot be read as UTF-8 text") from None
    return parse_keyring(text, source=f"keyring file {str(path)!r}")


def generate_keyring_file(path: str | os.PathLike[str], kek_id: str = "k1") -> str:
    """Create a new keyring file (mode 0600) holding one fresh KEK; returns its id.

    Refuses to overwrite an existing file: losing a keyring loses every workshop.
    """
    validate_kek_id(kek_id)
    key = AESGCM.generate_key(bit_length=256)
    _write_private(Path(path), serialize_keyring({kek_id: key}, kek_id), exclusive=True)
    return kek_id


def _next_kek_id(existing: frozenset[str] | set[str]) -> str:
    numbers = [int(k[1:]) for k in existing if re.fullmatch(r"k\d{1,9}", k)]
    n = max(numbers, default=0) + 1
    while f"k{n}" in existing:
        n += 1
    return f"k{n}"


def add_new_kek(path: str | os.PathLike[str]) -> str:
    """Rotation step 1: add a fresh KEK to the file and make it current; returns its id.

    Old KEKs stay so that existing wrapped keys still unwrap until rewrapped.
    Run one rotation at a time: this is a read-modify-write of the file.
    """
    p = Path(path)
    keys, _ = _read_keyring_file(p)
    new_id = _next_kek_id(set(keys))
    keys[new_id] = AESGCM.generate_key(bit_length=256)
    _write_private(p, serialize_keyring(keys, new_id), exclusive=False)
    return new_id


def retire_kek_in_file(path: str | os.PathLike[str], kek_id: str) -> None:
    """Rotation last step: remove an old KEK from the file (never the current one).

    Only do this after every wrapped key names another KEK; items still under
    the removed KEK then raise KekUnavailableError.
    """
    p = Path(path)
    keys, current = _read_keyring_file(p)
    if kek_id == current:
        raise KeyringError(f"cannot retire the current KEK {kek_id!r}; add a new one first")
    if kek_id not in keys:
        raise KeyringError(f"KEK {kek_id!r} is not in the keyring")
    del keys[kek_id]
    _write_private(p, serialize_keyring(keys, current), exclusive=False)


class KeyringFileProvider:
    """A KekProvider backed by a keyring file, reloaded when the file is replaced.

    Rotation tools replace the file atomically (new inode), so comparing
    (inode, mtime, size) on each call is enough to notice it; the cost is one
    ``stat``. A replacement that fails to parse raises KeyringError rather
    than silently continuing with stale keys.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self._path = Path(path)
        self._lock = threading.Lock()
        self._stamp: tuple[int, int, int] | None = None
        self._inner = self._reload_if_changed()

    def __repr__(self) -> str:
        return f"KeyringFileProvider({str(self._path)!r}, {self._inner!r})"

    def _file_stamp(self) -> tuple[int, int, int]:
        try:
            st = self._path.stat()
        except FileNotFoundError:
            raise KeyringError(f"keyring file {str(self._path)!r} does not exist") from None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def _reload_if_changed(self) -> LocalKekProvider:
        stamp = self._file_stamp()
        with self._lock:
            if stamp != self._stamp:
                self._inner = LocalKekProvider.from_file(self._path)
                self._stamp = stamp
            return self._inner

    def current_kek_id(self) -> str:
        return self._reload_if_changed().current_kek_id()

    def kek_ids(self) -> frozenset[str]:
        return self._reload_if_changed().kek_ids()

    def wrap(self, key: bytes, aad: bytes) -> WrappedKey:
        return self._reload_if_changed().wrap(key, aad)

    def unwrap(self, wrapped: WrappedKey, aad: bytes) -> bytes:
        return self._reload_if_changed().unwrap(wrapped, aad)

    def retire(self, kek_id: str) -> None:
        """Removes the KEK from the file, hence from every process that reads it."""
        retire_kek_in_file(self._path, kek_id)
        self._reload_if_changed()
