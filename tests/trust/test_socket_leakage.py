"""Socket leakage: clients of companies without rights receive nothing of a withheld item's
text or author in any payload (pushed events, acks, presence, hello and sync replays).

Three companies and the facilitator are connected with the Socket.IO test client; company A
posts over its socket an AMBER+STRICT item naming nobody, a Chatham House item, an item
waiting for the facilitator's reveal and an item excluding company B.
"""

from __future__ import annotations

from typing import Any

from shared.services import contributions, workshops
from tests.trust.support import (
    Room,
    canary,
    dump,
    facilitator_socket,
    new_room,
    socket_client,
)

NS = "/participant"


class Client:
    """A connected socket and everything it ever received (pushes and acks)."""

    def __init__(self, sio: Any, namespace: str = NS) -> None:
        self.sio = sio
        self.namespace = namespace
        self.messages: list[dict[str, Any]] = []  # {"name", "args"} as pushed
        self.acks: list[Any] = []

    def drain(self) -> list[dict[str, Any]]:
        new = self.sio.get_received(self.namespace)
        self.messages.extend(new)
        return new

    def call(self, event: str, data: Any) -> Any:
        ack = self.sio.emit(event, data, namespace=self.namespace, callback=True)
        self.acks.append(ack)
        self.drain()
        return ack

    def events(self) -> list[dict[str, Any]]:
        self.drain()
        return [m["args"][0] for m in self.messages if m["name"] == "event"]

    def everything(self) -> str:
        self.drain()
        return dump([self.messages, self.acks])

    def without_presence(self) -> str:
        """Presence lists who is in the room (names of people connected), by design."""
        self.drain()
        pushed = [m for m in self.messages if m["name"] != "presence"]
        acks = [{k: v for k, v in a.items() if k != "presence"} for a in self.acks]
        return dump([pushed, acks])


def contribution_views(client: Client) -> list[dict[str, Any]]:
    """Every contribution view the client received, in any event, ack or replay."""
    views: list[dict[str, Any]] = []

    def from_events(events: list[dict[str, Any]]) -> None:
        for event in events:
            data = event["data"]
            if event["type"].startswith("contribution.") and "id" in data:
                views.append(data)
            elif event["type"] == "topic.refresh":
                views.extend(data["items"])

    from_events(client.events())
    for ack in client.acks:
        if isinstance(ack, dict):
            from_events(ack.get("events") or [])
            if isinstance(ack.get("contribution"), dict):
                views.append(ack["contribution"])
    return views


def post(client: Client, body: str, rules: dict[str, Any] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"client_id": f"sock-{canary()[-16:]}", "body": body, "kind": "barrier"}
    if rules:
        data["rules"] = rules
    ack = client.call("post_contribution", data)
    assert ack["ok"] is True, ack
    return ack["contribution"]


def connect(app: Any, the_room: Room) -> dict[str, Client]:
    clients = {k: Client(socket_client(app, p.token)) for k, p in the_room.parties.items()}
    clients["F"] = Client(
        facilitator_socket(app, the_room.facilitator.facilitator_id, the_room.workshop_id),
        "/facilitator",
    )
    for client in clients.values():
        client.drain()
    return clients


