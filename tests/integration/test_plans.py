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
