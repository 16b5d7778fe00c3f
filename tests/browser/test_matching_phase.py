"""Profiles, overlaps and combinations in the workshop, in real browsers."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import LiveServer
from tests.browser.test_workshop_flow import create_workshop_with_companies, join

pytestmark = pytest.mark.browser


def test_import_match_confirm_publish_and_mark_interest(
    browser: Any, live_server: LiveServer, tmp_path: Path
) -> None:
    facilitator = browser.new_context(locale="en-GB").new_page()
    links = create_workshop_with_companies(facilitator, live_server, ["Alfa", "Beta"])
    alfa = join(browser.new_context(locale="en-GB"), links["Alfa"], "Luis", "CEO")
    beta = join(browser.new_context(locale="en-GB"), links["Beta"], "Mary", "CFO")

    # Beta writes its own profile in its room; the facilitator imports Alfa's from a file.
    beta.click("[data-testid=profile] summary")
    # An empty profile is refused, and the page says which field and what to add.
    beta.click("[data-testid=save-profile]")
    expect(beta.locator("[data-testid=profile-activities][aria-invalid=true]")).to_be_visible()
    expect(beta.locator("#profile-form .field-message")).to_contain_text("at least one activity")
    expect(beta.locator("#profile-saved")).to_be_hidden()
    beta.fill("[data-testid=profile-activities]", "Vegetable canning\nAsparagus preserves")
    beta.fill("[data-testid=profile-seeks]", "Reduce the energy cost of sterilisation")
    beta.fill("[data-testid=profile-restricted]", "Our asparagus growers")
    beta.click("[data-testid=save-profile]")
    expect(beta.locator("#profile-saved")).to_be_visible()
    expect(beta.locator("#profile-form .field-message")).to_have_count(0)
    profile = {
        "companies": [
            {
                "name": "Alfa",
                "language": "en",
                "mission": "Energy services",
                "activities": ["Energy audits for food plants"],
                "seeks": ["New customers in vegetable canning"],
                "offers": ["Free energy audits", "Biomass boilers for process heat"],
                "restricted": [],
            }
        ]
    }
    upload = tmp_path / "profiles.json"
    upload.write_text(json.dumps(profile))
    facilitator.reload()
    # The overlaps phase is named on every screen (it has no topic: it once read "Welcome").
    facilitator.click("[data-testid=add-phase] summary")
    facilitator.select_option("[data-testid=phase-kind]", "overlaps")
    facilitator.click("[data-testid=add-phase-submit]")
    facilitator.locator("[data-testid=agenda-phase]").last.locator(
        "button", has_text=re.compile("Go|Ir")
    ).click()
    for page in (facilitator, alfa):
        expect(page.get_by_test_id("phase")).to_contain_text(
            re.compile("Overlaps and combinations|Solapes y sumatorios")
        )
    facilitator.set_input_files("[data-testid=import-file]", str(upload))
    facilitator.click("[data-testid=import-profiles]")
    expect(facilitator.get_by_test_id("matching")).to_contain_text(re.compile("2 (of|de) 2"))
    expect(facilitator.get_by_test_id("import-result")).to_contain_text("Profiles imported: Alfa")
    facilitator.click("[data-testid=run-matching]")
    results = facilitator.get_by_test_id("match-results").locator("li[data-match-id]")
    expect(results.first).to_be_visible()
    expect(facilitator.get_by_test_id("network")).to_be_visible()
    for _ in range(results.count()):
        facilitator.locator("li.status-suggested [data-testid=confirm-match]").first.click()
        facilitator.wait_for_load_state()
    # Alfa's screen switches language: the two rooms now read different languages.
    alfa.click("[data-testid=switch-language]")
    alfa.wait_for_load_state()
    expect(alfa.get_by_test_id("matches")).to_be_hidden()
    assert alfa.evaluate("document.documentElement.lang") != beta.evaluate(
        "document.documentElement.lang"
    )
    facilitator.click("[data-testid=publish-matches]")
    facilitator.wait_for_load_state()

    for page in (alfa, beta):
        expect(page.get_by_test_id("matches")).to_be_visible()
    expect(alfa.get_by_test_id("matches")).to_contain_text("Alfa")
    expect(alfa.get_by_test_id("matches")).to_contain_text("Beta")
    expect(alfa.get_by_test_id("matches")).not_to_contain_text("asparagus growers")
    # The live event carries both languages; each screen shows its own.
    shown = {"en": "offers|does|Potential client", "es": "ofrece|se dedica a|Posible cliente"}
    for page in (alfa, beta):
        lang = page.evaluate("document.documentElement.lang")
        other = "es" if lang == "en" else "en"
        expect(page.get_by_test_id("matches")).to_contain_text(re.compile(shown[lang]))
        expect(page.get_by_test_id("matches")).not_to_contain_text(re.compile(shown[other]))
    alfa.get_by_test_id("interest").first.click()
    beta.get_by_test_id("interest").first.click()
    expect(beta.get_by_test_id("matches")).to_contain_text(
        re.compile("Mutual interest|Interés mutuo")
    )
    # The console shows it as it happens, without a reload.
    expect(facilitator.locator("[data-testid=mutual-interest]:visible")).to_have_count(1)
    # The room links mutual interest to the plan it seeds.
    beta.get_by_test_id("start-plan").first.click()
    editor = beta.get_by_test_id("plan-editor")
    expect(editor).to_be_visible()
    assert json.loads(editor.get_attribute("data-document") or "{}")["match_id"]


def test_the_facilitator_filters_the_results_under_review_and_reads_their_evidence(
    browser: Any, live_server: LiveServer, tmp_path: Path
) -> None:
    """Twelve companies give dozens of results: the facilitator narrows the list by status,
    kind and company while reviewing, and the choice outlives the reload of each decision."""
    facilitator = browser.new_context(locale="en-GB").new_page()
    create_workshop_with_companies(facilitator, live_server, ["Alfa", "Beta", "Gamma"])
    profiles = {
        "companies": [
            {
                "name": "Alfa",
                "language": "en",
                "activities": ["Vegetable canning", "Asparagus preserves"],
                "seeks": ["Reduce the energy cost of sterilisation", "Export distributors"],
            },
            {
                "name": "Beta",
                "language": "en",
                "activities": ["Energy audits for food plants"],
                "offers": ["Free energy audits", "Biomass boilers for process heat"],
                "seeks": ["Export distributors"],
            },
            {
                "name": "Gamma",
                "language": "en",
                "activities": ["Asparagus canning", "Vegetable preserves in jars"],
                "seeks": ["Lower energy costs in our autoclaves"],
            },
        ]
    }
    upload = tmp_path / "profiles.json"
    upload.write_text(json.dumps(profiles))
    facilitator.reload()
    facilitator.set_input_files("[data-testid=import-file]", str(upload))
    facilitator.click("[data-testid=import-profiles]")
    expect(facilitator.get_by_test_id("import-result")).to_be_visible()
    facilitator.click("[data-testid=run-matching]")
    results = facilitator.locator("[data-testid=match-results] > li[data-match-id]")
    expect(results.first).to_be_visible()
    total = results.count()
    kinds = set(results.evaluate_all("rows => rows.map(r => r.dataset.kind)"))
    assert {"overlap", "combination"} <= kinds, kinds
    count = facilitator.get_by_test_id("filter-count")
    expect(count).to_have_text(f"{total} of {total} shown")

    # Only Beta's results: each names Beta, and the others are hidden, not gone.
    facilitator.select_option("[data-testid=filter-company]", label="Beta")
    visible = facilitator.locator("[data-testid=match-results] > li[data-match-id]:visible")
    beta_rows = visible.count()
    assert 0 < beta_rows < total
    for text in visible.all_inner_texts():
        assert "Beta" in text
    expect(count).to_have_text(f"{beta_rows} of {total} shown")

    # Confirming one reloads the page; the filter stays, and "to review" now lacks it.
    facilitator.select_option("[data-testid=filter-company]", value="")
    facilitator.select_option("[data-testid=filter-kind]", "overlap")
    overlap_id = visible.first.get_attribute("data-match-id")
    visible.first.get_by_test_id("confirm-match").click()
    expect(facilitator.locator(f'li[data-match-id="{overlap_id}"]')).to_have_attribute(
        "data-status", "confirmed"
    )
    expect(facilitator.get_by_test_id("filter-kind")).to_have_value("overlap")
    for kind in visible.evaluate_all("rows => rows.map(r => r.dataset.kind)"):
        assert kind == "overlap"
    facilitator.select_option("[data-testid=filter-status]", "suggested")
    expect(facilitator.locator(f'li[data-match-id="{overlap_id}"]')).to_be_hidden()
    facilitator.select_option("[data-testid=filter-status]", "confirmed")
    expect(visible).to_have_count(1)
    expect(facilitator.locator("[data-testid=filter-status] option:checked")).to_have_text(
        "Confirmed (1)"
    )

    # The facilitator reads which items matched (their evidence), folded under each result.
    evidence = visible.first.locator("details.evidence")
    evidence.locator("summary").click()
    expect(evidence).to_contain_text("Alfa")
    expect(evidence).to_contain_text("Gamma")

    # A stored choice the page cannot read (another version, a hand edit) is ignored: the
    # console still works and shows every result.
    facilitator.evaluate(
        """Object.keys(sessionStorage).filter(k => k.startsWith("tertulia-match-filters-"))
             .forEach(k => sessionStorage.setItem(k, "null"))"""
    )
    facilitator.reload()
    expect(count).to_have_text(f"{total} of {total} shown")
    facilitator.locator("li.status-suggested [data-testid=confirm-match]").first.click()
    expect(facilitator.locator("li.status-confirmed")).to_have_count(2)