def test_withheld_items_never_reach_other_companies_sockets(app: Any, deps: Any) -> None:
    the_room = new_room(deps, ("A", "B", "C"))
    a, b = the_room.parties["A"], the_room.parties["B"]
    clients = connect(app, the_room)

    strict, chatham, phased, excluded = (canary(x) for x in ("strict", "chat", "phase", "excl"))
    ids = {
        "strict": post(clients["A"], strict, {"sensitivity": "amber+strict", "recipients": []}),
        "chatham": post(clients["A"], chatham, {"attribution": "chatham"}),
        "phased": post(clients["A"], phased, {"phase_reveal": True}),
        "excluded": post(clients["A"], excluded, {"excluded": [b.company_id]}),
    }
    ids = {k: v["id"] for k, v in ids.items()}
    # The others talk too: their own posts' acks, replays from zero and from the middle.
    for key in "BC":
        post(clients[key], canary(f"own{key}"))
        hello = clients[key].call("hello", {"last_seq": 0})
        assert hello["ok"] is True
        clients[key].call("sync", {"since": 1})

    # B: none of A's withheld bodies, and nothing that names A, anywhere.
    everything_b = clients["B"].everything()
    for body in (strict, phased, excluded):
        assert body not in everything_b
    assert chatham in everything_b  # Chatham House: the content is visible...
    assert a.name not in everything_b  # ...never the company
    assert a.person not in clients["B"].without_presence()  # nor the person
    # C: sees the item that excludes only B (named), still not the others.
    everything_c = clients["C"].everything()
    assert strict not in everything_c and phased not in everything_c
    assert excluded in everything_c and chatham in everything_c
    for key in "BC":
        for view in contribution_views(clients[key]):
            if view["id"] == ids["chatham"]:
                assert view["company"] is None and view["author"] is None, view
            if view["id"] in (ids["strict"], ids["phased"]):
                assert view["body"] is None and view["company"] is None and view["kind"] is None
                assert view["author"] is None and view["created_at"] is None
    # The placeholder is there (default rule), so the room can say "a sealed contribution".
    assert any(
        v["id"] == ids["phased"] and v["visibility"] == "placeholder"
        for v in contribution_views(clients["B"])
    )
    # The author and the facilitator see all of it.
    for key in ("A", "F"):
        text = clients[key].everything()
        assert all(body in text for body in (strict, chatham, phased, excluded)), key

    # The facilitator reveals the round: the phased item reaches B and C, nothing else does.
    workshops.reveal_topic(deps, the_room.facilitator, the_room.workshop_id, the_room.topics[0])
    for key in "BC":
        refresh = [e for e in clients[key].events() if e["type"] == "topic.refresh"]
        assert refresh, f"{key} got no topic.refresh"
        items = {i["id"]: i for i in refresh[-1]["data"]["items"]}
        assert items[ids["phased"]]["body"] == phased
        assert items[ids["phased"]]["company"] == a.name
        assert ids["strict"] not in items or items[ids["strict"]]["body"] is None
    assert strict not in clients["B"].everything() and excluded not in clients["B"].everything()
    assert strict not in clients["C"].everything()
    assert a.person not in dump(
        [v for v in contribution_views(clients["B"]) if v["id"] != ids["phased"]]
    )


def test_replay_after_reconnect_holds_the_same_line(app: Any, deps: Any) -> None:
    """A client away during the posts catches up by hello: rendered for it, now."""
    the_room = new_room(deps, ("A", "B"))
    b = the_room.parties["B"]
    author = Client(socket_client(app, the_room.parties["A"].token))
    secret = canary("away")
    chatham = canary("chat")
    post(author, secret, {"sensitivity": "amber+strict", "recipients": []})
    post(author, chatham, {"attribution": "chatham"})
    post(author, canary("red"), {"sensitivity": "red", "excluded": [b.company_id]})
    late = Client(socket_client(app, b.token))
    hello = late.call("hello", {"last_seq": 0})
    assert hello["ok"] is True
    text = late.everything()
    assert secret not in text and "CANARYRED" not in text
    assert chatham in text
    assert the_room.parties["A"].name not in text


def test_item_shown_as_nothing_is_never_announced(app: Any, deps: Any) -> None:
    """`withheld_view: nothing` means the other companies learn nothing, not even that the
    item exists. Changing its rules (or approving access to it) must not send them an event
    naming it."""
    the_room = new_room(deps, ("A", "B"))
    a, b = the_room.parties["A"], the_room.parties["B"]
    author = Client(socket_client(app, a.token))
    other = Client(socket_client(app, b.token))
    item = post(
        author,
        canary("nothing"),
        {"sensitivity": "amber+strict", "recipients": [], "withheld_view": "nothing"},
    )
    contributions.change_rules(
        deps, a.viewer, item["id"], {"rules": {"attribution": "pseudonymous"}}
    )
    author.drain()
    mentioned = [v for v in contribution_views(other) if v.get("id") == item["id"]]
    hello = other.call("hello", {"last_seq": 0})
    mentioned += [
        e
        for e in hello["events"]
        if isinstance(e["data"], dict) and e["data"].get("id") == item["id"]
    ]
    assert mentioned == [], (
        "a company the item is withheld from (shown as nothing) received an event naming it: "
        f"{mentioned}"
    )
