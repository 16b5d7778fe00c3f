"""Tampering with the database: every edit an attacker with write access to the tables can
make gives an integrity error, shown as such in the API, the pages and the log, never the
plaintext, and never obeyed (loosened rules do not reveal the item).

Each case edits rows with SQL through a session from deps.db.transaction(), then reads the
workshop back as the author, another company, the facilitator, over the API, the pages,
the summary download and a socket hello.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import text

from shared.crypto import CryptoError
from shared.rules import Rules
from tests.trust.support import (
    Room,
    bearer,
    canary,
    dump,
    facilitator_web,
    new_room,
    participant_web,
    socket_client,
)

# The integrity message in either language (pages follow the workshop's language).
INTEGRITY_PAGE = re.compile(r"integrity check|comprobación de integridad|integridad", re.I)


def _row(deps: Any, item_id: int) -> dict[str, Any]:
    with deps.db.transaction() as s:
        return dict(
            s.execute(text("SELECT * FROM contributions WHERE id = :id"), {"id": item_id})
            .mappings()
            .one()
        )


def _set(deps: Any, sql: str, **params: Any) -> None:
    with deps.db.transaction() as s:
        assert s.execute(text(sql), params).rowcount == 1


def _flip(blob: bytes, pos: int = -1) -> bytes:
    data = bytearray(blob)
    data[pos] ^= 0x01
    return bytes(data)


# --- the edits ---------------------------------------------------------------------------


def loosen_rules(deps: Any, room: Room, ids: dict[str, int]) -> list[str]:
    """The withheld item's rules rewritten to CLEAR, the charter's loosest form."""
    loose = Rules.from_dict({"sensitivity": "clear", "attribution": "named"}).canonical()
    _set(deps, "UPDATE contributions SET rules = :r WHERE id = :id", r=loose, id=ids["secret"])
    return ["secret"]


def reorder_rules(deps: Any, room: Room, ids: dict[str, int]) -> list[str]:
    """Same rules, other JSON text: the canonical form is what is bound."""
    rules = Rules.from_json(_row(deps, ids["secret"])["rules"]).to_dict()
    reordered = json.dumps(dict(reversed(list(rules.items()))))
    assert Rules.from_json(reordered) == Rules.from_dict(rules)
    _set(deps, "UPDATE contributions SET rules = :r WHERE id = :id", r=reordered, id=ids["secret"])
    return ["secret"]


def bump_rules_version(deps: Any, room: Room, ids: dict[str, int]) -> list[str]:
    _set(
        deps,
        "UPDATE contributions SET rules_version = rules_version + 1 WHERE id = :id",
        id=ids["secret"],
    )
    return ["secret"]


def swap_bodies(deps: Any, room: Room, ids: dict[str, int]) -> list[str]:
    """The withheld item's ciphertext moved onto a row every company may read, and back."""
    secret, shared = _row(deps, ids["secret"]), _row(deps, ids["shared"])
    _set(
        deps,
        "UPDATE contributions SET sealed_body = :b WHERE id = :id",
        b=secret["sealed_body"],
        id=ids["shared"],
    )
    _set(
        deps,
        "UPDATE contributions SET sealed_body = :b WHERE id = :id",
        b=shared["sealed_body"],
        id=ids["secret"],
    )
    return ["secret", "shared"]


def copy_body(deps: Any, room: Room, ids: dict[str, int]) -> list[str]:
    """The withheld item's ciphertext copied onto a readable row (the original stays)."""
    secret = _row(deps, ids["secret"])
    _set(
        deps,
        "UPDATE contributions SET sealed_body = :b WHERE id = :id",
        b=secret["sealed_body"],
        id=ids["shared"],
    )
    return ["shared"]


def flip_body_end(deps: Any, room: Room, ids: dict[str, int]) -> list[str]:
    blob = bytes(_row(deps, ids["secret"])["sealed_body"])
    _set(
        deps,
        "UPDATE contributions SET sealed_body = :b WHERE id = :id",
        b=_flip(blob),
        id=ids["secret"],
    )
    return ["secret"]


def flip_body_ciphertext(deps: Any, room: Room, ids: dict[str, int]) -> list[str]:
    blob = bytes(_row(deps, ids["secret"])["sealed_body"])
    _set(
        deps,
        "UPDATE contributions SET sealed_body = :b WHERE id = :id",
        b=_flip(blob, 8),
        id=ids["secret"],
    )  # inside the first field (the ciphertext)
    return ["secret"]


def truncate_body(deps: Any, room: Room, ids: dict[str, int]) -> list[str]:
    blob = bytes(_row(deps, ids["secret"])["sealed_body"])
    _set(
        deps,
        "UPDATE contributions SET sealed_body = :b WHERE id = :id",
        b=blob[:-5],
        id=ids["secret"],
    )
    return ["secret"]


