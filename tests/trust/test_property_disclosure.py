"""Property: random workshops, charters, contributions and viewers, every read channel.

Each example builds a workshop through the real services (2-4 companies, some of which do
not accept the charter; a charter with random default rules; contributions whose rules
are the charter's, tightened at random; random reveals, consent requests and decisions;
random action plans between random parties and answers to the closing questions; maybe
closing), then reads it back as every company, the facilitator and outsiders through the
page and API listings, the summary export (the document and every format: Markdown, JSON,
CSV, ICS, and the PDF's extracted text) and the live replay (the service and a real
`hello` over the Socket.IO test client). A plan's text reaches its parties' exports and
the facilitator's only; a company's answers, its own and the facilitator's.

The expected views come from `Oracle` below, written from the rule text of issue 3, not
from shared.disclosure. Every contribution carries a unique canary body and every company
and person a unique name, so a leak is a substring of the JSON a viewer received.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shared.disclosure import Channel, Viewer
from shared.errors import Conflict, Forbidden, NotFound
from shared.services import consent, contributions, ledger, plans, room, workshops
from shared.services.contributions import KINDS
from shared.summaries import render, summary_document
from tests.trust.support import (
    Party,
    Room,
    canary,
    dump,
    new_facilitator,
    new_room,
    socket_client,
    uid,
)

SENSITIVITIES = ["clear", "green", "amber", "amber+strict", "red"]
ATTRIBUTIONS = ["named", "pseudonymous", "chatham"]
WITHHELD = ["placeholder", "nothing"]
KEYS = "ABCD"

rarely = st.sampled_from([False, False, False, True])


# --- what is generated ---------------------------------------------------------------------


@dataclass(frozen=True)
class RuleSpec:
    """Rules with companies as indices (turned into ids once the workshop exists)."""

    sensitivity: str
    attribution: str
    withheld_view: str
    reciprocity: bool = False
    quorum: int = 0
    phase_reveal: bool = False
    consent: bool = False
    aggregate_only: bool = False
    recipients: frozenset[int] = frozenset()
    excluded: frozenset[int] = frozenset()
    owners: frozenset[int] = frozenset()
    consent_k: int = 1


@dataclass(frozen=True)
class ItemSpec:
    author: int
    topic: int
    kind: str
    rules: RuleSpec
    send_rules: bool  # False: post without rules (the charter's apply)


@dataclass(frozen=True)
class RequestSpec:
    requester: int
    item: int
    votes: tuple[bool, ...]  # each owner's decision, in owner order


@dataclass(frozen=True)
class Scenario:
    n: int
    accepted: tuple[bool, ...]
    charter: RuleSpec
    downloads_allowed: bool
    n_topics: int
    items: tuple[ItemSpec, ...]
    revealed: frozenset[int]
    requests: tuple[RequestSpec, ...]
    close: bool
    plans: tuple[frozenset[int], ...] = ()  # each plan's parties (company indices)
    feedback: frozenset[int] = frozenset()  # companies that answer the closing questions


def subsets(n: int, max_size: int | None = None) -> st.SearchStrategy[frozenset[int]]:
    return st.frozensets(st.integers(0, n - 1), max_size=max_size if max_size is not None else n)


@st.composite
def charter_rules(draw: st.DrawFn, n: int) -> RuleSpec:
    return RuleSpec(
        sensitivity=draw(st.sampled_from(SENSITIVITIES)),
        attribution=draw(st.sampled_from(ATTRIBUTIONS)),
        withheld_view=draw(st.sampled_from(WITHHELD)),
        reciprocity=draw(rarely),
        quorum=draw(st.sampled_from([0, 0, 0, 2, 3])),
        phase_reveal=draw(rarely),
        consent=draw(rarely),
        aggregate_only=draw(st.sampled_from([False] * 6 + [True])),
        recipients=draw(subsets(n)),
        excluded=draw(subsets(n, 1)),
    )


@st.composite
def tightened(draw: st.DrawFn, base: RuleSpec, n: int) -> RuleSpec:
    """The charter's rules made stricter (or left alone), never looser."""
    sensitivity = draw(st.sampled_from(SENSITIVITIES[SENSITIVITIES.index(base.sensitivity) :]))
    if sensitivity == "amber+strict" and base.sensitivity == "amber+strict":
        recipients = draw(st.frozensets(st.sampled_from(sorted(base.recipients) or [0])))
        recipients &= base.recipients
    elif sensitivity == "amber+strict":
        recipients = draw(subsets(n))
    else:
        recipients = base.recipients
    is_consent = base.consent or draw(rarely)
    owners = draw(subsets(n, 2)) if is_consent else frozenset()
    return RuleSpec(
        sensitivity=sensitivity,
        attribution=draw(st.sampled_from(ATTRIBUTIONS[ATTRIBUTIONS.index(base.attribution) :])),
        withheld_view=draw(st.sampled_from(WITHHELD[WITHHELD.index(base.withheld_view) :])),
        reciprocity=base.reciprocity or draw(rarely),
        quorum=base.quorum + draw(st.sampled_from([0, 0, 0, 1, 2])),
        phase_reveal=base.phase_reveal or draw(rarely),
        consent=is_consent,
        aggregate_only=base.aggregate_only or draw(st.sampled_from([False] * 8 + [True])),
        recipients=recipients,
        excluded=base.excluded | draw(subsets(n, 1)),
        owners=owners,
        consent_k=draw(st.integers(1, len(owners) + 1)) if is_consent else 1,
    )


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    n = draw(st.integers(2, 4))
    accepted = (True, *(draw(st.sampled_from([True, True, True, False])) for _ in range(n - 1)))
    charter = draw(charter_rules(n))
    n_topics = draw(st.integers(1, 3))
    authors = [i for i in range(n) if accepted[i]]
    items = draw(
        st.lists(
            st.builds(
                ItemSpec,
                author=st.sampled_from(authors),
                topic=st.integers(0, n_topics - 1),
                kind=st.sampled_from(KINDS),
                rules=tightened(charter, n),
                send_rules=st.sampled_from([True, True, True, False]),
            ),
            min_size=1,
            max_size=7,
        )
    )
    requests = draw(
        st.lists(
            st.builds(
                RequestSpec,
                requester=st.integers(0, n - 1),
                item=st.integers(0, len(items) - 1),
                votes=st.tuples(*[st.sampled_from([True, True, False])] * 4),
            ),
            max_size=4,
        )
    )
    return Scenario(
        n=n,
        accepted=accepted,
        charter=charter,
        downloads_allowed=draw(st.sampled_from([True, True, False])),
        n_topics=n_topics,
        items=tuple(items),
        revealed=draw(st.frozensets(st.integers(0, n_topics - 1))),
        requests=tuple(requests),
        close=draw(st.booleans()),
        plans=tuple(draw(st.lists(subsets(n).filter(lambda s: len(s) >= 2), max_size=2))),
        feedback=draw(subsets(n)),
    )


