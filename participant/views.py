"""Participant pages: join through a link, the workshop room, the summary download."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext

from participant.auth import remember, session_participant
from shared.disclosure import Channel
from shared.errors import NotFound, ValidationFailed
from shared.i18n import N_
from shared.rules import ATTRIBUTION_ORDER, SENSITIVITY_ORDER
from shared.services import (
    agenda,
    charters,
    consent,
    contributions,
    followup,
    ledger,
    matches,
    participants,
    profiles,
)
from shared.services import plans as plan_service
from shared.services import room as room_service
from shared.web import deps, plan_pages, screen_language
from shared.web.downloads import summary_response
from shared.web.labels import (
    DETAIL_LABELS,
    KIND_LABELS,
    PROFILE_LABELS,
    kind_label,
    rule_labels,
    translated_errors,
)
from shared.web.plan_pages import PlanUrls

views = Blueprint("participant", __name__)


@views.route("/")
def home() -> Any:
    return render_template("participant/home.html")


@views.route("/join/<token>", methods=["GET", "POST"])
def join(token: str) -> Any:
    try:
        info = participants.describe_invitation(deps(), token)
    except NotFound as exc:
        return render_template("error.html", message=gettext(exc.message)), 404
    g.preferred_locale = info.workshop_language
    errors: dict[str, str] = {}
    if request.method == "POST":
        try:
            joined = participants.join(deps(), token, request.form.to_dict())
        except ValidationFailed as exc:
            errors = translated_errors(exc)
        else:
            remember(joined.workshop_id, joined.participant_id)
            # Leave the token out of the address bar and history from here on.
            return redirect(url_for("participant.room", workshop_id=joined.workshop_id))
    return render_template(
        "participant/join.html", info=info, form=request.form, errors=errors, token=token
    ), (422 if errors else 200)


def _identity_or_404(workshop_id: int) -> Any:
    identity = session_participant(workshop_id)
    if identity is None:
        raise NotFound(gettext("This workshop is not open to you. Use your invitation link."))
    g.preferred_locale = identity.locale or participants.workshop_language(deps(), workshop_id)
    return identity


@views.route("/w/<int:workshop_id>")
def room(workshop_id: int) -> Any:
    identity = _identity_or_404(workshop_id)
    viewer = identity.viewer
    state = room_service.room_state(deps(), viewer, workshop_id)
    feed = contributions.list_contributions(deps(), viewer, workshop_id, Channel.PAGE)
    charter = charters.status(deps(), viewer, workshop_id)
    return render_template(
        "participant/room.html",
        me=identity,
        state=state,
        feed=feed,
        charter=charter,
        accepted=charter.accepted_by.get(identity.company_id, False),
        others={
            cid: name
            for cid, name in participants.company_names(deps(), workshop_id).items()
            if cid != identity.company_id
        },
        requests=consent.pending_for_owner(deps(), viewer),
        sensitivity_choices=stricter_choices(SENSITIVITY_ORDER, charter.terms.rules.sensitivity),
        attribution_choices=stricter_choices(ATTRIBUTION_ORDER, charter.terms.rules.attribution),
        kind_labels=KIND_LABELS,
        kind_label=kind_label,
        detail_labels=DETAIL_LABELS,
        phase_labels=agenda.PHASE_LABELS,
        my_profile=next(
            (
                p
                for p in profiles.views(deps(), viewer, workshop_id)
                if p["company_id"] == identity.company_id
            ),
            {},
        ),
        profile_labels=PROFILE_LABELS,
        **rule_labels(),
    )


def stricter_choices(order: list[Any], base: Any) -> list[str]:
    """The options an author may pick: the charter's, or stricter."""
    return [option.value for option in order[order.index(base) :]]


@views.route("/w/<int:workshop_id>/history")
def history(workshop_id: int) -> Any:
    identity = _identity_or_404(workshop_id)
    data = room_service.disclosure_history(deps(), identity.viewer, workshop_id)
    return render_template(
        "participant/history.html", me=identity, workshop_id=workshop_id, history=data
    )


@views.route("/w/<int:workshop_id>/history.json")
def history_json(workshop_id: int) -> Any:
    identity = _identity_or_404(workshop_id)
    data = room_service.disclosure_history(deps(), identity.viewer, workshop_id)
    return Response(
        json.dumps(data, ensure_ascii=False, indent=2),
        mimetype="application/json",
        headers={
            "Content-Disposition": "attachment; "
            f'filename="tertulia-{workshop_id}-disclosure-history.json"'
        },
    )


