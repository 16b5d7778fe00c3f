"""Console pages. Each handler: read the form, call one service, render or redirect."""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext

from facilitator.auth import login_required, session_facilitator
from shared.disclosure import Channel, Viewer
from shared.errors import ServiceError, ValidationFailed
from shared.services import (
    accounts,
    agenda,
    carry_over,
    charters,
    contributions,
    followup,
    ledger,
    matches,
    plans,
    profiles,
    room,
    workshops,
)
from shared.web import deps, plan_pages, screen_language
from shared.web.downloads import summary_response
from shared.web.labels import (
    KIND_LABELS,
    MATCH_FILTER_LABELS,
    MATCH_LABELS,
    MATCH_STATUS_LABELS,
    kind_label,
    rule_labels,
    translated_errors,
)
from shared.web.network import network_svg
from shared.web.plan_pages import PlanUrls

views = Blueprint("facilitator", __name__, url_prefix="/facilitator")


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("facilitator.dashboard")


@views.route("/setup/<token>", methods=["GET", "POST"])
def setup(token: str) -> Any:
    if not accounts.setup_token_valid(deps(), token):
        return render_template(
            "error.html",
            message=gettext(
                "This setup link is no longer valid. Restart the server to print a new one, "
                "or ask the account's owner to log in."
            ),
        ), 404
    errors: dict[str, str] = {}
    if request.method == "POST":
        try:
            person = accounts.complete_setup(deps(), token, request.form.to_dict())
        except ValidationFailed as exc:
            errors = translated_errors(exc)
        else:
            session.clear()
            session["facilitator_id"] = person.id
            session["lang"] = person.locale
            flash(gettext("Your facilitator account is ready."))
            return redirect(url_for("facilitator.dashboard"))
    return render_template(
        "facilitator/setup.html", form=request.form, errors=errors, token=token
    ), (422 if errors else 200)


@views.route("/login", methods=["GET", "POST"])
def login() -> Any:
    error = None
    if request.method == "POST":
        person = accounts.authenticate(
            deps(), request.form.get("email", ""), request.form.get("password", "")
        )
        if person:
            session.clear()
            session["facilitator_id"] = person.id
            session.permanent = True
            return redirect(_safe_next(request.args.get("next")))
        error = gettext("Email or password is not right. Check both and try again.")
    return render_template("facilitator/login.html", error=error, form=request.form), (
        401 if error else 200
    )


@views.route("/logout", methods=["POST"])
def logout() -> Any:
    session.pop("facilitator_id", None)
    return redirect(url_for("facilitator.login"))


@views.route("/")
@login_required
def dashboard(actor: Viewer) -> Any:
    return render_template(
        "facilitator/dashboard.html",
        workshops=workshops.list_workshops(deps(), actor),
        form={},
        errors={},
    )


@views.route("/workshops", methods=["POST"])
@login_required
def create_workshop(actor: Viewer) -> Any:
    try:
        workshop = workshops.create_workshop(deps(), actor, request.form.to_dict())
    except ValidationFailed as exc:
        return render_template(
            "facilitator/dashboard.html",
            workshops=workshops.list_workshops(deps(), actor),
            form=request.form,
            errors=translated_errors(exc),
        ), 422
    return redirect(url_for("facilitator.console", workshop_id=workshop.id))


def _render_console(actor: Viewer, workshop_id: int, status: int = 200, **extra: Any) -> Any:
    state = room.room_state(deps(), actor, workshop_id)
    results = matches.views(deps(), actor, workshop_id, screen_language())
    return render_template(
        "facilitator/console.html",
        state=state,
        companies=workshops.companies_overview(deps(), actor, workshop_id),
        feed=contributions.list_contributions(deps(), actor, workshop_id, Channel.PAGE),
        templates=agenda.TOPIC_TEMPLATES,
        kind_label=kind_label,
        kind_labels=KIND_LABELS,
        now=deps().clock(),
        charter=charters.status(deps(), actor, workshop_id),
        charter_errors=extra.pop("charter_errors", {}),
        company_form=extra.pop("company_form", {}),
        company_errors=extra.pop("company_errors", {}),
        topic_form=extra.pop("topic_form", {}),
        topic_errors=extra.pop("topic_errors", {}),
        phase_errors=extra.pop("phase_errors", {}),
        phase_kinds=agenda.PHASE_KINDS,
        needs_reveal=agenda.needs_reveal(deps(), actor, workshop_id),
        moderate_all=state["workshop"].get("moderate_all", False),
        profiles=profiles.views(deps(), actor, workshop_id),
        matches=results,
        network=network_svg(results),
        match_labels=MATCH_LABELS,
        match_status_labels=MATCH_STATUS_LABELS,
        match_filter_labels=MATCH_FILTER_LABELS,
        phase_labels=agenda.PHASE_LABELS,
        status_labels=agenda.STATUS_LABELS,
        earlier_workshops=[
            w for w in workshops.list_workshops(deps(), actor) if w.id != workshop_id
        ],
        **rule_labels(),
        **extra,
    ), status


