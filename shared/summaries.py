"""The downloadable summary, built per viewer through the disclosure module (EXPORT channel).

The facilitator's summary and each company's are different documents: every contribution
goes through disclosure.view_contribution, so a company's file holds only what it may take
out of the room. The summary issue adds the other formats on top of `summary_data`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from shared import access, audit, disclosure
from shared.charter_state import current as current_charter
from shared.disclosure import Channel, Viewer
from shared.errors import Forbidden
from shared.feed import Renderer
from shared.i18n import N_
from shared.models import Facilitator
from shared.services import charters
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
    "integrity": N_("(failed its integrity check: not shown)"),
    "companies_withheld": N_("Not listed: the charter applies the Chatham House Rule."),
    "verify": N_("Verification"),
    "verify_text": N_(
        "Audit log head when this file was made: %(size)s entries, root %(root)s. "
        "Keep this file: `tertulia audit verify --head %(size)s:%(root)s` proves that the "
        "log of who saw what has not been rewritten since."
    ),
}


def summary_data(deps: Deps, viewer: Viewer, workshop_id: int) -> dict[str, Any]:
    """Everything this viewer may take out of the room, through the EXPORT channel.

    Records the export in the audit log (which items went out, never their content)."""
    with deps.db.transaction() as s:
        workshop = access.visible_workshop(s, viewer, workshop_id)
        charter = charters.terms_of(current_charter(s, workshop.id))
        if not disclosure.may_download(viewer, charter.downloads_allowed):
            raise Forbidden(N_("The charter does not let companies download a summary."))
        facilitator = s.get(Facilitator, workshop.facilitator_id)
        renderer = Renderer(s, deps.sealer)
        topics = []
        exported: list[int] = []
        for topic in workshop.topics:
            items = renderer.contributions(viewer, workshop, Channel.EXPORT, topic.id)
            exported += [item["id"] for item in items if item.get("body") is not None]
            topics.append({"title": topic.title, "contributions": items})
        listing = disclosure.company_listing(viewer, charter.rules)
        companies = [
            c.name if listing is disclosure.Shown.NAMED else c.alias
            for c in workshop.companies
        ] if listing is not disclosure.Shown.NOBODY else []
        viewer_company = next(
            (c.name for c in workshop.companies if c.id == viewer.company_id), None
        )
        actor = (f"facilitator:{viewer.facilitator_id}" if viewer.is_facilitator
                 else f"company:{viewer.company_id}")
        audit.record_facilitator_reads(s, deps.clock, renderer.sealed_reads)
        audit.append(s, deps.clock, action="export.summary", actor=actor,
                     item=f"workshop:{workshop.id}", workshop_id=workshop.id,
                     subject=f"company:{viewer.company_id}" if viewer.company_id else "",
                     detail={"items": exported})
        head = audit.head(s)
        return {
            "title": workshop.title,
            "objective": workshop.objective,
            "date": workshop.date,
            "language": workshop.language,
            "status": workshop.status,
            "facilitator": facilitator.name if facilitator else "",
            "companies": companies,
            "companies_withheld": listing is disclosure.Shown.NOBODY,
            "for_company": viewer_company,
            "charter": charter,
            "topics": topics,
            "audit_head": {"size": head.size, "root": head.root},
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
    if data.get("companies_withheld"):
        lines.append(t("companies_withheld"))
    else:
        lines += [f"- {_md_escape(name)}" for name in data["companies"]] or [f"- {t('none')}"]
    lines += ["", f"## {t('by_topic')}", ""]
    if not data["topics"]:
        lines.append(t("no_topics"))
    for topic in data["topics"]:
        lines += [f"### {_md_escape(topic['title'])}", ""]
        if not topic["contributions"]:
            lines += [t("none_visible"), ""]
        for item in topic["contributions"]:
            if item.get("visibility") == "error":
                lines.append(f"- {t('integrity')}")
                continue
            if item.get("body") is None:
                lines.append(f"- {t('sealed')}")
                continue
            who = f" ({_md_escape(item['company'])})" if item.get("company") else ""
            lines.append(f"- **{kind_label(item['kind'])}**{who}: {_md_escape(item['body'])}")
        lines.append("")
    head = data.get("audit_head")
    if head:
        lines += [f"## {t('verify')}", "", _(LABELS["verify_text"]) % head, ""]
    return "\n".join(lines).rstrip() + "\n"
