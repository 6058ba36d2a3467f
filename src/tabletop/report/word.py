"""render_docx: the report as an editable Word document (real headings, real tables)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt, RGBColor
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from tabletop.mandates import wording as w
from tabletop.report import tables
from tabletop.report import words as wd
from tabletop.report.chart import (
    CHART_FONT_PT,
    ChartPart,
    chart_caption,
    chart_parts,
    render_timeline_png,
)
from tabletop.report.model import AfterActionReport
from tabletop.report.paper import Paper
from tabletop.report.safetext import visible
from tabletop.report.sections import SECTIONS
from tabletop.report.word_chart import figure_inches, fit_charts, text_boxes
from tabletop.report.word_findings import key_findings, overview_facts
from tabletop.report.word_front import contents_place, fill_contents, title_page
from tabletop.report.word_package import log_stamp, set_properties, stable_zip
from tabletop.report.word_page import banner, set_paper, update_fields_on_open
from tabletop.report.word_sections import (
    appendix,
    decisions,
    objectives_and_plan,
    obligation_mark,
)

COLOURS = {
    "permitted": RGBColor(0x1A, 0x7F, 0x37),
    "permitted_with_obligations": RGBColor(0x8A, 0x45, 0x00),
    "outside_mandate": RGBColor(0xB4, 0x23, 0x18),
    None: RGBColor(0x52, 0x60, 0x6D),
}
TABLE_TYPE = Pt(9)


def add_text(p: Paragraph, text: object, *, bold: bool = False) -> Run:
    """A run of text at the end of a paragraph: the one way text enters the document, so
    every run is made visible-safe (see safetext: XML cannot hold a control character)."""
    run = p.add_run(visible(text))
    if bold:
        run.bold = True
    return run


class Writer:
    """Small helpers over a python-docx document, so the sections read as content."""

    def __init__(self, doc: DocxDocument) -> None:
        self.doc = doc

    @property
    def text_width(self) -> int:
        """The width between the margins of the current section (EMU): tables span it."""
        section = self.doc.sections[-1]
        width, left, right = section.page_width, section.left_margin, section.right_margin
        # The default template gives every section a page size and margins, and `turn`
        # copies them into each new one.
        assert width is not None and left is not None and right is not None
        return int(width - left - right)

    def turn(self, orientation: WD_ORIENT) -> None:
        """Go on in a new section on a new page, portrait or landscape (for a wide table)."""
        last = self.doc.sections[-1]
        if last.orientation == orientation:
            return
        width, height = last.page_width, last.page_height  # read before the new section
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = orientation
        section.page_width, section.page_height = height, width

    @staticmethod
    def run(p: Paragraph, text: object, *, bold: bool = False) -> Run:
        """A run of text at the end of a paragraph (see `add_text`)."""
        return add_text(p, text, bold=bold)

    def heading(self, text: str, level: int) -> Paragraph:
        """A real Word heading (Heading 1, 2, 3), so the navigation pane and TOC work."""
        p = self.para(style="Title" if level == 0 else f"Heading{level}")
        add_text(p, text)
        return p

    def para(self, text: str = "", *, bold: str = "", style: str | None = None) -> Paragraph:
        """A paragraph in a style of the default template (by id), optionally led by a bold
        label."""
        p = self.doc.add_paragraph()
        if style:
            # By style id: python-docx's lookup by name scans every style on each call.
            p._p.get_or_add_pPr().style = style
        if bold:
            add_text(p, bold, bold=True)
        if text:
            add_text(p, text)
        return p

    def bullet(self, text: str, *, bold: str = "") -> Paragraph:
        """A bulleted paragraph."""
        return self.para(text, bold=bold, style="ListBullet")

    def badge(
        self, p: Paragraph, kind: str | None, overridden: bool = False, refused: bool = False
    ) -> None:
        """A verdict in colour and in words, in brackets, then a space."""
        self.mark(p, wd.verdict_badge(kind, overridden, refused), kind)

    def mark(self, p: Paragraph, text: str, kind: str | None) -> None:
        """Bold upper-case text in brackets, coloured like the verdict kind given."""
        run = add_text(p, f"[{text.upper()}] ", bold=True)
        run.font.color.rgb = COLOURS.get(kind, COLOURS[None])

    def table(
        self,
        head: list[str],
        rows: list[list[str]],
        widths: list[float] | None = None,
    ) -> Table:
        """A Word table with a bold, repeating header row."""
        t: Table = self.doc.add_table(rows=1, cols=len(head))
        t._tbl.tblPr.style = "TableGrid"
        for cell, text in zip(t.rows[0].cells, head, strict=True):
            add_text(cell.paragraphs[0], text, bold=True)
            _shade(cell, "E4E7EB")
        _repeat_header(t.rows[0])
        for row in rows:
            cells = t.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                add_text(cell.paragraphs[0], text)
        self._fit(t, widths or [1.0] * len(head))
        for row in t.rows:  # tables are dense: a size smaller than the text around them
            for cell in row.cells:
                for p in cell.paragraphs:
                    for run in p.runs:
                        run.font.size = TABLE_TYPE
        self.doc.add_paragraph()
        return t

    def facts(self, rows: list[list[str]]) -> Table:
        """A two-column table of labelled facts: the labels bold and shaded, no header row."""
        t: Table = self.doc.add_table(rows=0, cols=2)
        t._tbl.tblPr.style = "TableGrid"
        for key, value in rows:
            cells = t.add_row().cells
            add_text(cells[0].paragraphs[0], key, bold=True)
            _shade(cells[0], "E4E7EB")
            add_text(cells[1].paragraphs[0], value)
        self._fit(t, [1.9, 4.6])
        self.doc.add_paragraph()
        return t

    def _fit(self, t: Table, weights: list[float]) -> None:
        """Span the text width, columns in proportion to `weights`, in a fixed layout:
        Word and LibreOffice then agree on the widths instead of shrinking the table to
        its shortest cells (which left long tables narrow and many pages long)."""
        t.autofit = False
        total = sum(weights)
        widths = [Emu(int(self.text_width * w / total)) for w in weights]
        for col, width in zip(t._tbl.tblGrid.gridCol_lst, widths, strict=True):
            col.w = width
        for row in t.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = width
        size = t._tbl.tblPr.find(qn("w:tblW"))
        if size is not None:
            size.set(qn("w:type"), "dxa")
            size.set(qn("w:w"), str(sum(widths) // 635))  # twentieths of a point


def _shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row: _Row) -> None:
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def render_docx(
    report: AfterActionReport,
    *,
    paper: Paper = "a4",
    charts: Sequence[tuple[ChartPart, bytes]] | None = None,
) -> bytes:
    """The whole report as a .docx file's bytes, laid out on A4 or US Letter paper. The
    timeline chart is the pictures `charts` (each part and its PNG) if given, else its parts
    drawn here."""
    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(10.5)
    set_properties(doc, report)
    set_paper(doc.sections[0], paper)
    banner(report, doc)
    update_fields_on_open(doc)
    out = Writer(doc)
    title_page(out, report)
    contents = contents_place(out)
    out.heading(SECTIONS["findings"], 1)
    _status(out, report)
    key_findings(out, report)
    _overview(out, report)
    _timeline(out, report, charts)
    decisions(out, report, SECTIONS["decisions"])
    _compliance(out, report)
    objectives_and_plan(out, report)
    appendix(out, report)
    fill_contents(doc, contents)
    buf = io.BytesIO()
    doc.save(buf)
    return stable_zip(buf.getvalue(), log_stamp(report))


def _status(out: Writer, report: AfterActionReport) -> None:
    """What the reader must know before trusting the rest: the notices, then the status."""
    for n in report.notices:
        p = out.para()
        run = add_text(p, n.title.upper() + ". ", bold=True)
        if n.level in ("danger", "warning"):
            run.font.color.rgb = COLOURS["outside_mandate" if n.level == "danger" else None]
        add_text(p, n.text)
    out.heading("Report status", 2)
    status = "Interim (the session has not ended)" if report.status == "interim" else "Final"
    out.bullet(status, bold="Report: ")
    out.bullet(report.integrity.summary, bold="Log integrity: ")
    out.bullet(report.integrity.source, bold="Log read from: ")


def _overview(out: Writer, report: AfterActionReport) -> None:
    o = report.overview
    out.heading(SECTIONS["overview"], 1)
    overview_facts(out, report)
    out.heading("Scope", 2)
    out.para(o.scope or "Not stated in the pack.")
    out.heading("Scenario summary", 2)
    out.para(o.summary)
    out.heading("Objectives and core capabilities", 2)
    out.table(
        ["Id", "Objective", "Core capability"],
        [[x.id, x.text, x.capability] for x in report.objectives],
        [0.7, 4.1, 1.7],
    )
    out.heading("Participating organisations and roles", 2)
    rows = [
        [f"{org.name} ({org.kind})", seat.title, seat.participant or "(not seated)"]
        for org in o.organisations
        for seat in org.seats
    ]
    out.table(["Organisation", "Role", "Participant"], rows)
    out.heading("Phases", 2)
    rows = [
        [p.title, wd.scenario(p.started) if p.started else "not reached", p.summary]
        for p in o.phases
    ]
    out.table(["Phase", "Started (scenario)", "Situation"], rows)


def _timeline(
    out: Writer, report: AfterActionReport, charts: Sequence[tuple[ChartPart, bytes]] | None
) -> None:
    if charts is None:
        charts = [(p, render_timeline_png(report, part=p)) for p in chart_parts(report)]
    portrait, landscape = text_boxes(out.doc.sections[-1])
    figures = [figure_inches(png) for _part, png in charts]
    fit = fit_charts(figures, CHART_FONT_PT, portrait, landscape)
    if fit.landscape:  # the section turned: the chart, then its table, across the long side
        out.turn(WD_ORIENT.LANDSCAPE)
    heading = out.heading(SECTIONS["timeline"], 1).paragraph_format
    # Each picture is sized for a page of its own; the first under its heading, at the top of
    # a page. The next follows, on the same page if it has room, else on the next.
    heading.page_break_before, heading.space_before = not fit.landscape, Pt(0)
    for n, ((part, png), width) in enumerate(zip(charts, fit.widths, strict=True), start=1):
        out.doc.add_picture(io.BytesIO(png), width=width)
        picture = out.doc.paragraphs[-1].paragraph_format
        # Single spacing: at the template's 1.15 the line would be taller than the picture.
        picture.line_spacing, picture.space_after = 1.0, Pt(4)
        picture.keep_with_next = True  # the caption stays with its picture
        out.para(chart_caption(part, n, len(charts)), style="Caption")
    day = wd.session_day(report)
    rows = []
    for t in report.timeline:
        what = t.title
        if t.kind in ("decision", "rejection"):
            what += f" [{wd.verdict_badge(t.verdict, t.overridden, t.kind == 'rejection')}]"
        detail = "\n".join(x for x in (t.detail, t.text) if x)
        rows.append(
            [
                str(t.seq),
                wd.scenario(t.scenario_time),
                wd.wall_short(t.at, day),
                f"{what}\n{detail}" if detail else what,
            ]
        )
    out.table(["#", "Scenario time", "Wall clock (UTC)", "Event"], rows, [0.4, 1.3, 0.9, 3.9])
    out.turn(WD_ORIENT.PORTRAIT)


def _compliance(out: Writer, report: AfterActionReport) -> None:
    out.heading(SECTIONS["compliance"], 1)
    out.table(
        tables.COMPLIANCE_HEAD,
        tables.compliance_rows(report),
        [2.2, 1, 1, 1.2, 1.3, 1, 1.2, 1.2],
    )
    out.heading("Obligations open at the end", 2)
    if not report.open_obligations:
        out.para("None.")
    late = sum(ob.status == "late" for ob in report.open_obligations)
    if late:
        out.para(f"{len(report.open_obligations)} open, {late} of them late.")
    for ob in report.open_obligations:
        p = out.bullet("")
        obligation_mark(out, p, ob)
        by = f"by {ob.late_by} " if ob.status == "late" else ""
        out.run(p, f"{by}({tables.deadline_line(ob)}) ")
        out.run(p, f"{ob.owed_by}: ", bold=True)
        out.run(
            p,
            f"{w.strip_stop(ob.text)} ({ob.citation}), {wd.arose_words(ob)}",
        )