@views.route("/workshops/<int:workshop_id>")
@login_required
def console(actor: Viewer, workshop_id: int) -> Any:
    return _render_console(actor, workshop_id)


def _join_url(token: str) -> str:
    base = current_app.config["TERTULIA_SETTINGS"].public_url
    if base:
        return base.rstrip("/") + url_for("participant.join", token=token)
    return url_for("participant.join", token=token, _external=True)


@views.route("/workshops/<int:workshop_id>/companies", methods=["POST"])
@login_required
def add_company(actor: Viewer, workshop_id: int) -> Any:
    try:
        company = workshops.add_company(deps(), actor, workshop_id, request.form.to_dict())
    except ValidationFailed as exc:
        return _render_console(
            actor,
            workshop_id,
            422,
            company_form=request.form,
            company_errors=translated_errors(exc),
        )
    except ServiceError as exc:
        if exc.http_status == 404:
            raise
        return _render_console(
            actor,
            workshop_id,
            exc.http_status,
            company_form=request.form,
            company_errors={"name": gettext(exc.message)},
        )
    issued = workshops.issue_invitation(deps(), actor, company.id)
    flash_link(company.name, issued.token)
    return redirect(url_for("facilitator.console", workshop_id=workshop_id) + "#companies")


def flash_link(company_name: str, token: str) -> None:
    flash(
        gettext(
            "Invitation link for %(company)s (copy it now, it is shown once): %(url)s",
            company=company_name,
            url=_join_url(token),
        ),
        "link",
    )


@views.route("/companies/<int:company_id>/invitations", methods=["POST"])
@login_required
def new_invitation(actor: Viewer, company_id: int) -> Any:
    issued = workshops.issue_invitation(deps(), actor, company_id)
    flash_link(issued.company_name, issued.token)
    return redirect(url_for("facilitator.console", workshop_id=issued.workshop_id) + "#companies")


@views.route("/invitations/<int:invitation_id>/revoke", methods=["POST"])
@login_required
def revoke_invitation(actor: Viewer, invitation_id: int) -> Any:
    workshop_id = workshops.revoke_invitation(deps(), actor, invitation_id)
    flash(gettext("The link was revoked. People who joined through it are signed out."))
    return redirect(url_for("facilitator.console", workshop_id=workshop_id) + "#companies")


@views.route("/workshops/<int:workshop_id>/topics", methods=["POST"])
@login_required
def open_topic(actor: Viewer, workshop_id: int) -> Any:
    try:
        agenda.open_topic(deps(), actor, workshop_id, request.form.to_dict())
    except ValidationFailed as exc:
        return _render_console(
            actor, workshop_id, 422, topic_form=request.form, topic_errors=translated_errors(exc)
        )
    return redirect(url_for("facilitator.console", workshop_id=workshop_id))


@views.route("/workshops/<int:workshop_id>/charter", methods=["POST"])
@login_required
def propose_charter(actor: Viewer, workshop_id: int) -> Any:
    try:
        charters.propose(deps(), actor, workshop_id, request.form.to_dict())
    except ValidationFailed as exc:
        return _render_console(actor, workshop_id, 422, charter_errors=translated_errors(exc))
    flash(
        gettext(
            "New charter version proposed. Companies accept it again "
            "unless it only made the rules stricter."
        )
    )
    return redirect(url_for("facilitator.console", workshop_id=workshop_id))


