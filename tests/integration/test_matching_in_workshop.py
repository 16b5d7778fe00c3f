"""Profiles and matching inside a workshop, through the same gate as everything else."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from shared.errors import Conflict, Forbidden, ValidationFailed
from shared.matching.profiles import LIST_FIELDS
from shared.services import matches, profiles
from tests.conftest import build_world

PROFILES = {
    "Alfa": {
        "language": "es",
        "mission": "Conservas de calidad",
        "activities": ["Conservas vegetales", "Envasado de espárragos"],
        "seeks": ["Reducir el coste energético de la esterilización"],
        "offers": ["Formación en seguridad alimentaria"],
        "restricted": ["Nuestros proveedores de espárrago"],
    },
    "Beta": {
        "language": "es",
        "mission": "Energía para la industria",
        "activities": ["Cultivo de espárrago", "Auditorías energéticas"],
        "seeks": ["Nuevos clientes en conservas vegetales"],
        "offers": ["Auditorías energéticas gratuitas", "Calderas de biomasa para calor de proceso"],
        "restricted": [],
    },
    "Gamma": {
        "language": "en",
        "mission": "Packaging",
        "activities": ["Glass jars for canneries"],
        "seeks": ["Customers in vegetable canning"],
        "offers": ["Packaging design"],
        "restricted": [],
    },
}


@pytest.fixture
def room(deps: Any) -> Any:
    world = build_world(deps, companies=("Alfa", "Beta", "Gamma"))
    for name, data in PROFILES.items():
        profiles.save(deps, world.viewer(name), world.companies[name], data)
    return world


def test_restricted_areas_stay_with_the_company_and_the_facilitator(room: Any) -> None:
    seen_by_beta = {
        p["company"]: p for p in profiles.views(room.deps, room.viewer("Beta"), room.workshop_id)
    }
    assert "restricted" not in seen_by_beta["Alfa"]
    assert seen_by_beta["Beta"]["restricted"] == []
    facilitator = {
        p["company"]: p for p in profiles.views(room.deps, room.facilitator, room.workshop_id)
    }
    assert facilitator["Alfa"]["restricted"] == ["Nuestros proveedores de espárrago"]
    with pytest.raises(Forbidden):
        profiles.save(room.deps, room.viewer("Beta"), room.companies["Alfa"], PROFILES["Beta"])
    with pytest.raises(ValidationFailed):
        profiles.save(
            room.deps, room.viewer("Beta"), room.companies["Beta"], {"activities": ["x" * 300]}
        )


def test_results_are_confirmed_published_and_seen_only_by_their_parties(room: Any) -> None:
    assert matches.run(room.deps, room.facilitator, room.workshop_id) > 0
    results = matches.views(room.deps, room.facilitator, room.workshop_id)
    assert all(r["status"] == "suggested" and not r["published"] for r in results)
    assert matches.views(room.deps, room.viewer("Beta"), room.workshop_id) == []  # unpublished
    restricted = [r for r in results if r["restricted"]]
    assert restricted, "the asparagus overlap touches Alfa's restricted area"
    for result in results:
        matches.decide(room.deps, room.facilitator, room.workshop_id, result["id"], "confirmed")
    assert matches.publish(room.deps, room.facilitator, room.workshop_id) == len(results)

    beta = matches.views(room.deps, room.viewer("Beta"), room.workshop_id)
    text = json.dumps(beta, ensure_ascii=False)
    assert "proveedores" not in text and "evidence" not in text
    notices = [r for r in beta if r.get("notice")]
    assert notices and all(
        set(r) == {"id", "kind", "notice", "notices", "restricted"} for r in notices
    )
    full = [r for r in beta if not r.get("notice")]
    combination = next(r for r in full if r["kind"] == "combination" and r["receiver"] == "Alfa")
    matches.mark_interest(room.deps, room.viewer("Beta"), combination["id"], True)
    matches.mark_interest(room.deps, room.viewer("Alfa"), combination["id"], True)
    again = {r["id"]: r for r in matches.views(room.deps, room.viewer("Alfa"), room.workshop_id)}
    assert again[combination["id"]]["mutual_interest"] is True
    # The plan it seeds starts from the explanation in the reader's language, not the
    # workshop's.
    from shared.services import plans

    for language in ("en", "es"):
        seed = plans.draft_from_match(
            room.deps, room.viewer("Beta"), room.workshop_id, combination["id"], language
        )
        assert seed["objective"] == combination["explanations"][language]


def test_import_is_all_or_nothing_and_names_the_bad_field(app: Any, deps: Any) -> None:
    world = build_world(deps, companies=("Alfa",))
    bad = {
        "companies": [
            {"name": "Nueva", "language": "es", "activities": ["x"]},
            {"name": "Rota", "language": "klingon"},
        ]
    }
    with pytest.raises(ValidationFailed) as failure:
        profiles.import_file(deps, world.facilitator, world.workshop_id, json.dumps(bad), "p.json")
    said = failure.value.fields["file"] % failure.value.field_params["file"]
    assert "Rota" in said and "language" in said
    assert profiles.views(deps, world.facilitator, world.workshop_id) == []
    good = {
        "companies": [{"name": "Alfa", **PROFILES["Alfa"]}, {"name": "Nueva", **PROFILES["Beta"]}]
    }
    report = profiles.import_file(
        deps, world.facilitator, world.workshop_id, json.dumps(good), "p.json"
    )
    assert report == {"imported": ["Alfa", "Nueva"], "created": ["Nueva"], "replaced": []}
    exported = profiles.export(deps, world.facilitator, world.workshop_id)
    assert {c["name"] for c in exported["companies"]} == {"Alfa", "Nueva"}
    # A profile emptied of activities, seeks and offers is refused like in the import
    # format (it has nothing to match, and emptying them by mistake would wipe it).
    first_steps = {"language": "es", "mission": "Conservas", **dict.fromkeys(LIST_FIELDS, [])}
    with pytest.raises(ValidationFailed) as empty:
        profiles.save(deps, world.facilitator, world.companies["Alfa"], first_steps)
    assert "activities" in empty.value.fields
    exported = profiles.export(deps, world.facilitator, world.workshop_id)
    assert {c["name"] for c in exported["companies"]} == {"Alfa", "Nueva"}


def test_an_import_never_replaces_a_saved_profile_unasked_nor_duplicates_a_company(
    room: Any,
) -> None:
    """The file may be older than what the company typed in its room; a name in another
    case or without accents is the same company, not a phantom one."""
    before = profiles.export(room.deps, room.facilitator, room.workshop_id)
    older = {"companies": [{"name": "alfa", "language": "es", "activities": ["Conservas"]}]}
    with pytest.raises(ValidationFailed) as refused:
        profiles.import_file(
            room.deps, room.facilitator, room.workshop_id, json.dumps(older), "p.json"
        )
    said = refused.value.fields["file"] % refused.value.field_params["file"]
    assert "Alfa" in said and "Replace" in said
    assert profiles.export(room.deps, room.facilitator, room.workshop_id) == before
    report = profiles.import_file(
        room.deps, room.facilitator, room.workshop_id, json.dumps(older), "p.json", replace=True
    )
    assert report["created"] == [] and report["replaced"] == ["Alfa"]
    names = [p["company"] for p in profiles.views(room.deps, room.facilitator, room.workshop_id)]
    assert sorted(names) == ["Alfa", "Beta", "Gamma"]
    # The same file again changes nothing, so it asks nothing; names come back as stored.
    again = profiles.import_file(
        room.deps, room.facilitator, room.workshop_id, json.dumps(older), "p.json"
    )
    assert again["replaced"] == [] and again["imported"] == ["Alfa"]
    twins = {
        "companies": [
            {"name": "Nueva Quesería", "language": "es", "activities": ["Queso"]},
            {"name": "nueva queseria", "language": "es", "activities": ["Queso curado"]},
        ]
    }
    with pytest.raises(ValidationFailed) as refused:
        profiles.import_file(
            room.deps, room.facilitator, room.workshop_id, json.dumps(twins), "p.json"
        )
    said = refused.value.fields["file"] % refused.value.field_params["file"]
    assert "Nueva Quesería" in said and "nueva queseria" in said


def test_a_company_name_differing_only_in_case_or_accents_is_refused(deps: Any) -> None:
    from shared.errors import Conflict
    from shared.services import workshops

    world = build_world(deps, companies=("Quesería La Val",))
    for twin in ("queseria la val", "QUESERÍA  LA VAL"):
        with pytest.raises(Conflict) as refused:
            workshops.add_company(deps, world.facilitator, world.workshop_id, {"name": twin})
        assert refused.value.params["existing"] == "Quesería La Val"


def test_a_bad_upload_is_explained_in_the_facilitators_language(app: Any, deps: Any) -> None:
    """The importer names the company and the field, in Spanish for a Spanish console, and
    says what was probably meant; a spreadsheet's cp1252 file is read, not mangled."""
    from shared.services import accounts

    world = build_world(deps, companies=("Alfa",))
    token = accounts.create_api_token(deps, world.facilitator.facilitator_id, "t")
    url = f"/api/v1/workshops/{world.workshop_id}/profiles/import"
    typo = {"companies": [{"name": "Rota", "language": "es", "ofers": ["vapor residual"]}]}
    for language, expected in (
        ("es", "Rota, campo 'ofers': el formato no tiene ese campo; ¿querías decir 'offers'?"),
        ("en", "Rota, field 'ofers': the format has no such field; did you mean 'offers'?"),
    ):
        answer = app.test_client().post(
            url,
            data={"file": (io.BytesIO(json.dumps(typo).encode()), "p.json")},
            headers={"Authorization": f"Bearer {token}", "Accept-Language": language},
        )
        assert answer.status_code == 422
        assert answer.json["error"]["fields"]["file"] == expected
    assert profiles.views(deps, world.facilitator, world.workshop_id) == []

    excel = "name,language,offers\nCafé “Peña”,es,Cestas de 10 €\n".encode("cp1252")
    answer = app.test_client().post(
        url,
        data={"file": (io.BytesIO(excel), "p.csv")},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert answer.status_code == 201, answer.json
    assert answer.json["imported"] == answer.json["created"] == ["Café “Peña”"]
    exported = app.test_client().get(
        f"/api/v1/workshops/{world.workshop_id}/profiles/export",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert exported.headers["Content-Disposition"].startswith("attachment;")
    nothing = app.test_client().post(
        url,
        data={"file": (io.BytesIO(b""), "")},
        headers={"Authorization": f"Bearer {token}", "Accept-Language": "en"},
    )
    assert nothing.status_code == 422
    assert nothing.json["error"]["fields"]["file"] == "Choose a JSON or CSV file to import."
    workbook = app.test_client().post(
        url,
        data={"file": (io.BytesIO(b"PK\x03\x04\x14\x00" + bytes(64)), "perfiles.xlsx")},
        headers={"Authorization": f"Bearer {token}", "Accept-Language": "es"},
    )
    assert workbook.status_code == 422
    assert "guárdalo como CSV" in workbook.json["error"]["fields"]["file"]


def test_summaries_carry_the_results_each_party_may_see(room: Any) -> None:
    from shared.reports import render_markdown
    from shared.summaries import summary_document

    matches.run(room.deps, room.facilitator, room.workshop_id)
    for result in matches.views(room.deps, room.facilitator, room.workshop_id):
        matches.decide(room.deps, room.facilitator, room.workshop_id, result["id"], "confirmed")
    matches.publish(room.deps, room.facilitator, room.workshop_id)
    facilitator_doc = summary_document(room.deps, room.facilitator, room.workshop_id)
    assert facilitator_doc.overlaps or facilitator_doc.combinations
    gamma_doc = summary_document(room.deps, room.viewer("Gamma"), room.workshop_id)
    assert gamma_doc.combinations, "Gamma seeks customers in canning: a published combination"
    for combination in gamma_doc.combinations:  # only the results Gamma is a party of
        assert "Gamma" in (combination.provider, combination.receiver)
    for overlap in gamma_doc.overlaps:
        assert "Gamma" in overlap.companies
    assert "proveedores de espárrago" not in render_markdown(gamma_doc)


def test_the_projector_shows_published_unrestricted_results_only(room: Any) -> None:
    from shared.disclosure import Viewer

    matches.run(room.deps, room.facilitator, room.workshop_id)
    results = matches.views(room.deps, room.facilitator, room.workshop_id)
    screen = Viewer(projector_of=room.workshop_id)
    assert matches.views(room.deps, screen, room.workshop_id) == []  # nothing published yet
    for result in results:
        matches.decide(room.deps, room.facilitator, room.workshop_id, result["id"], "confirmed")
    matches.publish(room.deps, room.facilitator, room.workshop_id)
    shown = matches.views(room.deps, screen, room.workshop_id)
    assert shown and not any(r["restricted"] for r in shown)
    assert all("evidence" not in r for r in shown)
    assert len(shown) == len([r for r in results if not r["restricted"]])


def test_explanations_follow_the_screen_language_else_the_workshop_language(room: Any) -> None:
    matches.run(room.deps, room.facilitator, room.workshop_id)
    default = matches.views(room.deps, room.facilitator, room.workshop_id)  # workshop: es
    english = matches.views(room.deps, room.facilitator, room.workshop_id, "en")
    assert default and len(default) == len(english)
    for es_view, en_view in zip(default, english, strict=True):
        assert es_view["explanation"] == es_view["explanations"]["es"]
        assert en_view["explanation"] == en_view["explanations"]["en"]
        assert es_view["explanation"] != en_view["explanation"]
    for result in default:
        matches.decide(room.deps, room.facilitator, room.workshop_id, result["id"], "confirmed")
    matches.publish(room.deps, room.facilitator, room.workshop_id)
    # A company's view carries both languages of what it may see, and never the evidence.
    for view in matches.views(room.deps, room.viewer("Beta"), room.workshop_id, "en"):
        if not view.get("notice"):
            assert set(view["explanations"]) == {"en", "es"} and "evidence" not in view
            assert view["explanation"] == view["explanations"]["en"]
    # The notice of a restricted overlap follows the screen too (a Spanish room once got it
    # in English).
    spanish = matches.views(room.deps, room.viewer("Beta"), room.workshop_id)  # workshop: es
    notice = next(view for view in spanish if view.get("notice"))
    assert notice["notice"] == notice["notices"]["es"] != notice["notices"]["en"]
    assert "restringida" in notice["notice"]


def _publish_everything(room: Any) -> list[dict[str, Any]]:
    matches.run(room.deps, room.facilitator, room.workshop_id)
    results = matches.views(room.deps, room.facilitator, room.workshop_id)
    for result in results:
        matches.decide(room.deps, room.facilitator, room.workshop_id, result["id"], "confirmed")
    matches.publish(room.deps, room.facilitator, room.workshop_id)
    return results


def _last_matches_event(room: Any, viewer: Any) -> list[dict[str, Any]]:
    from shared.services import room as room_service

    events = room_service.replay(room.deps, viewer, room.workshop_id, 0).events
    return next(e for e in reversed(events) if e["type"] == "matches.changed")["data"]["matches"]


def test_a_result_quoting_an_item_made_restricted_goes_back_to_review(room: Any) -> None:
    """A company that moves an item to its restricted areas after the results were
    published: every channel stops quoting it at once, not only after a re-run."""
    published = _publish_everything(room)
    beta = matches.views(room.deps, room.viewer("Beta"), room.workshop_id)
    quoting = [r for r in beta if "Conservas vegetales" in json.dumps(r, ensure_ascii=False)]
    assert quoting, "Beta seeks customers in canning: a result quotes Alfa's activity"
    # What the facilitator's detail quotes (the evidence too) decides what is withdrawn.
    untouched = {
        r["id"] for r in published if "Conservas vegetales" not in json.dumps(r, ensure_ascii=False)
    }
    assert untouched
    matches.mark_interest(room.deps, room.viewer("Beta"), quoting[0]["id"], True)

    moved = dict(PROFILES["Alfa"])
    moved["activities"] = ["Envasado de espárragos"]
    moved["restricted"] = [*PROFILES["Alfa"]["restricted"], "Conservas vegetales"]
    profiles.save(room.deps, room.viewer("Alfa"), room.companies["Alfa"], moved)

    for channel in (
        matches.views(room.deps, room.viewer("Beta"), room.workshop_id),
        _last_matches_event(room, room.viewer("Beta")),
    ):
        assert "Conservas vegetales" not in json.dumps(channel, ensure_ascii=False)
    review = {r["id"]: r for r in matches.views(room.deps, room.facilitator, room.workshop_id)}
    for result in quoting:
        assert review[result["id"]]["status"] == "withdrawn"
        assert not review[result["id"]]["published"]
        # Its sealed detail still quotes the item: it cannot be confirmed and published
        # again before the engine has run on the new profile.
        with pytest.raises(Conflict):
            matches.decide(room.deps, room.facilitator, room.workshop_id, result["id"], "confirmed")
    # Running again refreshes it in place (a company had marked it) as a suggestion that
    # quotes only what Alfa still shows, or drops it.
    matches.run(room.deps, room.facilitator, room.workshop_id)
    refreshed = matches.views(room.deps, room.facilitator, room.workshop_id)
    for result in refreshed:
        if result["status"] == "suggested":
            matches.decide(room.deps, room.facilitator, room.workshop_id, result["id"], "confirmed")
    matches.publish(room.deps, room.facilitator, room.workshop_id)
    again = matches.views(room.deps, room.viewer("Beta"), room.workshop_id)
    assert "Conservas vegetales" not in json.dumps(again, ensure_ascii=False)
    # Results that quote nothing Alfa took back stayed published throughout.
    still = matches.views(room.deps, room.facilitator, room.workshop_id)
    assert untouched <= {r["id"] for r in still if r["published"]}


def test_a_result_the_facilitator_takes_back_leaves_the_companies_screens(room: Any) -> None:
    _publish_everything(room)
    shown = matches.views(room.deps, room.viewer("Beta"), room.workshop_id)
    dismissed = shown[0]["id"]
    matches.decide(room.deps, room.facilitator, room.workshop_id, dismissed, "dismissed")
    live = _last_matches_event(room, room.viewer("Beta"))
    assert dismissed not in {r["id"] for r in live}
    assert len(live) == len(shown) - 1


def test_under_a_pseudonymous_charter_results_name_nobody(deps: Any) -> None:
    """A result names the other company and quotes its profile, which would tell whose
    alias is whose: a company learns only that a result concerns it, and may mark interest."""
    from shared.disclosure import Viewer
    from shared.services import charters

    world = build_world(deps, companies=("Alfa", "Beta", "Gamma"), accept_charter=False)
    charters.propose(deps, world.facilitator, world.workshop_id, {"attribution": "pseudonymous"})
    for name in PROFILES:
        viewer = world.viewer(name)
        charters.accept(deps, viewer, charters.status(deps, viewer, world.workshop_id).version)
        profiles.save(deps, viewer, world.companies[name], PROFILES[name])
    _publish_everything(world)
    beta = matches.views(deps, world.viewer("Beta"), world.workshop_id, "en")
    assert beta
    text = json.dumps(beta, ensure_ascii=False)
    for other, profile in (("Alfa", PROFILES["Alfa"]), ("Gamma", PROFILES["Gamma"])):
        assert other not in text
        assert not any(item in text for item in profile["activities"] + profile["offers"])
    blind = [r for r in beta if r.get("blind")]
    assert blind and all(r["notice"] == r["notices"]["en"] for r in blind)
    matches.mark_interest(deps, world.viewer("Beta"), blind[0]["id"], True)
    again = {r["id"]: r for r in matches.views(deps, world.viewer("Beta"), world.workshop_id)}
    assert again[blind[0]["id"]]["interested"] is True
    assert matches.views(deps, Viewer(projector_of=world.workshop_id), world.workshop_id) == []
    # Beta's summary download follows the same rule.
    from shared.reports import render_markdown
    from shared.summaries import summary_document

    document = render_markdown(summary_document(deps, world.viewer("Beta"), world.workshop_id))
    for other, profile in (("Alfa", PROFILES["Alfa"]), ("Gamma", PROFILES["Gamma"])):
        assert other not in document
        assert not any(item in document for item in profile["activities"] + profile["offers"])


def test_an_item_with_quotes_in_it_is_withdrawn_too(deps: Any) -> None:
    """The sealed detail is JSON, where a quote is escaped: the item is looked for in the
    decoded texts."""
    world = build_world(deps, companies=("Alfa", "Beta"))
    quoted = 'Conservas vegetales "La Huerta"'
    alfa = {**PROFILES["Alfa"], "activities": [quoted, "Envasado de espárragos"]}
    profiles.save(deps, world.viewer("Alfa"), world.companies["Alfa"], alfa)
    profiles.save(deps, world.viewer("Beta"), world.companies["Beta"], PROFILES["Beta"])
    _publish_everything(world)
    beta = matches.views(deps, world.viewer("Beta"), world.workshop_id)
    assert any(quoted in r.get("explanation", "") for r in beta)
    profiles.save(
        deps,
        world.viewer("Alfa"),
        world.companies["Alfa"],
        {**alfa, "activities": ["Envasado de espárragos"], "restricted": [quoted]},
    )
    after = matches.views(deps, world.viewer("Beta"), world.workshop_id)
    assert not any(quoted in r.get("explanation", "") for r in after)