def flip_wrapped_key(deps: Any, room: Room, ids: dict[str, int]) -> list[str]:
    with deps.db.transaction() as s:
        blob = s.execute(
            text("SELECT wrapped_key FROM workshops WHERE id = :id"), {"id": room.workshop_id}
        ).scalar_one()
    _set(
        deps,
        "UPDATE workshops SET wrapped_key = :b WHERE id = :id",
        b=_flip(bytes(blob)),
        id=room.workshop_id,
    )
    return ["secret", "shared", "other"]


def change_company(deps: Any, room: Room, ids: dict[str, int]) -> list[str]:
    """The withheld item handed to company B, which would then read it as its own."""
    _set(
        deps,
        "UPDATE contributions SET company_id = :c WHERE id = :id",
        c=room.parties["B"].company_id,
        id=ids["secret"],
    )
    return ["secret"]


def drop_company(deps: Any, room: Room, ids: dict[str, int]) -> list[str]:
    """Missing associated data: the author company removed from the row."""
    _set(
        deps,
        "UPDATE contributions SET company_id = NULL, participant_id = NULL WHERE id = :id",
        id=ids["secret"],
    )
    return ["secret"]


def move_to_other_workshop(deps: Any, room: Room, ids: dict[str, int]) -> list[str]:
    """A row moved into another workshop of the same facilitator."""
    other = new_room(deps, ("Z",), facilitator=(room.facilitator, room.facilitator_name))
    _set(
        deps,
        "UPDATE contributions SET workshop_id = :w, topic_id = :t WHERE id = :id",
        w=other.workshop_id,
        t=other.topics[0],
        id=ids["secret"],
    )
    room.extra["other_room"] = other
    return ["secret"]


EDITS: list[Callable[[Any, Room, dict[str, int]], list[str]]] = [
    loosen_rules,
    reorder_rules,
    bump_rules_version,
    swap_bodies,
    copy_body,
    flip_body_end,
    flip_body_ciphertext,
    truncate_body,
    flip_wrapped_key,
    change_company,
    drop_company,
    move_to_other_workshop,
]


# --- reading back ------------------------------------------------------------------------


def _setup(deps: Any) -> tuple[Room, dict[str, int], dict[str, str]]:
    room = new_room(deps, ("A", "B", "C"))
    bodies = {"secret": canary("secret"), "shared": canary("shared"), "other": canary("other")}
    ids = {
        "secret": room.post(
            "A", bodies["secret"], {"sensitivity": "amber+strict", "recipients": []}
        )["id"],
        "shared": room.post("A", bodies["shared"])["id"],
        "other": room.post("C", bodies["other"])["id"],
    }
    return room, ids, bodies


def _flagged_api(answer: Any, item_ids: set[int]) -> bool:
    """The API said "integrity": the whole answer, or the tampered items in it."""
    if answer.status_code == 500:
        return answer.json["error"]["code"] == "integrity"
    assert answer.status_code == 200, answer.status_code
    flagged = {
        i["id"]
        for i in answer.json["contributions"]
        if i.get("error") == "integrity" or i["visibility"] == "error"
    }
    return bool(flagged & item_ids)


