"""Every summary format, downloaded in the browser by the facilitator and two companies,
holds exactly what the rules let each of them take out of the room."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from tests.browser.conftest import LiveServer
from tests.browser.test_workshop_flow import create_workshop_with_companies, join

pytestmark = pytest.mark.browser

SHARED = "Compartimos transporte refrigerado con otra conservera"
PRIVATE = "Perdimos 40.000 euros por una auditoría fallida"
RED = "Nuestro margen real es del 3 por ciento"
PLAN = "Compra conjunta de envases con Gamma"
STEP = "Pedir tres presupuestos de envases"


def post(page: Any, text: str, sensitivity: str | None = None) -> None:
    page.fill("[data-testid=body]", text)
    if sensitivity:
        page.click("[data-testid=rules] summary")
        page.select_option("[data-testid=sensitivity]", sensitivity)
    page.click("[data-testid=send]")
    expect(page.get_by_test_id("feed").get_by_text(text)).to_have_count(1)


def download(page: Any, fmt: str, tmp_path: Path, who: str) -> Path:
    with page.expect_download() as info:
        page.click(
            f"[data-testid=download-summary-{fmt}]"
            if fmt != "md"
            else "[data-testid=download-summary]"
        )
    target = tmp_path / f"{who}.{fmt}"
    info.value.save_as(target)
    return target


def company_ids(page: Any, workshop_id: int) -> list[dict[str, Any]]:
    """The companies a participant may pick as plan parties (from the plan editor)."""
    page.goto(page.url.rsplit("/w/", 1)[0] + f"/w/{workshop_id}/plans/new")
    companies = json.loads(page.get_by_test_id("plan-editor").get_attribute("data-companies"))
    page.go_back()
    return list(companies)


def text_of(path: Path) -> str:
    if path.suffix == ".pdf":
        return subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    return path.read_bytes().decode("utf-8-sig")


def test_each_party_downloads_only_what_it_may(
    browser: Any, live_server: LiveServer, tmp_path: Path
) -> None:
    facilitator = browser.new_context(locale="es-ES", accept_downloads=True).new_page()
    links = create_workshop_with_companies(facilitator, live_server, ["Alfa", "Beta", "Gamma"])
    facilitator.select_option("[data-testid=topic-template]", "bad_practices")
    facilitator.click("[data-testid=open-topic]")
    alfa = join(
        browser.new_context(locale="es-ES", accept_downloads=True), links["Alfa"], "Luis", "CEO"
    )
    beta = join(
        browser.new_context(locale="es-ES", accept_downloads=True), links["Beta"], "Ana", "CFO"
    )
    gamma = join(browser.new_context(locale="es-ES"), links["Gamma"], "Eva", "COO")
    # Alfa and Gamma sign a plan; Beta is no party to it.
    wid = int(alfa.url.rstrip("/").rsplit("/", 1)[1])
    ids = {c["name"]: c["id"] for c in company_ids(alfa, wid)}
    created = alfa.request.post(
        f"{live_server.url}/api/v1/workshops/{wid}/plans",
        headers={"X-CSRFToken": alfa.locator("meta[name=csrf-token]").get_attribute("content")},
        data={
            "title": PLAN,
            "objective": "Bajar el coste de los envases",
            "parties": [{"company_id": ids["Alfa"]}, {"company_id": ids["Gamma"]}],
            "steps": [
                {
                    "title": STEP,
                    "due": "2027-02-01",
                    "milestone": True,
                    "owner_company_id": ids["Gamma"],
                }
            ],
        },
    )
    assert created.status == 201, created.text()
    assert gamma.request.get(f"{live_server.url}/api/v1/workshops/{wid}/plans").json()["plans"]
    post(alfa, SHARED)
    post(alfa, PRIVATE, "amber+strict")  # names nobody: only Alfa and the facilitator
    post(beta, RED, "red")
    expect(alfa.get_by_test_id("feed")).to_contain_text(RED)  # on screen, live

    facilitator.reload()
    draft = text_of(download(facilitator, "md", tmp_path, "draft"))
    assert "BORRADOR" in draft
    facilitator.click("[data-testid=close-workshop]")
    expect(alfa.get_by_test_id("phase")).to_contain_text("cerrado")
    alfa.reload()
    beta.reload()

    files: dict[str, dict[str, str]] = {}
    for who, page in (("facilitator", facilitator), ("alfa", alfa), ("beta", beta)):
        files[who] = {
            fmt: text_of(download(page, fmt, tmp_path, who))
            for fmt in ("pdf", "md", "json", "csv", "ics")
        }

    for who, by_format in files.items():
        for fmt, content in by_format.items():
            assert RED not in content, (who, fmt)  # RED never leaves the live session
        for fmt in ("pdf", "md", "json"):
            assert "Alfa" in by_format[fmt]
            assert "BORRADOR" not in by_format[fmt] or fmt == "json"
    for who in ("facilitator", "alfa", "beta"):
        assert SHARED in files[who]["md"] and SHARED in files[who]["json"]
        assert "Compartimos transporte" in files[who]["pdf"]
    assert PRIVATE in files["facilitator"]["md"] and PRIVATE in files["alfa"]["md"]
    for fmt in ("pdf", "md", "json", "csv", "ics"):
        assert "40.000" not in files["beta"][fmt], fmt
        assert "envases" not in files["beta"][fmt], fmt  # the plan it is no party to
        for who in ("facilitator", "alfa"):
            assert "envases" in files[who][fmt], (who, fmt)
    for who in ("facilitator", "alfa"):
        assert STEP in files[who]["csv"] and STEP in files[who]["ics"]
        assert (
            PLAN in files[who]["md"]
            and "Gamma" in json.loads(files[who]["json"])["plans"][0]["parties"]
        )

    document = json.loads(files["beta"]["json"])
    assert document["schema"] == "tertulia.summary/1"
    assert document["audit"]["tree_size"] > 0
    Calendar.from_ical(files["alfa"]["ics"])
    assert "Malas prácticas y fracasos" in files["alfa"]["pdf"]

    pdf = tmp_path / "beta.pdf"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    page_png = next(tmp_path.glob("page*.png"))
    assert page_png.stat().st_size > 5000
