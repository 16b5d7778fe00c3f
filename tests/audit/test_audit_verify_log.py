"""verify_log: an intact log passes; every way of tampering with it is reported."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared.audit_log import entry_bytes, leaf_hash, merkle_root, tree_head, verify_log

ACTIONS = ["reveal", "consent", "facilitator_read", "export", "rule_change", "key_rotation"]


def make_entry(seq: int, action: str = "reveal", item: int | None = 7) -> dict[str, Any]:
    return {
        "seq": seq,
        "at": f"2025-01-01T10:{seq % 60:02d}:00Z",
        "workshop": "w1",
        "actor": f"user-{seq % 3}",
        "action": action,
        "item": item,
        "detail": {"channel": "page", "viewers": [1, 2]},
    }


def build(entries: list[dict[str, Any]]) -> tuple[list[bytes], list[tuple[int, str]]]:
    """Stored leaf hashes and a checkpoint after every append, as the writer would."""
    hashes: list[bytes] = []
    heads: list[tuple[int, str]] = []
    for e in entries:
        hashes.append(leaf_hash(entry_bytes(e)))
        heads.append(tree_head(hashes))
    return hashes, heads


def renumber(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**e, "seq": i} for i, e in enumerate(entries)]


entry_lists = st.builds(
    lambda actions: [make_entry(i, a, i * 3) for i, a in enumerate(actions)],
    st.lists(st.sampled_from(ACTIONS), min_size=2, max_size=25),
)


# --- entry encoding --------------------------------------------------------------------


def test_entry_bytes_is_canonical() -> None:
    a = {"seq": 1, "action": "reveal", "detail": {"b": 1, "a": "é"}}
    b = {"detail": {"a": "é", "b": 1}, "action": "reveal", "seq": 1}
    assert entry_bytes(a) == entry_bytes(b)
    assert entry_bytes(a) == '{"action":"reveal","detail":{"a":"é","b":1},"seq":1}'.encode()


@pytest.mark.parametrize(
    "bad",
    [{"seq": 1.5}, {"x": float("nan")}, {"x": {1: "a"}}, {"x": b"bytes"}, {"x": {"y": object()}}],
)
def test_entry_bytes_refuses_non_canonical_values(bad: Mapping[str, object]) -> None:
    with pytest.raises(ValueError):
        entry_bytes(bad)


# --- verify_log ------------------------------------------------------------------------


def test_intact_log_and_empty_log_pass() -> None:
    entries = [make_entry(i) for i in range(10)]
    hashes, heads = build(entries)
    assert verify_log(entries, hashes, heads) == []
    assert verify_log(entries, [h.hex() for h in hashes], heads) == []
    assert verify_log([], [], [(0, merkle_root([]).hex())]) == []


def test_altered_entry_is_reported_without_its_content() -> None:
    entries = [make_entry(i) for i in range(6)]
    hashes, heads = build(entries)
    entries[3]["actor"] = "SECRET-ACTOR-NAME"
    problems = verify_log(entries, hashes, heads)
    assert any("position 3" in p and "altered" in p for p in problems)
    assert not any("SECRET" in p for p in problems)


def test_altered_entry_with_recomputed_hash_is_caught_by_checkpoints() -> None:
    entries = [make_entry(i) for i in range(6)]
    hashes, heads = build(entries)
    entries[2]["action"] = "export"
    hashes[2] = leaf_hash(entry_bytes(entries[2]))  # a careful attacker
    problems = verify_log(entries, hashes, heads)
    assert problems
    assert all("history rewritten" in p for p in problems)
    # Checkpoints before the change still match; every later one fails.
    assert len(problems) == len([h for h in heads if h[0] > 2])


def test_truncation_and_rollback_are_reported() -> None:
    entries = [make_entry(i) for i in range(5)]
    hashes, heads = build(entries)
    problems = verify_log(entries[:3], hashes[:3], heads)
    assert any("exceeds" in p for p in problems)
    problems = verify_log(entries, hashes, [heads[4], heads[2]])
    assert any("rolled back" in p for p in problems)


def test_malformed_inputs_are_reported_not_raised() -> None:
    entries = [make_entry(i) for i in range(3)]
    hashes, heads = build(entries)
    bad_entries = [*entries[:2], {"seq": "two", "x": 1.5}]
    problems = verify_log(bad_entries, [*hashes[:2], "zz"], [(3, "not-hex"), (-1, heads[0][1])])
    joined = "\n".join(problems)
    assert "non-integer seq" in joined
    assert "cannot be encoded" in joined
    assert "stored leaf hash is malformed" in joined
    assert "not a 32-byte hex hash" in joined
    assert "invalid tree size" in joined


def test_count_mismatch_is_reported() -> None:
    entries = [make_entry(i) for i in range(3)]
    hashes, heads = build(entries)
    assert any("stored leaf hashes" in p for p in verify_log(entries, hashes[:2], heads[:2]))


@settings(deadline=None, max_examples=60)
@given(entry_lists, st.data())
def test_any_altered_field_is_reported(entries: list[dict[str, Any]], data: st.DataObject) -> None:
    hashes, heads = build(entries)
    pos = data.draw(st.integers(0, len(entries) - 1))
    field = data.draw(st.sampled_from(["at", "workshop", "actor", "action", "item", "detail"]))
    entries[pos] = {**entries[pos], field: "tampered"}
    assert verify_log(entries, hashes, heads)
    # Even if the attacker also rewrites the stored hash, the final checkpoint breaks.
    hashes[pos] = leaf_hash(entry_bytes(entries[pos]))
    assert verify_log(entries, hashes, heads)


@settings(deadline=None, max_examples=60)
@given(entry_lists, st.data(), st.booleans())
def test_deleting_an_entry_is_reported(
    entries: list[dict[str, Any]], data: st.DataObject, careful: bool
) -> None:
    hashes, heads = build(entries)
    pos = data.draw(st.integers(0, len(entries) - 1))
    del entries[pos]
    del hashes[pos]
    if careful:  # renumber and rehash so that the rows look consistent
        entries = renumber(entries)
        hashes = [leaf_hash(entry_bytes(e)) for e in entries]
    assert verify_log(entries, hashes, heads)
    assert verify_log(entries, hashes, heads[-1:])


@settings(deadline=None, max_examples=60)
@given(entry_lists, st.data(), st.booleans())
def test_reordering_entries_is_reported(
    entries: list[dict[str, Any]], data: st.DataObject, careful: bool
) -> None:
    hashes, heads = build(entries)
    i = data.draw(st.integers(0, len(entries) - 2))
    j = data.draw(st.integers(i + 1, len(entries) - 1))
    entries[i], entries[j] = entries[j], entries[i]
    hashes[i], hashes[j] = hashes[j], hashes[i]
    if careful:
        entries = renumber(entries)
        hashes = [leaf_hash(entry_bytes(e)) for e in entries]
    assert verify_log(entries, hashes, heads[-1:])


@settings(deadline=None, max_examples=60)
@given(entry_lists, st.data(), st.booleans())
def test_inserting_an_entry_is_reported(
    entries: list[dict[str, Any]], data: st.DataObject, careful: bool
) -> None:
    hashes, heads = build(entries)
    pos = data.draw(st.integers(0, len(entries)))
    appended_at_end = pos == len(entries)
    forged = make_entry(pos, "consent", 999)
    entries.insert(pos, forged)
    hashes.insert(pos, leaf_hash(entry_bytes(forged)))
    if careful:
        entries = renumber(entries)
        hashes = [leaf_hash(entry_bytes(e)) for e in entries]
    if appended_at_end:
        # Appending is what an honest writer does: only a checkpoint recorded (and
        # published) after the real last entry could tell. Earlier ones rightly match.
        assert verify_log(entries, hashes, heads) == []
    else:
        assert verify_log(entries, hashes, heads)


@settings(deadline=None, max_examples=60)
@given(entry_lists)
def test_intact_logs_always_pass(entries: list[dict[str, Any]]) -> None:
    hashes, heads = build(entries)
    assert verify_log(entries, hashes, heads) == []