# --- the oracle: the rule text, written out --------------------------------------


@dataclass(frozen=True)
class Expected:
    visibility: str  # full | placeholder
    kind: str | None = None
    body: str | None = None
    company: str | None = None
    author: str | None = None
    own: bool = False


@dataclass
class Posted:
    id: int
    spec: ItemSpec
    party: Party
    body: str
    topic_id: int


@dataclass
class Oracle:
    parties: list[Party]
    accepted: tuple[bool, ...]
    items: list[Posted] = field(default_factory=list)
    participation: dict[int, set[int]] = field(default_factory=dict)  # topic -> companies
    revealed: set[int] = field(default_factory=set)  # topic ids
    granted: set[tuple[int, int]] = field(default_factory=set)  # (item id, company index)
    closed: bool = False
    # Plans (issue 6): their parties and the canaries in their text; closing answers.
    plans: list[tuple[frozenset[int], list[str]]] = field(default_factory=list)
    feedback: dict[int, str] = field(default_factory=dict)

    def plan_canaries(self, viewer: int | None) -> tuple[list[str], list[str]]:
        """(canaries this viewer's export must hold, canaries it must not)."""
        shown, hidden = [], []
        for parties, texts in self.plans:
            party = viewer is None or (viewer in parties and self.accepted[viewer])
            (shown if party else hidden).extend(texts)
        for company, text in self.feedback.items():
            (shown if viewer is None or viewer == company else hidden).append(text)
        return shown, hidden

    def withheld_by(self, viewer: int, item: Posted) -> list[str]:
        """Why a company other than the author may not see the item (empty: it may)."""
        r, reasons = item.spec.rules, []
        if r.sensitivity == "amber+strict" and viewer not in r.recipients:
            reasons.append("amber+strict")  # only the companies the author names
        if viewer in r.excluded:
            reasons.append("excluded")  # never to the named companies
        if r.phase_reveal and item.topic_id not in self.revealed:
            reasons.append("phase")  # when the facilitator opens the reveal
        contributors = self.participation.get(item.topic_id, set())
        if r.reciprocity and viewer not in contributors:
            reasons.append("reciprocity")  # give to receive
        if len(contributors) < r.quorum:
            reasons.append("quorum")  # k companies first, then all at once
        if r.consent and (item.id, viewer) not in self.granted:
            reasons.append("consent")  # the owners approve a request
        return reasons

    def requestable(self, viewer: int, item: Posted) -> bool:
        """A company may ask for an item it sees as a placeholder held back only by consent."""
        return (
            self.accepted[viewer]
            and viewer != item.spec.author
            and item.spec.rules.withheld_view == "placeholder"
            and not item.spec.rules.aggregate_only
            and self.withheld_by(viewer, item) == ["consent"]
        )

    def company_view(self, viewer: int, item: Posted, channel: Channel) -> Expected | None:
        r = item.spec.rules
        if not self.accepted[viewer]:
            return None  # no charter, no contributions
        if r.sensitivity == "red" and (self.closed or channel not in (Channel.LIVE, Channel.PAGE)):
            return None  # on screen in the live session only; shredded at close
        kind = item.spec.kind
        # Chatham House: once the attribution key is destroyed at close, nothing links the
        # item to its author's company any more, so the author is treated as any company.
        if viewer == item.spec.author and not (r.attribution == "chatham" and self.closed):
            return Expected("full", kind, item.body, item.party.name, item.party.person, own=True)
        if (r.sensitivity == "amber+strict" and viewer not in r.recipients) or (
            viewer in r.excluded
        ):
            return Expected("placeholder") if r.withheld_view == "placeholder" else None
        if r.aggregate_only:
            return Expected("placeholder", kind)  # counts per topic and kind, nothing else
        if self.withheld_by(viewer, item):
            return Expected("placeholder") if r.withheld_view == "placeholder" else None
        if r.attribution == "named":
            return Expected("full", kind, item.body, item.party.name, item.party.person)
        if r.attribution == "pseudonymous":
            return Expected("full", kind, item.body, item.party.alias, None)
        return Expected("full", kind, item.body, None, None)  # Chatham House

    def facilitator_view(self, item: Posted, channel: Channel) -> Expected | None:
        r = item.spec.rules
        if r.sensitivity == "red" and (self.closed or channel not in (Channel.LIVE, Channel.PAGE)):
            return None
        kind = item.spec.kind
        if r.attribution == "chatham" and self.closed:
            return Expected("full", kind, item.body, None, None)  # attribution key destroyed
        return Expected("full", kind, item.body, item.party.name, item.party.person)

    def views(self, viewer: int | None, channel: Channel) -> dict[int, Expected]:
        out = {}
        for item in self.items:
            view = (
                self.facilitator_view(item, channel)
                if viewer is None
                else self.company_view(viewer, item, channel)
            )
            if view is not None:
                out[item.id] = view
        return out


