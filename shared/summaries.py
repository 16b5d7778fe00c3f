"""The downloadable summary, built per viewer through the disclosure module (EXPORT channel).

The facilitator's summary and each company's are different documents: every contribution
goes through disclosure.view_contribution, so a company's file holds only what it may take
out of the room. The summary issue adds the other formats on top of `summary_data`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from shared import access
from shared.disclosure import Channel, Viewer
from shared.feed import Renderer
from shared.i18n import N_
from shared.models import Contribution, Facilitator
from shared.services.deps import Deps

Translate = Callable[[str], str]

# Headings as msgids (Babel cannot extract calls inside f-strings).
LABELS = {
    "draft": N_("DRAFT: the workshop is still running."),
    "summary_for": N_("Summary for"),
    "facilitator_summary": N_("Facilitator summary"),
    "date": N_("Date"),
    "facilitator": N_("Facilitator"),
    "objective": N_("Objective"),
    "companies": N_("Participating companies"),
    "none": N_("None"),
    "by_topic": N_("Contributions by topic"),
    "no_topics": N_("No topics were opened."),
    "none_visible": N_("No contributions you may see."),
    "sealed": N_("(sealed)"),
}


def summary_data(deps: Deps, viewer: Viewer, workshop_id: int) -> dict[str, Any]:
    with deps.db.transaction() as s:
        workshop = access.visible_workshop(s, viewer, workshop_id)
        facilitator = s.get(Facilitator, workshop.facilitator_id)
        renderer = Renderer(s, deps.sealer)
        topics = []
        for topic in workshop.topics:
            items = []
            for item in s.scalars(
                select(Contribution)
                .where(Contribution.topic_id == topic.id)
                .order_by(Contribution.id)
            ):
                view = renderer.contribution(viewer, workshop, item, Channel.EXPORT)
                if view is not None:
                    items.append(view)
            topics.append({"title": topic.title, "contributions": items})
        viewer_company = next(
            (c.name for c in workshop.companies if c.id == viewer.company_id), None
        )
        return {
            "title": workshop.title,
            "objective": workshop.objective,
            "date": workshop.date,
            "language": workshop.language,
            "status": workshop.status,
            "facilitator": facilitator.name if facilitator else "",
            "companies": [c.name for c in workshop.companies],
            "for_company": viewer_company,
            "topics": topics,
        }


def _md_escape(text: str) -> str:
    # Keep participants' text from turning into headings, links or HTML in a viewer.
    out = text.replace("\\", "\\\\")
    for ch in "`*_[]<>#|":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\r\n", "\n").replace("\n", "  \n  ")


def markdown_summary(data: dict[str, Any], _: Translate, kind_label: Translate) -> str:
    def t(key: str) -> str:
        return _(LABELS[key])

    lines = [f"# {_md_escape(data['title'])}", ""]
    if data["status"] != "closed":
        lines += [f"> **{t('draft')}**", ""]
    if data["for_company"]:
        lines += [f"_{t('summary_for')}: {_md_escape(data['for_company'])}_", ""]
    else:
        lines += [f"_{t('facilitator_summary')}_", ""]
    lines += [
        f"- **{t('date')}:** {data['date']}",
        f"- **{t('facilitator')}:** {_md_escape(data['facilitator'])}",
    ]
    if data["objective"]:
        lines.append(f"- **{t('objective')}:** {_md_escape(data['objective'])}")
    lines += ["", f"## {t('companies')}", ""]
    lines += [f"- {_md_escape(name)}" for name in data["companies"]] or [f"- {t('none')}"]
    lines += ["", f"## {t('by_topic')}", ""]
    if not data["topics"]:
        lines.append(t("no_topics"))
    for topic in data["topics"]:
        lines += [f"### {_md_escape(topic['title'])}", ""]
        if not topic["contributions"]:
            lines += [t("none_visible"), ""]
        for item in topic["contributions"]:
            who = f" ({_md_escape(item['company'])})" if item.get("company") else ""
            body = _md_escape(item["body"]) if item.get("body") else t("sealed")
            lines.append(f"- **{kind_label(item['kind'])}**{who}: {body}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
