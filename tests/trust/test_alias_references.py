"""Under a pseudonymous charter a company refers to the others by alias in plans and
ratings, never by id: ids reach it beside real names (the AMBER+STRICT recipients picker,
presence), so an id next to an alias would tell whose alias it is."""

from __future__ import annotations

import json
from typing import Any

import pytest

from shared.errors import ValidationFailed
from shared.models import Company
from shared.services import charters, ledger, matches, plans, profiles
from shared.services.naming import label_order
from shared.summaries import summary_document
from tests.conftest import World, build_world


@pytest.fixture
def masked(deps: Any) -> World:
    world = build_world(deps, companies=("Alfa", "Beta", "Gamma"), accept_charter=False)
    charter = charters.propose(
        deps, world.facilitator, world.workshop_id, {"attribution": "pseudonymous"}
    )
    for name in world.companies:
        charters.accept(deps, world.viewer(name), charter.version)
    return world


def aliases(world: World) -> dict[str, str]:
    with world.deps.db.reading() as s:
        return {name: s.get(Company, cid).alias for name, cid in world.companies.items()}


def company_fields(payload: Any) -> list[Any]:
    """Every value a payload gives under a key that refers to a company."""
    found: list[Any] = []
    if isinstance(payload, dict):
        for key, value in payload.items():
            if key.endswith("company_id"):
                found.append(value)
            elif key == "party_ids":
                found.extend(value)
            else:
                found.extend(company_fields(value))
    elif isinstance(payload, list):
        for value in payload:
            found.extend(company_fields(value))
    return found


def plan_by_alias(world: World, alias: dict[str, str]) -> dict[str, Any]:
    return {
        "title": "Misión conjunta",
        "objective": "Exportar juntos",
        "parties": [{"company_id": alias["Alfa"]}, {"company_id": alias["Beta"]}],
        "steps": [
            {
                "title": "Reunión",
                "due": "2027-01-15",
                "owner_company_id": alias["Beta"],
                "resources": [
                    {"name": "Sala", "status": "available", "provider_company_id": alias["Alfa"]}
                ],
            }
        ],
    }


def test_plans_refer_to_companies_by_alias_and_never_carry_their_ids(masked: World) -> None:
    deps, wid, alias = masked.deps, masked.workshop_id, aliases(masked)
    alfa, beta = masked.viewer("Alfa"), masked.viewer("Beta")
    choices = plans.party_choices(deps, beta, wid)
    assert set(choices) == set(alias.values())
    assert choices[alias["Alfa"]] == alias["Alfa"] and choices[alias["Beta"]] == "Beta"

    plan_id = plans.create(deps, alfa, wid, plan_by_alias(masked, alias))
    step_key = plans.get_plan(deps, alfa, plan_id)["steps"][0]["key"]
    plans.add_note(deps, alfa, plan_id, step_key, {"text": "Sala lista"}, "Persona Alfa (Alfa)")
    changed = plan_by_alias(masked, alias) | {"title": "Otra"}
    changed["steps"][0]["key"] = step_key
    plans.propose(deps, beta, plan_id, changed, 1)

    seen_by_beta = [
        plans.get_plan(deps, beta, plan_id),
        plans.list_plans(deps, beta, wid),
        plans.get_version(deps, beta, plan_id, 1),
        plans.blank_document(deps, beta, wid),
    ]
    refs = company_fields(seen_by_beta)
    assert refs and set(refs) <= set(alias.values()) | {None}
    text = json.dumps(seen_by_beta, ensure_ascii=False)
    for cid in masked.companies.values():
        assert f'"company_id": {cid}' not in text
    # The other party's note is signed with its alias, not with its people's or its name.
    assert "Alfa" not in text.replace(alias["Alfa"], "")
    view = seen_by_beta[0]
    assert view["steps"][0]["notes"][0]["author"] == alias["Alfa"]
    assert view["steps"][0]["owner"] == "Beta"
    assert view["steps"][0]["resources"][0]["provider"] == alias["Alfa"]

    # The facilitator still reads ids and names.
    facilitator_view = plans.get_plan(deps, masked.facilitator, plan_id)
    named_parties = {masked.companies["Alfa"], masked.companies["Beta"]}
    assert set(facilitator_view["party_ids"]) == named_parties
    assert facilitator_view["steps"][0]["notes"][0]["author"] == "Persona Alfa (Alfa)"