def received(view: dict[str, Any]) -> Expected:
    return Expected(
        view["visibility"],
        view.get("kind"),
        view.get("body"),
        view.get("company"),
        view.get("author"),
        view["own"],
    )


def as_map(views: list[dict[str, Any]]) -> dict[int, Expected]:
    out: dict[int, Expected] = {}
    for view in views:
        got = received(view)
        assert out.setdefault(view["id"], got) == got, f"item {view['id']} rendered two ways"
    return out


def live_views(events: list[dict[str, Any]]) -> dict[int, Expected]:
    """Contribution views in a replay, whichever event carried them."""
    views = []
    for event in events:
        data = event["data"]
        if event["type"] in ("contribution.created", "contribution.updated"):
            if data.get("visibility") != "none":
                views.append(data)
        elif event["type"] == "topic.refresh":
            views.extend(data["items"])
    return as_map(views)


def assert_no_leak(
    text: str,
    oracle: Oracle,
    expected: dict[int, Expected],
    allowed_names: set[str],
    where: str,
) -> None:
    """No canary of an item this viewer may not read; no company or person name it may not
    learn (names allowed: its own, those the visible items show, plus `allowed_names`)."""
    for item in oracle.items:
        if expected.get(item.id, Expected("none")).visibility != "full":
            assert item.body not in text, f"{where}: body of withheld item {item.id} leaked"
    shown = {v.company for v in expected.values()} | {v.author for v in expected.values()}
    for party in oracle.parties:
        for name in (party.name, party.person):
            if name not in shown and name not in allowed_names:
                assert name not in text, f"{where}: the name {name} leaked"


