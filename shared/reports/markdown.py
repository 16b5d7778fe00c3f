"""The summary as Markdown (CommonMark with GFM tables).

Every piece of text that comes from people (titles, bodies, names, explanations) goes
through `escape`, so it is shown as written and never becomes markup: no headings, links,
images, HTML, emphasis, lists or table cells of its own.
"""

from __future__ import annotations

import re

from shared.reports.document import SummaryDocument, confirmed_first
from shared.reports.labels import kind_label, label, long_date, status_label, timestamp, yes_no

# Characters that can open markup anywhere in a line (emphasis, code, links, HTML, tables,
# strikethrough, entities, headings) are always escaped; list, quote and setext markers only
# where they would count: at the start of a line.
_ANYWHERE = re.compile(r"([\\`*_\[\]<>|~&#])")
_LINE_START = re.compile(r"^([-+=])|^(\d+)([.)])")
# GFM turns bare URLs into links: break the scheme's colon and the "www." dot.
_BARE_LINK = re.compile(r"(?i)\b(https?|ftp|mailto|www)([:.])")


def _escape_line(line: str) -> str:
    line = _ANYWHERE.sub(r"\\\1", line.replace("\t", " ").strip())
    line = _BARE_LINK.sub(r"\1\\\2", line)
    return _LINE_START.sub(
        lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3), line
    )


