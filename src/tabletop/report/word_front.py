"""The Word report's front matter: a title page, then a table of contents that is a real
Word field, already filled in with the headings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt

from tabletop.report.safetext import visible
from tabletop.report.word_page import field_end, field_start

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.text.paragraph import Paragraph

    from tabletop.report.model import AfterActionReport
    from tabletop.report.word import Writer

TOC_INSTRUCTION = r'TOC \o "1-3" \h \z \u'
"""Headings 1 to 3, as links, without page numbers on the web view, keeping outline levels."""
HEADING_LEVELS = {"Heading1": 1, "Heading2": 2, "Heading3": 3}
"""The heading styles (by id) that the contents list, and their levels."""
TOC_INDENT = Mm(5)
"""How far each level of the contents is indented from the one above it."""
TOC_TYPE, TOC_LINE = Pt(9), Pt(10.5)
"""The contents' type size and (exact) line height: the size of the tables' text."""


def title_page(out: Writer, report: AfterActionReport) -> None:
    """The HSEEP cover: title, exercise, pack, date, facilitator, classification, status and
    the log's integrity, and what the report was prepared from; then a new page."""
    from tabletop.report.word import COLOURS  # word imports this module

    o = report.overview
    # The HSEEP title above, the exercise below it: not the exercise twice.
    title = out.heading(report.title.removesuffix(f": {o.exercise}"), 0)
    title.paragraph_format.space_before = Pt(96)
    if report.status == "interim":
        out.run(title, "  (INTERIM)").font.color.rgb = COLOURS["permitted_with_obligations"]
    out.para(o.exercise, style="Subtitle")
    status = "Interim: the session has not ended" if report.status == "interim" else "Final"
    lines = [
        ("Scenario pack: ", f"{o.pack_title} ({o.pack_id} {o.pack_version})"),
        ("Exercise date: ", str(o.exercise_date or "not recorded")),
        ("Facilitator: ", o.facilitator or "not recorded"),
        ("Report: ", status),
        ("Log integrity: ", report.integrity.summary),
    ]
    for label, text in lines:
        out.para(text, bold=label)
    classification = out.para(bold=report.classification)
    classification.alignment = WD_ALIGN_PARAGRAPH.CENTER
    classification.paragraph_format.space_before = Pt(36)
    classification.paragraph_format.space_after = Pt(36)
    session = o.session_id or "unknown"
    out.para(f"Prepared by tabletop from the session log {session}.")
    out.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def contents_place(out: Writer) -> Paragraph:
    """The contents' heading, and the paragraph the contents go before once every heading is
    written (see `fill_contents`)."""
    out.para("Contents", style="TOCHeading").paragraph_format.space_before = Pt(0)
    return out.para()


def fill_contents(doc: DocxDocument, place: Paragraph) -> None:
    """Bookmark every heading and list it before `place`, inside a TOC field: a reader that
    does not update fields sees the list as written; Word refreshes it (and its page numbers)
    on opening, as settings.xml asks. The body starts on the page after."""
    _contents_styles(doc)
    headings = [
        (HEADING_LEVELS[style], p)
        for p in doc.paragraphs
        if (style := p._p.style) is not None and style in HEADING_LEVELS
    ]
    for number, (level, heading) in enumerate(headings, 1):
        name = f"_Toc{number:08d}"
        _bookmark(heading, number, name)
        entry = place.insert_paragraph_before()
        entry._p.get_or_add_pPr().style = f"TOC{level}"
        if number == 1:
            field_start(entry._p, TOC_INSTRUCTION)
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), name)
        link.set(qn("w:history"), "1")
        # The heading alone: the page numbers are Word's to fill in (LibreOffice shows a
        # stored one as it stands, and none can be known here).
        _text_run(link, heading.text)
        entry._p.append(link)
    if not headings:  # an empty contents field all the same
        field_start(place._p, TOC_INSTRUCTION)
    field_end(place._p)  # before the page break: Word replaces all up to here on updating
    place.add_run().add_break(WD_BREAK.PAGE)


def _text_run(parent: BaseOxmlElement, text: str) -> None:
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = visible(text)
    run.append(t)
    parent.append(run)


def _bookmark(p: Paragraph, number: int, name: str) -> None:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    p._p.insert(1 if p._p.pPr is not None else 0, start)
    p._p.append(end)


def _contents_styles(doc: DocxDocument) -> None:
    """Word's own "toc 1" to "toc 3" styles (the template has none): indented by level, the
    page number right-aligned at the margin after a dotted leader, and tight enough that the
    sixty headings of a long game fit one Letter page."""
    section = doc.sections[0]
    width, left, right = section.page_width, section.left_margin, section.right_margin
    assert width is not None and left is not None and right is not None
    for level in (1, 2, 3):
        style = doc.styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        style.element.styleId = f"TOC{level}"
        style.base_style = doc.styles["Normal"]
        fmt = style.paragraph_format
        fmt.left_indent = Emu(TOC_INDENT * (level - 1))
        fmt.space_after, fmt.line_spacing = Pt(0), TOC_LINE
        style.font.size = TOC_TYPE
        fmt.tab_stops.add_tab_stop(Emu(width - left - right), WD_TAB_ALIGNMENT.RIGHT,
                                   WD_TAB_LEADER.DOTS)  # fmt: skip
        if level == 1:
            fmt.space_before = Pt(2)
            style.font.bold = True