# --- building a scenario through the real services ----------------------------------------


def cast_for(deps: Any) -> dict[str, Any]:
    """Facilitators and an outside workshop, made once per app and database (argon2 is
    slow); kept on the Deps object, which lives exactly as long as both."""
    cast: dict[str, Any] | None = getattr(deps, "_trust_cast", None)
    if cast is None:
        mine = new_facilitator(deps)
        other = new_facilitator(deps)
        outside = new_room(deps, ("X",), facilitator=other)
        cast = {"mine": mine, "other": other[0], "outside": outside.parties["X"]}
        deps._trust_cast = cast
    return cast


def rules_payload(spec: RuleSpec, ids: list[int]) -> dict[str, Any]:
    def as_ids(indices: frozenset[int]) -> list[int]:
        return sorted(ids[i] for i in indices)

    return {
        "sensitivity": spec.sensitivity,
        "attribution": spec.attribution,
        "withheld_view": spec.withheld_view,
        "reciprocity": spec.reciprocity,
        "quorum": spec.quorum,
        "phase_reveal": spec.phase_reveal,
        "consent": spec.consent,
        "aggregate_only": spec.aggregate_only,
        "recipients": as_ids(spec.recipients),
        "excluded": as_ids(spec.excluded),
        "owners": as_ids(spec.owners),
        "consent_k": spec.consent_k,
    }


def build(deps: Any, sc: Scenario) -> tuple[Room, Oracle]:
    keys = tuple(KEYS[: sc.n])
    charter = {
        "sensitivity": sc.charter.sensitivity,
        "attribution": sc.charter.attribution,
        "withheld_view": sc.charter.withheld_view,
        "reciprocity": sc.charter.reciprocity,
        "quorum": str(sc.charter.quorum),
        "phase_reveal": sc.charter.phase_reveal,
        "consent": sc.charter.consent,
        "aggregate_only": sc.charter.aggregate_only,
        "recipients": [keys[i] for i in sorted(sc.charter.recipients)],
        "excluded": [keys[i] for i in sorted(sc.charter.excluded)],
        "downloads_allowed": sc.downloads_allowed,
        "retention_days": "30",
    }
    accept = tuple(k for k, ok in zip(keys, sc.accepted, strict=True) if ok)
    the_room = new_room(
        deps,
        keys,
        facilitator=cast_for(deps)["mine"],
        charter=charter,
        accept=accept,
        topic=False,
    )
    parties = [the_room.parties[k] for k in keys]
    ids = [p.company_id for p in parties]
    oracle = Oracle(parties, sc.accepted)
    topics = [the_room.open_topic() for _ in range(sc.n_topics)]
    for spec in sc.items:
        body = canary(f"i{len(oracle.items)}")
        view = the_room.post(
            keys[spec.author],
            body,
            rules=rules_payload(spec.rules, ids) if spec.send_rules else None,
            topic_id=topics[spec.topic],
            kind=spec.kind,
        )
        effective = (
            spec
            if spec.send_rules
            else ItemSpec(spec.author, spec.topic, spec.kind, sc.charter, False)
        )
        oracle.items.append(
            Posted(view["id"], effective, parties[spec.author], body, topics[spec.topic])
        )
        oracle.participation.setdefault(topics[spec.topic], set()).add(spec.author)
    for t in sorted(sc.revealed):
        workshops.reveal_topic(deps, the_room.facilitator, the_room.workshop_id, topics[t])
        oracle.revealed.add(topics[t])
    for req in sc.requests:
        run_request(deps, oracle, parties, req)
    for members in sc.plans:
        texts = [canary("plan"), canary("step"), canary("gives")]
        plans.create(
            deps,
            the_room.facilitator,
            the_room.workshop_id,
            {
                "title": texts[0],
                "objective": "objective",
                "parties": [
                    {"company_id": ids[i], "gives": texts[2] if i == min(members) else ""}
                    for i in sorted(members)
                ],
                "steps": [
                    {"title": texts[1], "due": "2027-01-15", "owner_company_id": ids[min(members)]}
                ],
            },
        )
        oracle.plans.append((members, texts))
    for index in sorted(sc.feedback):
        answer = {"useful": 3, "did_benchmarking": "no", "comment": canary("feedback")}
        if not sc.accepted[index]:
            with pytest.raises(Conflict):  # nothing before the charter is accepted
                ledger.save_feedback(deps, parties[index].viewer, the_room.workshop_id, answer)
            continue
        oracle.feedback[index] = answer["comment"]
        ledger.save_feedback(deps, parties[index].viewer, the_room.workshop_id, answer)
    if sc.close:
        workshops.close_workshop(deps, the_room.facilitator, the_room.workshop_id)
        oracle.closed = True
    return the_room, oracle


