"""Pages: first-start setup, sign-in, forms that keep what was typed, headers, languages,
and that no sensitive text reaches the database file in the clear."""

from __future__ import annotations

import re
import stat
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from shared.models import Facilitator
from shared.services import accounts
from tests.conftest import PASSWORD, csrf_from, submit


def test_setup_link_creates_the_first_account_once(app: Any, deps: Any) -> None:
    token = accounts.issue_setup_token(deps)
    assert token
    client = app.test_client()
    page = f"/facilitator/setup/{token}"
    short = submit(
        client, page, page, {"name": "Ana", "email": "ana@example.com", "password": "short"}
    )
    assert short.status_code == 422
    assert "10" in short.get_data(as_text=True)
    assert 'value="ana@example.com"' in short.get_data(as_text=True)  # what was typed is kept
    done = submit(
        client, page, page, {"name": "Ana", "email": "ana@example.com", "password": PASSWORD}
    )
    assert done.status_code == 302
    assert client.get("/facilitator/").status_code == 200
    assert app.test_client().get(page).status_code == 404  # used: never again
    assert accounts.issue_setup_token(deps) is None
    with deps.db.transaction() as s:
        assert s.scalar(select(func.count(Facilitator.id))) == 1


def test_sign_in_and_forms_need_csrf(app: Any, world: Any) -> None:
    client = app.test_client()
    wrong = submit(
        client,
        "/facilitator/login",
        "/facilitator/login",
        {"email": "ana@example.com", "password": "nope nope nope"},
    )
    assert wrong.status_code == 401
    ok = submit(
        client,
        "/facilitator/login",
        "/facilitator/login",
        {"email": "ana@example.com", "password": PASSWORD},
    )
    assert ok.status_code == 302
    forged = client.post("/facilitator/workshops", data={"title": "x", "date": "2026-12-01"})
    assert forged.status_code == 400
    api_forged = client.post("/api/v1/workshops", json={"title": "x", "date": "2026-12-01"})
    assert api_forged.status_code == 400 and api_forged.json["error"]["code"] == "error"
    token = csrf_from(client, "/facilitator/")
    api_ok = client.post(
        "/api/v1/workshops",
        json={"title": "x", "date": "2026-12-01"},
        headers={"X-CSRFToken": token},
    )
    assert api_ok.status_code == 201


def test_invalid_workshop_form_says_what_to_fix_in_spanish(app: Any, world: Any) -> None:
    client = app.test_client()
    submit(
        client,
        "/facilitator/login",
        "/facilitator/login",
        {"email": "ana@example.com", "password": PASSWORD},
    )
    answer = submit(
        client,
        "/facilitator/",
        "/facilitator/workshops",
        {"title": "Mi taller", "date": "31/12/2026", "language": "es"},
    )
    html = answer.get_data(as_text=True)
    assert answer.status_code == 422
    assert "2026-12-31" in html and "Mi taller" in html


def test_security_headers_and_cookie_flags(app: Any, world: Any) -> None:
    client = app.test_client()
    page = client.get("/facilitator/login")
    csp = page.headers["Content-Security-Policy"]
    assert (
        "script-src 'self'" in csp
        and "frame-ancestors 'none'" in csp
        and "unsafe-inline" not in csp
    )
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert page.headers["Referrer-Policy"] == "no-referrer"
    cookie = page.headers.get("Set-Cookie", "")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_pages_follow_the_workshop_language_and_the_switch(app: Any, world: Any) -> None:
    client = app.test_client()
    link = f"/join/{world.invitations['Alfa']}"
    spanish = client.get(link).get_data(as_text=True)
    assert "Entrar al taller" in spanish
    token = csrf_from(client, link)
    client.post("/lang/en", data={"csrf_token": token, "next": link})
    english = client.get(link).get_data(as_text=True)
    assert "Enter the workshop" in english


def test_room_page_and_summary_for_a_participant(app: Any, world: Any) -> None:
    from shared.services import contributions, workshops

    contributions.post_contribution(
        world.deps,
        world.viewer("Beta"),
        {"client_id": "beta-000001", "body": "Fallo <b>grave</b>", "kind": "bad_practice"},
    )
    client = app.test_client()
    link = f"/join/{world.invitations['Alfa']}"
    assert submit(client, link, link, {"name": "Eva", "role": "COO"}).status_code == 302
    room = client.get(f"/w/{world.workshop_id}").get_data(as_text=True)
    assert "Fallo &lt;b&gt;grave&lt;/b&gt;" in room  # escaped, never markup
    draft = client.get(f"/w/{world.workshop_id}/summary.md").get_data(as_text=True)
    assert "BORRADOR" in draft or "DRAFT" in draft
    workshops.close_workshop(world.deps, world.facilitator, world.workshop_id)
    final = client.get(f"/w/{world.workshop_id}/summary.md").get_data(as_text=True)
    assert "DRAFT" not in final and "BORRADOR" not in final
    assert "Fallo \\<b\\>grave\\</b\\>" in final
    assert re.search(r"^# Taller agroalimentario", final, re.M)


