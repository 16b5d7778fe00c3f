"""Pure core of the tamper-evident audit log: an RFC 6962 / RFC 9162 Merkle tree.

Entries hold metadata only (``seq``, ``at``, ``workshop``, ``actor``,
``action``, ``item``, ``detail``), never contribution content: the log is
shown to companies and must not become a second copy of what it audits.

Why a Merkle tree rather than a hash chain: a signed tree head (size, root)
commits to the whole history, an inclusion proof shows one company that its
entry is in the log without handing it the other entries, and a consistency
proof shows that a later head extends an earlier one (nothing rewritten).
Heads are only as trustworthy as the place they are kept: publish them
outside the database (downloads, e-mails to companies, a signature) so that
someone who can rewrite the database cannot also rewrite the heads.

Conventions: ``seq`` of an entry is its 0-based leaf index; hashes are 32-byte
SHA-256 digests. This module only hashes structure with hashlib; it defines no
cryptographic primitive of its own.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence

HASH_BYTES = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()


# --- hashing ---------------------------------------------------------------------------


def _check_json(value: object, path: str) -> None:
    """Floats are refused: their text form is not canonical across languages."""
    if value is None or isinstance(value, bool | int | str):
        return
    if isinstance(value, Mapping):
        for k, v in value.items():
            if not isinstance(k, str):
                raise ValueError(f"audit entry key under {path or 'root'} is not a string")
            _check_json(v, f"{path}.{k}" if path else k)
        return
    if isinstance(value, list | tuple):
        for i, v in enumerate(value):
            _check_json(v, f"{path}[{i}]")
        return
    raise ValueError(f"audit entry field {path or 'root'} has unsupported type")


def entry_bytes(entry: Mapping[str, object]) -> bytes:
    """Canonical JSON of an entry: sorted keys, no whitespace, UTF-8, no floats.

    The same entry always gives the same bytes, whatever the dict order or the
    process, so the leaf hash can be recomputed at verification time.
    """
    if not isinstance(entry, Mapping):
        raise ValueError("audit entry must be a mapping")
    _check_json(entry, "")
    return json.dumps(
        entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def leaf_hash(data: bytes) -> bytes:
    """RFC 6962 leaf hash: SHA-256(0x00 || data). The prefix separates leaves from nodes."""
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """RFC 6962 interior node hash: SHA-256(0x01 || left || right)."""
    return hashlib.sha256(b"\x01" + left + right).digest()


def _fold(stack: Sequence[bytes]) -> bytes:
    """Root from the perfect subtrees of a tree (largest first), folding right to left."""
    acc = stack[-1]
    for h in reversed(stack[:-1]):
        acc = node_hash(h, acc)
    return acc


class _CompactRange:
    """Incremental tree: the roots of the perfect subtrees covering the leaves so far.

    Adding a leaf is O(log n); the root at any size is their fold. This is how
    a log of any length is verified in one pass, with every checkpoint
    checked on the way.
    """

    def __init__(self) -> None:
        self.size = 0
        self._stack: list[bytes] = []

    def append(self, h: bytes) -> None:
        self._stack.append(h)
        self.size += 1
        n = self.size
        while n & 1 == 0:  # merge equal-sized perfect subtrees
            right = self._stack.pop()
            left = self._stack.pop()
            self._stack.append(node_hash(left, right))
            n >>= 1

    def root(self) -> bytes:
        return _fold(self._stack) if self._stack else EMPTY_ROOT

    @classmethod
    def restore(cls, size: int, stack: Sequence[bytes]) -> _CompactRange:
        """Continue a tree from a stored state (size and subtree roots): O(log n) appends."""
        rng = cls()
        rng.size, rng._stack = size, list(stack)
        return rng

    @property
    def stack(self) -> list[bytes]:
        return list(self._stack)


CompactRange = _CompactRange


def merkle_root(leaf_hashes: Sequence[bytes]) -> bytes:
    """RFC 6962 Merkle Tree Hash of the leaves; the empty tree is SHA-256(b"")."""
    rng = _CompactRange()
    for h in leaf_hashes:
        rng.append(h)
    return rng.root()


def _split(n: int) -> int:
    """Largest power of two strictly smaller than n (n >= 2)."""
    return 1 << ((n - 1).bit_length() - 1)


def _subtree_root(leaf_hashes: Sequence[bytes], start: int, end: int) -> bytes:
    return merkle_root(leaf_hashes[start:end])


# --- inclusion -------------------------------------------------------------------------


def inclusion_proof(index: int, leaf_hashes: Sequence[bytes]) -> list[bytes]:
    """RFC 6962 PATH(index, D[n]): sibling hashes from the leaf up to the root."""
    n = len(leaf_hashes)
    if not 0 <= index < n:
        raise ValueError(f"leaf index {index} outside a tree of size {n}")
    proof: list[bytes] = []
    start, end, m = 0, n, index
    # Walk down from the root; siblings are collected top-down, then reversed.
    while end - start > 1:
        k = _split(end - start)
        if m < k:
            proof.append(_subtree_root(leaf_hashes, start + k, end))
            end = start + k
        else:
            proof.append(_subtree_root(leaf_hashes, start, start + k))
            start, m = start + k, m - k
    proof.reverse()
    return proof


def _is_hash(value: object) -> bool:
    return isinstance(value, bytes) and len(value) == HASH_BYTES


def verify_inclusion(
    leaf: bytes, index: int, tree_size: int, proof: Sequence[bytes], root: bytes
) -> bool:
    """RFC 9162 section 2.1.3.2: does ``proof`` put ``leaf`` (a leaf hash) at ``index``?"""
    if not (0 <= index < tree_size) or not _is_hash(leaf) or not _is_hash(root):
        return False
    if not all(_is_hash(p) for p in proof):
        return False
    fn, sn, r = index, tree_size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while fn & 1 == 0 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


# --- consistency -----------------------------------------------------------------------


def consistency_proof(m: int, leaf_hashes: Sequence[bytes]) -> list[bytes]:
    """RFC 6962 PROOF(m, D[n]): shows the tree of size m is a prefix of this one.

    Empty for m == 0 and m == n (nothing to prove).
    """
    n = len(leaf_hashes)
    if not 0 <= m <= n:
        raise ValueError(f"old size {m} outside 0..{n}")
    if m in (0, n):
        return []
    proof: list[bytes] = []
    start, end, mm, complete = 0, n, m, True
    # Iterative SUBPROOF(m, D[start:end], complete); nodes collected top-down.
    while mm != end - start:
        k = _split(end - start)
        if mm <= k:
            proof.append(_subtree_root(leaf_hashes, start + k, end))
            end = start + k
        else:
            proof.append(_subtree_root(leaf_hashes, start, start + k))
            start, mm, complete = start + k, mm - k, False
    if not complete:
        proof.append(_subtree_root(leaf_hashes, start, end))
    proof.reverse()
    return proof


def verify_consistency(
    m: int, n: int, root_m: bytes, root_n: bytes, proof: Sequence[bytes]
) -> bool:
    """RFC 9162 section 2.1.4.2: is the tree (n, root_n) an extension of (m, root_m)?"""
    if not (0 <= m <= n) or not all(_is_hash(p) for p in proof):
        return False
    if m == n:
        return not proof and root_m == root_n
    if m == 0:
        return not proof
    if not proof or not _is_hash(root_m) or not _is_hash(root_n):
        return False
    path = list(proof)
    if m & (m - 1) == 0:  # m is a power of two: its root is a node of the new tree
        path.insert(0, root_m)
    fn, sn = m - 1, n - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            while fn & 1 == 0 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == root_m and sr == root_n


# --- whole-log verification ------------------------------------------------------------


def tree_head(leaf_hashes: Sequence[bytes]) -> tuple[int, str]:
    """(tree_size, root hex): the checkpoint to record and publish after appending."""
    return len(leaf_hashes), merkle_root(leaf_hashes).hex()


def _as_hash(value: object) -> bytes | None:
    if isinstance(value, bytes | bytearray | memoryview):
        b = bytes(value)
    elif isinstance(value, str):
        try:
            b = bytes.fromhex(value)
        except ValueError:
            return None
    else:
        return None
    return b if len(b) == HASH_BYTES else None


def verify_log(
    entries: Sequence[Mapping[str, object]],
    stored_leaf_hashes: Sequence[bytes | str],
    signed_heads: Iterable[tuple[int, str]],
) -> list[str]:
    """Check a whole log; returns the problems found (empty list = intact).

    ``entries`` in leaf order, ``stored_leaf_hashes`` as stored at append time
    (bytes or hex), ``signed_heads`` the (tree_size, root_hex) checkpoints in
    the order they were recorded. Detects an altered entry (hash mismatch),
    renumbered, reordered, inserted or deleted entries (``seq`` gaps, count
    mismatch) and a rewritten history (a checkpoint's root no longer matches,
    a checkpoint larger than the log, checkpoints that shrink). Messages name
    positions and sizes only, never entry fields.
    """
    problems: list[str] = []
    if len(entries) != len(stored_leaf_hashes):
        problems.append(f"{len(entries)} entries but {len(stored_leaf_hashes)} stored leaf hashes")
    recomputed: list[bytes] = []
    for i, entry in enumerate(entries):
        seq = entry.get("seq") if isinstance(entry, Mapping) else None
        if isinstance(seq, bool) or not isinstance(seq, int):
            problems.append(f"entry at position {i}: missing or non-integer seq")
        elif seq != i:
            problems.append(f"entry at position {i}: seq is {seq} (entries missing or reordered)")
        try:
            h = leaf_hash(entry_bytes(entry))
        except (ValueError, TypeError):
            problems.append(f"entry at position {i}: cannot be encoded canonically")
            h = leaf_hash(b"")
        recomputed.append(h)
        if i < len(stored_leaf_hashes):
            stored = _as_hash(stored_leaf_hashes[i])
            if stored is None:
                problems.append(f"entry at position {i}: stored leaf hash is malformed")
            elif stored != h:
                problems.append(
                    f"entry at position {i}: does not match its stored leaf hash (altered)"
                )

    heads: list[tuple[int, bytes | None, int]] = []
    for number, head in enumerate(signed_heads):
        size, root_hex = head
        if isinstance(size, bool) or not isinstance(size, int) or size < 0:
            problems.append(f"checkpoint #{number}: invalid tree size")
            continue
        heads.append((size, _as_hash(root_hex), number))

    previous = -1
    for size, _root, number in heads:
        if size < previous:
            problems.append(
                f"checkpoint #{number}: size {size} is smaller than an earlier checkpoint"
                f" ({previous}): the log was rolled back"
            )
        previous = max(previous, size)

    # One pass over the leaves, comparing each checkpoint's root when its size is reached.
    by_size: dict[int, list[tuple[bytes | None, int]]] = {}
    for size, root, number in heads:
        by_size.setdefault(size, []).append((root, number))
    rng = _CompactRange()
    for size in range(len(recomputed) + 1):
        if size > 0:
            rng.append(recomputed[size - 1])
        for root, number in by_size.pop(size, []):
            if root is None:
                problems.append(f"checkpoint #{number}: root is not a 32-byte hex hash")
            elif rng.root() != root:
                problems.append(
                    f"checkpoint #{number} (size {size}): root does not match the log"
                    " (history rewritten)"
                )
    for size, pending in sorted(by_size.items()):
        for _root, number in pending:
            problems.append(
                f"checkpoint #{number}: size {size} exceeds the log's {len(recomputed)}"
                " entries (entries deleted)"
            )
    return problems