def run_request(deps: Any, oracle: Oracle, parties: list[Party], req: RequestSpec) -> None:
    item = oracle.items[req.item]
    asker = parties[req.requester]
    if oracle.company_view(req.requester, item, Channel.PAGE) is not None and (
        oracle.company_view(req.requester, item, Channel.PAGE).visibility == "full"
    ):
        assert consent.request_access(deps, asker.viewer, item.id) == "approved"
        return
    if not oracle.requestable(req.requester, item):
        with pytest.raises(NotFound):
            consent.request_access(deps, asker.viewer, item.id)
        return
    status = consent.request_access(deps, asker.viewer, item.id)
    if status != "pending":
        return  # asked before in this example: already decided
    owners = sorted({item.spec.author, *item.spec.rules.owners})
    approvals: set[int] = set()
    expected = "pending"
    for owner, vote in zip(owners, req.votes, strict=False):
        pending = [
            r
            for r in consent.pending_for_owner(deps, parties[owner].viewer)
            if r.contribution_id == item.id and r.requester == asker.name
        ]
        assert len(pending) == 1, "the owner should see the request"
        assert item.body.startswith(pending[0].excerpt)  # its own item
        if vote:
            approvals.add(owner)
            expected = "approved" if len(approvals) >= item.spec.rules.consent_k else "pending"
        else:
            expected = "declined"
        assert consent.decide(deps, parties[owner].viewer, pending[0].id, vote) == expected
        if expected != "pending":
            break
    if expected == "approved":
        oracle.granted.add((item.id, req.requester))


# --- reading it back -----------------------------------------------------------------------

LISTING_CHANNELS = (Channel.PAGE, Channel.API)


def check_export(
    deps: Any, viewer: Viewer, the_room: Room, oracle: Oracle, index: int | None, listed: set[str]
) -> None:
    """The summary document (no ids: rows in topic then posting order) and its files."""
    expected = oracle.views(index, Channel.EXPORT)
    rows = []
    for item in sorted(oracle.items, key=lambda i: (i.topic_id, i.id)):
        view = expected.get(item.id)
        if view is None:
            continue
        if view.visibility == "full":
            who = " · ".join(x for x in (view.company, view.author) if x) or None
            rows.append((view.kind, view.body, who))
        else:
            rows.append((view.kind or "idea", None, None))
    doc = summary_document(deps, viewer, the_room.workshop_id)
    got = [(c.kind, c.body, c.attribution) for t in doc.topics for c in t.contributions]
    where = f"{'facilitator' if index is None else oracle.parties[index].key} export"
    assert got == rows, where
    files = "".join(render(doc, fmt)[0].decode("utf-8-sig") for fmt in ("md", "json", "csv", "ics"))
    pdf = pdf_text(render(doc, "pdf")[0])
    assert_no_leak(repr(doc) + files + pdf, oracle, expected, listed, where)
    shown, hidden = oracle.plan_canaries(index)
    for text in hidden:
        assert text not in files + pdf, f"{where}: a plan or answer of others leaked"
    for text in shown:
        assert text in files, f"{where}: its own plan or answer is missing"


