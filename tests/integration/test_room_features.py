"""Reactions and questions, themes, co-facilitators: each only as far as the rules allow."""

from __future__ import annotations

from typing import Any

import pytest

from shared.disclosure import Channel, Viewer
from shared.errors import NotFound, ValidationFailed
from shared.services import accounts, contributions, themes, threads, workshops
from tests.conftest import PASSWORD


def post(world: Any, company: str, body: str, **rules: Any) -> int:
    posted = contributions.post_contribution(
        world.deps,
        world.viewer(company),
        {
            "client_id": f"{company}-{abs(hash(body)) % 10**8:08d}",
            "body": body,
            "rules": rules or None,
        },
    )
    return int(posted.contribution["id"])


def test_reactions_are_counted_and_questions_answered_in_place(world: Any) -> None:
    item = post(world, "Alfa", "Compramos envases en grupo")
    threads.react(world.deps, world.viewer("Beta"), item, "useful", True)
    threads.react(world.deps, world.viewer("Beta"), item, "useful", True)  # once per person
    threads.ask(world.deps, world.viewer("Beta"), item, {"text": "¿Cuántas empresas?"})
    seen_by_author = threads.thread(world.deps, world.viewer("Alfa"), world.workshop_id, item)
    assert seen_by_author["reactions"]["useful"] == 1
    assert seen_by_author["can_answer"] is True
    question = seen_by_author["questions"][0]
    assert question["text"] == "¿Cuántas empresas?" and "Beta" not in str(seen_by_author)
    threads.answer(world.deps, world.viewer("Alfa"), question["id"], {"text": "Cuatro"})
    seen_by_asker = threads.thread(world.deps, world.viewer("Beta"), world.workshop_id, item)
    assert seen_by_asker["questions"][0]["answer"] == "Cuatro"
    assert seen_by_asker["questions"][0]["mine"] is True
    with pytest.raises(NotFound):  # only the author's company answers
        threads.answer(world.deps, world.viewer("Beta"), question["id"], {"text": "x"})


def test_no_thread_on_what_a_company_may_not_see(world: Any) -> None:
    item = post(world, "Alfa", "Solo para nosotros", sensitivity="amber+strict")
    for call in (
        lambda: threads.thread(world.deps, world.viewer("Beta"), world.workshop_id, item),
        lambda: threads.react(world.deps, world.viewer("Beta"), item, "we_too", True),
        lambda: threads.ask(world.deps, world.viewer("Beta"), item, {"text": "?"}),
    ):
        with pytest.raises(NotFound):
            call()


def test_themes_group_similar_items_and_show_only_visible_members(world: Any) -> None:
    a = post(world, "Alfa", "Retrasos del transporte refrigerado en verano")
    b = post(world, "Beta", "El transporte refrigerado llega con retrasos en verano")
    c = post(world, "Alfa", "Formación de nuevos empleados", sensitivity="amber+strict")
    english = post(world, "Beta", "Refrigerated transport is always late in summer")
    found = themes.suggest(world.deps, world.facilitator, world.workshop_id, _topic(world))
    assert [t.ids for t in found] == [tuple(sorted([a, b, english]))]
    assert found[0].companies == 2  # Alfa and Beta, whatever the number of items
    with pytest.raises(ValidationFailed):
        themes.create_theme(
            world.deps,
            world.facilitator,
            world.workshop_id,
            {"title": "Uno", "contribution_ids": [a]},
        )
    themes.create_theme(
        world.deps,
        world.facilitator,
        world.workshop_id,
        {"title": "Frío", "contribution_ids": [a, b, c]},
    )
    from shared.feed import Renderer
    from shared.models import Workshop

    topic = _topic(world)
    with world.deps.db.transaction() as s:
        workshop = s.get(Workshop, world.workshop_id)
        renderer = Renderer(s, world.deps.sealer)
        beta_view = themes.themes_view(s, renderer, world.viewer("Beta"), workshop, topic)
        alfa_view = themes.themes_view(s, renderer, world.viewer("Alfa"), workshop, topic)
    assert beta_view[0]["members"] == [a, b]  # Alfa's AMBER+STRICT item stays hidden from Beta
    assert sorted(alfa_view[0]["members"]) == sorted([a, b, c])


