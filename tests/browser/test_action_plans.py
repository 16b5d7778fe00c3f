"""Action plans, follow-up, calendar and the ledger in real browsers (issue 6)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from tests.browser.conftest import LiveServer, make_live_server
from tests.browser.test_workshop_flow import create_workshop_with_companies, join

pytestmark = pytest.mark.browser

# Collects the plans.changed events one browser's own Socket.IO connection receives.
COLLECT_PLAN_EVENTS = """(workshopId) => {
  window.planEvents = [];
  const socket = io("/participant", { auth: { workshop_id: workshopId } });
  socket.on("event", (e) => { if (e.type === "plans.changed") window.planEvents.push(e); });
  return new Promise((resolve) => socket.on("connect", () => resolve(true)));
}"""


@pytest.fixture
def clocked_server(tmp_path: Path) -> Iterator[LiveServer]:
    server = make_live_server(tmp_path)
    server.env["TERTULIA_TESTING_CLOCK_OFFSET_FILE"] = str(tmp_path / "clock-offset")
    server.start()
    yield server
    server.stop()


def move_clock(tmp_path: Path, days: int) -> None:
    (tmp_path / "clock-offset").write_text(str(days * 86400))


def workshop_id_of(page: Any) -> int:
    return int(re.search(r"/w/(\d+)", page.url).group(1))  # type: ignore[union-attr]


def test_two_companies_create_sign_and_follow_up_a_plan_a_third_never_sees(
    browser: Any, clocked_server: LiveServer, tmp_path: Path
) -> None:
    server = clocked_server
    facilitator = browser.new_context(locale="en-GB").new_page()
    links = create_workshop_with_companies(facilitator, server, ["Alfa", "Beta", "Gamma"])
    alfa = join(browser.new_context(locale="en-GB"), links["Alfa"], "Luis", "CEO")
    beta = join(browser.new_context(locale="en-GB"), links["Beta"], "Mary", "CFO")
    gamma = join(browser.new_context(locale="en-GB"), links["Gamma"], "Olga", "COO")
    wid = workshop_id_of(alfa)
    # A second tab per company only listens, so that navigating the first loses nothing.
    watchers = {}
    for name, page in (("Beta", beta), ("Gamma", gamma)):
        watchers[name] = page.context.new_page()
        watchers[name].goto(f"{server.url}/w/{wid}")
        assert watchers[name].evaluate(COLLECT_PLAN_EVENTS, wid)

    # Alfa drafts a plan with Beta: parties, a dated milestone with an owner and resources.
    due = (date.today() + timedelta(days=10)).isoformat()
    alfa.click("[data-testid=plans-link]")
    alfa.click("[data-testid=new-plan]")
    editor = alfa.get_by_test_id("plan-editor")
    alfa.fill("[data-testid=plan-title-input]", "Misión conjunta a México")
    alfa.fill("[data-testid=plan-objective-input]", "Exportar conservas juntos")
    beta_row = editor.locator("[data-testid=party-row]", has_text="Beta")
    beta_row.get_by_test_id("party-on").check()
    beta_row.get_by_test_id("party-gives").fill("Contactos con distribuidores")
    alfa.click("[data-testid=add-step]")
    step = editor.get_by_test_id("step-row").first
    step.get_by_test_id("step-title-input").fill("Primera reunión con distribuidores")
    step.get_by_test_id("step-milestone").check()
    step.get_by_test_id("step-due").fill(due)
    step.get_by_test_id("step-owner").select_option(label="Alfa")
    step.get_by_test_id("add-resource").click()
    step.get_by_test_id("resource-name").fill("Sala de reuniones")
    step.get_by_test_id("resource-status").select_option("available")
    step.get_by_test_id("resource-provider").select_option(label="Beta")
    alfa.fill("[data-testid=plan-third-input]", "Nada fuera sin acuerdo de ambas")

    # A bad date is named next to its step; nothing is lost from the form.
    step.get_by_test_id("step-due").evaluate("(n) => { n.type = 'text'; n.value = '31/02/2027'; }")
    alfa.click("[data-testid=save-plan]")
    expect(alfa.get_by_test_id("plan-error")).to_be_visible()
    expect(step.get_by_test_id("field-error")).to_be_visible()
    expect(alfa.get_by_test_id("plan-title-input")).to_have_value("Misión conjunta a México")
    step.get_by_test_id("step-due").evaluate(f"(n) => {{ n.value = '{due}'; }}")
    alfa.click("[data-testid=save-plan]")
    expect(alfa.get_by_test_id("plan-title")).to_have_text("Misión conjunta a México")
    expect(alfa.get_by_test_id("plan-status")).to_have_attribute("data-status", "draft")
    plan_url = alfa.url
    plan_id = int(plan_url.rstrip("/").rsplit("/", 1)[1])
    alfa.click("[data-testid=sign-plan]")

    # Beta is told live, reads it and signs: every party has signed this version.
    beta.goto(f"{server.url}/w/{wid}/plans")
    expect(beta.get_by_test_id("plan-card")).to_have_count(1)
    beta.get_by_test_id("plan-link").click()
    expect(beta.get_by_test_id("plan-objective")).to_have_text("Exportar conservas juntos")
    beta.click("[data-testid=sign-plan]")
    expect(beta.get_by_test_id("plan-status")).to_have_attribute("data-status", "signed")
    expect(beta.get_by_test_id("party-signed").nth(0)).to_have_attribute("data-signed", "1")
    expect(beta.get_by_test_id("party-signed").nth(1)).to_have_attribute("data-signed", "1")

    # Gamma: not on its page, not by the API, not through its socket.
    gamma.goto(f"{server.url}/w/{wid}/plans")
    expect(gamma.get_by_test_id("plan-list")).to_be_visible()
    expect(gamma.get_by_test_id("plan-card")).to_have_count(0)
    assert gamma.request.get(f"{server.url}/w/{wid}/plans/{plan_id}").status == 404
    assert gamma.request.get(f"{server.url}/api/v1/workshops/{wid}/plans/{plan_id}").status == 404
    listing = gamma.request.get(f"{server.url}/api/v1/workshops/{wid}/plans").json()
    assert listing == {"plans": []}
    ics = gamma.request.get(f"{server.url}/api/v1/workshops/{wid}/plans.ics").body()
    assert b"VEVENT" not in ics and "México".encode() not in ics
    watchers["Beta"].wait_for_function("window.planEvents.length >= 3")
    assert watchers["Gamma"].evaluate("window.planEvents.length") == 0
    received = watchers["Beta"].evaluate("window.planEvents")
    assert all("México" in e["data"]["plan"]["title"] for e in received)

    # The workshop closes; later the companies come back to follow the plan up.
    facilitator.click("[data-testid=close-workshop]")
    beta.goto(plan_url.replace(f"/w/{wid}/plans", f"/w/{wid}/plans"))
    step_card = beta.get_by_test_id("plan-step").first
    step_card.get_by_test_id("step-status").select_option("in_progress")
    step_card.get_by_test_id("step-status-save").click()
    step_card = beta.get_by_test_id("plan-step").first
    expect(step_card).to_have_attribute("data-status", "in_progress")
    step_card.get_by_test_id("step-note-text").fill("Sala reservada para enero")
    step_card.get_by_test_id("step-note-save").click()
    expect(beta.get_by_test_id("step-note")).to_contain_text("Sala reservada para enero")

    # A change after sign-off is a new version that every party approves again.
    alfa.goto(plan_url)
    alfa.click("[data-testid=edit-plan]")
    alfa.fill("[data-testid=plan-objective-input]", "Exportar conservas y aceite juntos")
    alfa.click("[data-testid=save-plan]")
    expect(alfa.get_by_test_id("plan-status")).to_have_attribute("data-status", "changed")
    expect(alfa.get_by_test_id("plan-versions").locator("li")).to_have_count(2)
    step_card = alfa.get_by_test_id("plan-step").first
    expect(step_card).to_have_attribute("data-status", "in_progress")  # follow-up kept
    alfa.click("[data-testid=sign-plan]")
    beta.goto(plan_url)
    beta.click("[data-testid=sign-plan]")
    expect(beta.get_by_test_id("plan-status")).to_have_attribute("data-status", "signed")

    # The calendar parses and holds the milestone.
    ics = beta.request.get(f"{server.url}/api/v1/workshops/{wid}/plans.ics")
    assert ics.headers["content-type"].startswith("text/calendar")
    events = list(Calendar.from_ical(ics.body()).walk("VEVENT"))
    assert [e["dtstart"].dt.isoformat() for e in events] == [due]
    assert "Primera reunión con distribuidores" in str(events[0]["summary"])

    # The clock passes the step's date: it is overdue for the parties and on the dashboard.
    expect(beta.get_by_test_id("step-overdue")).to_have_count(0)
    move_clock(tmp_path, 11)
    beta.reload()
    expect(beta.get_by_test_id("plan-step").first).to_have_attribute("data-overdue", "1")
    expect(beta.get_by_test_id("step-overdue")).to_be_visible()
    facilitator.goto(server.url + "/facilitator/plans")
    row = facilitator.get_by_test_id("dashboard-plan")
    expect(row).to_have_count(1)
    expect(row.get_by_test_id("dashboard-overdue")).to_have_text("1")


def test_evaluations_make_the_ledger(browser: Any, live_server: LiveServer) -> None:
    facilitator = browser.new_context(locale="en-GB").new_page()
    links = create_workshop_with_companies(facilitator, live_server, ["Alfa", "Beta", "Gamma"])
    alfa = join(browser.new_context(locale="en-GB"), links["Alfa"], "Luis", "CEO")
    beta = join(browser.new_context(locale="en-GB"), links["Beta"], "Mary", "CFO")
    gamma = join(browser.new_context(locale="en-GB"), links["Gamma"], "Olga", "COO")

    alfa.click("[data-testid=evaluation-link]")
    card = alfa.get_by_test_id("rate-company").filter(has_text="Beta")
    card.get_by_test_id("rate-received-information").select_option("4")
    card.get_by_test_id("rate-received-information-comment").fill("Datos de mercado")
    card.get_by_test_id("rate-given-time").select_option("2")
    card.get_by_test_id("rate-save").click()
    alfa.get_by_test_id("feedback-useful").select_option("5")
    alfa.get_by_test_id("feedback-benchmarking-no").check()
    alfa.get_by_test_id("feedback-save").click()
    expect(alfa.get_by_test_id("feedback-useful")).to_have_value("5")

    beta.click("[data-testid=evaluation-link]")
    card = beta.get_by_test_id("rate-company").filter(has_text="Alfa")
    card.get_by_test_id("rate-received-contacts").select_option("3")
    card.get_by_test_id("rate-save").click()

    # Alfa gave 5: contacts 3 as Beta rated them, time 2 as Alfa said (Beta did not rate
    # time); it received 4 (information, its own rating of what Beta gave).
    alfa.click("[data-testid=ledger-link]")
    company = alfa.get_by_test_id("ledger-company")
    expect(company).to_have_count(1)
    expect(company.get_by_test_id("ledger-given")).to_have_text("5")
    expect(company.get_by_test_id("ledger-received")).to_have_text("4")
    expect(alfa.get_by_test_id("ledger-pair")).to_contain_text("Beta")

    gamma.click("[data-testid=ledger-link]")
    expect(gamma.get_by_test_id("ledger-pairs")).to_be_visible()
    expect(gamma.get_by_test_id("ledger-pair")).to_have_count(0)
    assert gamma.request.get(gamma.url).text().count("Datos de mercado") == 0

    facilitator.goto(facilitator.url)
    facilitator.click("[data-testid=workshop-ledger-link]")
    expect(facilitator.get_by_test_id("ledger-pair")).to_have_count(1)
    expect(facilitator.get_by_test_id("feedback")).to_contain_text("Alfa")


def test_under_a_pseudonymous_charter_plans_and_ratings_name_and_refer_by_alias(
    browser: Any, live_server: LiveServer
) -> None:
    """The editor and the rating form work with aliases, and nothing a party's browser
    receives about a plan carries another company's id (ids travel beside real names)."""
    facilitator = browser.new_context(locale="en-GB").new_page()
    links = create_workshop_with_companies(facilitator, live_server, ["Alfa", "Beta"])
    facilitator.get_by_test_id("propose-charter").locator("summary").click()
    facilitator.get_by_test_id("charter-attribution").select_option("pseudonymous")
    facilitator.get_by_test_id("propose").click()
    alfa = join(browser.new_context(locale="en-GB"), links["Alfa"], "Luis", "CEO")
    beta = join(browser.new_context(locale="en-GB"), links["Beta"], "Mary", "CFO")
    wid = workshop_id_of(alfa)
    companies = {
        c["own"]: c
        for c in alfa.request.get(
            f"{live_server.url}/api/v1/workshops/{wid}/plans/companies"
        ).json()["companies"]
    }
    beta_alias = companies[False]["name"]
    # The workshop is in Spanish: so is the alias, whatever the screen's language.
    assert beta_alias.startswith("Empresa ") and companies[False]["company_id"] == beta_alias

    alfa.click("[data-testid=plans-link]")
    alfa.click("[data-testid=new-plan]")
    editor = alfa.get_by_test_id("plan-editor")
    expect(editor.locator("[data-testid=party-row]", has_text="Beta")).to_have_count(0)
    # The author is told that what it writes may tell the parties who is who.
    expect(alfa.get_by_test_id("alias-hint")).to_contain_text("alias")
    alfa.fill("[data-testid=plan-title-input]", "Compra conjunta")
    alfa.fill("[data-testid=plan-objective-input]", "Comprar envases juntos")
    editor.locator("[data-testid=party-row]", has_text=beta_alias).get_by_test_id(
        "party-on"
    ).check()
    alfa.click("[data-testid=add-step]")
    step = editor.get_by_test_id("step-row").first
    step.get_by_test_id("step-title-input").fill("Pedir presupuestos")
    step.get_by_test_id("step-owner").select_option(label=beta_alias)
    alfa.click("[data-testid=save-plan]")
    expect(alfa.get_by_test_id("plan-title")).to_have_text("Compra conjunta")
    plan_id = int(alfa.url.rstrip("/").rsplit("/", 1)[1])

    beta.goto(f"{live_server.url}/w/{wid}/plans/{plan_id}")
    expect(beta.get_by_test_id("plan-objective")).to_have_text("Comprar envases juntos")
    as_beta = beta.request.get(f"{live_server.url}/api/v1/workshops/{wid}/plans/{plan_id}")
    plan = as_beta.json()["plan"]
    assert "Alfa" not in as_beta.text()
    assert all(isinstance(ref, str) for ref in plan["party_ids"])
    assert plan["steps"][0]["owner"] == "Beta"

    beta.click("[data-testid=evaluation-link]")
    card = beta.get_by_test_id("rate-company")
    expect(card).to_have_count(1)
    expect(card).not_to_contain_text("Alfa")
    card.get_by_test_id("rate-received-time").select_option("3")
    card.get_by_test_id("rate-save").click()
    expect(beta.get_by_role("status")).to_be_visible()
    ratings = beta.request.get(f"{live_server.url}/api/v1/workshops/{wid}/evaluations").json()
    assert [(r["other_company_id"], r["value"]) for r in ratings["ratings"]] == [
        (companies[True]["company_id"], 3)
    ]