def pdf_text(pdf: bytes) -> str:
    """The PDF's text as a reader's copy-paste would find it (poppler's pdftotext)."""
    done = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return done.stdout.decode("utf-8", "replace")


def check_company(app: Any, the_room: Room, oracle: Oracle, index: int, sc: Scenario) -> None:
    deps, party = the_room.deps, oracle.parties[index]
    own = {party.name, party.person}
    for channel in LISTING_CHANNELS:
        got = contributions.list_contributions(deps, party.viewer, the_room.workshop_id, channel)
        expected = oracle.views(index, channel)
        assert as_map(got) == expected, (party.key, channel)
        assert_no_leak(dump(got), oracle, expected, own, f"{party.key} {channel}")

    if not sc.downloads_allowed:
        with pytest.raises(Forbidden):
            summary_document(deps, party.viewer, the_room.workshop_id)
    else:
        # Under a named charter the export lists the participating companies and people.
        listed = (
            {n for p in oracle.parties for n in (p.name, p.person)}
            if sc.charter.attribution == "named"
            else set()
        )
        check_export(deps, party.viewer, the_room, oracle, index, own | listed)

    expected = oracle.views(index, Channel.LIVE)
    replayed = room.replay(deps, party.viewer, the_room.workshop_id, 0).events
    assert live_views(replayed) == expected, (party.key, "live replay")
    # Plans name their parties as the charter names companies: by name only when named.
    if sc.charter.attribution == "named":
        own = own | {p.name for p in oracle.parties}
    assert_no_leak(dump(replayed), oracle, expected, own, f"{party.key} replay")
    _, hidden = oracle.plan_canaries(index)
    assert not [t for t in hidden if t in dump(replayed)], f"{party.key}: others' plan, live"

    client = socket_client(app, party.token)
    try:
        ack = client.emit("hello", {"last_seq": 0}, namespace="/participant", callback=True)
        pushed = client.get_received("/participant")
    finally:
        client.disconnect(namespace="/participant")
    assert ack["ok"] is True
    assert live_views(ack["events"]) == expected, (party.key, "socket hello")
    assert_no_leak(dump([ack, pushed]), oracle, expected, own, f"{party.key} socket")
    assert not [t for t in hidden if t in dump([ack, pushed])], f"{party.key}: plan on socket"


def check_facilitator(the_room: Room, oracle: Oracle) -> None:
    deps, actor = the_room.deps, the_room.facilitator
    everyone = {n for p in oracle.parties for n in (p.name,)}
    for channel in LISTING_CHANNELS:
        got = contributions.list_contributions(deps, actor, the_room.workshop_id, channel)
        expected = oracle.views(None, channel)
        assert as_map(got) == expected, ("facilitator", channel)
        assert_no_leak(dump(got), oracle, expected, everyone, f"facilitator {channel}")
    listed = {n for p in oracle.parties for n in (p.name, p.person)}
    check_export(deps, actor, the_room, oracle, None, listed)
    replayed = room.replay(deps, actor, the_room.workshop_id, 0).events
    expected = oracle.views(None, Channel.LIVE)
    assert live_views(replayed) == expected, ("facilitator", "live")
    assert_no_leak(dump(replayed), oracle, expected, everyone, "facilitator replay")


def check_outsiders(the_room: Room, deps: Any) -> None:
    cast = cast_for(deps)
    outsider: Party = cast["outside"]
    for viewer in (
        outsider.viewer,
        cast["other"],
        Viewer.for_company(outsider.workshop_id, outsider.company_id),
    ):
        for channel in (*LISTING_CHANNELS, Channel.LIVE, Channel.EXPORT):
            with pytest.raises(NotFound):
                contributions.list_contributions(deps, viewer, the_room.workshop_id, channel)
        with pytest.raises(NotFound):
            summary_document(deps, viewer, the_room.workshop_id)
        with pytest.raises(NotFound):
            room.replay(deps, viewer, the_room.workshop_id, 0)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(sc=scenarios())
def test_every_viewer_gets_exactly_what_the_rules_allow(app: Any, sc: Scenario) -> None:
    deps = app.extensions["tertulia"]
    the_room, oracle = build(deps, sc)
    for index in range(sc.n):
        check_company(app, the_room, oracle, index, sc)
    check_facilitator(the_room, oracle)
    check_outsiders(the_room, deps)


