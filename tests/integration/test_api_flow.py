"""The whole thin flow over the HTTP API, as a script or another client would drive it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from shared.models import Company, Contribution, Workshop
from shared.services import accounts
from tests.conftest import PASSWORD


def _facilitator_token(deps: Any) -> str:
    person = accounts.create_facilitator(
        deps, {"email": "f@example.com", "name": "F", "password": PASSWORD}
    )
    return accounts.create_api_token(deps, person.id, "script")


def test_facilitator_and_participant_flow_over_the_api(app: Any, deps: Any) -> None:
    client = app.test_client()
    auth = {"Authorization": f"Bearer {_facilitator_token(deps)}"}

    created = client.post(
        "/api/v1/workshops",
        json={"title": "Costes", "date": "2026-12-01", "language": "en"},
        headers=auth,
    )
    assert created.status_code == 201
    workshop_id = created.json["id"]
    company = client.post(
        f"/api/v1/workshops/{workshop_id}/companies", json={"name": "Alfa"}, headers=auth
    ).json
    invitation = client.post(f"/api/v1/companies/{company['id']}/invitations", headers=auth).json
    assert f"/join/{invitation['token']}" in invitation["url"]

    guest = app.test_client()
    joined = guest.post(
        "/api/v1/join", json={"invitation": invitation["token"], "name": "Luis", "role": "CFO"}
    )
    assert joined.status_code == 201
    bearer = {"Authorization": f"Bearer {joined.json['token']}", "Accept-Language": "en"}

    # Nothing before the company accepts the charter.
    refused = guest.post(
        f"/api/v1/workshops/{workshop_id}/contributions",
        json={"client_id": "client-0000", "body": "x"},
        headers=bearer,
    )
    assert refused.status_code == 403 and "charter" in refused.json["error"]["message"]
    charter = guest.get(f"/api/v1/workshops/{workshop_id}/charter", headers=bearer).json
    accepted = guest.post(
        f"/api/v1/workshops/{workshop_id}/charter/accept",
        json={"version": charter["version"]},
        headers=bearer,
    )
    assert accepted.status_code == 200
    assert accepted.json["accepted_by"] == {str(company["id"]): True}

    # No topic open yet: the contribution is refused with a message, not lost silently.
    early = guest.post(
        f"/api/v1/workshops/{workshop_id}/contributions",
        json={"client_id": "client-0001", "body": "x"},
        headers=bearer,
    )
    assert early.status_code == 409
    assert "topic" in early.json["error"]["message"].lower()
    spanish = guest.post(
        f"/api/v1/workshops/{workshop_id}/contributions",
        json={"client_id": "client-0001", "body": "x"},
        headers={**bearer, "Accept-Language": "es"},
    )
    assert "tema" in spanish.json["error"]["message"].lower()

    opened = client.post(
        f"/api/v1/workshops/{workshop_id}/phase", json={"template": "costs"}, headers=auth
    )
    assert opened.status_code == 201
    assert opened.json["phase"]["topic"]["title"] == "Costs"

    posted = guest.post(
        f"/api/v1/workshops/{workshop_id}/contributions",
        json={"client_id": "client-0002", "body": "Energy doubled our costs", "kind": "barrier"},
        headers=bearer,
    )
    assert posted.status_code == 201
    assert posted.json["contribution"]["body"] == "Energy doubled our costs"
    assert posted.json["seq"] > 0

    again = guest.post(
        f"/api/v1/workshops/{workshop_id}/contributions",
        json={"client_id": "client-0002", "body": "Energy doubled our costs"},
        headers=bearer,
    )
    assert again.status_code == 200 and again.json["duplicate"] is True
    assert again.json["contribution"]["id"] == posted.json["contribution"]["id"]

    feed = client.get(f"/api/v1/workshops/{workshop_id}/contributions", headers=auth).json
    assert [c["body"] for c in feed["contributions"]] == ["Energy doubled our costs"]
    assert feed["contributions"][0]["company"] == "Alfa"

    closed = client.post(f"/api/v1/workshops/{workshop_id}/close", headers=auth)
    assert closed.json["status"] == "closed"


def test_invalid_input_names_the_fields_and_changes_nothing(app: Any, deps: Any) -> None:
    client = app.test_client()
    auth = {"Authorization": f"Bearer {_facilitator_token(deps)}", "Accept-Language": "es"}
    bad = client.post(
        "/api/v1/workshops", json={"title": "", "date": "mañana", "language": "fr"}, headers=auth
    )
    assert bad.status_code == 422
    fields = bad.json["error"]["fields"]
    assert set(fields) == {"title", "date", "language"}
    assert "2026-12-31" in fields["date"]
    with deps.db.transaction() as s:
        assert s.scalar(select(func.count(Workshop.id))) == 0

    not_json = client.post("/api/v1/workshops", data="title=x", headers=auth)
    assert not_json.status_code == 400
    assert not_json.json["error"]["message"]


def test_bad_contribution_is_refused_whole(app: Any, world: Any) -> None:
    client = app.test_client()
    bearer = {"Authorization": f"Bearer {world.people['Alfa'].token}"}
    url = f"/api/v1/workshops/{world.workshop_id}/contributions"
    too_long = client.post(
        url, json={"client_id": "client-9999", "body": "x" * 5001}, headers=bearer
    )
    assert too_long.status_code == 422
    assert set(too_long.json["error"]["fields"]) == {"body"}
    no_id = client.post(url, json={"body": "hola"}, headers=bearer)
    assert no_id.status_code == 422 and "client_id" in no_id.json["error"]["fields"]
    with world.deps.db.transaction() as s:
        assert s.scalar(select(func.count(Contribution.id))) == 0


def test_duplicate_company_name_is_a_clear_conflict(app: Any, world: Any) -> None:
    client = app.test_client()
    token = accounts.create_api_token(world.deps, world.facilitator.facilitator_id, "t")
    again = client.post(
        f"/api/v1/workshops/{world.workshop_id}/companies",
        json={"name": "Alfa"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert again.status_code == 409
    with world.deps.db.transaction() as s:
        assert s.scalar(select(func.count(Company.id))) == 2
