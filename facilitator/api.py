"""The facilitator's part of /api/v1 (see tertulia/openapi.py for the documented shapes).

Authentication: `Authorization: Bearer tt_...` (an API token from the console) or the
console's session cookie with an X-CSRFToken header.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify, request, url_for

from facilitator.auth import request_facilitator
from shared.disclosure import Channel, Viewer
from shared.errors import Unauthorized, ValidationFailed
from shared.i18n import N_
from shared.matching import decode_profiles_file
from shared.models import Workshop
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
    themes,
    threads,
    votes,
    workshops,
)
from shared.web import check_api_csrf, deps, json_body, screen_language
from shared.web.downloads import summary_response
from shared.web.plan_handlers import (
    calendar_response,
    plan_json,
    propose_json,
    step_note_json,
    step_status_json,
    version_json,
)

api = Blueprint("facilitator_api", __name__, url_prefix="/api/v1")


def _actor() -> Viewer:
    actor = request_facilitator()
    if actor is None:
        raise Unauthorized(N_("Sign in or send a valid API token."))
    return actor


@api.before_request
def _csrf() -> None:
    check_api_csrf()


def workshop_json(workshop: Workshop) -> dict[str, Any]:
    return {
        "id": workshop.id,
        "title": workshop.title,
        "objective": workshop.objective,
        "date": workshop.date,
        "language": workshop.language,
        "status": workshop.status,
    }


@api.get("/workshops")
def list_workshops() -> Any:
    return jsonify(
        {"workshops": [workshop_json(w) for w in workshops.list_workshops(deps(), _actor())]}
    )


@api.post("/workshops")
def create_workshop() -> Any:
    workshop = workshops.create_workshop(deps(), _actor(), json_body())
    return jsonify(workshop_json(workshop)), 201


@api.get("/workshops/<int:workshop_id>")
def get_workshop(workshop_id: int) -> Any:
    return jsonify(room.room_state(deps(), _actor(), workshop_id))


@api.get("/workshops/<int:workshop_id>/companies")
def list_companies(workshop_id: int) -> Any:
    rows = workshops.companies_overview(deps(), _actor(), workshop_id)
    return jsonify(
        {
            "companies": [
                {
                    "id": row.company.id,
                    "name": row.company.name,
                    "alias": row.company.alias,
                    "invitations": [
                        {
                            "id": inv.id,
                            "expires_at": inv.expires_at.isoformat(),
                            "revoked": inv.revoked_at is not None,
                        }
                        for inv in row.invitations
                    ],
                    "participants": [
                        {"id": p.id, "name": p.name, "role": p.role} for p in row.participants
                    ],
                }
                for row in rows
            ]
        }
    )


@api.post("/workshops/<int:workshop_id>/companies")
def add_company(workshop_id: int) -> Any:
    company = workshops.add_company(deps(), _actor(), workshop_id, json_body())
    return jsonify({"id": company.id, "name": company.name, "alias": company.alias}), 201


@api.post("/companies/<int:company_id>/invitations")
def issue_invitation(company_id: int) -> Any:
    issued = workshops.issue_invitation(deps(), _actor(), company_id)
    return jsonify(
        {
            "id": issued.invitation_id,
            "company_id": issued.company_id,
            "token": issued.token,
            "url": url_for("participant.join", token=issued.token, _external=True),
            "expires_at": issued.expires_at.isoformat(),
        }
    ), 201


@api.post("/invitations/<int:invitation_id>/revoke")
def revoke_invitation(invitation_id: int) -> Any:
    workshops.revoke_invitation(deps(), _actor(), invitation_id)
    return jsonify({"id": invitation_id, "revoked": True})


@api.post("/workshops/<int:workshop_id>/phase")
def open_topic(workshop_id: int) -> Any:
    phase = agenda.open_topic(deps(), _actor(), workshop_id, json_body())
    return jsonify(room.room_state(deps(), _actor(), phase.workshop_id)), 201


@api.post("/workshops/<int:workshop_id>/close")
def close_workshop(workshop_id: int) -> Any:
    workshop = workshops.close_workshop(deps(), _actor(), workshop_id)
    return jsonify(workshop_json(workshop))


@api.get("/workshops/<int:workshop_id>/contributions")
def list_contributions(workshop_id: int) -> Any:
    items = contributions.list_contributions(deps(), _actor(), workshop_id, Channel.API)
    return jsonify({"contributions": items})


@api.get("/workshops/<int:workshop_id>/charter/acceptances")
def charter_status(workshop_id: int) -> Any:
    return jsonify(charters.status_json(charters.status(deps(), _actor(), workshop_id)))


@api.post("/workshops/<int:workshop_id>/charter")
def propose_charter(workshop_id: int) -> Any:
    actor = _actor()
    charters.propose(deps(), actor, workshop_id, json_body())
    return jsonify(charters.status_json(charters.status(deps(), actor, workshop_id))), 201


@api.post("/workshops/<int:workshop_id>/topics/<int:topic_id>/reveal")
def reveal_topic(workshop_id: int, topic_id: int) -> Any:
    workshops.reveal_topic(deps(), _actor(), workshop_id, topic_id)
    return jsonify({"topic_id": topic_id, "revealed": True})


@api.get("/workshops/<int:workshop_id>/audit")
def audit_log(workshop_id: int) -> Any:
    return jsonify(room.audit_for_facilitator(deps(), _actor(), workshop_id))


@api.get("/workshops/<int:workshop_id>/agenda")
def get_agenda(workshop_id: int) -> Any:
    return jsonify({"agenda": room.room_state(deps(), _actor(), workshop_id)["agenda"]})


@api.post("/workshops/<int:workshop_id>/phases")
def add_phase(workshop_id: int) -> Any:
    phase = agenda.add_phase(deps(), _actor(), workshop_id, json_body())
    return jsonify({"id": phase.id}), 201


@api.post("/workshops/<int:workshop_id>/phases/<int:phase_id>/go")
def go_to_phase(workshop_id: int, phase_id: int) -> Any:
    agenda.go_to(deps(), _actor(), workshop_id, phase_id)
    return jsonify(room.room_state(deps(), _actor(), workshop_id))


@api.post("/workshops/<int:workshop_id>/phases/<int:phase_id>/move")
def move_phase(workshop_id: int, phase_id: int) -> Any:
    offset = json_body().get("offset")
    if offset not in (-1, 1):
        raise ValidationFailed({"offset": N_("Send -1 to move up or 1 to move down.")})
    agenda.move_phase(deps(), _actor(), workshop_id, phase_id, offset)
    return get_agenda(workshop_id)


@api.post("/workshops/<int:workshop_id>/phases/<int:phase_id>/skip")
def skip_phase(workshop_id: int, phase_id: int) -> Any:
    agenda.skip_phase(deps(), _actor(), workshop_id, phase_id)
    return get_agenda(workshop_id)


@api.post("/workshops/<int:workshop_id>/timer")
def timer(workshop_id: int) -> Any:
    body = json_body()
    minutes = body.get("minutes", 0)
    if not isinstance(minutes, int):
        raise ValidationFailed({"minutes": N_("Enter a whole number.")})
    phase = agenda.timer(deps(), _actor(), workshop_id, str(body.get("action")), minutes)
    return jsonify(agenda.timer_json(phase, deps().clock()))


@api.post("/workshops/<int:workshop_id>/contributions/<int:contribution_id>/moderation")
def moderate(workshop_id: int, contribution_id: int) -> Any:
    view = contributions.moderate(deps(), _actor(), workshop_id, contribution_id, json_body())
    return jsonify({"contribution": view})


@api.post("/workshops/<int:workshop_id>/spotlight")
def spotlight(workshop_id: int) -> Any:
    target = json_body().get("contribution_id")
    if target is not None and not isinstance(target, int):
        raise ValidationFailed({"contribution_id": N_("Send a contribution id or null.")})
    contributions.set_spotlight(deps(), _actor(), workshop_id, target)
    return jsonify({"contribution_id": target})


@api.post("/workshops/<int:workshop_id>/polls")
def open_poll(workshop_id: int) -> Any:
    poll = votes.open_poll(deps(), _actor(), workshop_id, json_body())
    return jsonify({"id": poll.id}), 201


@api.post("/workshops/<int:workshop_id>/polls/<int:poll_id>/close")
def close_poll(workshop_id: int, poll_id: int) -> Any:
    votes.close_poll(deps(), _actor(), workshop_id, poll_id)
    return jsonify({"polls": votes.polls(deps(), _actor(), workshop_id)})


@api.get("/workshops/<int:workshop_id>/threads/<int:contribution_id>")
def thread(workshop_id: int, contribution_id: int) -> Any:
    return jsonify(threads.thread(deps(), _actor(), workshop_id, contribution_id))


@api.post("/workshops/<int:workshop_id>/themes")
def create_theme(workshop_id: int) -> Any:
    theme = themes.create_theme(deps(), _actor(), workshop_id, json_body())
    return jsonify({"id": theme.id, "title": theme.title}), 201


@api.get("/workshops/<int:workshop_id>/topics/<int:topic_id>/theme-suggestions")
def theme_suggestions(workshop_id: int, topic_id: int) -> Any:
    found = themes.suggest(deps(), _actor(), workshop_id, topic_id)
    return jsonify(
        {
            # "groups" (lists of ids) is the earlier shape, kept for external API clients.
            "groups": [list(t.ids) for t in found],
            "themes": [t.to_json_dict() for t in found],
        }
    )


@api.get("/workshops/<int:workshop_id>/facilitators")
def list_facilitators(workshop_id: int) -> Any:
    return jsonify({"facilitators": workshops.facilitators_of(deps(), _actor(), workshop_id)})


@api.post("/workshops/<int:workshop_id>/facilitators")
def add_facilitator(workshop_id: int) -> Any:
    email = json_body().get("email")
    if not isinstance(email, str):
        raise ValidationFailed({"email": N_("Enter a valid email address.")})
    workshops.add_co_facilitator(deps(), _actor(), workshop_id, email)
    return jsonify({"facilitators": workshops.facilitators_of(deps(), _actor(), workshop_id)}), 201


@api.post("/workshops/<int:workshop_id>/handover")
def hand_over(workshop_id: int) -> Any:
    target = json_body().get("facilitator_id")
    if not isinstance(target, int):
        raise ValidationFailed({"facilitator_id": N_("Choose a co-facilitator.")})
    workshops.hand_over(deps(), _actor(), workshop_id, target)
    return jsonify({"facilitators": workshops.facilitators_of(deps(), _actor(), workshop_id)})


@api.get("/workshops/<int:workshop_id>/summary")
def summary(workshop_id: int) -> Any:
    return summary_response(_actor(), workshop_id, request.args.get("format", "json"))


@api.post("/workshops/<int:workshop_id>/profiles/import")
def import_profiles(workshop_id: int) -> Any:
    upload = request.files.get("file")
    if upload is not None:
        name, text = upload.filename or "", decode_profiles_file(upload.read())
        replace = request.form.get("replace") in ("on", "true", "1")
    else:
        body = json_body()
        name, text = str(body.get("filename", "")), str(body.get("text", ""))
        replace = body.get("replace") is True
    report = profiles.import_file(deps(), _actor(), workshop_id, text, name, replace)
    return jsonify(report), 201


@api.get("/workshops/<int:workshop_id>/profiles/export")
def export_profiles(workshop_id: int) -> Any:
    answer = jsonify(profiles.export(deps(), _actor(), workshop_id))
    # A file to keep, not a page: it holds every restricted area.
    answer.headers["Content-Disposition"] = f'attachment; filename="profiles-{workshop_id}.json"'
    return answer


@api.post("/workshops/<int:workshop_id>/companies/<int:company_id>/profile")
def save_company_profile(workshop_id: int, company_id: int) -> Any:
    actor = _actor()
    profiles.save(deps(), actor, company_id, json_body())
    return jsonify({"profiles": profiles.views(deps(), actor, workshop_id)})


@api.get("/workshops/<int:workshop_id>/matching")
def matching_results(workshop_id: int) -> Any:
    return jsonify({"matches": matches.views(deps(), _actor(), workshop_id, screen_language())})


@api.post("/workshops/<int:workshop_id>/matching/run")
def run_matching(workshop_id: int) -> Any:
    count = matches.run(deps(), _actor(), workshop_id)
    views = matches.views(deps(), _actor(), workshop_id, screen_language())
    return jsonify({"new_results": count, "matches": views})


@api.post("/workshops/<int:workshop_id>/matching/<int:match_id>/decision")
def decide_match(workshop_id: int, match_id: int) -> Any:
    matches.decide(deps(), _actor(), workshop_id, match_id, str(json_body().get("status")))
    return jsonify({"matches": matches.views(deps(), _actor(), workshop_id, screen_language())})


@api.post("/workshops/<int:workshop_id>/matching/publish")
def publish_matches(workshop_id: int) -> Any:
    count = matches.publish(deps(), _actor(), workshop_id)
    return jsonify({"published": count})


@api.post("/workshops/<int:workshop_id>/moderation")
def set_moderation(workshop_id: int) -> Any:
    value = json_body().get("moderate_all")
    if not isinstance(value, bool):
        raise ValidationFailed({"moderate_all": N_("Send true or false.")})
    workshops.set_moderation(deps(), _actor(), workshop_id, value)
    return jsonify({"moderate_all": value})


# --- action plans and follow-up: across the facilitator's workshops ---------------------


def _workshop_id_arg() -> int:
    workshop_id = request.args.get("workshop_id", type=int)
    if workshop_id is None:
        raise ValidationFailed({"workshop_id": N_("Name the workshop.")})
    return workshop_id


@api.get("/plans")
def plan_dashboard() -> Any:
    return jsonify({"plans": followup.dashboard(deps(), _actor())})


@api.post("/plans")
def create_plan() -> Any:
    actor = _actor()
    body = json_body()
    try:
        workshop_id = int(body.get("workshop_id"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValidationFailed({"workshop_id": N_("Name the workshop.")}) from None
    plan_id = plans.create(deps(), actor, workshop_id, body)
    return jsonify({"plan": plans.get_plan(deps(), actor, plan_id)}), 201


@api.get("/plans/draft")
def draft_plan() -> Any:
    match_id = request.args.get("match_id", type=int)
    if match_id is None:
        raise ValidationFailed({"match_id": N_("Choose a result to start from.")})
    document = plans.draft_from_match(
        deps(), _actor(), _workshop_id_arg(), match_id, screen_language()
    )
    return jsonify({"document": document})


@api.get("/plans/<int:plan_id>")
def get_plan(plan_id: int) -> Any:
    return plan_json(_actor(), plan_id)


@api.post("/plans/<int:plan_id>/versions")
def propose_plan(plan_id: int) -> Any:
    return propose_json(_actor(), plan_id)


@api.get("/plans/<int:plan_id>/versions/<int:version>")
def plan_version(plan_id: int, version: int) -> Any:
    return version_json(_actor(), plan_id, version)


@api.post("/plans/<int:plan_id>/steps/<step_key>/status")
def plan_step_status(plan_id: int, step_key: str) -> Any:
    return step_status_json(_actor(), plan_id, step_key)


@api.post("/plans/<int:plan_id>/steps/<step_key>/notes")
def plan_step_note(plan_id: int, step_key: str) -> Any:
    actor = _actor()
    person = accounts.get_facilitator(deps(), actor.facilitator_id or 0)
    return step_note_json(actor, plan_id, step_key, person.name if person else "")


@api.get("/plans.ics")
def plans_calendar() -> Any:
    workshop_id = _workshop_id_arg()
    lang = request.args.get("lang", "es")
    return calendar_response(_actor(), workshop_id, lang if lang in ("es", "en") else "es")


@api.get("/ledger")
def workshop_ledger() -> Any:
    actor = _actor()
    workshop_id = _workshop_id_arg()
    return jsonify(
        ledger.ledger(deps(), actor, workshop_id)
        | {"feedback": ledger.workshop_feedback(deps(), actor, workshop_id)}
    )


@api.post("/workshops/<int:workshop_id>/import")
def import_workshop(workshop_id: int) -> Any:
    result = carry_over.import_from(deps(), _actor(), workshop_id, json_body().get("earlier_id"))
    return jsonify({"companies": result.companies, "plans": result.plans}), 201
