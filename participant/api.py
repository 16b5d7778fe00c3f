"""The participants' part of /api/v1: join with an invitation token, read the room,
post contributions. Authentication after joining: `Authorization: Bearer tp_...` (returned
by join) or the session cookie with an X-CSRFToken header."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, jsonify, request, url_for

from participant.auth import remember, request_participant
from shared.disclosure import Channel
from shared.errors import Unauthorized, ValidationFailed
from shared.i18n import N_
from shared.services import (
    agenda,
    charters,
    consent,
    contributions,
    followup,
    ledger,
    matches,
    participants,
    plans,
    profiles,
    room,
    threads,
    votes,
)
from shared.services.participants import ParticipantIdentity
from shared.web import check_api_csrf, deps, json_body, screen_language
from shared.web.downloads import summary_response
from shared.web.plan_handlers import (
    approve_json,
    calendar_response,
    ledger_json,
    plan_json,
    propose_json,
    step_note_json,
    step_status_json,
    version_json,
)

api = Blueprint("participant_api", __name__, url_prefix="/api/v1")


def _participant(workshop_id: int | None = None) -> ParticipantIdentity:
    identity = request_participant(workshop_id)
    if identity is None:
        raise Unauthorized(N_("Join the workshop through your invitation link first."))
    g.preferred_locale = identity.locale or participants.workshop_language(
        deps(), identity.workshop_id
    )
    return identity


@api.before_request
def _csrf() -> None:
    # Joining acts on no existing session: the invitation token in the body is the proof.
    if request.endpoint != "participant_api.join":
        check_api_csrf()


@api.post("/join")
def join() -> Any:
    body = json_body()
    token = body.get("invitation")
    if not isinstance(token, str) or not token:
        raise ValidationFailed({"invitation": N_("Send the invitation token from your link.")})
    joined = participants.join(deps(), token, body)
    remember(joined.workshop_id, joined.participant_id)
    return jsonify(
        {
            "participant_id": joined.participant_id,
            "workshop_id": joined.workshop_id,
            "company_id": joined.company_id,
            "token": joined.token,
        }
    ), 201


@api.get("/me")
def me() -> Any:
    identity = _participant()
    return jsonify(
        {
            "participant_id": identity.participant_id,
            "workshop_id": identity.workshop_id,
            "company_id": identity.company_id,
            "company": identity.company_name,
            "name": identity.name,
            "role": identity.role,
        }
    )


@api.get("/workshops/<int:workshop_id>/room")
def room_state(workshop_id: int) -> Any:
    identity = _participant(workshop_id)
    return jsonify(room.room_state(deps(), identity.viewer, workshop_id))


@api.get("/workshops/<int:workshop_id>/feed")
def feed(workshop_id: int) -> Any:
    identity = _participant(workshop_id)
    items = contributions.list_contributions(deps(), identity.viewer, workshop_id, Channel.API)
    return jsonify({"contributions": items})


@api.post("/workshops/<int:workshop_id>/contributions")
def post_contribution(workshop_id: int) -> Any:
    identity = _participant(workshop_id)
    posted = contributions.post_contribution(deps(), identity.viewer, json_body())
    return jsonify(
        {"contribution": posted.contribution, "seq": posted.seq, "duplicate": posted.duplicate}
    ), (200 if posted.duplicate else 201)


@api.get("/workshops/<int:workshop_id>/charter")
def charter(workshop_id: int) -> Any:
    identity = _participant(workshop_id)
    return jsonify(charters.status_json(charters.status(deps(), identity.viewer, workshop_id)))


@api.post("/workshops/<int:workshop_id>/charter/accept")
def accept_charter(workshop_id: int) -> Any:
    identity = _participant(workshop_id)
    version = json_body().get("version")
    if not isinstance(version, int):
        raise ValidationFailed({"version": N_("Send the version of the charter you accept.")})
    charters.accept(deps(), identity.viewer, version)
    return jsonify(charters.status_json(charters.status(deps(), identity.viewer, workshop_id)))


@api.post("/workshops/<int:workshop_id>/contributions/<int:contribution_id>/rules")
def change_rules(workshop_id: int, contribution_id: int) -> Any:
    identity = _participant(workshop_id)
    view = contributions.change_rules(deps(), identity.viewer, contribution_id, json_body())
    return jsonify({"contribution": view})


@api.post("/workshops/<int:workshop_id>/contributions/<int:contribution_id>/access-requests")
def request_access(workshop_id: int, contribution_id: int) -> Any:
    identity = _participant(workshop_id)
    status = consent.request_access(deps(), identity.viewer, contribution_id)
    return jsonify({"status": status}), 201


@api.get("/workshops/<int:workshop_id>/access-requests")
def pending_requests(workshop_id: int) -> Any:
    identity = _participant(workshop_id)
    return jsonify(
        {
            "requests": [
                {
                    "id": r.id,
                    "contribution_id": r.contribution_id,
                    "requester": r.requester,
                    "excerpt": r.excerpt,
                }
                for r in consent.pending_for_owner(deps(), identity.viewer)
            ]
        }
    )


@api.post("/workshops/<int:workshop_id>/access-requests/<int:request_id>/decision")
def decide_request(workshop_id: int, request_id: int) -> Any:
    identity = _participant(workshop_id)
    approve = json_body().get("approve")
    if not isinstance(approve, bool):
        raise ValidationFailed({"approve": N_("Send true to approve or false to decline.")})
    return jsonify({"status": consent.decide(deps(), identity.viewer, request_id, approve)})


@api.get("/workshops/<int:workshop_id>/history")
def disclosure_history(workshop_id: int) -> Any:
    identity = _participant(workshop_id)
    return jsonify(room.disclosure_history(deps(), identity.viewer, workshop_id))


@api.post("/workshops/<int:workshop_id>/ready")
def ready(workshop_id: int) -> Any:
    identity = _participant(workshop_id)
    value = json_body().get("ready")
    if not isinstance(value, bool):
        raise ValidationFailed({"ready": N_("Send true or false.")})
    agenda.set_ready(deps(), identity.viewer, value)
    return jsonify({"ready": value})


@api.post("/workshops/<int:workshop_id>/contributions/<int:contribution_id>/edit")
def edit_contribution(workshop_id: int, contribution_id: int) -> Any:
    identity = _participant(workshop_id)
    view = contributions.edit(deps(), identity.viewer, contribution_id, json_body())
    return jsonify({"contribution": view})


@api.post("/workshops/<int:workshop_id>/contributions/<int:contribution_id>/withdraw")
def withdraw_contribution(workshop_id: int, contribution_id: int) -> Any:
    identity = _participant(workshop_id)
    contributions.withdraw(deps(), identity.viewer, contribution_id)
    return jsonify({"id": contribution_id, "withdrawn": True})


@api.post("/workshops/<int:workshop_id>/polls/<int:poll_id>/vote")
def vote(workshop_id: int, poll_id: int) -> Any:
    identity = _participant(workshop_id)
    dots = json_body().get("dots")
    if not isinstance(dots, dict):
        raise ValidationFailed({"dots": N_("Send your dots as {contribution id: number}.")})
    return jsonify({"mine": votes.vote(deps(), identity.viewer, poll_id, dots)})


@api.post("/workshops/<int:workshop_id>/contributions/<int:contribution_id>/reactions")
def react(workshop_id: int, contribution_id: int) -> Any:
    identity = _participant(workshop_id)
    body = json_body()
    on = body.get("on", True)
    if not isinstance(on, bool):
        raise ValidationFailed({"on": N_("Send true or false.")})
    threads.react(deps(), identity.viewer, contribution_id, str(body.get("kind")), on)
    return jsonify(threads.thread(deps(), identity.viewer, workshop_id, contribution_id))


@api.post("/workshops/<int:workshop_id>/contributions/<int:contribution_id>/questions")
def ask(workshop_id: int, contribution_id: int) -> Any:
    identity = _participant(workshop_id)
    threads.ask(deps(), identity.viewer, contribution_id, json_body())
    return jsonify(threads.thread(deps(), identity.viewer, workshop_id, contribution_id)), 201


@api.post("/workshops/<int:workshop_id>/questions/<int:question_id>/answer")
def answer(workshop_id: int, question_id: int) -> Any:
    identity = _participant(workshop_id)
    threads.answer(deps(), identity.viewer, question_id, json_body())
    return jsonify({"id": question_id, "answered": True})


@api.get("/workshops/<int:workshop_id>/contributions/<int:contribution_id>/thread")
def thread(workshop_id: int, contribution_id: int) -> Any:
    identity = _participant(workshop_id)
    return jsonify(threads.thread(deps(), identity.viewer, workshop_id, contribution_id))


@api.get("/workshops/<int:workshop_id>/summary/mine")
def my_summary(workshop_id: int) -> Any:
    identity = _participant(workshop_id)
    return summary_response(identity.viewer, workshop_id, request.args.get("format", "json"))


@api.get("/workshops/<int:workshop_id>/profiles")
def list_profiles(workshop_id: int) -> Any:
    identity = _participant(workshop_id)
    return jsonify({"profiles": profiles.views(deps(), identity.viewer, workshop_id)})


@api.post("/workshops/<int:workshop_id>/profile")
def save_profile(workshop_id: int) -> Any:
    identity = _participant(workshop_id)
    profiles.save(deps(), identity.viewer, identity.company_id, json_body())
    return jsonify({"profiles": profiles.views(deps(), identity.viewer, workshop_id)})


@api.get("/workshops/<int:workshop_id>/matches")
def list_matches(workshop_id: int) -> Any:
    identity = _participant(workshop_id)
    views = matches.views(deps(), identity.viewer, workshop_id, screen_language())
    return jsonify({"matches": views})


@api.post("/workshops/<int:workshop_id>/matches/<int:match_id>/interest")
def interest(workshop_id: int, match_id: int) -> Any:
    identity = _participant(workshop_id)
    value = json_body().get("interested")
    if not isinstance(value, bool):
        raise ValidationFailed({"interested": N_("Send true or false.")})
    matches.mark_interest(deps(), identity.viewer, match_id, value)
    views = matches.views(deps(), identity.viewer, workshop_id, screen_language())
    return jsonify({"matches": views})


# --- action plans, follow-up, evaluation, ledger (docs/PROTOCOL.md, tertulia/openapi.py) --


@api.get("/workshops/<int:workshop_id>/plans/companies")
def plan_companies(workshop_id: int) -> Any:
    """The companies as plans and ratings refer to them (docs/PROTOCOL.md)."""
    identity = _participant(workshop_id)
    return jsonify({"companies": plans.company_directory(deps(), identity.viewer, workshop_id)})


@api.get("/workshops/<int:workshop_id>/plans")
def list_plans(workshop_id: int) -> Any:
    identity = _participant(workshop_id)
    return jsonify({"plans": plans.list_plans(deps(), identity.viewer, workshop_id)})


@api.post("/workshops/<int:workshop_id>/plans")
def create_plan(workshop_id: int) -> Any:
    identity = _participant(workshop_id)
    plan_id = plans.create(deps(), identity.viewer, workshop_id, json_body())
    return jsonify({"plan": plans.get_plan(deps(), identity.viewer, plan_id)}), 201


@api.get("/workshops/<int:workshop_id>/plans/draft")
def draft_plan(workshop_id: int) -> Any:
    identity = _participant(workshop_id)
    match_id = request.args.get("match_id", type=int)
    if match_id is None:
        raise ValidationFailed({"match_id": N_("Choose a result to start from.")})
    return jsonify(
        {
            "document": plans.draft_from_match(
                deps(), identity.viewer, workshop_id, match_id, screen_language()
            )
        }
    )


@api.get("/workshops/<int:workshop_id>/plans/<int:plan_id>")
def get_plan(workshop_id: int, plan_id: int) -> Any:
    return plan_json(_participant(workshop_id).viewer, plan_id)


@api.post("/workshops/<int:workshop_id>/plans/<int:plan_id>/versions")
def propose_plan(workshop_id: int, plan_id: int) -> Any:
    return propose_json(_participant(workshop_id).viewer, plan_id)


@api.get("/workshops/<int:workshop_id>/plans/<int:plan_id>/versions/<int:version>")
def plan_version(workshop_id: int, plan_id: int, version: int) -> Any:
    return version_json(_participant(workshop_id).viewer, plan_id, version)


@api.post("/workshops/<int:workshop_id>/plans/<int:plan_id>/approve")
def approve_plan(workshop_id: int, plan_id: int) -> Any:
    return approve_json(_participant(workshop_id).viewer, plan_id)


@api.post("/workshops/<int:workshop_id>/plans/<int:plan_id>/steps/<step_key>/status")
def plan_step_status(workshop_id: int, plan_id: int, step_key: str) -> Any:
    return step_status_json(_participant(workshop_id).viewer, plan_id, step_key)


@api.post("/workshops/<int:workshop_id>/plans/<int:plan_id>/steps/<step_key>/notes")
def plan_step_note(workshop_id: int, plan_id: int, step_key: str) -> Any:
    identity = _participant(workshop_id)
    author = f"{identity.name} ({identity.company_name})"
    return step_note_json(identity.viewer, plan_id, step_key, author)


@api.get("/workshops/<int:workshop_id>/plans.ics")
def plans_calendar(workshop_id: int) -> Any:
    identity = _participant(workshop_id)
    locale = identity.locale or participants.workshop_language(deps(), workshop_id)
    return calendar_response(identity.viewer, workshop_id, locale)


@api.post("/workshops/<int:workshop_id>/calendar-link")
def calendar_link(workshop_id: int) -> Any:
    identity = _participant(workshop_id)
    token = followup.new_calendar_link(deps(), identity.viewer)
    return jsonify({"url": url_for("participant.calendar_feed", token=token, _external=True)})


@api.get("/workshops/<int:workshop_id>/evaluations")
def my_evaluations(workshop_id: int) -> Any:
    identity = _participant(workshop_id)
    return jsonify(ledger.my_ratings(deps(), identity.viewer, workshop_id))


@api.post("/workshops/<int:workshop_id>/evaluations")
def rate(workshop_id: int) -> Any:
    identity = _participant(workshop_id)
    stored = ledger.rate(deps(), identity.viewer, workshop_id, json_body())
    return jsonify({"stored": stored})


@api.post("/workshops/<int:workshop_id>/feedback")
def feedback(workshop_id: int) -> Any:
    identity = _participant(workshop_id)
    ledger.save_feedback(deps(), identity.viewer, workshop_id, json_body())
    return jsonify(ledger.my_ratings(deps(), identity.viewer, workshop_id))


@api.get("/workshops/<int:workshop_id>/ledger")
def company_ledger(workshop_id: int) -> Any:
    return ledger_json(_participant(workshop_id).viewer, workshop_id)
