"""Action plans, follow-up, evaluation and the ledger through the services (issue 6)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from icalendar import Calendar

from shared.errors import Conflict, NotFound, ValidationFailed
from shared.services import carry_over, followup, ledger, plans, workshops
from tests.conftest import World, build_world


@pytest.fixture
def trio(deps: Any) -> World:
    return build_world(deps, companies=("Alfa", "Beta", "Gamma"))


def plan_data(world: World, **extra: Any) -> dict[str, Any]:
    alfa, beta = world.companies["Alfa"], world.companies["Beta"]
    return {
        "title": "Misión conjunta a México",
        "objective": "Exportar conservas juntos",
        "parties": [
            {"company_id": alfa, "seeks": "distribución", "gives": "producto"},
            {"company_id": beta, "seeks": "producto", "gives": "contactos en México"},
        ],
        "steps": [
            {
                "title": "Primera reunión",
                "due": "2027-01-15",
                "milestone": True,
                "owner_company_id": alfa,
                "owner_person": "Persona Alfa",
                "resources": [
                    {"name": "Sala", "status": "available", "provider_company_id": beta},
                    {"name": "Traductor", "status": "needed"},
                ],
            },
            {"title": "Feria", "due": "2027-03-01", "owner_company_id": beta},
        ],
        "follow_up": "Llamada mensual",
        "limits": "No se hablará de proveedores",
        "third_parties": "Nada fuera sin acuerdo",
        **extra,
    }


def test_two_companies_create_sign_and_follow_up_a_plan(trio: World) -> None:
    deps, alfa, beta = trio.deps, trio.viewer("Alfa"), trio.viewer("Beta")
    plan_id = plans.create(deps, alfa, trio.workshop_id, plan_data(trio))
    assert plans.get_plan(deps, alfa, plan_id)["status"] == "draft"
    assert plans.approve(deps, alfa, plan_id, 1) is False
    assert plans.approve(deps, beta, plan_id, 1) is True
    view = plans.get_plan(deps, beta, plan_id)
    assert view["status"] == "signed" and view["signed_version"] == 1
    assert [p["company"] for p in view["parties"]] == ["Alfa", "Beta"]
    step = view["steps"][0]
    assert step["resources"][0]["provider"] == "Beta" and step["resources"][1]["provider"] is None

    # A change after sign-off is a new version that needs every party again.
    changed = plan_data(trio, objective="Exportar conservas y aceite")
    changed["steps"][0]["key"] = step["key"]
    assert plans.propose(deps, beta, plan_id, changed, 1) == 2
    view = plans.get_plan(deps, alfa, plan_id)
    assert view["status"] == "changed" and view["signed_version"] == 1
    assert [v["version"] for v in view["versions"]] == [1, 2]
    assert plans.get_version(deps, alfa, plan_id, 1)["document"]["objective"] == (
        "Exportar conservas juntos"
    )
    with pytest.raises(Conflict):
        plans.propose(deps, alfa, plan_id, changed, 1)  # stale editor: nothing saved
    plans.approve(deps, alfa, plan_id, 2)
    assert plans.approve(deps, beta, plan_id, 2) is True

    # Follow-up needs no new sign-off and survives versions (steps keep their key).
    plans.set_step_status(deps, alfa, plan_id, step["key"], "in_progress")
    plans.add_note(deps, beta, plan_id, step["key"], {"text": "Sala reservada"}, "Persona Beta")
    view = plans.get_plan(deps, trio.facilitator, plan_id)
    assert view["status"] == "signed"
    assert view["steps"][0]["status"] == "in_progress"
    assert view["steps"][0]["notes"][0]["text"] == "Sala reservada"


def test_a_third_company_cannot_see_or_touch_the_plan(trio: World) -> None:
    deps, gamma = trio.deps, trio.viewer("Gamma")
    plan_id = plans.create(deps, trio.viewer("Alfa"), trio.workshop_id, plan_data(trio))
    assert plans.list_plans(deps, gamma, trio.workshop_id) == []
    with pytest.raises(NotFound):
        plans.get_plan(deps, gamma, plan_id)
    with pytest.raises(NotFound):
        plans.approve(deps, gamma, plan_id, 1)
    with pytest.raises(NotFound):
        plans.set_step_status(deps, gamma, plan_id, "x", "done")
    assert plans.list_plans(deps, trio.viewer("Beta"), trio.workshop_id)[0]["id"] == plan_id


def test_a_company_cannot_make_a_plan_for_others(trio: World) -> None:
    data = plan_data(trio)
    with pytest.raises(ValidationFailed) as caught:
        plans.create(trio.deps, trio.viewer("Gamma"), trio.workshop_id, data)
    assert "parties" in caught.value.fields


def test_bad_plan_input_names_every_field(trio: World) -> None:
    data = plan_data(trio)
    data["steps"][0]["due"] = "15/01/2027"
    data["steps"][1]["owner_company_id"] = trio.companies["Gamma"]
    data["title"] = ""
    with pytest.raises(ValidationFailed) as caught:
        plans.create(trio.deps, trio.viewer("Alfa"), trio.workshop_id, data)
    assert set(caught.value.fields) == {"title", "steps.0.due", "steps.1.owner_company_id"}


def test_overdue_follows_the_clock(trio: World) -> None:
    deps = trio.deps
    plan_id = plans.create(deps, trio.viewer("Alfa"), trio.workshop_id, plan_data(trio))
    deps.clock = lambda: datetime(2027, 1, 15, 12, tzinfo=UTC)
    assert [s["overdue"] for s in plans.get_plan(deps, trio.facilitator, plan_id)["steps"]] == [
        False,
        False,
    ]
    deps.clock = lambda: datetime(2027, 1, 16, 9, tzinfo=UTC)
    view = plans.get_plan(deps, trio.facilitator, plan_id)
    assert [s["overdue"] for s in view["steps"]] == [True, False]
    board = followup.dashboard(deps, trio.facilitator)
    assert board[0]["id"] == plan_id and board[0]["progress"]["overdue"] == 1
    plans.set_step_status(deps, trio.viewer("Alfa"), plan_id, view["steps"][0]["key"], "done")
    assert plans.get_plan(deps, trio.facilitator, plan_id)["progress"]["overdue"] == 0


def test_calendar_holds_only_the_partys_plans(trio: World) -> None:
    deps = trio.deps
    plans.create(deps, trio.viewer("Alfa"), trio.workshop_id, plan_data(trio))
    cal = Calendar.from_ical(followup.calendar(deps, trio.viewer("Beta"), trio.workshop_id, "es"))
    events = [c for c in cal.walk("VEVENT")]
    assert sorted(str(e["dtstart"].dt) for e in events) == ["2027-01-15", "2027-03-01"]
    assert any("Hito" in str(e["summary"]) or "Milestone" in str(e["summary"]) for e in events)
    empty = Calendar.from_ical(
        followup.calendar(deps, trio.viewer("Gamma"), trio.workshop_id, "es")
    )
    assert list(empty.walk("VEVENT")) == []
    token = followup.new_calendar_link(deps, trio.viewer("Beta"))
    assert followup.calendar_by_link(deps, token).count(b"BEGIN:VEVENT") == 2
    followup.new_calendar_link(deps, trio.viewer("Beta"))
    with pytest.raises(NotFound):
        followup.calendar_by_link(deps, token)  # replaced


def test_ledger_reflects_ratings_and_hides_other_pairs(trio: World) -> None:
    deps, wid, ids = trio.deps, trio.workshop_id, trio.companies
    alfa, beta, gamma = trio.viewer("Alfa"), trio.viewer("Beta"), trio.viewer("Gamma")

    def rate(viewer: Any, other: str, direction: str, **values: int) -> None:
        ledger.rate(
            deps,
            viewer,
            wid,
            {
                "other_company_id": ids[other],
                "direction": direction,
                "ratings": {k: {"value": v, "comment": f"{k} secreto"} for k, v in values.items()},
            },
        )

    rate(alfa, "Beta", "received", information=4, contacts=3)  # Beta gave Alfa 7
    rate(beta, "Alfa", "given", information=2)  # Beta's own view; Alfa's rating wins
    rate(beta, "Alfa", "received", time=2)  # Alfa gave Beta 2
    rate(gamma, "Alfa", "received", resources=5)
    mine = ledger.ledger(deps, alfa, wid)
    pair = next(p for p in mine["pairs"] if {p["a"], p["b"]} == {"Alfa", "Beta"})
    gave = {pair["a"]: pair["a_gave"], pair["b"]: pair["b_gave"]}
    assert gave == {"Beta": 7, "Alfa": 2} and pair["balanced"] is False
    assert {(r["company"], r["given"], r["received"]) for r in mine["companies"]} == {
        ("Alfa", 7, 7)
    }
    # Beta does not read the Alfa-Gamma pair; the facilitator reads everything.
    assert all("Gamma" not in (p["a"], p["b"]) for p in ledger.ledger(deps, beta, wid)["pairs"])
    assert len(ledger.ledger(deps, trio.facilitator, wid)["pairs"]) == 2
    with pytest.raises(ValidationFailed) as caught:
        ledger.rate(deps, alfa, wid, {"other_company_id": ids["Alfa"], "direction": "received"})
    assert "other_company_id" in caught.value.fields
    with pytest.raises(ValidationFailed) as caught:
        ledger.rate(
            deps,
            alfa,
            wid,
            {"other_company_id": ids["Beta"], "direction": "x", "ratings": {"time": 9}},
        )
    assert set(caught.value.fields) == {"direction", "ratings.time.value"}


def test_feedback_is_the_companys_and_the_facilitators(trio: World) -> None:
    deps, wid = trio.deps, trio.workshop_id
    ledger.save_feedback(
        deps, trio.viewer("Alfa"), wid, {"useful": 4, "did_benchmarking": "no", "comment": "útil"}
    )
    assert ledger.my_ratings(deps, trio.viewer("Beta"), wid)["feedback"] == []
    rows = ledger.workshop_feedback(deps, trio.facilitator, wid)
    assert rows[0]["comment"] == "útil" and rows[0]["useful"] == 4


def test_a_new_workshop_imports_companies_open_plans_and_ledger(trio: World) -> None:
    deps = trio.deps
    alfa = trio.viewer("Alfa")
    plan_id = plans.create(deps, alfa, trio.workshop_id, plan_data(trio))
    plans.approve(deps, alfa, plan_id, 1)
    ledger.rate(
        deps,
        alfa,
        trio.workshop_id,
        {
            "other_company_id": trio.companies["Beta"],
            "direction": "received",
            "ratings": {"contacts": 5},
        },
    )
    later = workshops.create_workshop(
        deps,
        trio.facilitator,
        {"title": "Segundo taller", "date": "2027-02-01", "language": "es", "objective": ""},
    )
    result = carry_over.import_from(deps, trio.facilitator, later.id, trio.workshop_id)
    assert (result.companies, result.plans) == (3, 1)
    carried = plans.list_plans(deps, trio.facilitator, later.id)
    assert len(carried) == 1
    assert carried[0]["title"] == "Misión conjunta a México"
    assert carried[0]["continues_plan_id"] == plan_id
    assert {p["company"] for p in carried[0]["parties"]} == {"Alfa", "Beta"}
    assert carried[0]["parties"][0]["approved_at"] is not None
    # Who wrote each version is the same organisation's company in the later workshop.
    carried_plan = plans.get_plan(deps, trio.facilitator, carried[0]["id"])
    assert [v["by"] for v in carried_plan["versions"]] == ["Alfa"]
    old = plans.get_plan(deps, trio.facilitator, plan_id)
    assert old["carried_to_plan_id"] == carried[0]["id"]
    pairs = ledger.ledger(deps, trio.facilitator, later.id)["pairs"]
    assert [(p["a_gave"] + p["b_gave"]) for p in pairs] == [5]
    assert pairs[0]["a"] in ("Alfa", "Beta") and "Segundo taller" not in str(pairs)


def test_reminders_need_smtp_and_go_once(trio: World) -> None:
    deps = trio.deps
    assert followup.send_reminders(deps) == 0  # no SMTP: nothing, no error
    plans.create(deps, trio.viewer("Alfa"), trio.workshop_id, plan_data(trio))
    deps.clock = lambda: datetime(2027, 1, 13, 9, tzinfo=UTC)
    assert followup.due_reminders(deps) == []  # nobody left an email address

    sent: list[tuple[str, str, str]] = []

    class FakeMailer:
        def send(self, to: str, subject: str, body: str) -> None:
            sent.append((to, subject, body))

    from shared.models import Participant

    with deps.db.transaction() as s:
        person = s.get(Participant, trio.people["Alfa"].participant_id)
        assert person is not None
        person.email = "alfa@example.com"
    deps.mailer = FakeMailer()  # type: ignore[assignment]
    assert followup.send_reminders(deps) == 1
    assert sent[0][0] == "alfa@example.com" and "Primera reunión" in sent[0][2]
    assert followup.send_reminders(deps) == 0  # once per step and date
    deps.clock = lambda: datetime(2027, 1, 13, 9, tzinfo=UTC) + timedelta(days=3)
    assert followup.send_reminders(deps) == 1  # now overdue: one more


def test_milestone_ratings_are_between_the_plans_parties(trio: World) -> None:
    deps, wid, ids = trio.deps, trio.workshop_id, trio.companies
    plan_id = plans.create(deps, trio.viewer("Alfa"), wid, plan_data(trio))
    occasion = f"plan:{plan_id}"
    ledger.rate(
        deps,
        trio.viewer("Alfa"),
        wid,
        {
            "other_company_id": ids["Beta"],
            "direction": "received",
            "occasion": occasion,
            "ratings": {"resources": {"value": 4}},
        },
    )
    with pytest.raises(ValidationFailed) as caught:
        ledger.rate(
            deps,
            trio.viewer("Alfa"),
            wid,
            {
                "other_company_id": ids["Gamma"],
                "direction": "received",
                "occasion": occasion,
                "ratings": {"time": {"value": 1}},
            },
        )
    assert "occasion" in caught.value.fields
    pair = ledger.ledger(deps, trio.viewer("Beta"), wid)["pairs"][0]
    assert {pair["a"]: pair["a_gave"], pair["b"]: pair["b_gave"]} == {"Beta": 4, "Alfa": 0}


def test_a_party_sees_the_plan_once_it_accepts_the_charter(deps: Any) -> None:
    from shared.services import charters

    world = build_world(deps, companies=("Alfa", "Beta"), accept_charter=False)
    alfa, beta = world.viewer("Alfa"), world.viewer("Beta")
    charters.accept(deps, alfa, 1)
    plan_id = plans.create(deps, world.facilitator, world.workshop_id, plan_data(world))
    assert plans.get_plan(deps, alfa, plan_id)["id"] == plan_id
    with pytest.raises(NotFound):
        plans.get_plan(deps, beta, plan_id)
    charters.accept(deps, beta, 1)
    assert plans.list_plans(deps, beta, world.workshop_id)[0]["id"] == plan_id


def test_a_company_cannot_push_a_party_out_the_facilitator_can(trio: World) -> None:
    deps, ids = trio.deps, trio.companies
    data = plan_data(trio)
    data["parties"].append({"company_id": ids["Gamma"]})
    plan_id = plans.create(deps, trio.viewer("Alfa"), trio.workshop_id, data)
    without_gamma = plan_data(trio)
    with pytest.raises(ValidationFailed) as caught:
        plans.propose(deps, trio.viewer("Alfa"), plan_id, without_gamma, 1)
    assert "parties" in caught.value.fields
    assert plans.get_plan(deps, trio.viewer("Gamma"), plan_id)["version"] == 1
    plans.propose(deps, trio.facilitator, plan_id, without_gamma, 1)
    with pytest.raises(NotFound):
        plans.get_plan(deps, trio.viewer("Gamma"), plan_id)


def test_versions_and_step_keys_are_checked_not_guessed(trio: World) -> None:
    deps, alfa = trio.deps, trio.viewer("Alfa")
    plan_id = plans.create(deps, alfa, trio.workshop_id, plan_data(trio))
    with pytest.raises(ValidationFailed) as caught:
        plans.propose(deps, alfa, plan_id, plan_data(trio), None)
    assert set(caught.value.fields) == {"base_version"}
    with pytest.raises(ValidationFailed) as caught:
        plans.approve(deps, alfa, plan_id, "")
    assert set(caught.value.fields) == {"version"}
    bad = plan_data(trio)
    bad["steps"][0]["key"] = "step-1"
    bad["steps"][1]["key"] = "s1"
    bad["steps"].append({"title": "x", "owner_company_id": trio.companies["Alfa"], "key": "s1"})
    with pytest.raises(ValidationFailed) as caught:
        plans.propose(deps, alfa, plan_id, bad, 1)
    assert set(caught.value.fields) == {"steps.0.key", "steps.2.key"}


def test_nothing_about_plans_or_ratings_before_the_charter(deps: Any) -> None:
    world = build_world(deps, companies=("Alfa", "Beta"), accept_charter=False)
    alfa = world.viewer("Alfa")
    with pytest.raises(Conflict):
        plans.create(deps, alfa, world.workshop_id, plan_data(world))
    with pytest.raises(Conflict):
        plans.party_choices(deps, alfa, world.workshop_id)
    with pytest.raises(Conflict):
        ledger.rate(
            deps,
            alfa,
            world.workshop_id,
            {"other_company_id": world.companies["Beta"], "direction": "given"},
        )
    with pytest.raises(Conflict):
        ledger.save_feedback(deps, alfa, world.workshop_id, {"useful": 3, "did_benchmarking": "no"})


def test_a_milestone_rating_counts_once_however_its_plan_is_written(trio: World) -> None:
    deps, wid, ids = trio.deps, trio.workshop_id, trio.companies
    plan_id = plans.create(deps, trio.viewer("Alfa"), wid, plan_data(trio))
    for spelling in (f"plan:{plan_id}", f"plan:0{plan_id}", f"plan:00{plan_id}"):
        ledger.rate(
            deps,
            trio.viewer("Alfa"),
            wid,
            {
                "other_company_id": ids["Beta"],
                "direction": "received",
                "occasion": spelling,
                "ratings": {"time": 5},
            },
        )
    pair = ledger.ledger(deps, trio.viewer("Alfa"), wid)["pairs"][0]
    assert pair["a_gave"] + pair["b_gave"] == 5


def test_both_directions_of_a_form_are_saved_together_or_not_at_all(trio: World) -> None:
    deps, wid, ids = trio.deps, trio.workshop_id, trio.companies
    entries = [
        {"other_company_id": ids["Beta"], "direction": "received", "ratings": {"time": 3}},
        {"other_company_id": ids["Beta"], "direction": "given", "ratings": {"time": 9}},
    ]
    with pytest.raises(ValidationFailed) as caught:
        ledger.rate_many(deps, trio.viewer("Alfa"), wid, entries)
    assert set(caught.value.fields) == {"1.ratings.time.value"}
    assert ledger.my_ratings(deps, trio.viewer("Alfa"), wid)["ratings"] == []


def test_the_ledger_under_aliases_counts_only_this_workshops_ratings(deps: Any) -> None:
    """A named workshop's totals next to a pseudonymous one's would unmask the aliases."""
    from shared.services import charters

    named = build_world(deps, companies=("Alfa", "Beta"))
    ledger.rate(
        deps,
        named.viewer("Alfa"),
        named.workshop_id,
        {
            "other_company_id": named.companies["Beta"],
            "direction": "received",
            "ratings": {"time": 4},
        },
    )
    later = workshops.create_workshop(
        deps,
        named.facilitator,
        {"title": "Segundo", "date": "2027-02-01", "language": "es", "objective": ""},
    )
    charters.propose(
        deps, named.facilitator, later.id, {"attribution": "pseudonymous", "retention_days": "30"}
    )
    carry_over.import_from(deps, named.facilitator, later.id, named.workshop_id)
    company_ids = {c["name"]: c["id"] for c in _companies_of(deps, named.facilitator, later.id)}
    alfa_there = _join(deps, named.facilitator, company_ids["Alfa"])
    charters.accept(deps, alfa_there, charters.status(deps, alfa_there, later.id).version)
    assert ledger.ledger(deps, alfa_there, later.id)["pairs"] == []
    assert len(ledger.ledger(deps, named.facilitator, later.id)["pairs"]) == 1


def test_only_the_lead_facilitator_carries_a_workshop_elsewhere(trio: World) -> None:
    from shared.services import accounts

    deps = trio.deps
    person = accounts.create_facilitator(
        deps, {"email": "co@example.com", "name": "Co", "password": "x" * 12, "locale": "es"}
    )
    workshops.add_co_facilitator(deps, trio.facilitator, trio.workshop_id, "co@example.com")
    co = type(trio.facilitator)(facilitator_id=person.id)
    own = workshops.create_workshop(
        deps, co, {"title": "Mío", "date": "2027-02-01", "language": "es", "objective": ""}
    )
    with pytest.raises(ValidationFailed):
        carry_over.import_from(deps, co, own.id, trio.workshop_id)


def test_a_revoked_person_loses_the_calendar_link_and_the_reminders(trio: World) -> None:
    from shared.models import Invitation, Participant

    deps = trio.deps
    plans.create(deps, trio.viewer("Alfa"), trio.workshop_id, plan_data(trio))
    token = followup.new_calendar_link(deps, trio.viewer("Alfa"))
    assert b"VEVENT" in followup.calendar_by_link(deps, token)
    with deps.db.transaction() as s:
        person = s.get(Participant, trio.people["Alfa"].participant_id)
        person.email = "alfa@example.com"
        invitation_id = person.invitation_id
    deps.clock = lambda: datetime(2027, 1, 14, 9, tzinfo=UTC)
    assert len(followup.due_reminders(deps)) == 1
    workshops.revoke_invitation(deps, trio.facilitator, invitation_id)
    with deps.db.reading() as s:
        assert s.get(Invitation, invitation_id).revoked_at is not None
    with pytest.raises(NotFound):
        followup.calendar_by_link(deps, token)
    assert followup.due_reminders(deps) == []


def _companies_of(deps: Any, facilitator: Any, workshop_id: int) -> list[dict[str, Any]]:
    return [
        {"id": row.company.id, "name": row.company.name}
        for row in workshops.companies_overview(deps, facilitator, workshop_id)
    ]


def _join(deps: Any, facilitator: Any, company_id: int) -> Any:
    from shared.disclosure import Viewer
    from shared.services import participants

    issued = workshops.issue_invitation(deps, facilitator, company_id)
    joined = participants.join(deps, issued.token, {"name": "Later", "role": "CEO"})
    return Viewer(
        participant_id=joined.participant_id,
        company_id=joined.company_id,
        workshop_id=joined.workshop_id,
    )