def test_downloads_are_never_cached_static_files_may_be(app: Any, world: Any) -> None:
    """Summaries hold what only this viewer may see: a shared or browser cache must not
    keep them (pages and API answers were covered; downloads were not)."""
    client = app.test_client()
    link = f"/join/{world.invitations['Alfa']}"
    assert submit(client, link, link, {"name": "Eva", "role": "COO"}).status_code == 302
    for path in (f"/w/{world.workshop_id}/summary.md", f"/w/{world.workshop_id}/summary.pdf"):
        answer = client.get(path)
        assert answer.status_code == 200, path
        assert answer.headers.get("Cache-Control") == "no-store", path
    script = client.get("/static/js/console.js")
    assert script.status_code == 200
    assert script.headers.get("Cache-Control") != "no-store"


def test_the_database_files_are_readable_by_their_owner_only(app: Any, world: Any) -> None:
    from shared.services import contributions

    if not world.deps.db.is_sqlite:
        return
    contributions.post_contribution(
        world.deps, world.viewer("Alfa"), {"client_id": "alfa-000002", "body": "x"}
    )
    path = Path(world.deps.db.url.replace("sqlite:///", ""))
    files = [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]
    assert len(files) == 3  # WAL mode: all three exist while the app runs
    for file in files:
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file


def test_contribution_text_is_not_in_the_database_file(app: Any, world: Any) -> None:
    from shared.services import contributions

    canary = "CANARY-7f3a9c-failure-story"
    contributions.post_contribution(
        world.deps, world.viewer("Alfa"), {"client_id": "alfa-000001", "body": canary}
    )
    if not world.deps.db.is_sqlite:
        return
    world.deps.db.checkpoint()
    path = world.deps.db.url.replace("sqlite:///", "")
    for suffix in ("", "-wal"):
        try:
            data = Path(path + suffix).read_bytes()
        except FileNotFoundError:
            continue
        assert canary.encode() not in data
    assert any(
        canary == c["body"]
        for c in contributions.list_contributions(
            world.deps,
            world.facilitator,
            world.workshop_id,
            __import__("shared.disclosure").disclosure.Channel.PAGE,
        )
    )


def test_a_fetch_answered_late_cannot_erase_the_invitation_link(app: Any, world: Any) -> None:
    """The console fetches while the facilitator submits a form. A fetch sent with the
    earlier cookie and answered after the form must not put that cookie back: the form's
    cookie carries the invitation link, which is shown once."""
    browser = app.test_client()
    submit(
        browser,
        "/facilitator/login",
        "/facilitator/login",
        {"email": "ana@example.com", "password": PASSWORD},
    )
    console = f"/facilitator/workshops/{world.workshop_id}"
    token = csrf_from(browser, console)
    cookie_sent_with_the_fetch = browser.get_cookie("tertulia_session").value
    added = browser.post(
        f"{console}/companies", data={"name": "Gamma Conservas", "csrf_token": token}
    )
    assert added.status_code == 302

    late_fetch = app.test_client()
    late_fetch.set_cookie("tertulia_session", cookie_sent_with_the_fetch)
    for path in (f"/api/v1/workshops/{world.workshop_id}", "/static/js/console.js"):
        answer = late_fetch.get(path)
        assert answer.status_code == 200
        for header in answer.headers.get_all("Set-Cookie"):  # what the browser would store
            name, _, rest = header.partition("=")
            browser.set_cookie(name, rest.split(";")[0])

    page = browser.get(console).get_data(as_text=True)
    assert "Gamma Conservas" in page
    assert re.search(r"/join/[A-Za-z0-9_-]{20,}", page), "the one-time link was lost"

    # Opening a page still slides the session's 30 days, so people who come back to
    # follow their plans up stay signed in.
    opened = browser.get(console, headers={"Sec-Fetch-Mode": "navigate"})
    assert "tertulia_session=" in opened.headers.get("Set-Cookie", "")