def escape(text: str) -> str:
    """Participant text as inert Markdown: one paragraph, hard line breaks kept."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\\\n".join(_escape_line(line) for line in lines if line.strip())


def _cell(text: str) -> str:
    """Table cells: escaped and on one line."""
    return escape(text).replace("\\\n", " ")


def _indent(text: str, prefix: str = "  ") -> str:
    return text.replace("\n", "\n" + prefix)


def render_markdown(doc: SummaryDocument) -> str:
    lang = doc.language

    def t(key: str) -> str:
        return label(lang, key)

    m = doc.meta
    out: list[str] = [f"# {_cell(m.title)}", ""]
    if m.status == "draft":
        out += [f"> **{t('draft_notice')}**", ""]
    out += [f"*{t('summary')} · {t('prepared_for')}: {_cell(m.viewer_label)}*", ""]

    out += [f"## {t('workshop')}", ""]
    if m.objective:
        out.append(f"- **{t('objective')}:** {_cell(m.objective)}")
    if m.date:
        out.append(f"- **{t('date')}:** {long_date(lang, m.date)}")
    out.append(f"- **{t('facilitator')}:** {_cell(m.facilitator)}")
    out.append(f"- **{t('status')}:** {t(m.status)}")
    out.append(f"- **{t('generated_at')}:** {timestamp(m.generated_at)}")
    out.append("")

    out += [f"## {t('charter')}", ""]
    c = doc.charter
    if c is None:
        out += [t("none"), ""]
    else:
        out.append(f"- **{t('sensitivity_default')}:** {_cell(c.sensitivity_default)}")
        out.append(f"- **{t('attribution_mode')}:** {_cell(c.attribution_mode)}")
        if c.retention:
            out.append(f"- **{t('retention')}:** {_cell(c.retention)}")
        for key, items in (
            ("reveal_conditions", c.reveal_conditions),
            ("may_leave_room", c.may_leave_room),
        ):
            out.append(f"- **{t(key)}:**" + ("" if items else f" {t('none')}"))
            out += [f"  - {_cell(item)}" for item in items]
        out.append("")

    out += [f"## {t('participants')}", ""]
    if not doc.participants:
        out.append(t("none"))
    for p in doc.participants:
        people = ", ".join(_cell(n) for n in p.people) if p.people else f"*{t('names_withheld')}*"
        out.append(f"- **{_cell(p.company)}**: {people}")
    out.append("")

    out += [f"## {t('topics')}", ""]
    if not doc.topics:
        out += [t("none"), ""]
    for topic in doc.topics:
        out += [f"### {_cell(topic.title)}", ""]
        if not topic.contributions:
            out += [t("none"), ""]
        for item in topic.contributions:
            who = _cell(item.attribution) if item.attribution else f"*{t('not_attributed')}*"
            head = f"- **{kind_label(lang, item.kind)}** · {who} · {timestamp(item.created_at)}"
            body = f"*{t('sealed')}*" if item.body is None else escape(item.body)
            out.append(f"{head}  \n  {_indent(body)}")
        if topic.contributions:
            out.append("")
        if topic.themes:
            out += [f"**{t('themes')}**", ""]
            out += [f"- {_cell(th.title)} ({th.members} {t('members')})" for th in topic.themes]
            out.append("")
        if topic.votes:
            out += [f"**{t('votes')}**", ""]
            out += [f"- {_cell(v.label)}: {v.votes} {t('votes_unit')}" for v in topic.votes]
            out.append("")

    out += [f"## {t('overlaps_combinations')}", ""]
    out += [f"### {t('overlaps')}", ""]
    if not doc.overlaps:
        out += [t("none"), ""]
    else:
        out += [f"| {t('companies')} | {t('score')} | {t('explanation')} | |", "|---|---:|---|---|"]
        for o in confirmed_first(doc.overlaps):
            out.append(
                f"| {' ↔ '.join(_cell(x) for x in o.companies)} | {o.score:.2f} "
                f"| {_cell(o.explanation)} | {_flags(lang, o.confirmed, o.restricted)} |"
            )
        out.append("")
    out += [f"### {t('combinations')}", ""]
    if not doc.combinations:
        out += [t("none"), ""]
    else:
        out += [
            f"| {t('provider')} | {t('receiver')} | {t('score')} | {t('explanation')} | |",
            "|---|---|---:|---|---|",
        ]
        for k in confirmed_first(doc.combinations):
            out.append(
                f"| {_cell(k.provider)} | {_cell(k.receiver)} | {k.score:.2f} "
                f"| {_cell(k.explanation)} | {_flags(lang, k.confirmed, k.restricted)} |"
            )
        out.append("")

    out += [f"## {t('plans')}", ""]
    if not doc.plans:
        out += [t("none"), ""]
    for n, plan in enumerate(doc.plans, 1):
        out += [f"### {t('plan')} {n}: {_cell(plan.title or plan.objective)}", ""]
        if plan.title:
            out += [f"**{t('objective')}:** {_cell(plan.objective)}", ""]
        if plan.status:
            status = f"{t('plan_' + plan.status)} ({t('version')} {plan.version})"
            out += [f"**{t('plan_status')}:** {status}", ""]
        if plan.terms:
            out += [f"| {t('parties')} | {t('seeks')} | {t('gives')} |", "|---|---|---|"]
            out += [
                f"| {_cell(p.company)} | {_cell(p.seeks) or '—'} | {_cell(p.gives) or '—'} |"
                for p in plan.terms
            ]
            out.append("")
        elif plan.parties:
            out += [f"**{t('parties')}:** {', '.join(_cell(p) for p in plan.parties)}", ""]
        for key, value in (
            ("follow_up", plan.follow_up),
            ("limits", plan.limits),
            ("third_parties", plan.third_parties),
        ):
            if value:
                out += [f"**{t(key)}:** {_cell(value)}", ""]
        if not plan.steps:
            out += [t("none"), ""]
            continue
        out += [
            f"| # | {t('step')} | {t('owner')} | {t('due')} | {t('status')} | {t('resources')} |",
            "|---:|---|---|---|---|---|",
        ]
        for i, s in enumerate(plan.steps, 1):
            owner = _cell(s.owner) + (f" ({_cell(s.owner_person)})" if s.owner_person else "")
            resources = "; ".join(
                _cell(r.name)
                + (f" ({_cell(r.provided_by)})" if r.provided_by else f" ({t('needed')})")
                for r in s.resources
            )
            due = s.due.isoformat() if s.due else "—"
            title = (f"◆ {t('milestone')}: " if s.milestone else "") + _cell(s.title)
            status = status_label(lang, s.status) + (f" ({t('overdue')})" if s.overdue else "")
            out.append(f"| {i} | {title} | {owner} | {due} | {status} | {resources or '—'} |")
        out.append("")

    out += [f"## {t('evaluation_ledger')}", ""]
    out += [f"### {t('evaluations')}", ""]
    if not doc.evaluations:
        out += [t("none"), ""]
    else:
        out += [
            f"| {t('company')} | {t('rating')} | {t('networking_before')} "
            f"| {t('benchmarking_before')} | {t('benefits')} |",
            "|---|---:|---|---|---|",
        ]
        for e in doc.evaluations:
            rating = str(e.rating) if e.rating is not None else "—"
            out.append(
                f"| {_cell(e.company)} | {rating} | {yes_no(lang, e.did_networking_before)} "
                f"| {yes_no(lang, e.did_benchmarking_before)} "
                f"| {_cell(e.benefits) if e.benefits else '—'} |"
            )
        out.append("")
    out += [f"### {t('ledger')}", ""]
    if not doc.ledger:
        out += [t("none"), ""]
    else:
        out += [
            f"| {t('company')} | {t('given')} | {t('received')} | {t('balance')} |",
            "|---|---:|---:|---:|",
        ]
        out += [
            f"| {_cell(r.company)} | {r.given} | {r.received} | {r.balance:+d} |"
            for r in doc.ledger
        ]
        out.append("")
    if doc.ledger_pairs:
        out += [f"#### {t('ledger_pairs')}", ""]
        out += [f"| {t('giver')} | {t('receiver')} | {t('count')} |", "|---|---|---:|"]
        out += [f"| {_cell(p.giver)} | {_cell(p.receiver)} | {p.count} |" for p in doc.ledger_pairs]
        out.append("")

    out += [f"## {t('verification')}", ""]
    if doc.audit is None:
        out += [t("none"), ""]
    else:
        out += [
            f"- **{t('tree_size')}:** {doc.audit.tree_size}",
            f"- **{t('root_hash')}:** `{_hex(doc.audit.root_hash)}`",
            f"- **{t('how_to_verify')}:** {_cell(doc.audit.how_to_verify)}",
            "",
        ]
    return "\n".join(out).rstrip() + "\n"


def _flags(lang: str, confirmed: bool, restricted: bool) -> str:
    flags = [label(lang, "confirmed" if confirmed else "proposed")]
    if restricted:
        flags.append(f"**{label(lang, 'restricted')}**")
    return ", ".join(flags)


def _hex(value: str) -> str:
    """Root hashes are shown in a code span: keep only hex digits so nothing can break out."""
    return "".join(ch for ch in value if ch in "0123456789abcdefABCDEF")