def test_a_company_that_sends_an_id_instead_of_an_alias_is_told_to_choose_a_company(
    masked: World,
) -> None:
    """Accepting ids would let a company add a party by id and read back its alias."""
    deps, wid, alias = masked.deps, masked.workshop_id, aliases(masked)
    data = plan_by_alias(masked, alias)
    data["parties"][1] = {"company_id": masked.companies["Gamma"]}
    with pytest.raises(ValidationFailed) as caught:
        plans.create(deps, masked.viewer("Alfa"), wid, data)
    assert "parties.1.company_id" in caught.value.fields
    bare = plan_by_alias(masked, alias) | {"parties": [alias["Alfa"], masked.companies["Gamma"]]}
    with pytest.raises(ValidationFailed) as caught:
        plans.create(deps, masked.viewer("Alfa"), wid, bare)
    assert "parties.1.company_id" in caught.value.fields
    assert plans.list_plans(deps, masked.viewer("Alfa"), wid) == []


def test_ratings_refer_to_the_other_company_by_alias(masked: World) -> None:
    deps, wid, alias = masked.deps, masked.workshop_id, aliases(masked)
    alfa = masked.viewer("Alfa")
    assert ledger.rating_choices(deps, alfa, wid) == {
        alias["Beta"]: alias["Beta"],
        alias["Gamma"]: alias["Gamma"],
    }
    with pytest.raises(ValidationFailed) as caught:
        ledger.rate(
            deps,
            alfa,
            wid,
            {"other_company_id": masked.companies["Beta"], "direction": "received", "ratings": {}},
        )
    assert "other_company_id" in caught.value.fields
    ledger.rate(
        deps,
        alfa,
        wid,
        {"other_company_id": alias["Beta"], "direction": "received", "ratings": {"time": 4}},
    )
    mine = ledger.my_ratings(deps, alfa, wid)["ratings"]
    assert [(r["other_company_id"], r["value"]) for r in mine] == [(alias["Beta"], 4)]
    # Stored against the company meant: Beta gave Alfa 4 in the facilitator's ledger.
    (pair,) = ledger.ledger(deps, masked.facilitator, wid)["pairs"]
    gave = {pair["a"]: pair["a_gave"], pair["b"]: pair["b_gave"]}
    assert gave == {"Beta": 4, "Alfa": 0}


def test_under_a_named_charter_companies_keep_referring_by_id(deps: Any) -> None:
    world = build_world(deps, companies=("Alfa", "Beta"))
    choices = plans.party_choices(deps, world.viewer("Alfa"), world.workshop_id)
    assert choices == {world.companies["Alfa"]: "Alfa", world.companies["Beta"]: "Beta"}
    assert plans.parties_read_aliases(deps, world.facilitator, world.workshop_id) is False


@pytest.fixture
def shuffled(deps: Any) -> World:
    """Aliases in neither the companies' id order (Alfa, Beta, Gamma, Delta) nor their
    names' (Alfa, Beta, Delta, Gamma): a list in either order would tell whose alias is
    whose."""
    world = build_world(deps, companies=("Alfa", "Beta", "Gamma", "Delta"), accept_charter=False)
    with deps.db.transaction() as s:
        for name, alias in {
            "Alfa": "Company D",
            "Beta": "Company B",
            "Gamma": "Company C",
            "Delta": "Company A",
        }.items():
            s.get(Company, world.companies[name]).alias = alias
    charter = charters.propose(
        deps, world.facilitator, world.workshop_id, {"attribution": "pseudonymous"}
    )
    for name in world.companies:
        charters.accept(deps, world.viewer(name), charter.version)
    return world