def test_theme_suggestions_over_the_api_carry_a_title_in_both_languages(
    app: Any, world: Any
) -> None:
    gas = post(world, "Alfa", "La factura del gas se ha disparado este año")
    bill = post(world, "Beta", "Our gas bill doubled in twelve months")
    post(world, "Alfa", "Nadie en la plantilla habla inglés")
    url = f"/api/v1/workshops/{world.workshop_id}/topics/{_topic(world)}/theme-suggestions"
    client = app.test_client()
    token = accounts.create_api_token(world.deps, world.facilitator.facilitator_id, "t")
    answer = client.get(url, headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200
    assert answer.json["groups"] == [sorted([gas, bill])]
    [theme] = answer.json["themes"]
    assert theme["ids"] == sorted([gas, bill]) and theme["companies"] == 2
    assert theme["title"] == {"en": "Energy prices", "es": "Precio de la energía"}
    # Suggestions read every item the facilitator sees: a company may not ask for them.
    refused = client.get(url, headers={"Authorization": f"Bearer {world.people['Alfa'].token}"})
    assert refused.status_code == 401 and "gas" not in refused.get_data(as_text=True)


def test_theme_suggestions_read_only_what_the_api_may_carry(world: Any) -> None:
    """RED text never leaves over the API, items not approved are not the room's yet, and
    a suggested title is never a contribution's own words."""
    gas = post(world, "Alfa", "La factura del gas se ha disparado este año")
    bill = post(world, "Beta", "Our gas bill doubled in twelve months")
    post(world, "Alfa", "El precio del gas nos ha triplicado la factura", sensitivity="red")
    post(world, "Beta", "Zorblax quebró y nos dejó sin proveedor", sensitivity="red")
    post(world, "Alfa", "Zorblax quebró el año pasado", sensitivity="red")
    workshops.set_moderation(world.deps, world.facilitator, world.workshop_id, True)
    held = post(world, "Beta", "Gas prices doubled and our energy bill with them")
    rejected = post(world, "Alfa", "Nuestra factura de la luz se ha duplicado")
    contributions.moderate(
        world.deps,
        world.facilitator,
        world.workshop_id,
        rejected,
        {"action": "reject", "note": "Repetida"},
    )
    found = themes.suggest(world.deps, world.facilitator, world.workshop_id, _topic(world))
    assert [t.ids for t in found] == [tuple(sorted([gas, bill]))]
    assert held not in found[0].ids and rejected not in found[0].ids
    assert found[0].titles == {"en": "Energy prices", "es": "Precio de la energía"}


def test_a_group_sharing_no_concept_gets_no_title_rather_than_a_quote(world: Any) -> None:
    alfa = post(world, "Alfa", "Zorblax quebró sin avisar", sensitivity="amber+strict")
    beta = post(world, "Beta", "Zorblax quebró otra vez")
    [theme] = themes.suggest(world.deps, world.facilitator, world.workshop_id, _topic(world))
    assert theme.ids == tuple(sorted([alfa, beta]))
    # Only words the lexicon does not know are shared: an accepted title is shown to all
    # who see either item, so it must not quote Alfa's restricted words.
    assert theme.titles == {"en": "", "es": ""}


def _topic(world: Any) -> int:
    from shared.services import room

    return int(
        room.room_state(world.deps, world.facilitator, world.workshop_id)["phase"]["topic"]["id"]
    )


def test_co_facilitator_runs_the_workshop_and_can_take_over(world: Any) -> None:
    other = accounts.create_facilitator(
        world.deps, {"email": "co@example.com", "name": "Co", "password": PASSWORD}
    )
    co = Viewer(facilitator_id=other.id)
    with pytest.raises(NotFound):
        contributions.list_contributions(world.deps, co, world.workshop_id, Channel.PAGE)
    with pytest.raises(ValidationFailed):
        workshops.add_co_facilitator(
            world.deps, world.facilitator, world.workshop_id, "nobody@example.com"
        )
    workshops.add_co_facilitator(world.deps, world.facilitator, world.workshop_id, "co@example.com")
    post(world, "Alfa", "Visible para el co-facilitador")
    assert contributions.list_contributions(world.deps, co, world.workshop_id, Channel.PAGE)
    assert [w.id for w in workshops.list_workshops(world.deps, co)] == [world.workshop_id]
    workshops.hand_over(world.deps, world.facilitator, world.workshop_id, other.id)
    owners = {
        f["email"]: f["owner"] for f in workshops.facilitators_of(world.deps, co, world.workshop_id)
    }
    assert owners == {"co@example.com": True, "ana@example.com": False}


def test_votes_on_themes_count_only_what_each_voter_may_see(world: Any) -> None:
    from shared.services import votes

    a = post(world, "Alfa", "Transporte refrigerado compartido en verano")
    b = post(world, "Beta", "Compartimos transporte refrigerado en verano")
    theme = themes.create_theme(
        world.deps,
        world.facilitator,
        world.workshop_id,
        {"title": "Frío compartido", "contribution_ids": [a, b]},
    )
    poll = votes.open_poll(
        world.deps,
        world.facilitator,
        world.workshop_id,
        {"topic_id": _topic(world), "budget": 3, "target": "themes"},
    )
    votes.vote(world.deps, world.viewer("Alfa"), poll.id, {str(theme.id): 2})
    with pytest.raises(ValidationFailed):
        votes.vote(world.deps, world.viewer("Beta"), poll.id, {str(theme.id): 4})  # over budget
    votes.vote(world.deps, world.viewer("Beta"), poll.id, {str(theme.id): 3})
    before = votes.polls(world.deps, world.viewer("Beta"), world.workshop_id)[0]
    assert before["results"] is None and before["mine"] == {str(theme.id): 3}
    votes.close_poll(world.deps, world.facilitator, world.workshop_id, poll.id)
    after = votes.polls(world.deps, world.viewer("Beta"), world.workshop_id)[0]
    assert after["results"] == {str(theme.id): 5}


def test_summary_api_answers_each_party_with_its_own_document(app: Any, world: Any) -> None:
    import json

    post(world, "Alfa", "Solo para Alfa y el facilitador", sensitivity="amber+strict")
    post(world, "Beta", "Para todo el taller")
    token = accounts.create_api_token(world.deps, world.facilitator.facilitator_id, "t")
    client = app.test_client()
    mine = client.get(
        f"/api/v1/workshops/{world.workshop_id}/summary/mine?format=json",
        headers={"Authorization": f"Bearer {world.people['Beta'].token}"},
    )
    assert mine.status_code == 200
    text = json.dumps(mine.json, ensure_ascii=False)
    assert "Para todo el taller" in text and "Solo para Alfa" not in text
    full = client.get(
        f"/api/v1/workshops/{world.workshop_id}/summary?format=md",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert "Solo para Alfa" in full.get_data(as_text=True)
    pdf = client.get(
        f"/api/v1/workshops/{world.workshop_id}/summary?format=pdf",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert pdf.data.startswith(b"%PDF")
    assert (
        client.get(
            f"/api/v1/workshops/{world.workshop_id}/summary?format=exe",
            headers={"Authorization": f"Bearer {token}"},
        ).status_code
        == 404
    )


def test_moderating_the_whole_workshop_holds_every_round(world: Any) -> None:
    workshops.set_moderation(world.deps, world.facilitator, world.workshop_id, True)
    item = post(world, "Alfa", "Retenida hasta aprobarla")
    seen = contributions.list_contributions(
        world.deps, world.viewer("Beta"), world.workshop_id, Channel.PAGE
    )
    assert item not in [v["id"] for v in seen]
    contributions.moderate(
        world.deps, world.facilitator, world.workshop_id, item, {"action": "approve"}
    )
    seen = contributions.list_contributions(
        world.deps, world.viewer("Beta"), world.workshop_id, Channel.PAGE
    )
    assert item in [v["id"] for v in seen]
