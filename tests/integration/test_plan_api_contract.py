"""The plan and ledger answers hold the shapes /api/v1/openapi.json documents: a client
written from the document alone can rely on them (validated with jsonschema)."""

from __future__ import annotations

from typing import Any

from jsonschema import Draft202012Validator

from shared.services import accounts
from tertulia.openapi import RESPONSES, document
from tests.conftest import World, build_world


def check(doc: dict[str, Any], path: str, method: str, status: int, body: Any) -> None:
    schema = RESPONSES[(path, method, str(status))]
    validator = Draft202012Validator(
        {"$ref": f"#/components/schemas/{schema}", "components": doc["components"]}
    )
    errors = [e.message for e in validator.iter_errors(body)]
    assert errors == [], (path, method, errors)


def test_plan_and_ledger_answers_match_the_document(app: Any, deps: Any) -> None:
    world: World = build_world(deps, companies=("Alfa", "Beta"))
    doc = document()
    client = app.test_client()
    alfa = {"Authorization": f"Bearer {world.people['Alfa'].token}"}
    beta = {"Authorization": f"Bearer {world.people['Beta'].token}"}
    token = accounts.create_api_token(deps, world.facilitator.facilitator_id or 0, "contract")
    fac = {"Authorization": f"Bearer {token}"}
    wid, ids = world.workshop_id, world.companies
    base = f"/api/v1/workshops/{wid}/plans"
    document_in = {
        "title": "Plan",
        "objective": "Objetivo",
        "parties": [{"company_id": ids["Alfa"], "gives": "datos"}, {"company_id": ids["Beta"]}],
        "steps": [
            {
                "title": "Paso",
                "due": "2027-01-15",
                "milestone": True,
                "owner_company_id": ids["Beta"],
                "resources": [{"name": "Sala", "status": "available"}],
            }
        ],
    }
    made = client.post(base, json=document_in, headers=alfa)
    check(doc, "/workshops/{workshop_id}/plans", "post", made.status_code, made.json)
    plan_id = made.json["plan"]["id"]
    key = made.json["plan"]["steps"][0]["key"]
    answers = [
        ("/workshops/{workshop_id}/plans", "get", client.get(base, headers=beta)),
        (
            "/workshops/{workshop_id}/plans/{plan_id}/approve",
            "post",
            client.post(f"{base}/{plan_id}/approve", json={"version": 1}, headers=beta),
        ),
        (
            "/workshops/{workshop_id}/plans/{plan_id}/steps/{step_key}/status",
            "post",
            client.post(
                f"{base}/{plan_id}/steps/{key}/status", json={"status": "done"}, headers=beta
            ),
        ),
        (
            "/workshops/{workshop_id}/plans/{plan_id}/steps/{step_key}/notes",
            "post",
            client.post(
                f"{base}/{plan_id}/steps/{key}/notes", json={"text": "Hecho"}, headers=beta
            ),
        ),
        (
            "/workshops/{workshop_id}/plans/{plan_id}/versions",
            "post",
            client.post(
                f"{base}/{plan_id}/versions",
                json={"base_version": 1, "document": document_in},
                headers=alfa,
            ),
        ),
        (
            "/workshops/{workshop_id}/plans/{plan_id}/versions/{version}",
            "get",
            client.get(f"{base}/{plan_id}/versions/1", headers=alfa),
        ),
        ("/plans", "get", client.get("/api/v1/plans", headers=fac)),
        ("/plans/{plan_id}", "get", client.get(f"/api/v1/plans/{plan_id}", headers=fac)),
        (
            "/plans/{plan_id}/versions/{version}",
            "get",
            client.get(f"/api/v1/plans/{plan_id}/versions/2", headers=fac),
        ),
    ]
    rated = client.post(
        f"/api/v1/workshops/{wid}/evaluations",
        json={"other_company_id": ids["Beta"], "direction": "received", "ratings": {"time": 3}},
        headers=alfa,
    )
    assert rated.status_code == 200
    answers += [
        (
            "/workshops/{workshop_id}/ledger",
            "get",
            client.get(f"/api/v1/workshops/{wid}/ledger", headers=alfa),
        ),
        ("/ledger", "get", client.get(f"/api/v1/ledger?workshop_id={wid}", headers=fac)),
    ]
    for path, method, answer in answers:
        assert answer.status_code in (200, 201), (path, answer.get_data(as_text=True))
        check(doc, path, method, answer.status_code, answer.json)
    assert (
        answers[-2][2].json["pairs"][0]["a_gave"] + answers[-2][2].json["pairs"][0]["b_gave"] == 3
    )


def test_under_a_pseudonymous_charter_the_api_refers_to_companies_by_alias(
    app: Any, deps: Any
) -> None:
    """A client written from the document finds the references in plans/companies and uses
    them; an id instead of an alias is a field error."""
    from shared.services import charters

    world: World = build_world(deps, companies=("Alfa", "Beta"), accept_charter=False)
    charter = charters.propose(
        deps, world.facilitator, world.workshop_id, {"attribution": "pseudonymous"}
    )
    for name in world.companies:
        charters.accept(deps, world.viewer(name), charter.version)
    doc, client = document(), app.test_client()
    alfa = {"Authorization": f"Bearer {world.people['Alfa'].token}"}
    base = f"/api/v1/workshops/{world.workshop_id}"
    listed = client.get(f"{base}/plans/companies", headers=alfa)
    check(doc, "/workshops/{workshop_id}/plans/companies", "get", 200, listed.json)
    refs = {c["own"]: c["company_id"] for c in listed.json["companies"]}
    assert all(isinstance(ref, str) for ref in refs.values())
    plan_in = {
        "title": "Plan",
        "objective": "Objetivo",
        "parties": [{"company_id": refs[True]}, {"company_id": refs[False]}],
        "steps": [{"title": "Paso", "owner_company_id": refs[False]}],
    }
    made = client.post(f"{base}/plans", json=plan_in, headers=alfa)
    assert made.status_code == 201, made.get_data(as_text=True)
    check(doc, "/workshops/{workshop_id}/plans", "post", 201, made.json)
    assert made.json["plan"]["party_ids"] == [refs[True], refs[False]]
    by_id = {
        **plan_in,
        "parties": [{"company_id": refs[True]}, {"company_id": world.companies["Beta"]}],
    }
    refused = client.post(f"{base}/plans", json=by_id, headers=alfa)
    assert refused.status_code == 422
    assert "parties.1.company_id" in refused.json["error"]["fields"]
    rated = client.post(
        f"{base}/evaluations",
        json={"other_company_id": refs[False], "direction": "given", "ratings": {"time": 2}},
        headers=alfa,
    )
    assert rated.status_code == 200 and rated.json == {"stored": 1}
