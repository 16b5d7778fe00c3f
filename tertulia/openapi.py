"""The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json.

Written by hand next to the handlers it describes; tests/integration/test_openapi.py fails
when a route is added without being documented here.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify

ERROR = {"$ref": "#/components/schemas/Error"}


def _op(
    summary: str,
    *,
    body: str | None = None,
    ok: str = "200",
    auth: str = "facilitator",
    tags: tuple[str, ...] = (),
    media: str = "application/json",
    conflict: str | None = None,
) -> dict[str, Any]:
    success: dict[str, Any] = {} if media == "application/json" else {"schema": {"type": "string"}}
    op: dict[str, Any] = {
        "summary": summary,
        "tags": list(tags),
        "responses": {
            ok: {"description": "Success", "content": {media: success}},
            "400": {
                "description": "Malformed request",
                "content": {"application/json": {"schema": ERROR}},
            },
            "401": {
                "description": "Not authenticated",
                "content": {"application/json": {"schema": ERROR}},
            },
            "404": {
                "description": "Not found or not yours",
                "content": {"application/json": {"schema": ERROR}},
            },
            "422": {
                "description": "Invalid fields (error.fields names each)",
                "content": {"application/json": {"schema": ERROR}},
            },
        },
        "security": [{"facilitatorToken": []}, {"session": []}]
        if auth == "facilitator"
        else ([{"participantToken": []}, {"session": []}] if auth == "participant" else []),
    }
    if conflict:
        op["responses"]["409"] = {
            "description": conflict,
            "content": {"application/json": {"schema": ERROR}},
        }
    if body:
        op["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{body}"}}},
        }
    return op


def _id(name: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": {"type": "integer"}}


def _query(name: str, schema: dict[str, Any], *, required: bool = False) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": required, "schema": schema}


STEP_KEY = {
    "name": "step_key",
    "in": "path",
    "required": True,
    "schema": {"type": "string", "maxLength": 16},
    "description": "The step's `key` in the plan document (letters and digits)",
}


def document() -> dict[str, Any]:
    """The whole description: the paths below, with the plan and ledger answers' shapes."""
    doc = _paths_and_inputs()
    doc["components"]["schemas"].update(RESPONSE_SCHEMAS)
    for (path, method, status), schema in RESPONSES.items():
        content = doc["paths"][path][method]["responses"][status]["content"]
        content["application/json"]["schema"] = {"$ref": f"#/components/schemas/{schema}"}
    return doc


def _nullable(kind: str) -> dict[str, Any]:
    return {"type": [kind, "null"]}


_INT, _STR, _BOOL = {"type": "integer"}, {"type": "string"}, {"type": "boolean"}
# How a company viewer refers to companies in plans and ratings (docs/PROTOCOL.md).
_COMPANY_REF = {
    "type": ["integer", "string"],
    "description": "the company's id, or its alias where the charter does not name "
    "companies (a participant's GET /workshops/{workshop_id}/plans/companies lists them)",
}
_PROGRESS = {
    "type": "object",
    "required": ["steps", "done", "blocked", "overdue"],
    "properties": {k: _INT for k in ("steps", "done", "blocked", "overdue")},
}
_PLAN_STATUS = {"type": "string", "enum": ["draft", "signed", "changed"]}


def _obj(required: dict[str, Any], **optional: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "required": list(required),
        "properties": {**required, **optional},
    }


RESPONSE_SCHEMAS: dict[str, Any] = {
    "PlanView": _obj(
        {
            "id": _INT,
            "workshop_id": _INT,
            "workshop_title": _STR,
            "version": _INT,
            "signed_version": _nullable("integer"),
            "status": _PLAN_STATUS,
            "available": {
                "type": "boolean",
                "description": "false once the content was shredded with its workshop",
            },
            "title": _STR,
            "objective": _STR,
            "follow_up": _STR,
            "limits": _STR,
            "third_parties": _STR,
            "parties": {
                "type": "array",
                "items": _obj(
                    {
                        "company_id": _COMPANY_REF,
                        "company": {
                            "type": "string",
                            "description": "its name, or its alias where the charter "
                            "does not name companies",
                        },
                        "seeks": _STR,
                        "gives": _STR,
                        "approved_at": {
                            "type": ["string", "null"],
                            "description": "when it signed the current version",
                        },
                    }
                ),
            },
            "party_ids": {"type": "array", "items": _COMPANY_REF},
            "steps": {
                "type": "array",
                "items": _obj(
                    {
                        "key": _STR,
                        "title": _STR,
                        "milestone": _BOOL,
                        "due": {"type": "string", "description": "YYYY-MM-DD or empty"},
                        "owner_company_id": _COMPANY_REF,
                        "owner": _STR,
                        "owner_person": _STR,
                        "resources": {
                            "type": "array",
                            "items": _obj(
                                {
                                    "name": _STR,
                                    "status": {"enum": ["available", "needed"]},
                                    "provider_company_id": {
                                        **_COMPANY_REF,
                                        "type": ["integer", "string", "null"],
                                    },
                                    "provider": _nullable("string"),
                                }
                            ),
                        },
                        "status": {"enum": ["not_started", "in_progress", "done", "blocked"]},
                        "status_updated_at": _nullable("string"),
                        "overdue": _BOOL,
                        "notes": {
                            "type": "array",
                            "items": _obj({"id": _INT, "text": _STR, "author": _STR, "at": _STR}),
                        },
                    }
                ),
            },
            "progress": _PROGRESS,
            "versions": {
                "type": "array",
                "items": _obj({"version": _INT, "created_at": _STR, "by": _STR}),
            },
            "you_approved": _nullable("boolean"),
            "updated_at": _STR,
        },
        match_id=_nullable("integer"),
        carried_to_plan_id=_nullable("integer"),
        continues_plan_id=_nullable("integer"),
    ),
    "PlanOut": _obj({"plan": {"$ref": "#/components/schemas/PlanView"}}, signed=_BOOL),
    "PlanList": _obj(
        {"plans": {"type": "array", "items": {"$ref": "#/components/schemas/PlanView"}}}
    ),
    "PlanBrief": _obj(
        {
            "id": _INT,
            "workshop_id": _INT,
            "workshop_title": _STR,
            "title": _STR,
            "status": _PLAN_STATUS,
            "version": _INT,
            "progress": _PROGRESS,
            "parties": {"type": "array", "items": _STR},
            "next_due": _nullable("string"),
            "you_approved": _nullable("boolean"),
        }
    ),
    "PlanCompanies": _obj(
        {
            "companies": {
                "type": "array",
                "items": _obj({"company_id": _COMPANY_REF, "name": _STR, "own": _BOOL}),
            }
        }
    ),
    "PlanDashboard": _obj(
        {"plans": {"type": "array", "items": {"$ref": "#/components/schemas/PlanBrief"}}}
    ),
    "PlanVersionOut": _obj(
        {
            "plan_id": _INT,
            "version": _INT,
            "created_at": _STR,
            "by": _STR,
            "approved_by": {"type": "object", "additionalProperties": _STR},
            "document": {"type": ["object", "null"]},
        }
    ),
    "Ledger": _obj(
        {
            "pairs": {
                "type": "array",
                "items": _obj(
                    {
                        "a": _STR,
                        "b": _STR,
                        "a_gave": _INT,
                        "b_gave": _INT,
                        "a_gave_by_kind": {"type": "object", "additionalProperties": _INT},
                        "b_gave_by_kind": {"type": "object", "additionalProperties": _INT},
                        "balance": {"type": "integer", "description": "a_gave - b_gave"},
                        "balanced": _BOOL,
                    }
                ),
            },
            "companies": {
                "type": "array",
                "items": _obj(
                    {
                        "company": _STR,
                        "given": _INT,
                        "received": _INT,
                        "balance": _INT,
                        "balanced": _BOOL,
                    }
                ),
            },
            "workshops": {"type": "array", "items": _STR},
        },
        feedback={"type": "array", "description": "facilitator only: the closing answers"},
    ),
}