@views.route("/w/<int:workshop_id>/summary.<fmt>")
def summary(workshop_id: int, fmt: str) -> Any:
    identity = _identity_or_404(workshop_id)
    return summary_response(identity.viewer, workshop_id, fmt)


# --- action plans, evaluation, ledger -------------------------------------------------


def _plan_urls(workshop_id: int) -> PlanUrls:
    return PlanUrls(
        list_page=url_for("participant.plans", workshop_id=workshop_id),
        plan_page=url_for("participant.plans", workshop_id=workshop_id) + "/{id}",
        edit_page=url_for("participant.plans", workshop_id=workshop_id) + "/{id}/edit",
        version_page=url_for("participant.plans", workshop_id=workshop_id)
        + "/{id}/versions/{version}",
        create_api=url_for("participant_api.create_plan", workshop_id=workshop_id),
        plan_api=url_for("participant_api.create_plan", workshop_id=workshop_id) + "/{id}",
        socket_namespace="/participant",
        workshop_id=workshop_id,
    )


def _plan_context(identity: Any, workshop_id: int) -> dict[str, Any]:
    return {
        "side": "participant",
        "me": identity,
        "back_url": url_for("participant.room", workshop_id=workshop_id),
        "ledger_url": url_for("participant.ledger_page", workshop_id=workshop_id),
    }


@views.route("/w/<int:workshop_id>/plans", methods=["GET"])
def plans(workshop_id: int, subscription: str | None = None) -> Any:
    identity = _identity_or_404(workshop_id)
    mutual = [
        m
        for m in matches.views(deps(), identity.viewer, workshop_id, screen_language())
        if m.get("mutual_interest") and not m.get("notice")
    ]
    return plan_pages.list_page(
        identity.viewer,
        _plan_urls(workshop_id),
        "plans/list.html",
        workshop_title=room_service.room_state(deps(), identity.viewer, workshop_id)["workshop"][
            "title"
        ],
        mutual=mutual,
        new_url=url_for("participant.new_plan", workshop_id=workshop_id),
        calendar_url=url_for("participant_api.plans_calendar", workshop_id=workshop_id),
        calendar_link_url=url_for("participant.calendar_link", workshop_id=workshop_id),
        subscription=subscription,
        **_plan_context(identity, workshop_id),
    )


@views.route("/w/<int:workshop_id>/plans/calendar-link", methods=["POST"])
def calendar_link(workshop_id: int) -> Any:
    identity = _identity_or_404(workshop_id)
    token = followup.new_calendar_link(deps(), identity.viewer)
    return plans(workshop_id, url_for("participant.calendar_feed", token=token, _external=True))


@views.route("/calendar/<token>.ics")
def calendar_feed(token: str) -> Any:
    """Calendar applications subscribe here: the secret link is the only credential."""
    return Response(
        followup.calendar_by_link(deps(), token),
        mimetype="text/calendar",
        # The address is the credential: no shared cache keeps what it served.
        headers={"Cache-Control": "private, no-store"},
    )


@views.route("/w/<int:workshop_id>/plans/new")
def new_plan(workshop_id: int) -> Any:
    identity = _identity_or_404(workshop_id)
    return plan_pages.editor_page(
        identity.viewer,
        _plan_urls(workshop_id),
        "plans/edit.html",
        plan_service.party_choices(deps(), identity.viewer, workshop_id),
        match_id=request.args.get("match_id", type=int),
        **_plan_context(identity, workshop_id),
    )


@views.route("/w/<int:workshop_id>/plans/<int:plan_id>")
def plan_detail(workshop_id: int, plan_id: int) -> Any:
    identity = _identity_or_404(workshop_id)
    return plan_pages.detail_page(
        identity.viewer,
        _plan_urls(workshop_id),
        plan_id,
        "plans/detail.html",
        action_url=url_for("participant.plan_action", workshop_id=workshop_id, plan_id=plan_id),
        **_plan_context(identity, workshop_id),
    )


@views.route("/w/<int:workshop_id>/plans/<int:plan_id>", methods=["POST"])
def plan_action(workshop_id: int, plan_id: int) -> Any:
    identity = _identity_or_404(workshop_id)
    author = f"{identity.name} ({identity.company_name})"
    return plan_pages.act(
        identity.viewer, _plan_urls(workshop_id), plan_id, request.form.get("action", ""), author
    )


