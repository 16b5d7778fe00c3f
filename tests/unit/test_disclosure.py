"""The disclosure gate as a table of cases (foundation rules: members see, others do not)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from shared.disclosure import Channel, Viewer, Visibility, can_enter_workshop, view_contribution


@dataclass
class W:
    id: int = 1
    facilitator_id: int = 10
    status: str = "open"


@dataclass
class C:
    id: int = 5
    workshop_id: int = 1
    topic_id: int = 2
    company_id: int = 100
    participant_id: int = 1000
    kind: str = "idea"
    created_at: datetime = datetime(2026, 12, 1, tzinfo=UTC)


CASES = [
    ("own facilitator", Viewer(facilitator_id=10), True),
    ("other facilitator", Viewer(facilitator_id=11), False),
    ("author's company", Viewer(participant_id=1000, company_id=100, workshop_id=1), True),
    (
        "other company, same workshop",
        Viewer(participant_id=2000, company_id=200, workshop_id=1),
        True,
    ),
    (
        "company of another workshop",
        Viewer(participant_id=3000, company_id=300, workshop_id=2),
        False,
    ),
    ("outsider", Viewer(), False),
]


@pytest.mark.parametrize(("label", "viewer", "sees"), CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("channel", list(Channel))
def test_who_sees_a_contribution(label: str, viewer: Viewer, sees: bool, channel: Channel) -> None:
    opened: list[int] = []

    def open_body() -> str:
        opened.append(1)
        return "secret text"

    view = view_contribution(
        viewer,
        W(),
        C(),
        channel,
        open_body=open_body,
        company_name=lambda: "Alfa",
        author_name=lambda: "Luis",
    )
    assert can_enter_workshop(viewer, W()) is sees
    if sees:
        assert (
            view is not None and view.visibility is Visibility.FULL and view.body == "secret text"
        )
        assert view.own is (viewer.company_id == 100)
    else:
        assert view is None
        assert opened == []  # nothing is decrypted for a viewer who may not see it


def test_an_item_of_another_workshop_is_never_shown() -> None:
    view = view_contribution(
        Viewer(facilitator_id=10),
        W(),
        C(workshop_id=2),
        Channel.PAGE,
        open_body=lambda: "x",
        company_name=lambda: "A",
        author_name=lambda: "B",
    )
    assert view is None