# Which answers carry those shapes: (path, method, status) -> schema.
RESPONSES = {
    ("/workshops/{workshop_id}/plans", "get", "200"): "PlanList",
    ("/workshops/{workshop_id}/plans/companies", "get", "200"): "PlanCompanies",
    ("/workshops/{workshop_id}/plans", "post", "201"): "PlanOut",
    ("/workshops/{workshop_id}/plans/{plan_id}", "get", "200"): "PlanOut",
    ("/workshops/{workshop_id}/plans/{plan_id}/versions", "post", "201"): "PlanOut",
    ("/workshops/{workshop_id}/plans/{plan_id}/versions/{version}", "get", "200"): (
        "PlanVersionOut"
    ),
    ("/workshops/{workshop_id}/plans/{plan_id}/approve", "post", "200"): "PlanOut",
    ("/workshops/{workshop_id}/plans/{plan_id}/steps/{step_key}/status", "post", "200"): (
        "PlanOut"
    ),
    ("/workshops/{workshop_id}/plans/{plan_id}/steps/{step_key}/notes", "post", "201"): ("PlanOut"),
    ("/workshops/{workshop_id}/ledger", "get", "200"): "Ledger",
    ("/plans", "get", "200"): "PlanDashboard",
    ("/plans", "post", "201"): "PlanOut",
    ("/plans/{plan_id}", "get", "200"): "PlanOut",
    ("/plans/{plan_id}/versions", "post", "201"): "PlanOut",
    ("/plans/{plan_id}/versions/{version}", "get", "200"): "PlanVersionOut",
    ("/plans/{plan_id}/steps/{step_key}/status", "post", "200"): "PlanOut",
    ("/plans/{plan_id}/steps/{step_key}/notes", "post", "201"): "PlanOut",
    ("/ledger", "get", "200"): "Ledger",
}


