"""Plan, evaluation and ledger answers both sides serve (each side authenticates first,
then calls these with its viewer): one shape for the same resource on either side."""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify

from shared.disclosure import Viewer
from shared.errors import ValidationFailed
from shared.i18n import N_
from shared.services import followup, ledger, plans
from shared.web import deps, json_body


def plan_json(viewer: Viewer, plan_id: int) -> Any:
    return jsonify({"plan": plans.get_plan(deps(), viewer, plan_id)})


def propose_json(viewer: Viewer, plan_id: int) -> Any:
    body = json_body()
    document = body.get("document")
    if not isinstance(document, dict):
        raise ValidationFailed({"document": N_("Send the plan's content as an object.")})
    plans.propose(deps(), viewer, plan_id, document, body.get("base_version"))
    return jsonify({"plan": plans.get_plan(deps(), viewer, plan_id)}), 201


def approve_json(viewer: Viewer, plan_id: int) -> Any:
    signed = plans.approve(deps(), viewer, plan_id, json_body().get("version"))
    return jsonify({"signed": signed, "plan": plans.get_plan(deps(), viewer, plan_id)})


def step_status_json(viewer: Viewer, plan_id: int, step_key: str) -> Any:
    plans.set_step_status(deps(), viewer, plan_id, step_key, json_body().get("status"))
    return jsonify({"plan": plans.get_plan(deps(), viewer, plan_id)})


def step_note_json(viewer: Viewer, plan_id: int, step_key: str, author: str) -> Any:
    plans.add_note(deps(), viewer, plan_id, step_key, json_body(), author)
    return jsonify({"plan": plans.get_plan(deps(), viewer, plan_id)}), 201


def version_json(viewer: Viewer, plan_id: int, version: int) -> Any:
    return jsonify(plans.get_version(deps(), viewer, plan_id, version))


def calendar_response(viewer: Viewer, workshop_id: int, locale: str) -> Response:
    return Response(
        followup.calendar(deps(), viewer, workshop_id, locale),
        mimetype="text/calendar",
        headers={"Content-Disposition": f'attachment; filename="tertulia-{workshop_id}-plans.ics"'},
    )


def ledger_json(viewer: Viewer, workshop_id: int) -> Any:
    return jsonify(ledger.ledger(deps(), viewer, workshop_id))
