"""The whole thin flow in three browsers: facilitator, company Alfa, company Beta."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import LiveServer, login

pytestmark = pytest.mark.browser


def create_workshop_with_companies(
    page: Any, server: LiveServer, names: list[str]
) -> dict[str, str]:
    login(page, server)
    page.fill("input[name=title]", "Taller de conserveras")
    page.fill("textarea[name=objective]", "Compartir fracasos y barreras")
    page.fill("input[name=date]", "2026-12-01")
    page.select_option("select[name=language]", "es")
    page.click("[data-testid=create-workshop]")
    page.wait_for_url(re.compile(r".*/facilitator/workshops/\d+$"))
    links = {}
    for name in names:
        page.fill("#companies input[name=name]", name)
        page.click("[data-testid=add-company]")
        # This company's message: until the form's answer arrives the page still shows
        # the previous company's link.
        flash = page.locator(".flash-link", has_text=name)
        links[name] = re.search(r"https?://\S+/join/[A-Za-z0-9_-]+", flash.inner_text()).group(0)
    return links


def join(context: Any, link: str, name: str, role: str, accept: bool = True) -> Any:
    page = context.new_page()
    page.goto(link)
    page.fill("input[name=name]", name)
    page.fill("input[name=role]", role)
    page.click("[data-testid=join]")
    page.wait_for_url(re.compile(r".*/w/\d+$"))
    if accept and page.get_by_test_id("accept-charter").count():
        expect(page.get_by_test_id("charter-terms")).to_be_visible()
        page.click("[data-testid=accept-charter]")
        expect(page.get_by_test_id("charter")).to_have_count(0)
    expect(page.get_by_test_id("connection")).to_have_attribute("data-state", "connected")
    return page


def test_three_browsers_run_a_workshop(browser: Any, live_server: LiveServer) -> None:
    facilitator = browser.new_context(locale="es-ES").new_page()
    links = create_workshop_with_companies(
        facilitator, live_server, ["Conservas Alfa", "Beta Foods"]
    )
    assert links["Conservas Alfa"] != links["Beta Foods"]

    alfa = join(browser.new_context(locale="es-ES"), links["Conservas Alfa"], "Luis", "Gerente")
    beta = join(browser.new_context(locale="en-GB"), links["Beta Foods"], "Mary", "CFO")

    # Presence is live for everyone, the facilitator included.
    facilitator.reload()
    for page in (alfa, beta, facilitator):
        expect(page.get_by_test_id("presence")).to_contain_text("Luis")
        expect(page.get_by_test_id("presence")).to_contain_text("Mary")
    expect(alfa.get_by_test_id("phase")).to_contain_text("facilitador")  # welcome, in Spanish

    # The facilitator opens a topic; both rooms follow without reloading.
    facilitator.select_option("[data-testid=topic-template]", "bad_practices")
    facilitator.click("[data-testid=open-topic]")
    expect(alfa.get_by_test_id("topic-title")).to_have_text("Malas prácticas y fracasos")
    expect(beta.get_by_test_id("topic-title")).to_have_text("Malas prácticas y fracasos")

    alfa.select_option("[data-testid=kind]", "bad_practice")
    alfa.fill("[data-testid=body]", "Lanzamos una línea sin validar el mercado y fracasó")
    alfa.click("[data-testid=send]")
    text = "Lanzamos una línea sin validar el mercado y fracasó"
    for page in (alfa, beta, facilitator):
        expect(page.get_by_test_id("feed").get_by_text(text)).to_have_count(1)
    expect(beta.get_by_test_id("feed")).to_contain_text("Conservas Alfa")
    expect(alfa.get_by_test_id("pending-item")).to_have_count(0)

    # Closing: every room is told; summaries download per viewer.
    facilitator.click("[data-testid=close-workshop]")
    expect(alfa.get_by_test_id("phase")).to_contain_text("cerrado")
    with facilitator.expect_download() as download:
        facilitator.click("[data-testid=download-summary]")
    summary = Path(download.value.path()).read_text(encoding="utf-8")
    assert (
        "# Taller de conserveras" in summary and "fracasó" in summary and "BORRADOR" not in summary
    )
    with beta.expect_download() as download:
        beta.click("[data-testid=download-summary]")
    beta_summary = Path(download.value.path()).read_text(encoding="utf-8")
    assert "Beta Foods" in beta_summary and "fracasó" in beta_summary