def _paths_and_inputs() -> dict[str, Any]:
    w = [_id("workshop_id")]
    plan = [_id("plan_id")]
    wq = _query("workshop_id", {"type": "integer"}, required=True)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Tertulia API",
            "version": "1",
            "description": "Workshops, companies and invitations, joining, contributions and "
            "phase. Real-time events: see docs/PROTOCOL.md. Errors carry a stable code "
            "and a message in the caller's language (Accept-Language).",
        },
        "servers": [{"url": "/api/v1"}],
        "paths": {
            "/workshops": {
                "get": _op("List your workshops", tags=("facilitator",)),
                "post": _op(
                    "Create a workshop", body="WorkshopIn", ok="201", tags=("facilitator",)
                ),
            },
            "/workshops/{workshop_id}": {
                "parameters": w,
                "get": _op("Workshop state: phase, topics, last sequence", tags=("facilitator",)),
            },
            "/workshops/{workshop_id}/companies": {
                "parameters": w,
                "get": _op(
                    "Companies with their invitations and participants", tags=("facilitator",)
                ),
                "post": _op("Add a company", body="CompanyIn", ok="201", tags=("facilitator",)),
            },
            "/companies/{company_id}/invitations": {
                "parameters": [_id("company_id")],
                "post": _op(
                    "Issue an invitation link (the token is returned once)",
                    ok="201",
                    tags=("facilitator",),
                ),
            },
            "/invitations/{invitation_id}/revoke": {
                "parameters": [_id("invitation_id")],
                "post": _op(
                    "Revoke a link; people who joined through it lose access", tags=("facilitator",)
                ),
            },
            "/workshops/{workshop_id}/phase": {
                "parameters": w,
                "post": _op(
                    "Open an exchange round on a topic",
                    body="TopicIn",
                    ok="201",
                    tags=("facilitator",),
                ),
            },
            "/workshops/{workshop_id}/close": {
                "parameters": w,
                "post": _op("Close the workshop", tags=("facilitator",)),
            },
            "/workshops/{workshop_id}/contributions": {
                "parameters": w,
                "get": _op("Contributions as the facilitator may see them", tags=("facilitator",)),
                "post": _op(
                    "Post a contribution (idempotent by client_id)",
                    body="ContributionIn",
                    ok="201",
                    auth="participant",
                    tags=("participant",),
                ),
            },
            "/join": {
                "post": _op(
                    "Join a workshop with an invitation token; returns a participant bearer token",
                    body="JoinIn",
                    ok="201",
                    auth="none",
                    tags=("participant",),
                ),
            },
            "/me": {
                "get": _op(
                    "Who the participant token belongs to",
                    auth="participant",
                    tags=("participant",),
                )
            },
            "/workshops/{workshop_id}/room": {
                "parameters": w,
                "get": _op(
                    "Room state for a participant", auth="participant", tags=("participant",)
                ),
            },
            "/workshops/{workshop_id}/feed": {
                "parameters": w,
                "get": _op(
                    "Contributions the participant may see",
                    auth="participant",
                    tags=("participant",),
                ),
            },
            "/workshops/{workshop_id}/charter": {
                "parameters": w,
                "get": _op(
                    "The current charter (rules, exports, retention) and whether your "
                    "company accepted it",
                    auth="participant",
                    tags=("participant",),
                ),
                "post": _op(
                    "Propose a new charter version; companies accept again unless it "
                    "only makes rules stricter",
                    body="CharterIn",
                    ok="201",
                    tags=("facilitator",),
                ),
            },
            "/workshops/{workshop_id}/charter/acceptances": {
                "parameters": w,
                "get": _op("The charter and which companies accepted it", tags=("facilitator",)),
            },
            "/workshops/{workshop_id}/charter/accept": {
                "parameters": w,
                "post": _op(
                    "Accept the charter version you were shown, for your company",
                    body="AcceptIn",
                    auth="participant",
                    tags=("participant",),
                ),
            },
            "/workshops/{workshop_id}/topics/{topic_id}/reveal": {
                "parameters": [*w, _id("topic_id")],
                "post": _op(
                    "Reveal a round: items waiting for the phase reveal appear",
                    tags=("facilitator",),
                ),
            },
            "/workshops/{workshop_id}/contributions/{contribution_id}/rules": {
                "parameters": [*w, _id("contribution_id")],
                "post": _op(
                    "Change your item's rules: tighten freely; loosening needs "
                    "confirm_loosen=true and is logged",
                    body="RulesChangeIn",
                    auth="participant",
                    tags=("participant",),
                ),
            },
            "/workshops/{workshop_id}/contributions/{contribution_id}/access-requests": {
                "parameters": [*w, _id("contribution_id")],
                "post": _op(
                    "Ask the owners of a consent-ruled item to see it",
                    ok="201",
                    auth="participant",
                    tags=("participant",),
                ),
            },
            "/workshops/{workshop_id}/access-requests": {
                "parameters": w,
                "get": _op(
                    "Requests waiting for your company's decision",
                    auth="participant",
                    tags=("participant",),
                ),
            },
            "/workshops/{workshop_id}/access-requests/{request_id}/decision": {
                "parameters": [*w, _id("request_id")],
                "post": _op(
                    "Approve or decline a request (k of the owners must approve)",
                    body="DecisionIn",
                    auth="participant",
                    tags=("participant",),
                ),
            },
            "/workshops/{workshop_id}/history": {
                "parameters": w,
                "get": _op(
                    "Disclosure history of your company's contributions (audit entries, "
                    "no content) and the log's head",
                    auth="participant",
                    tags=("participant",),
                ),
            },
            "/workshops/{workshop_id}/audit": {
                "parameters": w,
                "get": _op(
                    "The workshop's audit entries and the log's head", tags=("facilitator",)
                ),
            },
            "/workshops/{workshop_id}/agenda": {
                "parameters": w,
                "get": _op(
                    "The agenda: phases in order with status, topic and timer",
                    tags=("facilitator",),
                ),
            },
            "/workshops/{workshop_id}/phases": {
                "parameters": w,
                "post": _op(
                    "Add a phase (kind, template or title, planned_minutes, silent, moderated)",
                    body="PhaseIn",
                    ok="201",
                    tags=("facilitator",),
                ),
            },
            "/workshops/{workshop_id}/phases/{phase_id}/go": {
                "parameters": [*w, _id("phase_id")],
                "post": _op(
                    "Make this phase the active one (forwards or back)", tags=("facilitator",)
                ),
            },
            "/workshops/{workshop_id}/phases/{phase_id}/move": {
                "parameters": [*w, _id("phase_id")],
                "post": _op(
                    "Move a phase up (offset -1) or down (1)", body="MoveIn", tags=("facilitator",)
                ),
            },
            "/workshops/{workshop_id}/phases/{phase_id}/skip": {
                "parameters": [*w, _id("phase_id")],
                "post": _op("Skip a planned phase (again to unskip)", tags=("facilitator",)),
            },
            "/workshops/{workshop_id}/timer": {
                "parameters": w,
                "post": _op(
                    "The active phase's timer: start, pause, extend (minutes), reset",
                    body="TimerIn",
                    tags=("facilitator",),
                ),
            },
            "/workshops/{workshop_id}/contributions/{contribution_id}/moderation": {
                "parameters": [*w, _id("contribution_id")],
                "post": _op(
                    "approve, request_edit (note = message) or reject (note = reason)",
                    body="ModerationIn",
                    tags=("facilitator",),
                ),
            },
            "/workshops/{workshop_id}/spotlight": {
                "parameters": w,
                "post": _op(
                    "Bring everyone to a contribution (null clears)",
                    body="SpotlightIn",
                    tags=("facilitator",),
                ),
            },
            "/workshops/{workshop_id}/polls": {
                "parameters": w,
                "post": _op(
                    "Open a dot vote on a topic (budget per company or person)",
                    body="PollIn",
                    ok="201",
                    tags=("facilitator",),
                ),
            },
            "/workshops/{workshop_id}/polls/{poll_id}/close": {
                "parameters": [*w, _id("poll_id")],
                "post": _op("Close a vote: its totals become visible", tags=("facilitator",)),
            },
            "/workshops/{workshop_id}/polls/{poll_id}/vote": {
                "parameters": [*w, _id("poll_id")],
                "post": _op(
                    "Place your dots (replaces your previous ones)",
                    body="VoteIn",
                    auth="participant",
                    tags=("participant",),
                ),
            },
            "/workshops/{workshop_id}/ready": {
                "parameters": w,
                "post": _op(
                    "Your company is done with the active phase (or not)",
                    body="ReadyIn",
                    auth="participant",
                    tags=("participant",),
                ),
            },
            "/workshops/{workshop_id}/contributions/{contribution_id}/edit": {
                "parameters": [*w, _id("contribution_id")],
                "post": _op(
                    "Rewrite your contribution (shown as edited once revealed)",
                    body="EditIn",
                    auth="participant",
                    tags=("participant",),
                ),
            },
            "/workshops/{workshop_id}/contributions/{contribution_id}/withdraw": {
                "parameters": [*w, _id("contribution_id")],
                "post": _op(
                    "Withdraw your contribution before it is revealed (its text is destroyed)",
                    auth="participant",
                    tags=("participant",),
                ),
            },
            "/workshops/{workshop_id}/contributions/{contribution_id}/reactions": {
                "parameters": [*w, _id("contribution_id")],
                "post": _op(
                    "React: useful, we_too or question (on=false takes it back); counted, "
                    "never attributed",
                    body="ReactionIn",
                    auth="participant",
                    tags=("participant",),
                ),
            },
            "/workshops/{workshop_id}/contributions/{contribution_id}/questions": {
                "parameters": [*w, _id("contribution_id")],
                "post": _op(
                    "Ask the author a question (shown without naming who asked)",
                    body="TextIn",
                    ok="201",
                    auth="participant",
                    tags=("participant",),
                ),
            },
            "/workshops/{workshop_id}/questions/{question_id}/answer": {
                "parameters": [*w, _id("question_id")],
                "post": _op(
                    "The author's company answers in place",
                    body="TextIn",
                    auth="participant",
                    tags=("participant",),
                ),
            },
            "/workshops/{workshop_id}/contributions/{contribution_id}/thread": {
                "parameters": [*w, _id("contribution_id")],
                "get": _op(
                    "Reactions and questions of a contribution you may see",
                    auth="participant",
                    tags=("participant",),
                ),
            },
            "/workshops/{workshop_id}/threads/{contribution_id}": {
                "parameters": [*w, _id("contribution_id")],
                "get": _op("Reactions and questions of a contribution", tags=("facilitator",)),
            },
            "/workshops/{workshop_id}/themes": {
                "parameters": w,
                "post": _op(
                    "Group contributions of one topic into a theme",
                    body="ThemeIn",
                    ok="201",
                    tags=("facilitator",),
                ),
            },
            "/workshops/{workshop_id}/topics/{topic_id}/theme-suggestions": {
                "parameters": [*w, _id("topic_id")],
                "get": _op(
                    "Common themes of a topic's contributions, across wording and language: "
                    '{"groups": [[ids]], "themes": [{"ids", "companies", "score", '
                    '"title": {"en", "es"}}]}, biggest first',
                    tags=("facilitator",),
                ),
            },
            "/workshops/{workshop_id}/facilitators": {
                "parameters": w,
                "get": _op("The owner and co-facilitators", tags=("facilitator",)),
                "post": _op(
                    "Invite a co-facilitator by the email of their account",
                    body="EmailIn",
                    ok="201",
                    tags=("facilitator",),
                ),
            },
            "/workshops/{workshop_id}/handover": {
                "parameters": w,
                "post": _op(
                    "The owner hands control to a co-facilitator",
                    body="HandoverIn",
                    tags=("facilitator",),
                ),
            },
            "/workshops/{workshop_id}/summary": {
                "parameters": [
                    *w,
                    {
                        "name": "format",
                        "in": "query",
                        "schema": {"type": "string", "enum": ["pdf", "md", "json", "csv", "ics"]},
                    },
                ],
                "get": _op(
                    "The facilitator's summary (a draft until the workshop closes)",
                    tags=("facilitator",),
                ),
            },
            "/workshops/{workshop_id}/summary/mine": {
                "parameters": [
                    *w,
                    {
                        "name": "format",
                        "in": "query",
                        "schema": {"type": "string", "enum": ["pdf", "md", "json", "csv", "ics"]},
                    },
                ],
                "get": _op(
                    "Your company's summary: only what it may take out of the room",
                    auth="participant",
                    tags=("participant",),
                ),
            },
            "/workshops/{workshop_id}/profiles": {
                "parameters": w,
                "get": _op(
                    "Company profiles you may read (restricted areas only your own)",
                    auth="participant",
                    tags=("participant",),
                ),
            },
            "/workshops/{workshop_id}/profile": {
                "parameters": w,
                "post": _op(
                    "Save your company's profile",
                    body="ProfileIn",
                    auth="participant",
                    tags=("participant",),
                ),
            },
            "/workshops/{workshop_id}/companies/{company_id}/profile": {
                "parameters": [*w, _id("company_id")],
                "post": _op("Save a company's profile", body="ProfileIn", tags=("facilitator",)),
            },
            "/workshops/{workshop_id}/profiles/import": {
                "parameters": w,
                "post": _op(
                    "Import profiles: multipart `file` (.json or .csv, the `tertulia "
                    "match` format; `replace=on` to replace profiles companies already "
                    "saved) or JSON {filename, text, replace}; all or nothing; answers "
                    "{imported, created, replaced} (company names)",
                    ok="201",
                    tags=("facilitator",),
                ),
            },
            "/workshops/{workshop_id}/profiles/export": {
                "parameters": w,
                "get": _op("Every profile in the import format", tags=("facilitator",)),
            },
            "/workshops/{workshop_id}/matching": {
                "parameters": w,
                "get": _op(
                    "Every overlap, combination and shared need with its status",
                    tags=("facilitator",),
                ),
            },
            "/workshops/{workshop_id}/matching/run": {
                "parameters": w,
                "post": _op("Run the matching engine on the profiles", tags=("facilitator",)),
            },
            "/workshops/{workshop_id}/matching/{match_id}/decision": {
                "parameters": [*w, _id("match_id")],
                "post": _op(
                    "Confirm or dismiss a result", body="MatchDecisionIn", tags=("facilitator",)
                ),
            },
            "/workshops/{workshop_id}/matching/publish": {
                "parameters": w,
                "post": _op(
                    "Publish the confirmed results to the companies concerned",
                    tags=("facilitator",),
                ),
            },
            "/workshops/{workshop_id}/matches": {
                "parameters": w,
                "get": _op(
                    "Published results that concern your company (a restricted overlap "
                    "only as a notice)",
                    auth="participant",
                    tags=("participant",),
                ),
            },
            "/workshops/{workshop_id}/matches/{match_id}/interest": {
                "parameters": [*w, _id("match_id")],
                "post": _op(
                    "Mark interest; mutual interest seeds an action plan",
                    body="InterestIn",
                    auth="participant",
                    tags=("participant",),
                ),
            },
            "/workshops/{workshop_id}/moderation": {
                "parameters": w,
                "post": _op(
                    "Moderate every round of the workshop (true) or only the rounds "
                    "marked moderated (false)",
                    body="ModerateAllIn",
                    tags=("facilitator",),
                ),
            },
            "/workshops/{workshop_id}/plans/companies": {
                "parameters": w,
                "get": _op(
                    "The workshop's companies as your plans and ratings refer to them: "
                    '{"companies": [{"company_id", "name", "own"}]}; company_id is an id '
                    "under a named charter and the alias otherwise",
                    auth="participant",
                    tags=("participant", "plans"),
                ),
            },
            "/workshops/{workshop_id}/plans": {
                "parameters": w,
                "get": _op(
                    "Your company's action plans in this workshop (full content, follow-up, "
                    "notes, versions)",
                    auth="participant",
                    tags=("participant", "plans"),
                ),
                "post": _op(
                    "Create an action plan (version 1, unsigned); your company must be a party",
                    body="PlanDocument",
                    ok="201",
                    auth="participant",
                    tags=("participant", "plans"),
                ),
            },
            "/workshops/{workshop_id}/plans/draft": {
                "parameters": [*w, _query("match_id", {"type": "integer"}, required=True)],
                "get": _op(
                    "A plan document to start from, drafted from a published result every "
                    "party marked interest in (not saved)",
                    auth="participant",
                    tags=("participant", "plans"),
                    conflict="Not every company of the result has marked interest",
                ),
            },
            "/workshops/{workshop_id}/plans/{plan_id}": {
                "parameters": [*w, *plan],
                "get": _op(
                    "A plan: current version's content, sign-off, steps with status, "
                    "overdue flag and notes, version history",
                    auth="participant",
                    tags=("participant", "plans"),
                ),
            },
            "/workshops/{workshop_id}/plans/{plan_id}/versions": {
                "parameters": [*w, *plan],
                "post": _op(
                    "Save a change as a new version; every party must approve it again",
                    body="PlanVersionIn",
                    ok="201",
                    auth="participant",
                    tags=("participant", "plans"),
                    conflict="base_version is not the current version: reload and edit again",
                ),
            },
            "/workshops/{workshop_id}/plans/{plan_id}/versions/{version}": {
                "parameters": [*w, *plan, _id("version")],
                "get": _op(
                    "An earlier version's document as proposed, and who approved it",
                    auth="participant",
                    tags=("participant", "plans"),
                ),
            },
            "/workshops/{workshop_id}/plans/{plan_id}/approve": {
                "parameters": [*w, *plan],
                "post": _op(
                    "Sign the current version for your company; `signed` is true once every "
                    "party has",
                    body="PlanApproveIn",
                    auth="participant",
                    tags=("participant", "plans"),
                    conflict="The plan changed since that version: read the new one first",
                ),
            },
            "/workshops/{workshop_id}/plans/{plan_id}/steps/{step_key}/status": {
                "parameters": [*w, *plan, STEP_KEY],
                "post": _op(
                    "Report a step's status (follow-up: needs no approval)",
                    body="StepStatusIn",
                    auth="participant",
                    tags=("participant", "plans"),
                ),
            },
            "/workshops/{workshop_id}/plans/{plan_id}/steps/{step_key}/notes": {
                "parameters": [*w, *plan, STEP_KEY],
                "post": _op(
                    "Add a progress note to a step (signed with your name and company)",
                    body="StepNoteIn",
                    ok="201",
                    auth="participant",
                    tags=("participant", "plans"),
                ),
            },
            "/workshops/{workshop_id}/plans.ics": {
                "parameters": w,
                "get": _op(
                    "The dated steps and milestones of your plans as an iCalendar file",
                    auth="participant",
                    tags=("participant", "plans"),
                    media="text/calendar",
                ),
            },
            "/workshops/{workshop_id}/calendar-link": {
                "parameters": w,
                "post": _op(
                    "A secret calendar subscription address `{url}` (shown once; a new one "
                    "replaces the old)",
                    auth="participant",
                    tags=("participant", "plans"),
                ),
            },
            "/workshops/{workshop_id}/evaluations": {
                "parameters": w,
                "get": _op(
                    "The ratings your company entered so far and the closing feedback",
                    auth="participant",
                    tags=("participant", "evaluation"),
                ),
                "post": _op(
                    "Rate what your company received from or gave to another company; "
                    "returns `{stored}`",
                    body="EvaluationIn",
                    auth="participant",
                    tags=("participant", "evaluation"),
                ),
            },
            "/workshops/{workshop_id}/feedback": {
                "parameters": w,
                "post": _op(
                    "Answer the closing questions about the workshop",
                    body="FeedbackIn",
                    auth="participant",
                    tags=("participant", "evaluation"),
                ),
            },
            "/workshops/{workshop_id}/ledger": {
                "parameters": w,
                "get": _op(
                    "Give-and-receive ledger: your company's pairs and totals, across the "
                    "workshops your organisation took part in",
                    auth="participant",
                    tags=("participant", "evaluation"),
                ),
            },
            "/plans": {
                "get": _op(
                    "Every plan of your workshops, those needing attention first (overdue, "
                    "blocked, unsigned)",
                    tags=("facilitator", "plans"),
                ),
                "post": _op(
                    "Create an action plan in one of your workshops (version 1, unsigned)",
                    body="PlanCreateIn",
                    ok="201",
                    tags=("facilitator", "plans"),
                ),
            },
            "/plans/draft": {
                "parameters": [wq, _query("match_id", {"type": "integer"}, required=True)],
                "get": _op(
                    "A plan document to start from, drafted from a confirmed result (not saved)",
                    tags=("facilitator", "plans"),
                ),
            },
            "/plans/{plan_id}": {
                "parameters": plan,
                "get": _op(
                    "A plan: current version's content, sign-off, steps with status, "
                    "overdue flag and notes, version history",
                    tags=("facilitator", "plans"),
                ),
            },
            "/plans/{plan_id}/versions": {
                "parameters": plan,
                "post": _op(
                    "Save a change as a new version; every party must approve it again",
                    body="PlanVersionIn",
                    ok="201",
                    tags=("facilitator", "plans"),
                    conflict="base_version is not the current version: reload and edit again",
                ),
            },
            "/plans/{plan_id}/versions/{version}": {
                "parameters": [*plan, _id("version")],
                "get": _op(
                    "An earlier version's document as proposed, and who approved it",
                    tags=("facilitator", "plans"),
                ),
            },
            "/plans/{plan_id}/steps/{step_key}/status": {
                "parameters": [*plan, STEP_KEY],
                "post": _op(
                    "Report a step's status (follow-up: needs no approval)",
                    body="StepStatusIn",
                    tags=("facilitator", "plans"),
                ),
            },
            "/plans/{plan_id}/steps/{step_key}/notes": {
                "parameters": [*plan, STEP_KEY],
                "post": _op(
                    "Add a progress note to a step (signed with your name)",
                    body="StepNoteIn",
                    ok="201",
                    tags=("facilitator", "plans"),
                ),
            },
            "/plans.ics": {
                "parameters": [wq, _query("lang", {"type": "string", "enum": ["es", "en"]})],
                "get": _op(
                    "The dated steps and milestones of a workshop's plans as an iCalendar "
                    "file (lang: labels' language, default es)",
                    tags=("facilitator", "plans"),
                    media="text/calendar",
                ),
            },
            "/ledger": {
                "parameters": [wq],
                "get": _op(
                    "Give-and-receive ledger of a workshop's companies (pairs, totals, across "
                    "their organisations' workshops) and the closing feedback",
                    tags=("facilitator", "evaluation"),
                ),
            },
            "/workshops/{workshop_id}/import": {
                "parameters": w,
                "post": _op(
                    "Start from an earlier workshop of yours: copy its companies with "
                    "profiles and its open plans; returns `{companies, plans}` counts",
                    body="ImportIn",
                    ok="201",
                    tags=("facilitator",),
                ),
            },
            "/openapi.json": {
                "get": {
                    "summary": "This document",
                    "security": [],
                    "responses": {"200": {"description": "OpenAPI"}},
                }
            },
        },
        "components": {
            "securitySchemes": {
                "facilitatorToken": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "tt_... from the console's API tokens page",
                },
                "participantToken": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "tp_... returned by POST /join",
                },
                "session": {
                    "type": "apiKey",
                    "in": "cookie",
                    "name": "tertulia_session",
                    "description": "Browser session; mutations need the X-CSRFToken header",
                },
            },
            "schemas": {
                "Error": {
                    "type": "object",
                    "properties": {
                        "error": {
                            "type": "object",
                            "properties": {
                                "code": {"type": "string"},
                                "message": {"type": "string"},
                                "fields": {
                                    "type": "object",
                                    "additionalProperties": {"type": "string"},
                                },
                            },
                            "required": ["code", "message"],
                        }
                    },
                },
                "WorkshopIn": {
                    "type": "object",
                    "required": ["title", "date"],
                    "properties": {
                        "title": {"type": "string", "maxLength": 200},
                        "objective": {"type": "string", "maxLength": 2000},
                        "date": {"type": "string", "format": "date"},
                        "language": {"type": "string", "enum": ["es", "en"]},
                    },
                },
                "CompanyIn": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {"name": {"type": "string", "maxLength": 200}},
                },
                "TopicIn": {
                    "type": "object",
                    "properties": {
                        "template": {
                            "type": "string",
                            "enum": [
                                "market_ideas",
                                "costs",
                                "approach",
                                "business_model",
                                "good_practices",
                                "bad_practices",
                                "problems_successes",
                                "barriers",
                                "results",
                            ],
                        },
                        "title": {
                            "type": "string",
                            "maxLength": 200,
                            "description": "Required when no template is given",
                        },
                    },
                },
                "JoinIn": {
                    "type": "object",
                    "required": ["invitation", "name", "role"],
                    "properties": {
                        "invitation": {
                            "type": "string",
                            "description": "The token from /join/<token>",
                        },
                        "name": {"type": "string", "maxLength": 120},
                        "role": {"type": "string", "maxLength": 120},
                        "locale": {"type": "string", "enum": ["es", "en"]},
                    },
                },
                "Rules": {
                    "type": "object",
                    "properties": {
                        "sensitivity": {
                            "type": "string",
                            "enum": ["red", "amber+strict", "amber", "green", "clear"],
                        },
                        "attribution": {
                            "type": "string",
                            "enum": ["named", "pseudonymous", "chatham"],
                        },
                        "reciprocity": {"type": "boolean"},
                        "quorum": {"type": "integer", "minimum": 0},
                        "phase_reveal": {"type": "boolean"},
                        "consent": {"type": "boolean"},
                        "consent_k": {"type": "integer", "minimum": 1},
                        "owners": {"type": "array", "items": {"type": "integer"}},
                        "aggregate_only": {"type": "boolean"},
                        "recipients": {
                            "type": "array",
                            "items": {"type": "integer"},
                            "description": "AMBER+STRICT: the companies that may see it",
                        },
                        "excluded": {"type": "array", "items": {"type": "integer"}},
                        "withheld_view": {"type": "string", "enum": ["placeholder", "nothing"]},
                    },
                    "description": "Never looser than the charter's rules",
                },
                "CharterIn": {
                    "allOf": [
                        {"$ref": "#/components/schemas/Rules"},
                        {
                            "type": "object",
                            "properties": {
                                "downloads_allowed": {"type": "boolean"},
                                "shareable_allowed": {"type": "boolean"},
                                "retention_days": {
                                    "type": "integer",
                                    "minimum": 1,
                                    "maximum": 3650,
                                },
                            },
                        },
                    ]
                },
                "AcceptIn": {
                    "type": "object",
                    "required": ["version"],
                    "properties": {"version": {"type": "integer"}},
                },
                "DecisionIn": {
                    "type": "object",
                    "required": ["approve"],
                    "properties": {"approve": {"type": "boolean"}},
                },
                "RulesChangeIn": {
                    "type": "object",
                    "required": ["rules"],
                    "properties": {
                        "rules": {"$ref": "#/components/schemas/Rules"},
                        "confirm_loosen": {"type": "boolean"},
                    },
                },
                "ModerateAllIn": {
                    "type": "object",
                    "required": ["moderate_all"],
                    "properties": {"moderate_all": {"type": "boolean"}},
                },
                "ProfileIn": {
                    "type": "object",
                    "properties": {
                        "language": {"type": "string", "enum": ["es", "en"]},
                        "mission": {"type": "string", "maxLength": 1000},
                        **{
                            k: {
                                "type": "array",
                                "maxItems": 20,
                                "items": {"type": "string", "maxLength": 200},
                            }
                            for k in ("activities", "seeks", "offers", "restricted")
                        },
                    },
                },
                "MatchDecisionIn": {
                    "type": "object",
                    "required": ["status"],
                    "properties": {
                        "status": {
                            "type": "string",
                            "enum": ["confirmed", "dismissed", "suggested"],
                        }
                    },
                },
                "InterestIn": {
                    "type": "object",
                    "required": ["interested"],
                    "properties": {"interested": {"type": "boolean"}},
                },
                "ReactionIn": {
                    "type": "object",
                    "required": ["kind"],
                    "properties": {
                        "kind": {"type": "string", "enum": ["useful", "we_too", "question"]},
                        "on": {"type": "boolean"},
                    },
                },
                "TextIn": {
                    "type": "object",
                    "required": ["text"],
                    "properties": {"text": {"type": "string", "maxLength": 2000}},
                },
                "ThemeIn": {
                    "type": "object",
                    "required": ["title", "contribution_ids"],
                    "properties": {
                        "title": {"type": "string", "maxLength": 200},
                        "contribution_ids": {
                            "type": "array",
                            "minItems": 2,
                            "items": {"type": "integer"},
                        },
                    },
                },
                "EmailIn": {
                    "type": "object",
                    "required": ["email"],
                    "properties": {"email": {"type": "string"}},
                },
                "HandoverIn": {
                    "type": "object",
                    "required": ["facilitator_id"],
                    "properties": {"facilitator_id": {"type": "integer"}},
                },
                "PhaseIn": {
                    "type": "object",
                    "properties": {
                        "kind": {
                            "type": "string",
                            "enum": [
                                "welcome",
                                "profiles",
                                "exchange",
                                "overlaps",
                                "plans",
                                "evaluation",
                            ],
                        },
                        "template": {"type": "string"},
                        "title": {"type": "string"},
                        "planned_minutes": {"type": "integer", "minimum": 1, "maximum": 600},
                        "silent": {"type": "boolean"},
                        "moderated": {"type": "boolean"},
                    },
                },
                "MoveIn": {
                    "type": "object",
                    "required": ["offset"],
                    "properties": {"offset": {"type": "integer", "enum": [-1, 1]}},
                },
                "TimerIn": {
                    "type": "object",
                    "required": ["action"],
                    "properties": {
                        "action": {"type": "string", "enum": ["start", "pause", "extend", "reset"]},
                        "minutes": {"type": "integer"},
                    },
                },
                "ModerationIn": {
                    "type": "object",
                    "required": ["action"],
                    "properties": {
                        "action": {"type": "string", "enum": ["approve", "request_edit", "reject"]},
                        "note": {"type": "string", "maxLength": 1000},
                    },
                },
                "SpotlightIn": {
                    "type": "object",
                    "properties": {"contribution_id": {"type": ["integer", "null"]}},
                },
                "PollIn": {
                    "type": "object",
                    "required": ["topic_id"],
                    "properties": {
                        "topic_id": {"type": "integer"},
                        "budget": {"type": "integer", "minimum": 1, "maximum": 50},
                        "per": {"type": "string", "enum": ["company", "person"]},
                        "target": {"type": "string", "enum": ["contributions", "themes"]},
                    },
                },
                "VoteIn": {
                    "type": "object",
                    "required": ["dots"],
                    "properties": {
                        "dots": {"type": "object", "additionalProperties": {"type": "integer"}}
                    },
                },
                "ReadyIn": {
                    "type": "object",
                    "required": ["ready"],
                    "properties": {"ready": {"type": "boolean"}},
                },
                "EditIn": {
                    "type": "object",
                    "required": ["body"],
                    "properties": {
                        "body": {"type": "string", "maxLength": 5000},
                        "details": {"$ref": "#/components/schemas/Details"},
                    },
                },
                "Details": {
                    "type": "object",
                    "description": "Optional structured fields",
                    "properties": {
                        k: {"type": "string", "maxLength": 2000}
                        for k in ("context", "action", "result", "lesson", "cost")
                    },
                },
                "PlanDocument": {
                    "type": "object",
                    "required": ["title", "objective", "parties", "steps"],
                    "description": "A plan's content, sealed as one version. Every problem is "
                    "reported at once in error.fields by path, e.g. `steps.0.due`, "
                    "`parties.1.company_id`, `steps.2.resources.0.name`",
                    "properties": {
                        "title": {"type": "string", "maxLength": 160},
                        "objective": {"type": "string", "maxLength": 2000},
                        "parties": {
                            "type": "array",
                            "minItems": 2,
                            "items": {
                                "type": "object",
                                "required": ["company_id"],
                                "properties": {
                                    "company_id": {
                                        **_COMPANY_REF,
                                        "description": "A company of the workshop, once: "
                                        + _COMPANY_REF["description"],
                                    },
                                    "seeks": {"type": "string", "maxLength": 1000},
                                    "gives": {"type": "string", "maxLength": 1000},
                                },
                            },
                        },
                        "steps": {
                            "type": "array",
                            "maxItems": 60,
                            "items": {
                                "type": "object",
                                "required": ["title", "owner_company_id"],
                                "properties": {
                                    "key": {
                                        "type": "string",
                                        "maxLength": 16,
                                        "description": "Keep it when editing a step; omit "
                                        "for a new step (the server assigns one)",
                                    },
                                    "title": {"type": "string", "maxLength": 200},
                                    "milestone": {"type": "boolean"},
                                    "due": {
                                        "type": ["string", "null"],
                                        "format": "date",
                                        "description": "YYYY-MM-DD; empty or null: no date",
                                    },
                                    "owner_company_id": {
                                        **_COMPANY_REF,
                                        "description": "One of the plan's parties",
                                    },
                                    "owner_person": {"type": "string", "maxLength": 120},
                                    "resources": {
                                        "type": "array",
                                        "maxItems": 20,
                                        "items": {
                                            "type": "object",
                                            "required": ["name"],
                                            "properties": {
                                                "name": {"type": "string", "maxLength": 200},
                                                "status": {
                                                    "type": "string",
                                                    "enum": ["available", "needed"],
                                                    "default": "needed",
                                                },
                                                "provider_company_id": {
                                                    "type": ["integer", "string", "null"],
                                                    "description": "One of the plan's parties",
                                                },
                                            },
                                        },
                                    },
                                },
                            },
                        },
                        "follow_up": {
                            "type": "string",
                            "maxLength": 1000,
                            "description": "How and when progress is reported",
                        },
                        "limits": {
                            "type": "string",
                            "maxLength": 2000,
                            "description": "Restricted areas and overlap rules that apply",
                        },
                        "third_parties": {"type": "string", "maxLength": 1000},
                        "match_id": {
                            "type": ["integer", "null"],
                            "description": "On creation: the published result the plan starts from",
                        },
                    },
                },
                "PlanCreateIn": {
                    "allOf": [
                        {"$ref": "#/components/schemas/PlanDocument"},
                        {
                            "type": "object",
                            "required": ["workshop_id"],
                            "properties": {"workshop_id": {"type": "integer"}},
                        },
                    ]
                },
                "PlanVersionIn": {
                    "type": "object",
                    "required": ["base_version", "document"],
                    "properties": {
                        "base_version": {
                            "type": "integer",
                            "description": "The version the editor started from",
                        },
                        "document": {"$ref": "#/components/schemas/PlanDocument"},
                    },
                },
                "PlanApproveIn": {
                    "type": "object",
                    "required": ["version"],
                    "properties": {
                        "version": {"type": "integer", "description": "The version you read"}
                    },
                },
                "StepStatusIn": {
                    "type": "object",
                    "required": ["status"],
                    "properties": {
                        "status": {
                            "type": "string",
                            "enum": ["not_started", "in_progress", "done", "blocked"],
                        }
                    },
                },
                "StepNoteIn": {
                    "type": "object",
                    "required": ["text"],
                    "properties": {"text": {"type": "string", "minLength": 1, "maxLength": 2000}},
                },
                "EvaluationIn": {
                    "type": "object",
                    "required": ["other_company_id", "direction"],
                    "properties": {
                        "other_company_id": _COMPANY_REF,
                        "direction": {"type": "string", "enum": ["received", "given"]},
                        "occasion": {
                            "type": "string",
                            "pattern": "^(workshop|plan:[0-9]+)$",
                            "default": "workshop",
                            "description": "`plan:<id>`: a milestone of a plan both "
                            "companies are parties of",
                        },
                        "ratings": {
                            "type": "object",
                            "additionalProperties": False,
                            "properties": {
                                k: {
                                    "type": "object",
                                    "properties": {
                                        "value": {
                                            "type": ["integer", "null"],
                                            "minimum": 0,
                                            "maximum": 5,
                                            "description": "null removes this rating",
                                        },
                                        "comment": {"type": "string", "maxLength": 1000},
                                    },
                                }
                                for k in ("information", "contacts", "resources", "time")
                            },
                        },
                    },
                },
                "FeedbackIn": {
                    "type": "object",
                    "required": ["useful", "did_benchmarking"],
                    "properties": {
                        "useful": {"type": "integer", "minimum": 0, "maximum": 5},
                        "did_benchmarking": {"type": "string", "enum": ["yes", "no"]},
                        "comment": {"type": "string", "maxLength": 2000},
                    },
                },
                "ImportIn": {
                    "type": "object",
                    "required": ["earlier_id"],
                    "properties": {
                        "earlier_id": {
                            "type": "integer",
                            "description": "An earlier workshop you facilitate",
                        }
                    },
                },
                "ContributionIn": {
                    "type": "object",
                    "required": ["client_id", "body"],
                    "properties": {
                        "client_id": {
                            "type": "string",
                            "pattern": "^[A-Za-z0-9_-]{8,64}$",
                            "description": "Idempotency key generated by the client",
                        },
                        "body": {"type": "string", "maxLength": 5000},
                        "kind": {
                            "type": "string",
                            "enum": ["good_practice", "bad_practice", "barrier", "result", "idea"],
                        },
                        "topic_id": {
                            "type": "integer",
                            "description": "The round it was written for; default: the open topic",
                        },
                    },
                },
            },
        },
    }


blueprint = Blueprint("openapi", __name__)


@blueprint.get("/api/v1/openapi.json")
def openapi_json() -> Any:
    return jsonify(document())