@pytest.mark.parametrize("edit", EDITS, ids=[e.__name__ for e in EDITS])
def test_tampering_is_an_integrity_error_never_plaintext(
    app: Any, deps: Any, caplog: pytest.LogCaptureFixture, edit: Any
) -> None:
    room, ids, bodies = _setup(deps)
    touched = edit(deps, room, ids)
    touched_ids = {ids[k] for k in touched}
    touched_bodies = [bodies[k] for k in touched]
    # what could leak: the moved plaintexts, wherever they now sit
    forbidden_for_b = [bodies["secret"], *touched_bodies]
    caplog.set_level(logging.INFO)

    a, b = room.parties["A"], room.parties["B"]
    fac = facilitator_web(app, room.facilitator.facilitator_id)
    from shared.services import accounts

    token = accounts.create_api_token(deps, room.facilitator.facilitator_id, "t")
    outputs: list[str] = []

    # The facilitator and the author decrypt the touched items: both must be told. A row
    # handed to B is B's own in the database's eyes, so B decrypts it; a row whose company
    # was dropped is nobody's (named items carry no author tag that would still say "A"),
    # so only the facilitator decrypts it and A sees a placeholder.
    owner = {change_company: b, drop_company: None}.get(edit, a)
    readers = [
        (
            "facilitator",
            app.test_client(),
            f"/api/v1/workshops/{room.workshop_id}/contributions",
            bearer(token),
        )
    ]
    pages = [("facilitator page", fac, f"/facilitator/workshops/{room.workshop_id}")]
    if owner is not None:
        readers.append(
            (
                "author",
                app.test_client(),
                f"/api/v1/workshops/{room.workshop_id}/feed",
                bearer(owner.token),
            )
        )
        pages.append(("author page", participant_web(app, owner), f"/w/{room.workshop_id}"))
    else:
        answer = app.test_client().get(
            f"/api/v1/workshops/{room.workshop_id}/feed", headers=bearer(a.token)
        )
        outputs.append(answer.get_data(as_text=True))
        shown = {i["id"]: i for i in answer.json["contributions"]}
        assert all(shown[i]["visibility"] == "placeholder" for i in touched_ids), shown
    for who, client, path, headers in readers:
        answer = client.get(path, headers=headers)
        outputs.append(answer.get_data(as_text=True))
        if edit is not move_to_other_workshop:
            assert _flagged_api(answer, touched_ids), (who, answer.get_data(as_text=True))
    for who, client, path in pages:
        page = client.get(path)
        outputs.append(page.get_data(as_text=True))
        if edit is not move_to_other_workshop:
            assert INTEGRITY_PAGE.search(page.get_data(as_text=True)), who
    summary = fac.get(f"/facilitator/workshops/{room.workshop_id}/summary.md")
    outputs.append(summary.get_data(as_text=True))
    if "other_room" in room.extra:  # the moved row is read where it now sits
        moved_to = room.extra["other_room"].workshop_id
        answer = app.test_client().get(
            f"/api/v1/workshops/{moved_to}/contributions", headers=bearer(token)
        )
        outputs.append(answer.get_data(as_text=True))
        assert _flagged_api(answer, touched_ids), answer.get_data(as_text=True)
        page = fac.get(f"/facilitator/workshops/{moved_to}")
        outputs.append(page.get_data(as_text=True))
        assert INTEGRITY_PAGE.search(page.get_data(as_text=True))

    # Company B: never anything it was not given before the edit.
    b_api = app.test_client().get(
        f"/api/v1/workshops/{room.workshop_id}/feed", headers=bearer(b.token)
    )
    b_page = participant_web(app, b).get(f"/w/{room.workshop_id}")
    b_summary = participant_web(app, b).get(f"/w/{room.workshop_id}/summary.md")
    sock = socket_client(app, b.token)
    try:
        hello = sock.emit("hello", {"last_seq": 0}, namespace="/participant", callback=True)
    except CryptoError as exc:
        pytest.fail(
            f"{edit.__name__}: the socket `hello` handler let {type(exc).__name__} escape "
            "instead of acknowledging an integrity error (the client gets no answer)"
        )
    assert isinstance(hello, dict), hello
    if not hello.get("ok"):
        assert hello["error"]["code"] == "integrity", hello
    b_text = dump(
        [
            b_api.get_data(as_text=True),
            b_page.get_data(as_text=True),
            b_summary.get_data(as_text=True),
            hello,
            sock.get_received("/participant"),
        ]
    )
    sock.disconnect(namespace="/participant")
    for body in forbidden_for_b:
        assert body not in b_text, f"{edit.__name__}: B received plaintext"
    if b_api.status_code == 200:
        for item in b_api.json["contributions"]:
            if item["id"] == ids["secret"]:
                assert item["visibility"] != "full" and item["body"] is None, item

    # Nobody reads the tampered plaintext anywhere, and the log says what happened without it.
    for out in outputs:
        for body in touched_bodies:
            assert body not in out, f"{edit.__name__}: plaintext of a tampered item was served"
    if edit is not move_to_other_workshop:
        failures = [r for r in caplog.records if "integrity" in r.getMessage().lower()]
        assert failures, "no integrity failure in the log"
    for record in caplog.records:
        message = record.getMessage() + (record.exc_text or "")
        assert not any(body in message for body in bodies.values()), record.getMessage()


def test_loosened_rules_do_not_reveal_the_item_to_the_service(deps: Any) -> None:
    """At the service level too: B asked for the loosened item gets no body, no author."""
    from shared.disclosure import Channel
    from shared.services import contributions

    room, ids, bodies = _setup(deps)
    loosen_rules(deps, room, ids)
    b = room.parties["B"]
    for channel in (Channel.PAGE, Channel.API, Channel.LIVE, Channel.EXPORT):
        try:
            views = contributions.list_contributions(deps, b.viewer, room.workshop_id, channel)
        except CryptoError:
            continue
        item = next((v for v in views if v["id"] == ids["secret"]), None)
        assert item is None or (item["body"] is None and item["visibility"] != "full"), item
        assert bodies["secret"] not in dump(views)
        assert room.parties["A"].person not in dump(item or {})