@views.route("/workshops/<int:workshop_id>/topics/<int:topic_id>/reveal", methods=["POST"])
@login_required
def reveal_topic(actor: Viewer, workshop_id: int, topic_id: int) -> Any:
    workshops.reveal_topic(deps(), actor, workshop_id, topic_id)
    return redirect(url_for("facilitator.console", workshop_id=workshop_id))


@views.route("/workshops/<int:workshop_id>/phases", methods=["POST"])
@login_required
def add_phase(actor: Viewer, workshop_id: int) -> Any:
    try:
        agenda.add_phase(deps(), actor, workshop_id, request.form.to_dict())
    except ValidationFailed as exc:
        return _render_console(actor, workshop_id, 422, phase_errors=translated_errors(exc))
    return redirect(url_for("facilitator.console", workshop_id=workshop_id) + "#agenda")


@views.route("/workshops/<int:workshop_id>/phases/<int:phase_id>/<action>", methods=["POST"])
@login_required
def phase_action(actor: Viewer, workshop_id: int, phase_id: int, action: str) -> Any:
    if action == "go":
        agenda.go_to(deps(), actor, workshop_id, phase_id)
    elif action in ("up", "down"):
        agenda.move_phase(deps(), actor, workshop_id, phase_id, -1 if action == "up" else 1)
    elif action == "skip":
        agenda.skip_phase(deps(), actor, workshop_id, phase_id)
    else:
        return render_template("error.html", message=gettext("Not found.")), 404
    return redirect(url_for("facilitator.console", workshop_id=workshop_id))


@views.route("/workshops/<int:workshop_id>/projector")
@login_required
def projector(actor: Viewer, workshop_id: int) -> Any:
    state = room.room_state(deps(), actor, workshop_id)
    # The room's screen shows the results as the room may see them, not as the facilitator.
    screen = Viewer(projector_of=state["workshop"]["id"])
    return render_template(
        "facilitator/projector.html",
        state=state,
        kind_labels=KIND_LABELS,
        phase_labels=agenda.PHASE_LABELS,
        network=network_svg(matches.views(deps(), screen, workshop_id, screen_language())),
    )


@views.route("/workshops/<int:workshop_id>/close", methods=["POST"])
@login_required
def close_workshop(actor: Viewer, workshop_id: int) -> Any:
    workshops.close_workshop(deps(), actor, workshop_id)
    flash(gettext("The workshop is closed. Summaries are final."))
    return redirect(url_for("facilitator.console", workshop_id=workshop_id))


@views.route("/workshops/<int:workshop_id>/summary.<fmt>")
@login_required
def summary(actor: Viewer, workshop_id: int, fmt: str) -> Any:
    return summary_response(actor, workshop_id, fmt)


@views.route("/tokens", methods=["GET", "POST"])
@login_required
def api_tokens(actor: Viewer) -> Any:
    token = None
    errors: dict[str, str] = {}
    if request.method == "POST":
        try:
            assert actor.facilitator_id is not None
            token = accounts.create_api_token(
                deps(), actor.facilitator_id, request.form.get("label", "")
            )
        except ValidationFailed as exc:
            errors = translated_errors(exc)
    return render_template("facilitator/tokens.html", token=token, errors=errors)


@views.app_context_processor
def _inject_facilitator() -> dict[str, Any]:
    def signed_in() -> bool:
        return session_facilitator() is not None if "facilitator_id" in session else False

    return {"facilitator_signed_in": signed_in}


# --- action plans, follow-up, ledger, starting from an earlier workshop -----------------


def _plan_urls(workshop_id: int) -> PlanUrls:
    base = url_for("facilitator.workshop_plans", workshop_id=workshop_id)
    return PlanUrls(
        list_page=base,
        plan_page=base + "/{id}",
        edit_page=base + "/{id}/edit",
        version_page=base + "/{id}/versions/{version}",
        create_api=url_for("facilitator_api.create_plan"),
        plan_api=url_for("facilitator_api.create_plan") + "/{id}",
        socket_namespace="/facilitator",
        workshop_id=workshop_id,
    )


def _plan_context(workshop_id: int) -> dict[str, Any]:
    return {
        "side": "facilitator",
        "back_url": url_for("facilitator.console", workshop_id=workshop_id),
        "ledger_url": url_for("facilitator.workshop_ledger", workshop_id=workshop_id),
    }


