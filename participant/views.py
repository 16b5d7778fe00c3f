"""Participant pages: join through a link, the workshop room, the summary download."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, g, redirect, render_template, request, url_for
from flask_babel import gettext

from participant.auth import remember, session_participant
from shared.disclosure import Channel
from shared.errors import NotFound, ValidationFailed
from shared.rules import ATTRIBUTION_ORDER, SENSITIVITY_ORDER
from shared.services import agenda, charters, consent, contributions, participants, profiles
from shared.services import room as room_service
from shared.web import deps
from shared.web.downloads import summary_response
from shared.web.labels import (
    DETAIL_LABELS,
    KIND_LABELS,
    PROFILE_LABELS,
    kind_label,
    rule_labels,
    translated_errors,
)

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