def test_same_query_different_viewers_different_sets(app: Any) -> None:
    """A fixed example where every viewer's set differs: the property's sanity anchor."""
    deps = app.extensions["tertulia"]
    the_room = new_room(deps, ("A", "B", "C"))
    a, b, c = (the_room.parties[k] for k in "ABC")
    bodies = {name: canary(name) for name in ("strict_b", "excl_b", "named", "chatham")}
    ids = {
        "strict_b": the_room.post(
            "A", bodies["strict_b"], {"sensitivity": "amber+strict", "recipients": [b.company_id]}
        )["id"],
        "excl_b": the_room.post("A", bodies["excl_b"], {"excluded": [b.company_id]})["id"],
        "named": the_room.post("C", bodies["named"])["id"],
        "chatham": the_room.post("B", bodies["chatham"], {"attribution": "chatham"})["id"],
    }

    def visible(viewer: Viewer) -> set[int]:
        views = contributions.list_contributions(deps, viewer, the_room.workshop_id, Channel.API)
        return {v["id"] for v in views if v["visibility"] == "full"}

    assert visible(a.viewer) == set(ids.values())
    assert visible(b.viewer) == {ids["strict_b"], ids["named"], ids["chatham"]}
    assert visible(c.viewer) == {ids["excl_b"], ids["named"], ids["chatham"]}
    assert visible(the_room.facilitator) == set(ids.values())
    seen_by_c = contributions.list_contributions(deps, c.viewer, the_room.workshop_id, Channel.API)
    chatham = next(v for v in seen_by_c if v["id"] == ids["chatham"])
    assert chatham["company"] is None and chatham["author"] is None
    assert b.name not in dump(seen_by_c) and b.person not in dump(seen_by_c)
    assert uid()  # names stay unique across examples


def test_pseudonymous_alias_is_not_derivable_from_the_company_list(app: Any) -> None:
    """A pseudonymous item shows "Empresa X" (in a Spanish workshop). Every participant's
    room page lists the other companies with their ids (the AMBER+STRICT and exclusion
    choices), so an alias handed out in the order companies were added ("Empresa A" to the
    first id, "Empresa B" to the second...) names the company behind it. With eight
    companies the chance that a random assignment is exactly the creation order is
    1/40320."""
    deps = app.extensions["tertulia"]
    keys = tuple("ABCDEFGH")
    the_room = new_room(deps, keys, language="es")
    in_id_order = sorted(the_room.parties.values(), key=lambda p: p.company_id)
    word = workshops.alias_word("es")
    creation_order = [f"{word} {letter}" for letter in "ABCDEFGH"]
    assert all(p.alias.startswith(word + " ") for p in in_id_order)
    assert [p.alias for p in in_id_order] != creation_order, (
        "aliases follow the companies' id order: anyone who sees the company list "
        "(every room page) can map an alias back to the company"
    )


def test_consent_request_round_trip(app: Any) -> None:
    """A pinned example of the consent path the property samples: B asks, the owners (A and
    co-owner C, 2 of 2) approve, and only then B reads the item; D never does. The owners
    are shown the request with an excerpt of the item's text (their own item)."""
    deps = app.extensions["tertulia"]
    the_room = new_room(deps, ("A", "B", "C", "D"))
    a, b, c, d = (the_room.parties[k] for k in "ABCD")
    body = canary("consent")
    item = the_room.post("A", body, {"consent": True, "owners": [c.company_id], "consent_k": 2})[
        "id"
    ]

    def sees(viewer: Viewer) -> bool:
        views = contributions.list_contributions(deps, viewer, the_room.workshop_id, Channel.API)
        return body in dump(views)

    assert not sees(b.viewer) and not sees(d.viewer) and sees(a.viewer)
    assert consent.request_access(deps, b.viewer, item) == "pending"
    for owner, expected in ((a, "pending"), (c, "approved")):
        (pending,) = consent.pending_for_owner(deps, owner.viewer)
        assert pending.contribution_id == item and pending.requester == b.name
        assert pending.excerpt == body, f"the excerpt is not the item's text: {pending.excerpt!r}"
        assert consent.decide(deps, owner.viewer, pending.id, True) == expected
        assert sees(b.viewer) is (expected == "approved")
    assert not sees(d.viewer)
    assert consent.pending_for_owner(deps, d.viewer) == []
