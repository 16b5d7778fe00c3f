"""The summary as a PDF designed for reading (ReportLab platypus).

Cover page, table of contents (with PDF bookmarks), charts, "page X of Y" on every page but
the cover, a DRAFT watermark while the workshop runs, all labels in the document's language.
It renders exactly what the document holds.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from shared.reports.document import SummaryDocument, confirmed_first
from shared.reports.labels import (
    KIND_LABELS,
    kind_label,
    label,
    long_date,
    status_label,
    timestamp,
    yes_no,
)
from shared.reports.pdf_charts import (
    COMBINATION,
    INK,
    MUTED,
    OVERLAP,
    RESTRICTED,
    BalanceBars,
    Edge,
    Legend,
    Network,
    StackedBars,
    StackedRow,
    fit,
)
from shared.reports.pdf_fonts import BOLD, MONO, REGULAR
from shared.reports.pdf_styles import ACCENT, paragraph_styles
from shared.reports.pdf_toc import Contents, DeferredCanvasMixin, Entry

PAGE_W, PAGE_H = A4
MARGIN = 20 * mm
BODY_W = PAGE_W - 2 * MARGIN
SOFT = colors.HexColor("#eef3f5")
MUTED_HEX = "#6b7a86"
MAX_BARS = 40  # charts show at most this many rows; the tables hold everything
MAX_NETWORK_EDGES = 150
_PLAIN = re.compile(r"[-+]?[0-9][0-9.:-]*|—|")


def _p(text: str) -> str:
    """Document text as safe Paragraph markup: escaped, line breaks kept."""
    return xml_escape(text).replace("\r\n", "\n").replace("\n", "<br/>")


class _SummaryTemplate(BaseDocTemplate):
    """Cover and body page templates; headings feed the contents and the PDF outline."""

    def __init__(self, buffer: io.BytesIO, doc: SummaryDocument) -> None:
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + 6,
            bottomMargin=MARGIN,
            title=doc.meta.title,
            author=doc.meta.facilitator,
            subject=label(doc.language, "summary"),
            creator="Tertulia",
            lang=doc.language,
        )
        self.summary = doc
        cover = Frame(MARGIN, MARGIN, BODY_W, PAGE_H - 2 * MARGIN, id="cover")
        body = Frame(MARGIN, MARGIN, BODY_W, PAGE_H - 2 * MARGIN - 6, id="body")
        self.addPageTemplates(
            [
                PageTemplate("cover", [cover], onPage=self._draw_cover),
                PageTemplate("body", [body], onPage=self._draw_body),
            ]
        )
        self.heading_pages: dict[str, int] = {}

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (ReportLab hook)
        if not isinstance(flowable, Paragraph):
            return
        level = {"h1": 0, "h2": 1}.get(flowable.style.name)
        if level is None:
            return
        text = flowable.getPlainText()
        key = getattr(flowable, "_bookmark", None)
        if key:
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
            self.heading_pages[key] = self.page

    def _watermark(self, canvas: Canvas) -> None:
        if self.summary.meta.status != "draft":
            return
        canvas.saveState()
        canvas.setFillColor(colors.Color(0.8, 0.2, 0.15, alpha=0.08))
        canvas.setFont(BOLD, 90)
        canvas.translate(PAGE_W / 2, PAGE_H / 2)
        canvas.rotate(50)
        canvas.drawCentredString(0, -30, label(self.summary.language, "draft"))
        canvas.restoreState()

    def _draw_cover(self, canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(0, PAGE_H - 105 * mm, PAGE_W, 105 * mm, stroke=0, fill=1)
        canvas.setFillColor(colors.HexColor("#2a9d8f"))
        canvas.rect(0, PAGE_H - 107 * mm, PAGE_W, 2 * mm, stroke=0, fill=1)
        canvas.restoreState()
        self._watermark(canvas)

    def _draw_body(self, canvas: Canvas, _doc: Any) -> None:
        m = self.summary.meta
        lang = self.summary.language
        canvas.saveState()
        canvas.setStrokeColor(colors.HexColor("#c9d3da"))
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, PAGE_H - MARGIN + 2, PAGE_W - MARGIN, PAGE_H - MARGIN + 2)
        canvas.line(MARGIN, MARGIN - 8, PAGE_W - MARGIN, MARGIN - 8)
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, PAGE_H - MARGIN + 6, fit(m.title, REGULAR, 7.5, BODY_W * 0.6))
        right = f"{label(lang, 'prepared_for')}: {m.viewer_label}"
        canvas.drawRightString(
            PAGE_W - MARGIN, PAGE_H - MARGIN + 6, fit(right, REGULAR, 7.5, BODY_W * 0.38)
        )
        status = label(lang, "draft") if m.status == "draft" else label(lang, "final")
        canvas.drawString(MARGIN, MARGIN - 18, f"{label(lang, 'summary')} · {status}")
        canvas.restoreState()
        self._watermark(canvas)


def _numbered_canvas(language: str) -> type[Canvas]:
    """A canvas class (one per render) that writes "Page X of Y" once the total is known;
    the cover stays bare."""
    page_word, of_word = label(language, "page"), label(language, "of")

    class NumberedCanvas(DeferredCanvasMixin, Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (ReportLab API)
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                annotations: int = self.__dict__["_annotationCount"]  # links drawn now
                self.__dict__.update(state)  # must keep counting past the saved state
                self.__dict__["_annotationCount"] = max(
                    annotations, self.__dict__["_annotationCount"]
                )
                if self._pageNumber > 1:
                    self.setFont(REGULAR, 7.5)
                    self.setFillColor(MUTED)
                    self.drawRightString(
                        PAGE_W - MARGIN,
                        MARGIN - 18,
                        f"{page_word} {self._pageNumber} {of_word} {total}",
                    )
                self.run_deferred(self._pageNumber)
                super().showPage()
            super().save()

    return NumberedCanvas


class _Story:
    """Builds the flowables, section by section."""

    def __init__(self, doc: SummaryDocument) -> None:
        self.doc = doc
        self.lang = doc.language
        self.s = paragraph_styles()
        self.out: list[Flowable] = []
        self._marks = 0
        self.headings: list[Entry] = []
        self.heading_pages: dict[str, int] = {}  # shared with the template, filled in the build

    def t(self, key: str) -> str:
        return label(self.lang, key)

    def heading(self, text: str, level: str = "h1") -> None:
        para = Paragraph(_p(text), self.s[level])
        self._marks += 1
        para._bookmark = f"s{self._marks}"  # type: ignore[attr-defined]
        self.headings.append(Entry(0 if level == "h1" else 1, _p(text), para._bookmark))
        if level == "h1":
            self.out.append(CondPageBreak(60 * mm))
        else:
            self.out.append(CondPageBreak(25 * mm))
        self.out.append(para)

    def para(self, text: str, style: str = "body") -> None:
        self.out.append(Paragraph(text, self.s[style]))

    def none(self) -> None:
        self.para(_p(self.t("none")), "muted")

    def table(
        self,
        head: list[str],
        rows: Iterable[list[str]],
        widths: list[float],
        align_right: Iterable[int] = (),
    ) -> None:
        data = [[Paragraph(_p(h), self.s["cell_head"]) for h in head]]
        # Numbers and dashes stay plain strings: no paragraph to wrap.
        data += [
            [cell if _PLAIN.fullmatch(cell) else Paragraph(cell, self.s["cell"]) for cell in row]
            for row in rows
        ]
        table = Table(data, colWidths=[w * BODY_W for w in widths], repeatRows=1)
        style = [
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, SOFT]),
            ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.HexColor("#c9d3da")),
            ("FONT", (0, 1), (-1, -1), REGULAR, 8, 10),
            ("TEXTCOLOR", (0, 1), (-1, -1), INK),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        style += [("ALIGN", (i, 0), (i, -1), "RIGHT") for i in align_right]
        table.setStyle(TableStyle(style))
        self.out.append(table)
        self.out.append(Spacer(1, 6))

    # sections -------------------------------------------------------------------------

    def cover(self) -> None:
        m = self.doc.meta
        self.out.append(Spacer(1, 18 * mm))
        self.para(_p(self.t("summary").upper()), "cover_sub")
        self.out.append(Spacer(1, 4 * mm))
        self.para(_p(m.title), "cover_title")
        self.out.append(Spacer(1, 42 * mm))
        if m.status == "draft":
            self.para(_p(self.t("draft_notice")), "draft")
        rows = [
            (self.t("prepared_for"), m.viewer_label),
            (self.t("date"), long_date(self.lang, m.date)),
            (self.t("facilitator"), m.facilitator),
            (self.t("status"), self.t(m.status)),
            (self.t("generated_at"), timestamp(m.generated_at)),
        ]
        data = [
            [
                Paragraph(f"<b>{_p(k)}</b>", self.s["cover_body"]),
                Paragraph(_p(v), self.s["cover_body"]),
            ]
            for k, v in rows
            if v
        ]
        table = Table(data, colWidths=[0.3 * BODY_W, 0.7 * BODY_W])
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#d5dde3")),
                ]
            )
        )
        self.out.append(table)
        if m.objective:
            self.out.append(Spacer(1, 8 * mm))
            self.para(f"<b>{_p(self.t('objective'))}</b>", "cover_body")
            self.para(_p(m.objective), "cover_body")
        self.out.append(NextPageTemplate("body"))
        self.out.append(PageBreak())

    def contents(self) -> None:
        """Placed now, filled from self.headings, which the later sections append to."""
        self.out.append(Paragraph(_p(self.t("contents")), self.s["contents_title"]))
        self.out.append(
            Contents(self.headings, [self.s["toc1"], self.s["toc2"]], self.heading_pages)
        )
        self.out.append(PageBreak())

    def workshop(self) -> None:
        m, c = self.doc.meta, self.doc.charter
        self.heading(self.t("workshop"))
        if m.status == "draft":
            self.para(_p(self.t("draft_notice")), "draft")
        rows = [
            (self.t("title"), m.title),
            (self.t("objective"), m.objective),
            (self.t("date"), long_date(self.lang, m.date)),
            (self.t("facilitator"), m.facilitator),
        ]
        self._pairs([(k, _p(v)) for k, v in rows if v])
        self.heading(self.t("charter"), "h2")
        if c is None:
            self.none()
            return
        pairs = [
            (self.t("sensitivity_default"), _p(c.sensitivity_default)),
            (self.t("attribution_mode"), _p(c.attribution_mode)),
            (self.t("reveal_conditions"), _bullets(c.reveal_conditions) or _p(self.t("none"))),
            (self.t("may_leave_room"), _bullets(c.may_leave_room) or _p(self.t("none"))),
        ]
        if c.retention:
            pairs.append((self.t("retention"), _p(c.retention)))
        self._pairs(pairs)

    def _pairs(self, pairs: list[tuple[str, str]]) -> None:
        data = [
            [Paragraph(f"<b>{_p(k)}</b>", self.s["small"]), Paragraph(v, self.s["body"])]
            for k, v in pairs
        ]
        table = Table(data, colWidths=[0.28 * BODY_W, 0.72 * BODY_W])
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#d5dde3")),
                ]
            )
        )
        self.out.append(table)

    def participants(self) -> None:
        self.heading(self.t("participants"))
        if not self.doc.participants:
            self.none()
            return
        withheld = f"<i>{_p(self.t('names_withheld'))}</i>"
        self.table(
            [self.t("company"), self.t("people")],
            (
                [_p(p.company), _p(", ".join(p.people)) if p.people else withheld]
                for p in self.doc.participants
            ),
            [0.4, 0.6],
        )

    def topics(self) -> None:
        self.heading(self.t("topics"))
        topics = self.doc.topics
        if not topics:
            self.none()
            return
        if any(t.contributions for t in topics):
            ranked = sorted(topics, key=lambda t: -len(t.contributions))[:MAX_BARS]
            rows = [
                StackedRow(t.title, tuple(Counter(x.kind for x in t.contributions).items()))
                for t in ranked
            ]
            legend = list(KIND_LABELS.get(self.lang, KIND_LABELS["en"]).items())
            chart = StackedBars(rows, legend, BODY_W)
            self.out.append(CondPageBreak(chart.height + 30))
            self.para(f"<b>{_p(self.t('contributions_per_topic'))}</b>", "small")
            self.out.append(chart)
            self._more(len(ranked), len(topics))
        for topic in topics:
            self.heading(topic.title, "h2")
            if not topic.contributions:
                self.none()
            sealed = _p(self.t("sealed"))
            unattributed = f"<i>{_p(self.t('not_attributed'))}</i>"
            for item in topic.contributions:
                # One paragraph per contribution (a small grey line, then the body): half the
                # flowables of a heading + body pair, and they cannot be split apart.
                who = _p(item.attribution) if item.attribution else unattributed
                head = (
                    f"<font size=7.5 color='{MUTED_HEX}'>"
                    f"<b>{_p(kind_label(self.lang, item.kind))}</b> · {who} · "
                    f"{timestamp(item.created_at)}</font><br/>"
                )
                if item.body is None:
                    self.para(head + f"<i><font color='{MUTED_HEX}'>{sealed}</font></i>", "item")
                else:
                    self.para(head + _p(item.body), "item")
            if topic.themes:
                self.para(_p(self.t("themes")), "h3")
                self.table(
                    [self.t("themes"), self.t("members")],
                    ([_p(th.title), str(th.members)] for th in topic.themes),
                    [0.8, 0.2],
                    align_right=[1],
                )
            if topic.votes:
                self.para(_p(self.t("votes")), "h3")
                self.table(
                    [self.t("votes"), self.t("votes_unit")],
                    ([_p(v.label), str(v.votes)] for v in topic.votes),
                    [0.8, 0.2],
                    align_right=[1],
                )

    def matches(self) -> None:
        doc = self.doc
        nodes, edges, total = self._graph()
        if nodes:
            self.out.append(CondPageBreak(Network(nodes, edges, BODY_W).height + 90))
        self.heading(self.t("overlaps_combinations"))
        if not doc.overlaps and not doc.combinations:
            self.none()
            return
        if nodes:
            self._network(nodes, edges, total)
        yes = self.t("confirmed")
        maybe = self.t("proposed")
        restricted = f"<font color='#c0392b'><b>{_p(self.t('restricted'))}</b></font>"

        def flags(confirmed: bool, is_restricted: bool) -> str:
            text = _p(yes if confirmed else maybe)
            return text + ("<br/>" + restricted if is_restricted else "")

        self.heading(self.t("overlaps"), "h2")
        if not doc.overlaps:
            self.none()
        else:
            self.table(
                [self.t("companies"), self.t("score"), self.t("explanation"), ""],
                (
                    [
                        " – ".join(_p(x) for x in o.companies),
                        f"{o.score:.2f}",
                        _p(o.explanation),
                        flags(o.confirmed, o.restricted),
                    ]
                    for o in confirmed_first(doc.overlaps)
                ),
                [0.3, 0.13, 0.37, 0.2],
                align_right=[1],
            )
        self.heading(self.t("combinations"), "h2")
        if not doc.combinations:
            self.none()
        else:
            self.table(
                [
                    self.t("provider"),
                    self.t("receiver"),
                    self.t("score"),
                    self.t("explanation"),
                    "",
                ],
                (
                    [
                        _p(k.provider),
                        _p(k.receiver),
                        f"{k.score:.2f}",
                        _p(k.explanation),
                        flags(k.confirmed, k.restricted),
                    ]
                    for k in confirmed_first(doc.combinations)
                ),
                [0.18, 0.18, 0.13, 0.33, 0.18],
                align_right=[2],
            )

    def _graph(self) -> tuple[list[str], list[Edge], int]:
        edges = [
            Edge(o.companies[0], o.companies[-1], False, o.restricted, o.confirmed)
            for o in confirmed_first(self.doc.overlaps)
            if len(o.companies) >= 2
        ]
        edges += [
            Edge(k.provider, k.receiver, True, k.restricted, k.confirmed)
            for k in confirmed_first(self.doc.combinations)
        ]
        total = len(edges)
        edges = sorted(edges, key=lambda e: not e.confirmed)[:MAX_NETWORK_EDGES]
        nodes: list[str] = []
        for e in edges:
            for name in (e.a, e.b):
                if name not in nodes:
                    nodes.append(name)
        return nodes, edges, total

    def _network(self, nodes: list[str], edges: list[Edge], total: int) -> None:
        self.para(f"<b>{_p(self.t('network'))}</b>", "small")
        self.out.append(Network(nodes, edges, BODY_W))
        self.out.append(
            Legend(
                [
                    (OVERLAP, False, False, self.t("legend_overlap")),
                    (COMBINATION, False, False, self.t("legend_combination")),
                    (RESTRICTED, True, False, self.t("legend_restricted")),
                    (INK, False, True, self.t("legend_confirmed")),
                ],
                BODY_W,
            )
        )
        self._more(len(edges), total)

    def plans(self) -> None:
        self.heading(self.t("plans"))
        if not self.doc.plans:
            self.none()
            return
        needed = f"<i>{_p(self.t('needed'))}</i>"
        for n, plan in enumerate(self.doc.plans, 1):
            self.heading(f"{self.t('plan')} {n}: {plan.title or plan.objective}", "h2")
            if plan.title:
                self.para(f"<b>{_p(self.t('objective'))}:</b> {_p(plan.objective)}")
            if plan.status:
                self.para(
                    f"<b>{_p(self.t('plan_status'))}:</b> "
                    f"{_p(self.t('plan_' + plan.status))} ({_p(self.t('version'))} {plan.version})"
                )
            if plan.terms:
                self.table(
                    [self.t("parties"), self.t("seeks"), self.t("gives")],
                    ([_p(p.company), _p(p.seeks) or "—", _p(p.gives) or "—"] for p in plan.terms),
                    [0.3, 0.35, 0.35],
                )
            elif plan.parties:
                self.para(f"<b>{_p(self.t('parties'))}:</b> {_p(', '.join(plan.parties))}")
            for key, value in (
                ("follow_up", plan.follow_up),
                ("limits", plan.limits),
                ("third_parties", plan.third_parties),
            ):
                if value:
                    self.para(f"<b>{_p(self.t(key))}:</b> {_p(value)}")
            self.out.append(Spacer(1, 4))
            if not plan.steps:
                self.none()
                continue
            self.table(
                [
                    "#",
                    self.t("step"),
                    self.t("owner"),
                    self.t("due"),
                    self.t("status"),
                    self.t("resources"),
                ],
                (
                    [
                        str(i),
                        (f"◆ {_p(self.t('milestone'))}: " if s.milestone else "") + _p(s.title),
                        _p(s.owner)
                        + (
                            f"<br/><font size=7>{_p(s.owner_person)}</font>"
                            if s.owner_person
                            else ""
                        ),
                        s.due.isoformat() if s.due else "—",
                        _p(status_label(self.lang, s.status))
                        + (f" <b>({_p(self.t('overdue'))})</b>" if s.overdue else ""),
                        "<br/>".join(
                            _p(r.name)
                            + " ("
                            + (_p(r.provided_by) if r.provided_by else needed)
                            + ")"
                            for r in s.resources
                        )
                        or "—",
                    ]
                    for i, s in enumerate(plan.steps, 1)
                ),
                [0.05, 0.28, 0.2, 0.14, 0.11, 0.22],
                align_right=[0],
            )

    def evaluation_and_ledger(self) -> None:
        doc = self.doc
        self.heading(self.t("evaluation_ledger"))
        self.heading(self.t("evaluations"), "h2")
        if not doc.evaluations:
            self.none()
        else:
            self.table(
                [
                    self.t("company"),
                    self.t("rating"),
                    self.t("networking_before"),
                    self.t("benchmarking_before"),
                    self.t("benefits"),
                ],
                (
                    [
                        _p(e.company),
                        str(e.rating) if e.rating is not None else "—",
                        _p(yes_no(self.lang, e.did_networking_before)),
                        _p(yes_no(self.lang, e.did_benchmarking_before)),
                        _p(e.benefits) if e.benefits else "—",
                    ]
                    for e in doc.evaluations
                ),
                [0.22, 0.12, 0.16, 0.16, 0.34],
                align_right=[1],
            )
        ranked = sorted(doc.ledger, key=lambda r: -r.balance)
        if len(ranked) > MAX_BARS:
            ranked = ranked[: MAX_BARS // 2] + ranked[-MAX_BARS // 2 :]
        chart = BalanceBars([(r.company, r.balance) for r in ranked], BODY_W)
        if ranked:
            self.out.append(CondPageBreak(chart.height + 70))
        self.heading(self.t("ledger"), "h2")
        if not doc.ledger:
            self.none()
        else:
            self.para(f"<b>{_p(self.t('ledger_balance'))}</b>", "small")
            self.out.append(chart)
            self._more(len(ranked), len(doc.ledger))
            self.out.append(Spacer(1, 6))
            self.table(
                [self.t("company"), self.t("given"), self.t("received"), self.t("balance")],
                (
                    [_p(r.company), str(r.given), str(r.received), f"{r.balance:+d}"]
                    for r in doc.ledger
                ),
                [0.55, 0.15, 0.15, 0.15],
                align_right=[1, 2, 3],
            )
        if doc.ledger_pairs:
            self.heading(self.t("ledger_pairs"), "h2")
            self.table(
                [self.t("giver"), self.t("receiver"), self.t("count")],
                ([_p(p.giver), _p(p.receiver), str(p.count)] for p in doc.ledger_pairs),
                [0.42, 0.42, 0.16],
                align_right=[2],
            )

    def verification(self) -> None:
        self.heading(self.t("verification"))
        audit = self.doc.audit
        if audit is None:
            self.none()
            return
        hex_only = "".join(ch for ch in audit.root_hash if ch in "0123456789abcdefABCDEF")
        self._pairs(
            [
                (self.t("tree_size"), str(audit.tree_size)),
                (self.t("root_hash"), f"<font name='{MONO}' size=8>{hex_only}</font>"),
                (self.t("how_to_verify"), _p(audit.how_to_verify)),
            ]
        )

    def _more(self, shown: int, total: int) -> None:
        if shown < total:
            self.para(_p(self.t("chart_more").format(shown=shown, total=total)), "muted")
        self.out.append(Spacer(1, 8))


def _bullets(items: Iterable[str]) -> str:
    return "<br/>".join(f"• {_p(item)}" for item in items)


def build_story(doc: SummaryDocument, *, charts: bool = True) -> _Story:
    story = _Story(doc)
    story.cover()
    story.contents()
    story.workshop()
    story.participants()
    story.topics()
    story.matches()
    story.plans()
    story.evaluation_and_ledger()
    story.verification()
    if not charts:
        story.out = [
            f for f in story.out if not isinstance(f, StackedBars | BalanceBars | Network | Legend)
        ]
    return story


def render_pdf(doc: SummaryDocument, *, charts: bool = True) -> bytes:
    """The PDF bytes, laid out in a single pass. `charts=False` leaves the charts out (the
    benchmark's baseline)."""
    story = build_story(doc, charts=charts)
    buffer = io.BytesIO()
    template = _SummaryTemplate(buffer, doc)
    template.heading_pages = story.heading_pages
    template.build(story.out, canvasmaker=_numbered_canvas(doc.language))
    return buffer.getvalue()
