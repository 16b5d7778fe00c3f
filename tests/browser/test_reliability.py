"""Nothing a participant sends is lost or duplicated: offline while posting, a reload with
unsent text, and a server restart in the middle of a round."""

from __future__ import annotations

import json
import re
import urllib.request
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import LiveServer, login
from tests.browser.test_workshop_flow import create_workshop_with_companies, join

pytestmark = pytest.mark.browser


def open_round(facilitator: Any) -> None:
    facilitator.select_option("[data-testid=topic-template]", "barriers")
    facilitator.click("[data-testid=open-topic]")


def feed_bodies(server: LiveServer, token: str, workshop_id: int) -> list[str]:
    request = urllib.request.Request(
        f"{server.url}/api/v1/workshops/{workshop_id}/feed",
        headers={"Authorization": f"Bearer {token}"},
    )
    with urllib.request.urlopen(request) as answer:
        return [c["body"] for c in json.load(answer)["contributions"]]


def api_join(server: LiveServer, link: str) -> dict[str, Any]:
    token = link.rsplit("/", 1)[1]
    request = urllib.request.Request(
        server.url + "/api/v1/join",
        method="POST",
        headers={"Content-Type": "application/json"},
        data=json.dumps({"invitation": token, "name": "Auditor", "role": "QA"}).encode(),
    )
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)


def post(page: Any, text: str) -> None:
    page.fill("[data-testid=body]", text)
    page.click("[data-testid=send]")


def test_offline_posts_arrive_once_when_back_online(browser: Any, live_server: LiveServer) -> None:
    facilitator = browser.new_context().new_page()
    links = create_workshop_with_companies(facilitator, live_server, ["Alfa", "Beta"])
    open_round(facilitator)
    alfa_context = browser.new_context()
    alfa = join(alfa_context, links["Alfa"], "Luis", "Gerente")
    beta = join(browser.new_context(), links["Beta"], "Mary", "CFO")
    checker = api_join(live_server, links["Beta"])

    alfa_context.set_offline(True)
    expect(alfa.get_by_test_id("connection")).to_have_attribute(
        "data-state", "offline", timeout=30000
    )
    post(alfa, "Escrito sin conexión 1")
    post(alfa, "Escrito sin conexión 2")
    expect(alfa.get_by_test_id("pending-item")).to_have_count(2)
    expect(beta.get_by_test_id("feed")).not_to_contain_text("sin conexión")

    # A reload while offline keeps the unsent text (sessionStorage), never on the server yet.
    assert feed_bodies(live_server, checker["token"], checker["workshop_id"]) == []

    alfa_context.set_offline(False)
    expect(alfa.get_by_test_id("connection")).to_have_attribute(
        "data-state", "connected", timeout=30000
    )
    for text in ("Escrito sin conexión 1", "Escrito sin conexión 2"):
        expect(beta.get_by_test_id("feed").get_by_text(text)).to_have_count(1)
        expect(alfa.get_by_test_id("feed").get_by_text(text)).to_have_count(1)
    expect(alfa.get_by_test_id("pending-item")).to_have_count(0)
    bodies = feed_bodies(live_server, checker["token"], checker["workshop_id"])
    assert sorted(bodies) == ["Escrito sin conexión 1", "Escrito sin conexión 2"]


def test_server_restart_mid_round_loses_nothing(browser: Any, live_server: LiveServer) -> None:
    facilitator = browser.new_context().new_page()
    links = create_workshop_with_companies(facilitator, live_server, ["Alfa", "Beta"])
    open_round(facilitator)
    alfa = join(browser.new_context(), links["Alfa"], "Luis", "Gerente")
    beta = join(browser.new_context(), links["Beta"], "Mary", "CFO")
    post(alfa, "Antes del reinicio")
    expect(beta.get_by_test_id("feed").get_by_text("Antes del reinicio")).to_have_count(1)

    live_server.stop()
    expect(alfa.get_by_test_id("connection")).to_have_attribute(
        "data-state", "offline", timeout=30000
    )
    post(alfa, "Durante el reinicio")
    expect(alfa.get_by_test_id("pending-item")).to_have_count(1)
    live_server.start()

    # Both rooms come back on their own, without a reload, and catch up.
    for page in (alfa, beta):
        expect(page.get_by_test_id("connection")).to_have_attribute(
            "data-state", "connected", timeout=30000
        )
        expect(page.get_by_test_id("feed").get_by_text("Durante el reinicio")).to_have_count(1)
        expect(page.get_by_test_id("feed").get_by_text("Antes del reinicio")).to_have_count(1)
    expect(beta.get_by_test_id("topic-title")).to_be_visible()


def test_first_start_prints_a_setup_link_that_works_once(browser: Any, tmp_path: Any) -> None:
    from tests.browser.conftest import make_live_server

    server = make_live_server(tmp_path, with_facilitator=False)
    server.start()
    try:
        match = re.search(r"https?://\S+/facilitator/setup/\S+", server.log())
        assert match, server.log()
        page = browser.new_context().new_page()
        page.goto(match.group(0))
        page.fill("input[name=name]", "Ana")
        page.fill("input[name=email]", "ana@example.com")
        page.fill("input[name=password]", "correct horse battery staple")
        page.click("[data-testid=create-account]")
        page.wait_for_url("**/facilitator/")
        again = browser.new_context().new_page()
        again.goto(match.group(0))
        expect(again.get_by_test_id("error-message")).to_be_visible()
        login(browser.new_context().new_page(), server)
    finally:
        server.stop()
