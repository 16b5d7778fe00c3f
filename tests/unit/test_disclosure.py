"""The disclosure gate as a table of cases: one row per rule, viewer and channel."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from shared.disclosure import (
    Body,
    Channel,
    ItemFacts,
    Names,
    RoomFacts,
    Shown,
    Viewer,
    ViewerFacts,
    Visibility,
    decide,
    render,
)
from shared.rules import Attribution, Rules, Sensitivity, WithheldView

AUTHOR, OTHER, THIRD = 100, 200, 300
TOPIC = 7
FAC = Viewer(facilitator_id=10)


def company(cid: int, accepted: bool = True, granted: frozenset[int] = frozenset()) -> ViewerFacts:
    return ViewerFacts(
        Viewer(participant_id=cid * 10, company_id=cid, workshop_id=1),
        accepted_charter=accepted,
        granted=granted,
    )


def item(rules: Rules, *, chatham_tag: bool = False, shredded: bool = False) -> ItemFacts:
    return ItemFacts(
        5,
        1,
        TOPIC,
        "bad_practice",
        datetime(2026, 12, 1, tzinfo=UTC),
        rules,
        None if chatham_tag else AUTHOR,
        "tag-author",
        shredded,
    )


def room(
    status: str = "open", contributors: frozenset[int] = frozenset({AUTHOR}), revealed: bool = False
) -> RoomFacts:
    return RoomFacts(
        1,
        frozenset({10}),
        status,
        {TOPIC: contributors},
        frozenset({TOPIC}) if revealed else frozenset(),
    )


R = Rules
CASES: list[tuple[str, ViewerFacts, Rules, RoomFacts, Channel, Visibility]] = [
    (
        "default AMBER: other company sees",
        company(OTHER),
        R(),
        room(),
        Channel.PAGE,
        Visibility.FULL,
    ),
    (
        "charter not accepted: nothing",
        company(OTHER, accepted=False),
        R(),
        room(),
        Channel.PAGE,
        Visibility.NONE,
    ),
    ("outsider", ViewerFacts(Viewer()), R(), room(), Channel.PAGE, Visibility.NONE),
    (
        "other workshop's company",
        ViewerFacts(Viewer(company_id=OTHER, workshop_id=2), accepted_charter=True),
        R(),
        room(),
        Channel.PAGE,
        Visibility.NONE,
    ),
    (
        "other facilitator",
        ViewerFacts(Viewer(facilitator_id=11)),
        R(),
        room(),
        Channel.PAGE,
        Visibility.NONE,
    ),
    (
        "RED live while open",
        company(OTHER),
        R(Sensitivity.RED),
        room(),
        Channel.LIVE,
        Visibility.FULL,
    ),
    (
        "RED never exported",
        company(OTHER),
        R(Sensitivity.RED),
        room(),
        Channel.EXPORT,
        Visibility.NONE,
    ),
    (
        "RED never exported, even own",
        company(AUTHOR),
        R(Sensitivity.RED),
        room(),
        Channel.EXPORT,
        Visibility.NONE,
    ),
    (
        "RED not in the API",
        company(OTHER),
        R(Sensitivity.RED),
        room(),
        Channel.API,
        Visibility.NONE,
    ),
    (
        "RED after close",
        company(OTHER),
        R(Sensitivity.RED),
        room("closed"),
        Channel.PAGE,
        Visibility.NONE,
    ),
    (
        "RED to facilitator live",
        ViewerFacts(FAC),
        R(Sensitivity.RED),
        room(),
        Channel.LIVE,
        Visibility.FULL,
    ),
    (
        "RED not in facilitator export",
        ViewerFacts(FAC),
        R(Sensitivity.RED),
        room(),
        Channel.EXPORT,
        Visibility.NONE,
    ),
    (
        "AMBER+STRICT unnamed",
        company(OTHER),
        R(Sensitivity.AMBER_STRICT),
        room(),
        Channel.PAGE,
        Visibility.PLACEHOLDER,
    ),
    (
        "AMBER+STRICT named",
        company(OTHER),
        R(Sensitivity.AMBER_STRICT, recipients=frozenset({OTHER})),
        room(),
        Channel.PAGE,
        Visibility.FULL,
    ),
    (
        "AMBER+STRICT to facilitator",
        ViewerFacts(FAC),
        R(Sensitivity.AMBER_STRICT),
        room(),
        Channel.EXPORT,
        Visibility.FULL,
    ),
    (
        "AMBER not shareable",
        company(OTHER),
        R(Sensitivity.AMBER),
        room(),
        Channel.SHAREABLE,
        Visibility.NONE,
    ),
    (
        "GREEN shareable",
        company(OTHER),
        R(Sensitivity.GREEN),
        room(),
        Channel.SHAREABLE,
        Visibility.FULL,
    ),
    (
        "excluded",
        company(OTHER),
        R(excluded=frozenset({OTHER})),
        room(),
        Channel.PAGE,
        Visibility.PLACEHOLDER,
    ),
    (
        "excluded, nothing shown",
        company(OTHER),
        R(excluded=frozenset({OTHER}), withheld_view=WithheldView.NOTHING),
        room(),
        Channel.PAGE,
        Visibility.NONE,
    ),
    (
        "excluded is not the third company",
        company(THIRD),
        R(excluded=frozenset({OTHER})),
        room(),
        Channel.PAGE,
        Visibility.FULL,
    ),
    (
        "aggregate only",
        company(OTHER),
        R(aggregate_only=True),
        room(),
        Channel.PAGE,
        Visibility.PLACEHOLDER,
    ),
    (
        "phase before reveal",
        company(OTHER),
        R(phase_reveal=True),
        room(),
        Channel.LIVE,
        Visibility.PLACEHOLDER,
    ),
    (
        "phase before reveal, own visible",
        company(AUTHOR),
        R(phase_reveal=True),
        room(),
        Channel.LIVE,
        Visibility.FULL,
    ),
    (
        "phase after reveal",
        company(OTHER),
        R(phase_reveal=True),
        room(revealed=True),
        Channel.LIVE,
        Visibility.FULL,
    ),
    (
        "reciprocity: has not given",
        company(OTHER),
        R(reciprocity=True),
        room(),
        Channel.PAGE,
        Visibility.PLACEHOLDER,
    ),
    (
        "reciprocity: has given",
        company(OTHER),
        R(reciprocity=True),
        room(contributors=frozenset({AUTHOR, OTHER})),
        Channel.PAGE,
        Visibility.FULL,
    ),
    (
        "quorum not reached",
        company(OTHER),
        R(quorum=3),
        room(contributors=frozenset({AUTHOR, OTHER})),
        Channel.PAGE,
        Visibility.PLACEHOLDER,
    ),
    (
        "quorum reached",
        company(OTHER),
        R(quorum=3),
        room(contributors=frozenset({AUTHOR, OTHER, THIRD})),
        Channel.PAGE,
        Visibility.FULL,
    ),
    (
        "consent not granted",
        company(OTHER),
        R(consent=True),
        room(),
        Channel.PAGE,
        Visibility.PLACEHOLDER,
    ),
    (
        "consent granted",
        company(OTHER, granted=frozenset({5})),
        R(consent=True),
        room(),
        Channel.PAGE,
        Visibility.FULL,
    ),
]


@pytest.mark.parametrize(
    ("label", "facts", "rules", "room_", "channel", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_decision_table(
    label: str,
    facts: ViewerFacts,
    rules: Rules,
    room_: RoomFacts,
    channel: Channel,
    expected: Visibility,
) -> None:
    assert decide(facts, room_, item(rules), channel).visibility is expected


def test_placeholder_carries_no_text_kind_time_or_author() -> None:
    opened: list[int] = []
    decision = decide(company(OTHER), room(), item(R(consent=True)), Channel.PAGE)
    view = render(
        decision,
        item(R(consent=True)),
        lambda: opened.append(1) or Body("secret"),
        Names(lambda: "Alfa", lambda: "Company A", lambda: "Luis"),
    )
    assert view is not None and view.visibility is Visibility.PLACEHOLDER
    assert (view.body, view.kind, view.created_at, view.company, view.author) == (None,) * 5
    assert view.can_request is True and opened == []


@pytest.mark.parametrize(
    ("attribution", "company_", "author"),
    [
        (Attribution.NAMED, "Alfa", "Luis"),
        (Attribution.PSEUDONYMOUS, "Company A", None),
        (Attribution.CHATHAM, None, None),
    ],
)
def test_attribution_modes_for_another_company(
    attribution: Attribution, company_: str | None, author: str | None
) -> None:
    rules = R(attribution=attribution)
    view = render(
        decide(company(OTHER), room(), item(rules), Channel.PAGE),
        item(rules),
        lambda: Body("text"),
        Names(lambda: "Alfa", lambda: "Company A", lambda: "Luis"),
    )
    assert view is not None and (view.company, view.author) == (company_, author)


def test_chatham_author_recognises_own_item_by_tag() -> None:
    facts = ViewerFacts(
        Viewer(participant_id=1, company_id=AUTHOR, workshop_id=1),
        accepted_charter=True,
        own_tags=frozenset({"tag-author"}),
    )
    rules = R(attribution=Attribution.CHATHAM, phase_reveal=True)
    decision = decide(facts, room(), item(rules, chatham_tag=True), Channel.LIVE)
    assert decision.visibility is Visibility.FULL and decision.own


def test_facilitator_reads_of_restricting_items_are_flagged_for_the_log() -> None:
    assert decide(ViewerFacts(FAC), room(), item(R(consent=True)), Channel.PAGE).logged_read
    assert not decide(ViewerFacts(FAC), room(), item(R()), Channel.PAGE).logged_read
    assert decide(ViewerFacts(FAC), room(), item(R()), Channel.PAGE).shown is Shown.NAMED


def test_shredded_items_are_nothing_to_anyone() -> None:
    for facts in (ViewerFacts(FAC), company(AUTHOR), company(OTHER)):
        assert (
            decide(facts, room(), item(R(), shredded=True), Channel.PAGE).visibility
            is Visibility.NONE
        )


def test_aggregate_only_items_are_counted_by_kind_and_nothing_more() -> None:
    rules = R(aggregate_only=True)
    decision = decide(company(OTHER), room(), item(rules), Channel.PAGE)
    view = render(
        decision,
        item(rules),
        lambda: Body("secret"),
        Names(lambda: "Alfa", lambda: "Company A", lambda: "Luis"),
    )
    assert view is not None and view.visibility is Visibility.PLACEHOLDER
    assert view.kind == "bad_practice" and view.body is None and view.company is None


def test_held_items_reach_only_their_author_and_the_facilitator() -> None:
    held = ItemFacts(
        5, 1, TOPIC, "idea", datetime(2026, 12, 1, tzinfo=UTC), R(), AUTHOR, "t", status="held"
    )
    assert decide(company(OTHER), room(), held, Channel.LIVE).visibility is Visibility.NONE
    assert decide(company(AUTHOR), room(), held, Channel.LIVE).moderation
    assert decide(ViewerFacts(FAC), room(), held, Channel.LIVE).visibility is Visibility.FULL


def test_withdrawn_items_are_gone_for_everyone() -> None:
    gone = ItemFacts(
        5, 1, TOPIC, "idea", datetime(2026, 12, 1, tzinfo=UTC), R(), AUTHOR, "t", withdrawn=True
    )
    for facts in (ViewerFacts(FAC), company(AUTHOR), company(OTHER)):
        assert decide(facts, room(), gone, Channel.PAGE).visibility is Visibility.NONE


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        (R(), Visibility.FULL),
        (R(Sensitivity.RED), Visibility.FULL),  # on screen, in the live session
        (R(Sensitivity.AMBER_STRICT, recipients=frozenset({OTHER})), Visibility.PLACEHOLDER),
        (R(excluded=frozenset({OTHER})), Visibility.PLACEHOLDER),
        (R(reciprocity=True), Visibility.PLACEHOLDER),
        (R(phase_reveal=True), Visibility.PLACEHOLDER),
        (R(consent=True), Visibility.PLACEHOLDER),
    ],
)
def test_projector_shows_only_what_every_company_may_see(
    rules: Rules, expected: Visibility
) -> None:
    projector = ViewerFacts(Viewer(projector_of=1))
    assert decide(projector, room(), item(rules), Channel.LIVE).visibility is expected
    other_workshop = ViewerFacts(Viewer(projector_of=2))
    assert decide(other_workshop, room(), item(rules), Channel.LIVE).visibility is Visibility.NONE


# --- plans, ratings, closing answers (issue 6) ---------------------------------------------


class _Workshop:
    id = 1
    facilitator_ids = frozenset({10})


def test_a_plan_is_its_accepted_parties_and_the_facilitators() -> None:
    from shared.disclosure import may_see_plan

    parties = frozenset({AUTHOR, OTHER})
    ws = _Workshop()
    assert may_see_plan(FAC, ws, parties, False)
    assert not may_see_plan(Viewer(facilitator_id=11), ws, parties, False)
    assert may_see_plan(company(AUTHOR).viewer, ws, parties, True)
    assert not may_see_plan(company(AUTHOR).viewer, ws, parties, False)  # charter not accepted
    assert not may_see_plan(company(THIRD).viewer, ws, parties, True)
    assert not may_see_plan(Viewer(projector_of=1), ws, parties, True)
    other_workshop = Viewer(participant_id=1, company_id=AUTHOR, workshop_id=2)
    assert not may_see_plan(other_workshop, ws, parties, True)


def test_a_rating_is_read_by_its_two_companies_and_the_facilitator() -> None:
    from shared.disclosure import ledger_scope, may_see_rating

    fac = ledger_scope(FAC, frozenset({1}), None, 1, False, True)
    mine = ledger_scope(company(AUTHOR).viewer, frozenset(), "org-a", 1, True, True)
    assert fac is not None and mine is not None
    assert may_see_rating(fac, 1, "org-a", "org-b")
    assert not may_see_rating(fac, 2, "org-a", "org-b")  # not their workshop
    assert may_see_rating(mine, 1, "org-a", "org-b") and may_see_rating(mine, 7, "org-b", "org-a")
    assert not may_see_rating(mine, 1, "org-b", "org-c")
    assert ledger_scope(Viewer(projector_of=1), frozenset(), None, 1, True, True) is None
    assert ledger_scope(company(AUTHOR).viewer, frozenset(), "org-a", 1, False, True) is None
    # Aliases in this workshop: only its own ratings (others would unmask the aliases).
    aliased = ledger_scope(company(AUTHOR).viewer, frozenset(), "org-a", 1, True, False)
    assert aliased is not None
    assert may_see_rating(aliased, 1, "org-a", "org-b")
    assert not may_see_rating(aliased, 7, "org-a", "org-b")


def test_closing_answers_are_the_companys_and_the_facilitators() -> None:
    from shared.disclosure import may_see_feedback

    ws = _Workshop()
    assert may_see_feedback(FAC, ws, AUTHOR)
    assert may_see_feedback(company(AUTHOR).viewer, ws, AUTHOR)
    assert not may_see_feedback(company(OTHER).viewer, ws, AUTHOR)