def test_lists_of_companies_follow_the_aliases_not_the_ids_nor_the_names(
    shuffled: World,
) -> None:
    deps, wid = shuffled.deps, shuffled.workshop_id
    alfa, beta = shuffled.viewer("Alfa"), shuffled.viewer("Beta")
    # Beta's own company first, then the others by alias.
    in_alias_order = ["Company B", "Company A", "Company C", "Company D"]
    assert list(plans.party_choices(deps, beta, wid)) == in_alias_order
    directory = plans.company_directory(deps, beta, wid)
    assert [c["company_id"] for c in directory] == in_alias_order
    assert [c["name"] for c in directory] == ["Beta", "Company A", "Company C", "Company D"]
    assert list(ledger.rating_choices(deps, beta, wid)) == ["Company A", "Company C", "Company D"]

    # Alfa writes the parties in the names' order; Beta reads them in the aliases'.
    by_name = [alfa, beta, shuffled.viewer("Delta"), shuffled.viewer("Gamma")]
    document = {
        "title": "Misión conjunta",
        "objective": "Exportar juntos",
        "parties": [
            {"company_id": "Company D"},
            {"company_id": "Company B"},
            {"company_id": "Company A"},
            {"company_id": "Company C"},
        ],
        "steps": [],
    }
    plan_id = plans.create(deps, alfa, wid, document)
    for viewer in by_name:
        plans.approve(deps, viewer, plan_id, 1)
    view = plans.get_plan(deps, beta, plan_id)
    assert view["party_ids"] == in_alias_order
    assert [p["company"] for p in view["parties"]] == [
        "Beta",
        "Company A",
        "Company C",
        "Company D",
    ]
    version = plans.get_version(deps, beta, plan_id, 1)
    assert [p["company_id"] for p in version["document"]["parties"]] == in_alias_order
    assert list(version["approved_by"]) == ["Beta", "Company A", "Company C", "Company D"]

    participants = summary_document(deps, beta, wid).participants
    assert [p.company for p in participants] == sorted(in_alias_order)

    # Beta's side of the ledger: its pairs in the aliases' order (names' order: Alfa first).
    for other in ("Company D", "Company A"):
        ledger.rate(
            deps,
            beta,
            wid,
            {"other_company_id": other, "direction": "received", "ratings": {"time": 3}},
        )
    pairs = ledger.ledger(deps, beta, wid)["pairs"]
    assert [(p["a"], p["b"]) for p in pairs] == [("Beta", "Company A"), ("Beta", "Company D")]


def test_a_plan_the_facilitator_drafts_from_a_result_names_the_parties_by_alias(
    masked: World,
) -> None:
    """The facilitator reads names, and a result's explanation quotes them; the parties
    will read the plan, so the draft speaks of them as they know each other."""
    deps, wid, alias = masked.deps, masked.workshop_id, aliases(masked)
    profiles.save(
        deps,
        masked.viewer("Alfa"),
        masked.companies["Alfa"],
        {"language": "es", "activities": ["Conservas vegetales"], "seeks": ["Calderas de biomasa"]},
    )
    profiles.save(
        deps,
        masked.viewer("Beta"),
        masked.companies["Beta"],
        {
            "language": "es",
            "activities": ["Instalación de calderas de biomasa, marca BETA"],
            "offers": ["Calderas de biomasa BETA para calor de proceso"],
        },
    )
    matches.run(deps, masked.facilitator, wid)
    combination = next(
        r
        for r in matches.views(deps, masked.facilitator, wid, "es")
        if r["kind"] == "combination" and r["provider"] == "Beta"
    )
    # What the draft must not pass on: the name, and the name as the profile shouts it.
    assert "Beta" in combination["explanation"] and "BETA" in combination["explanation"]
    matches.decide(deps, masked.facilitator, wid, combination["id"], "confirmed")

    draft = plans.draft_from_match(deps, masked.facilitator, wid, combination["id"], "es")
    assert draft["title"] == f"{alias['Beta']} + {alias['Alfa']}"
    written = json.dumps(draft, ensure_ascii=False).casefold()
    for name in ("Alfa", "Beta"):
        assert name.casefold() not in written.replace(alias[name].casefold(), "")
    assert alias["Beta"] in draft["objective"]
    assert plans.parties_read_aliases(deps, masked.facilitator, wid) is True