@views.route("/w/<int:workshop_id>/plans/<int:plan_id>/edit")
def edit_plan(workshop_id: int, plan_id: int) -> Any:
    identity = _identity_or_404(workshop_id)
    return plan_pages.editor_page(
        identity.viewer,
        _plan_urls(workshop_id),
        "plans/edit.html",
        plan_service.party_choices(deps(), identity.viewer, workshop_id),
        plan_id=plan_id,
        **_plan_context(identity, workshop_id),
    )


@views.route("/w/<int:workshop_id>/plans/<int:plan_id>/versions/<int:version>")
def plan_version(workshop_id: int, plan_id: int, version: int) -> Any:
    identity = _identity_or_404(workshop_id)
    return plan_pages.version_page(
        identity.viewer,
        _plan_urls(workshop_id),
        plan_id,
        version,
        "plans/version.html",
        **_plan_context(identity, workshop_id),
    )


@views.route("/w/<int:workshop_id>/evaluation")
def evaluation(workshop_id: int, errors: dict[str, str] | None = None, status: int = 200) -> Any:
    identity = _identity_or_404(workshop_id)
    # The evaluation phase rates the workshop's exchanges; a plan's milestone (occasion
    # "plan:<id>", from the plan's page) rates what its parties exchanged in it.
    occasion = request.values.get("occasion") or "workshop"
    labels = ledger.rating_choices(deps(), identity.viewer, workshop_id)
    plan = None
    if occasion != "workshop":
        plan_id = occasion.removeprefix("plan:")
        if not plan_id.isdigit():
            raise NotFound(N_("Plan not found."))
        plan = plan_service.get_plan(deps(), identity.viewer, int(plan_id))
        labels = {cid: labels[cid] for cid in plan["party_ids"] if cid in labels}
    entered = ledger.my_ratings(deps(), identity.viewer, workshop_id)
    mine = {
        (r["other_company_id"], r["direction"], r["kind"]): r
        for r in entered["ratings"]
        if r["occasion"] == occasion
    }
    others = [{"id": ref, "label": label} for ref, label in labels.items()]
    return render_template(
        "participant/evaluation.html",
        urls=_plan_urls(workshop_id),
        others=others,
        mine=mine,
        feedback=next(iter(entered["feedback"]), None),
        benefit_kinds=ledger.BENEFIT_KINDS,
        occasion=occasion,
        plan=plan,
        errors=errors or {},
        **plan_pages.labels(),
        **_plan_context(identity, workshop_id),
    ), status


@views.route("/w/<int:workshop_id>/evaluation/ratings", methods=["POST"])
def save_rating(workshop_id: int) -> Any:
    identity = _identity_or_404(workshop_id)
    form = request.form
    try:
        ledger.rate_many(
            deps(),
            identity.viewer,
            workshop_id,
            [
                {
                    "other_company_id": form.get("other_company_id"),
                    "occasion": form.get("occasion") or "workshop",
                    "direction": direction,
                    "ratings": {
                        kind: {
                            "value": form.get(f"{direction}.{kind}.value", ""),
                            "comment": form.get(f"{direction}.{kind}.comment", ""),
                        }
                        for kind in ledger.BENEFIT_KINDS
                    },
                }
                for direction in ledger.DIRECTIONS
            ],
        )
    except ValidationFailed as exc:
        flash(" ".join(translated_errors(exc).values()), "error")
        return evaluation(workshop_id, translated_errors(exc), 422)
    flash(gettext("Ratings saved."), "ok")
    occasion = form.get("occasion") or "workshop"
    return redirect(
        url_for(
            "participant.evaluation",
            workshop_id=workshop_id,
            **({"occasion": occasion} if occasion != "workshop" else {}),
        )
    )


@views.route("/w/<int:workshop_id>/evaluation/feedback", methods=["POST"])
def save_feedback(workshop_id: int) -> Any:
    identity = _identity_or_404(workshop_id)
    try:
        ledger.save_feedback(deps(), identity.viewer, workshop_id, request.form.to_dict())
    except ValidationFailed as exc:
        return evaluation(workshop_id, translated_errors(exc), 422)
    flash(gettext("Answers saved."), "ok")
    return redirect(url_for("participant.evaluation", workshop_id=workshop_id))


@views.route("/w/<int:workshop_id>/ledger")
def ledger_page(workshop_id: int) -> Any:
    identity = _identity_or_404(workshop_id)
    return render_template(
        "plans/ledger.html",
        ledger=ledger.ledger(deps(), identity.viewer, workshop_id),
        urls=_plan_urls(workshop_id),
        **plan_pages.labels(),
        **_plan_context(identity, workshop_id),
    )
