"""Themes: the facilitator groups a topic's contributions (by hand, or accepting common
themes the matching engine suggests, across wording and language). A theme links to its
originals, which keep their own rules: each viewer sees a theme with the members it may
see, and nothing of the rest.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared import access, audit
from shared.disclosure import Channel, Viewer
from shared.errors import ValidationFailed
from shared.feed import Renderer, record_event
from shared.i18n import N_
from shared.matching.themes import CommonTheme, ThemeText, common_themes
from shared.models import Contribution, Theme, ThemeMember, Topic, Workshop
from shared.services.deps import Deps
from shared.validation import Checker


def create_theme(deps: Deps, actor: Viewer, workshop_id: int, data: dict[str, Any]) -> Theme:
    check = Checker(data)
    title = check.text("title", max_len=200)
    members = data.get("contribution_ids")
    check.done()
    if (
        not isinstance(members, list)
        or len(members) < 2
        or not all(isinstance(m, int) for m in members)
    ):
        raise ValidationFailed({"contribution_ids": N_("Choose at least two contributions.")})
    with deps.db.transaction() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        items = [s.get(Contribution, m) for m in members]
        topics = {i.topic_id for i in items if i is not None and i.workshop_id == workshop.id}
        if len(topics) != 1 or any(i is None or i.workshop_id != workshop.id for i in items):
            raise ValidationFailed({"contribution_ids": N_("Group contributions of one topic.")})
        theme = Theme(
            workshop_id=workshop.id, topic_id=topics.pop(), title=title, created_at=deps.clock()
        )
        s.add(theme)
        s.flush()
        for item in items:
            assert item is not None
            s.add(ThemeMember(theme_id=theme.id, contribution_id=item.id))
        event = record_event(
            s, workshop.id, "themes.changed", {"topic_id": theme.topic_id}, deps.clock
        )
    deps.publisher.publish([event])
    return theme


def suggest(deps: Deps, actor: Viewer, workshop_id: int, topic_id: int) -> list[CommonTheme]:
    """Common themes among a topic's contributions, biggest first (facilitator only). The
    engine reads only what the disclosure module renders for the actor on the API channel
    (the answer goes out over the API, which never carries RED text): the body, and the
    company only where the actor is shown it. Held, rejected and edit-requested items are
    not the room's yet and are left out; reads of restricted items are audited as any
    facilitator read is."""
    with deps.db.transaction() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        topic = s.get(Topic, topic_id)
        if topic is None or topic.workshop_id != workshop.id:
            raise ValidationFailed({"topic_id": N_("Unknown topic.")})
        renderer = Renderer(s, deps.sealer)
        texts = []
        for item in s.scalars(select(Contribution).where(Contribution.topic_id == topic.id)):
            # Which items may be *grouped* (the room's, not one awaiting moderation), decided
            # before decrypting; what the actor may read of them is the renderer's answer.
            if item.status != "approved":
                continue
            view = renderer.contribution(actor, workshop, item, Channel.API)
            if view and view.get("body"):
                texts.append(ThemeText(item.id, view["body"], view.get("company")))
        audit.record_facilitator_reads(s, deps.clock, renderer.sealed_reads)
        language = workshop.language
    return common_themes(texts, language)


def themes_view(
    s: Session, renderer: Renderer, viewer: Viewer, workshop: Workshop, topic_id: int
) -> list[dict[str, Any]]:
    out = []
    for theme in s.scalars(select(Theme).where(Theme.topic_id == topic_id).order_by(Theme.id)):
        members = []
        for member_id in s.scalars(
            select(ThemeMember.contribution_id).where(ThemeMember.theme_id == theme.id)
        ):
            item = s.get(Contribution, member_id)
            if item is not None and renderer.decide(viewer, workshop, item, Channel.LIVE).full:
                members.append(member_id)
        if members:
            out.append({"id": theme.id, "title": theme.title, "members": members})
    return out
