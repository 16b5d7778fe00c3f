"""Plan, evaluation and ledger pages both sides render (each side authenticates, then calls
these with its viewer and the addresses its own routes use)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import abort, flash, redirect, render_template, request
from flask_babel import gettext

from shared.disclosure import Viewer
from shared.errors import ServiceError, ValidationFailed
from shared.services import followup, ledger, plans
from shared.services.plan_document import RESOURCE_STATUSES, STEP_STATUSES
from shared.web import deps, screen_language
from shared.web.labels import translated_errors


@dataclass(frozen=True)
class PlanUrls:
    """Where a side's pages and API live; `{id}` stands for a plan id."""

    list_page: str
    plan_page: str  # with {id}
    edit_page: str  # with {id}
    version_page: str  # with {id} and {version}
    create_api: str
    plan_api: str  # with {id}
    socket_namespace: str
    workshop_id: int


def labels() -> dict[str, Any]:
    return {
        "step_status_labels": followup.STEP_STATUS_LABELS,
        "plan_status_labels": followup.PLAN_STATUS_LABELS,
        "step_statuses": STEP_STATUSES,
        "resource_statuses": RESOURCE_STATUSES,
        "benefit_labels": ledger.BENEFIT_LABELS,
    }


def list_page(viewer: Viewer, urls: PlanUrls, template: str, **extra: Any) -> Any:
    return render_template(
        template,
        plans=plans.list_plans(deps(), viewer, urls.workshop_id),
        urls=urls,
        **labels(),
        **extra,
    )


def detail_page(viewer: Viewer, urls: PlanUrls, plan_id: int, template: str, **extra: Any) -> Any:
    return render_template(
        template, plan=plans.get_plan(deps(), viewer, plan_id), urls=urls, **labels(), **extra
    )


def editor_page(
    viewer: Viewer,
    urls: PlanUrls,
    template: str,
    companies: dict[int | str, str],
    plan_id: int | None = None,
    match_id: int | None = None,
    **extra: Any,
) -> Any:
    if plan_id is not None:
        plan = plans.get_plan(deps(), viewer, plan_id)
        document = {
            key: plan[key]
            for key in ("title", "objective", "follow_up", "limits", "third_parties", "parties")
        } | {"steps": plan["steps"]}
        base_version: int | None = plan["version"]
    elif match_id is not None:
        document = plans.draft_from_match(
            deps(), viewer, urls.workshop_id, match_id, screen_language()
        )
        base_version = None
    else:
        document = plans.blank_document(deps(), viewer, urls.workshop_id)
        base_version = None
    return render_template(
        template,
        urls=urls,
        plan_id=plan_id,
        base_version=base_version,
        document=document,
        companies=[{"id": cid, "name": name} for cid, name in companies.items()],
        parties_read_aliases=plans.parties_read_aliases(deps(), viewer, urls.workshop_id),
        **labels(),
        **extra,
    )


def version_page(
    viewer: Viewer, urls: PlanUrls, plan_id: int, version: int, template: str, **extra: Any
) -> Any:
    data = plans.get_version(deps(), viewer, plan_id, version)
    return render_template(template, version=data, urls=urls, **labels(), **extra)


def flash_refusal(exc: ServiceError) -> None:
    """A refused form action becomes a message on the page it came from; a 404 stays a 404
    (ids of what the person may not see reveal nothing)."""
    if exc.http_status == 404:
        raise exc
    if isinstance(exc, ValidationFailed):
        flash(" ".join(translated_errors(exc).values()), "error")
    else:
        flash(gettext(exc.message, **exc.params), "error")


def act(viewer: Viewer, urls: PlanUrls, plan_id: int, action: str, author: str) -> Any:
    """The detail page's forms: sign, a step's status, a progress note. Errors come back
    as a message on the same page; what was saved stays saved."""
    form = request.form
    try:
        if action == "approve":
            plans.approve(deps(), viewer, plan_id, form.get("version"))
            flash(gettext("You signed this version."), "ok")
        elif action == "status":
            plans.set_step_status(
                deps(), viewer, plan_id, form.get("step_key", ""), form.get("status")
            )
            flash(gettext("Step updated."), "ok")
        elif action == "note":
            plans.add_note(
                deps(), viewer, plan_id, form.get("step_key", ""), form.to_dict(), author
            )
            flash(gettext("Progress note added."), "ok")
        else:
            abort(400)
    except ServiceError as exc:
        flash_refusal(exc)
    return redirect(
        urls.plan_page.format(id=plan_id)
        + (f"#step-{form.get('step_key')}" if form.get("step_key") else "")
    )