def test_what_a_company_types_before_the_editor_script_runs_is_kept(
    browser: Any, live_server: LiveServer
) -> None:
    """On a slow laptop the form is on screen before its script has run: the script fills
    the fields from the plan, and must not wipe what was already typed."""
    facilitator = browser.new_context(locale="en-GB").new_page()
    links = create_workshop_with_companies(facilitator, live_server, ["Alfa", "Beta"])
    alfa = join(browser.new_context(locale="en-GB"), links["Alfa"], "Luis", "CEO")
    wid = workshop_id_of(alfa)
    held: list[Any] = []
    alfa.route("**/js/plans.js", lambda route: held.append(route))
    alfa.goto(f"{live_server.url}/w/{wid}/plans/new", wait_until="commit")
    alfa.fill("[data-testid=plan-title-input]", "Compra conjunta")
    for _ in range(50):  # the route is called while Playwright waits
        if held:
            break
        alfa.wait_for_timeout(100)
    assert held, "the editor's script was asked for"
    expect(alfa.get_by_test_id("party-row")).to_have_count(0)  # the script has not run
    held[0].continue_()
    expect(alfa.get_by_test_id("party-row")).to_have_count(2)
    expect(alfa.get_by_test_id("plan-title-input")).to_have_value("Compra conjunta")