def test_under_a_named_charter_an_id_may_come_as_text(deps: Any) -> None:
    """Clients of the API that send ids as strings (form fields) keep working."""
    world = build_world(deps, companies=("Alfa", "Beta"))
    alfa, beta = world.companies["Alfa"], world.companies["Beta"]
    data = {
        "title": "Compra conjunta",
        "objective": "Comprar envases juntos",
        "parties": [{"company_id": str(alfa)}, {"company_id": f"0{beta}"}],
    }
    plan_id = plans.create(deps, world.viewer("Alfa"), world.workshop_id, data)
    assert set(plans.get_plan(deps, world.viewer("Alfa"), plan_id)["party_ids"]) == {alfa, beta}
    with pytest.raises(ValidationFailed) as caught:
        plans.create(
            deps,
            world.viewer("Alfa"),
            world.workshop_id,
            data | {"parties": [{"company_id": alfa}, {"company_id": True}]},
        )
    assert "parties.1.company_id" in caught.value.fields


def test_an_overlap_drafted_into_a_plan_lists_its_parties_by_alias_not_by_id(
    masked: World,
) -> None:
    """A result's companies are stored in id order; the parties must not read that order
    in the draft's title, nor which item is whose from the order the items are quoted in."""
    deps, wid = masked.deps, masked.workshop_id
    with deps.db.transaction() as s:
        s.get(Company, masked.companies["Alfa"]).alias = "Empresa Z"
        s.get(Company, masked.companies["Beta"]).alias = "Empresa A"
    for name, activity in (
        ("Alfa", "Envasado de espárrago en conserva"),
        ("Beta", "Conservas de espárrago"),
    ):
        profiles.save(
            deps,
            masked.viewer(name),
            masked.companies[name],
            {"language": "es", "activities": [activity]},
        )
    matches.run(deps, masked.facilitator, wid)
    overlap = next(
        r for r in matches.views(deps, masked.facilitator, wid, "es") if r["kind"] == "overlap"
    )
    assert overlap["company_ids"] == sorted(overlap["company_ids"])  # id order: Alfa first
    matches.decide(deps, masked.facilitator, wid, overlap["id"], "confirmed")
    draft = plans.draft_from_match(deps, masked.facilitator, wid, overlap["id"], "es")
    assert draft["title"] == "Empresa A + Empresa Z"
    assert [p["company_id"] for p in draft["parties"]] == [
        masked.companies["Beta"],
        masked.companies["Alfa"],
    ]
    # The items come in their own alphabetical order, whoever's they are.
    quoted = draft["objective"]
    assert quoted.index("Conservas de espárrago") < quoted.index("Envasado de espárrago")


def test_references_that_are_not_whole_ids_are_field_errors_not_crashes(deps: Any) -> None:
    """JSON allows Infinity and 5.9; neither names a company (nor may it become one)."""
    world = build_world(deps, companies=("Alfa", "Beta"))
    alfa = world.companies["Alfa"]
    for bad in (float("inf"), float(alfa) + 0.9, True, "5 OR 1", "²"):
        data = {
            "title": "Compra conjunta",
            "objective": "Comprar envases juntos",
            "parties": [{"company_id": alfa}, {"company_id": bad}],
        }
        with pytest.raises(ValidationFailed) as caught:
            plans.create(deps, world.viewer("Alfa"), world.workshop_id, data)
        assert "parties.1.company_id" in caught.value.fields, bad


def test_labels_sort_numbers_by_value_and_survive_unusual_digits() -> None:
    labels = ["Company B10", "Company B2", "company a", "Lab 1²", "Ébano"]
    assert sorted(labels, key=label_order) == [
        "company a",
        "Company B2",
        "Company B10",
        "Ébano",
        "Lab 1²",
    ]
