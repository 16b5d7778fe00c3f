"""The live workshop in real browsers: following the phase, a silent round and its reveal,
moderation, the timer in step across screens, dot voting with hidden results."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import LiveServer
from tests.browser.test_workshop_flow import create_workshop_with_companies, join

pytestmark = pytest.mark.browser


def add_round(
    facilitator: Any,
    template: str,
    *,
    silent: bool = False,
    moderated: bool = False,
    minutes: int = 10,
) -> None:
    facilitator.click("[data-testid=add-phase] summary")
    facilitator.select_option("[data-testid=phase-kind]", "exchange")
    facilitator.select_option("[data-testid=phase-template]", template)
    facilitator.fill("[data-testid=phase-minutes]", str(minutes))
    if silent:
        facilitator.check("[data-testid=phase-silent]")
    if moderated:
        facilitator.check("[data-testid=phase-moderated]")
    facilitator.click("[data-testid=add-phase-submit]")


def go_to_last_phase(facilitator: Any) -> None:
    facilitator.locator("[data-testid=agenda-phase]").last.locator(
        "button", has_text=re.compile("Go|Ir")
    ).click()


def post(page: Any, text: str) -> None:
    page.fill("[data-testid=body]", text)
    page.click("[data-testid=send]")


@pytest.fixture
def room(browser: Any, live_server: LiveServer) -> tuple[Any, Any, Any]:
    facilitator = browser.new_context(locale="en-GB").new_page()
    links = create_workshop_with_companies(facilitator, live_server, ["Alfa", "Beta"])
    alfa = join(browser.new_context(locale="en-GB"), links["Alfa"], "Luis", "CEO")
    beta = join(browser.new_context(locale="en-GB"), links["Beta"], "Mary", "CFO")
    return facilitator, alfa, beta


def test_participants_follow_the_agenda_and_can_look_back(room: tuple[Any, Any, Any]) -> None:
    facilitator, alfa, beta = room
    add_round(facilitator, "costs")
    add_round(facilitator, "barriers")
    expect(facilitator.get_by_test_id("agenda-phase")).to_have_count(3)  # welcome + 2 rounds
    facilitator.locator("[data-testid=agenda-phase]").nth(1).locator(
        "button", has_text=re.compile("Go|Ir")
    ).click()
    for page in (alfa, beta):
        expect(page.get_by_test_id("topic-title")).to_have_text(re.compile("Cost|Coste"))
    post(alfa, "Energy is a third of our costs")
    expect(beta.get_by_test_id("feed")).to_contain_text("Energy is a third")
    go_to_last_phase(facilitator)
    for page in (alfa, beta):
        expect(page.get_by_test_id("topic-title")).to_have_text(re.compile("Barrier|Barrera"))
    # Looking back at the earlier round shows its contributions, read-only.
    beta.get_by_test_id("look-back").first.click()
    expect(beta.get_by_test_id("feed").get_by_text("Energy is a third")).to_be_visible()


def test_silent_round_then_reveal(room: tuple[Any, Any, Any]) -> None:
    facilitator, alfa, beta = room
    add_round(facilitator, "bad_practices", silent=True)
    go_to_last_phase(facilitator)
    expect(alfa.get_by_test_id("topic-title")).to_be_visible()
    post(alfa, "We over-invested in a line nobody needed")
    post(beta, "We ignored our distributors' warnings")
    expect(alfa.get_by_test_id("feed")).to_contain_text("over-invested")
    # Silent: each company sees its own, and of the others at most a sealed placeholder.
    expect(beta.get_by_test_id("feed")).not_to_contain_text("over-invested")
    expect(alfa.get_by_test_id("feed")).not_to_contain_text("distributors")
    expect(facilitator.get_by_test_id("feed")).to_contain_text("over-invested")
    facilitator.click("[data-testid=reveal]")
    expect(beta.get_by_test_id("feed")).to_contain_text("over-invested")
    expect(alfa.get_by_test_id("feed")).to_contain_text("distributors")


def test_moderation_holds_items_until_approved(room: tuple[Any, Any, Any]) -> None:
    facilitator, alfa, beta = room
    add_round(facilitator, "costs", moderated=True)
    go_to_last_phase(facilitator)
    expect(alfa.get_by_test_id("topic-title")).to_be_visible()
    post(alfa, "Our logistics cost doubled in 2025")
    expect(alfa.get_by_test_id("moderation-status")).to_be_visible()
    held = (
        facilitator.get_by_test_id("feed")
        .get_by_test_id("contribution")
        .filter(has_text="logistics cost")
    )
    expect(held.get_by_test_id("approve")).to_be_visible()
    expect(beta.get_by_test_id("feed")).not_to_contain_text("logistics cost")
    held.get_by_test_id("approve").click()
    expect(beta.get_by_test_id("feed")).to_contain_text("logistics cost")
    expect(alfa.get_by_test_id("moderation-status")).to_have_count(0)


def seconds(text: str) -> int:
    minutes, secs = text.split(":")
    return int(minutes) * 60 + int(secs)


def test_timer_is_the_same_on_every_screen(room: tuple[Any, Any, Any]) -> None:
    facilitator, alfa, beta = room
    add_round(facilitator, "approach", minutes=5)
    go_to_last_phase(facilitator)
    facilitator.click("[data-testid=timer-start]")
    for page in (alfa, beta):
        expect(page.get_by_test_id("timer")).to_have_attribute("data-state", "running")
    a = seconds(alfa.get_by_test_id("timer-remaining").inner_text())
    b = seconds(beta.get_by_test_id("timer-remaining").inner_text())
    assert 270 <= a <= 300 and abs(a - b) <= 2
    facilitator.click("[data-testid=timer-pause]")
    expect(alfa.get_by_test_id("timer")).to_have_attribute("data-state", "paused")
    paused = alfa.get_by_test_id("timer-remaining").inner_text()
    alfa.wait_for_timeout(1500)
    assert alfa.get_by_test_id("timer-remaining").inner_text() == paused
    facilitator.click("[data-testid=timer-extend]")
    expect(beta.get_by_test_id("timer-remaining")).not_to_have_text(paused)
    assert seconds(beta.get_by_test_id("timer-remaining").inner_text()) >= seconds(paused) + 55


def test_dot_voting_keeps_results_hidden_until_closed(room: tuple[Any, Any, Any]) -> None:
    facilitator, alfa, beta = room
    add_round(facilitator, "good_practices")
    go_to_last_phase(facilitator)
    expect(alfa.get_by_test_id("topic-title")).to_be_visible()
    post(alfa, "Shared purchasing of packaging")
    post(beta, "Joint trade fair stand")
    expect(alfa.get_by_test_id("feed")).to_contain_text("Joint trade fair")
    facilitator.reload()
    facilitator.click("[data-testid=open-poll]")
    for page, choice in ((alfa, "Joint trade fair"), (beta, "Joint trade fair")):
        poll = page.get_by_test_id("poll")
        expect(poll).to_be_visible()
        poll.locator("label", has_text=choice).get_by_test_id("dots").fill("3")
        poll.get_by_test_id("send-dots").click()
    expect(facilitator.get_by_test_id("poll")).to_contain_text("2")  # two voters so far
    for page in (alfa, beta, facilitator):
        expect(page.get_by_test_id("poll-results")).to_have_count(0)
    facilitator.get_by_test_id("close-poll").click()
    for page in (alfa, beta, facilitator):
        expect(page.get_by_test_id("poll-results")).to_contain_text("6 · Joint trade fair")


def test_projector_shows_what_the_whole_room_may_see(room: tuple[Any, Any, Any]) -> None:
    facilitator, alfa, beta = room
    add_round(facilitator, "costs")
    go_to_last_phase(facilitator)
    expect(alfa.get_by_test_id("topic-title")).to_be_visible()
    post(alfa, "Compras conjuntas de envases")
    alfa.fill("[data-testid=body]", "Solo para el facilitador")
    alfa.click("[data-testid=rules] summary")
    alfa.select_option("[data-testid=sensitivity]", "amber+strict")
    alfa.click("[data-testid=send]")
    expect(alfa.get_by_test_id("feed")).to_contain_text("Solo para el facilitador")
    projector = facilitator.context.new_page()
    projector.goto(facilitator.url.split("#")[0] + "/projector")
    expect(projector.get_by_test_id("feed")).to_contain_text("Compras conjuntas")
    expect(projector.get_by_test_id("feed")).not_to_contain_text("Solo para el facilitador")
    # The projector replays history without reloading itself in a loop.
    projector.evaluate("window.__loadedOnce = true")
    projector.wait_for_timeout(2500)
    assert projector.evaluate("window.__loadedOnce === true")
    post(beta, "Nuevo en directo")
    expect(projector.get_by_test_id("feed")).to_contain_text("Nuevo en directo")


def test_facilitator_accepts_a_suggested_common_theme(room: tuple[Any, Any, Any]) -> None:
    facilitator, alfa, beta = room
    add_round(facilitator, "costs")
    go_to_last_phase(facilitator)
    expect(alfa.get_by_test_id("topic-title")).to_be_visible()
    post(alfa, "Our gas bill doubled in twelve months")
    post(beta, "La factura del gas se ha disparado este año")
    post(beta, "Nadie en la plantilla habla inglés")
    expect(facilitator.get_by_test_id("feed")).to_contain_text("Nadie en la plantilla")
    facilitator.reload()  # the suggestion button belongs to the open topic
    facilitator.click("[data-testid=suggest-themes]")
    suggestion = facilitator.get_by_test_id("theme-suggestion")
    expect(suggestion).to_have_count(1)
    expect(suggestion).to_contain_text("Energy prices")
    expect(suggestion).to_contain_text("2 companies")
    expect(suggestion).not_to_contain_text("Nadie")
    offered: list[str] = []

    def accept(dialog: Any) -> None:
        offered.append(dialog.default_value)
        dialog.accept("Energy prices doubled")

    facilitator.once("dialog", accept)
    suggestion.get_by_test_id("accept-theme").click()
    expect(facilitator.get_by_test_id("theme-suggestion")).to_have_count(0)
    assert offered == ["Energy prices"]  # the prompt starts from the suggested title
    for page in (alfa, beta):
        expect(page.get_by_test_id("themes")).to_contain_text("Energy prices doubled")

    # A refused action says why on the page, in the user's language, and the console stays
    # live (an alert box would freeze it until clicked).
    facilitator.click("[data-testid=group-selected]")
    error = facilitator.get_by_test_id("action-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("Select at least two contributions")
    post(alfa, "Los proveedores de envases suben precios")
    expect(facilitator.get_by_test_id("feed")).to_contain_text("proveedores de envases")
    facilitator.click("[data-testid=dismiss-error]")
    expect(error).to_be_hidden()
    # A click that never reached the server says so, not "Failed to fetch".
    alfa.context.set_offline(True)
    alfa.click("[data-testid=ready]")
    expect(alfa.get_by_test_id("action-error")).to_contain_text("no hay conexión")  # es room
    alfa.context.set_offline(False)