@views.route("/plans")
@login_required
def plans_dashboard(actor: Viewer) -> Any:
    return render_template(
        "facilitator/plans_dashboard.html",
        plans=followup.dashboard(deps(), actor),
        **plan_pages.labels(),
    )


@views.route("/workshops/<int:workshop_id>/plans")
@login_required
def workshop_plans(actor: Viewer, workshop_id: int) -> Any:
    state = room.room_state(deps(), actor, workshop_id)
    results = matches.views(deps(), actor, workshop_id, screen_language())
    mutual = [m for m in results if m.get("mutual_interest")]
    return plan_pages.list_page(
        actor,
        _plan_urls(workshop_id),
        "plans/list.html",
        workshop_title=state["workshop"]["title"],
        mutual=mutual,
        new_url=url_for("facilitator.new_plan", workshop_id=workshop_id),
        calendar_url=url_for(
            "facilitator_api.plans_calendar",
            workshop_id=workshop_id,
            lang=state["workshop"]["language"],
        ),
        calendar_link_url=None,
        **_plan_context(workshop_id),
    )


@views.route("/workshops/<int:workshop_id>/plans/new")
@login_required
def new_plan(actor: Viewer, workshop_id: int) -> Any:
    return plan_pages.editor_page(
        actor,
        _plan_urls(workshop_id),
        "plans/edit.html",
        plans.party_choices(deps(), actor, workshop_id),
        match_id=request.args.get("match_id", type=int),
        **_plan_context(workshop_id),
    )


@views.route("/workshops/<int:workshop_id>/plans/<int:plan_id>")
@login_required
def plan_detail(actor: Viewer, workshop_id: int, plan_id: int) -> Any:
    return plan_pages.detail_page(
        actor,
        _plan_urls(workshop_id),
        plan_id,
        "plans/detail.html",
        action_url=url_for("facilitator.plan_action", workshop_id=workshop_id, plan_id=plan_id),
        **_plan_context(workshop_id),
    )


@views.route("/workshops/<int:workshop_id>/plans/<int:plan_id>", methods=["POST"])
@login_required
def plan_action(actor: Viewer, workshop_id: int, plan_id: int) -> Any:
    person = accounts.get_facilitator(deps(), actor.facilitator_id or 0)
    return plan_pages.act(
        actor,
        _plan_urls(workshop_id),
        plan_id,
        request.form.get("action", ""),
        person.name if person else "",
    )


@views.route("/workshops/<int:workshop_id>/plans/<int:plan_id>/edit")
@login_required
def edit_plan(actor: Viewer, workshop_id: int, plan_id: int) -> Any:
    return plan_pages.editor_page(
        actor,
        _plan_urls(workshop_id),
        "plans/edit.html",
        plans.party_choices(deps(), actor, workshop_id),
        plan_id=plan_id,
        **_plan_context(workshop_id),
    )


@views.route("/workshops/<int:workshop_id>/plans/<int:plan_id>/versions/<int:version>")
@login_required
def plan_version(actor: Viewer, workshop_id: int, plan_id: int, version: int) -> Any:
    return plan_pages.version_page(
        actor,
        _plan_urls(workshop_id),
        plan_id,
        version,
        "plans/version.html",
        **_plan_context(workshop_id),
    )


@views.route("/workshops/<int:workshop_id>/ledger")
@login_required
def workshop_ledger(actor: Viewer, workshop_id: int) -> Any:
    return render_template(
        "plans/ledger.html",
        ledger=ledger.ledger(deps(), actor, workshop_id),
        feedback=ledger.workshop_feedback(deps(), actor, workshop_id),
        urls=_plan_urls(workshop_id),
        **plan_pages.labels(),
        **_plan_context(workshop_id),
    )


@views.route("/workshops/<int:workshop_id>/import", methods=["POST"])
@login_required
def import_workshop(actor: Viewer, workshop_id: int) -> Any:
    try:
        result = carry_over.import_from(deps(), actor, workshop_id, request.form.get("earlier_id"))
    except ServiceError as exc:
        plan_pages.flash_refusal(exc)
    else:
        flash(
            gettext(
                "Imported %(companies)s companies and %(plans)s open plans.",
                companies=result.companies,
                plans=result.plans,
            ),
            "ok",
        )
    return redirect(url_for("facilitator.console", workshop_id=workshop_id))
