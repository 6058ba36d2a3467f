"""The Word document's page frame: paper and margins, the classification and page numbers in
every page's header and footer, and the fields Word computes (page numbers, contents)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Length, Mm, Pt

from tabletop.report.paper import PAPER_SIZES_MM, Paper
from tabletop.report.safetext import visible

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.section import Section
    from docx.text.paragraph import Paragraph

    from tabletop.report.model import AfterActionReport

MARGINS: dict[Paper, Length] = {"a4": Mm(20), "letter": Inches(0.75)}
"""Every side's margin: the customary 20 mm on A4, three quarters of an inch on Letter."""
HEADER_DISTANCE = Mm(10)
"""From the page's edge to the header (and the footer), inside the margin."""
BANNER_TYPE = Pt(9)


def set_paper(section: Section, paper: Paper) -> None:
    """Lay the section out portrait on the paper, with its margins (`Writer.turn` copies
    them into every later section, turned for a landscape one)."""
    width, height = (Mm(mm) for mm in PAPER_SIZES_MM[paper])
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = width, height
    margin = MARGINS[paper]
    section.top_margin = section.bottom_margin = margin
    section.left_margin = section.right_margin = margin
    section.header_distance = section.footer_distance = HEADER_DISTANCE


def banner(report: AfterActionReport, doc: DocxDocument) -> None:
    """The classification at the top and bottom of every page (and "interim" while the
    session runs), with "page X of Y" in the footer; later sections inherit them."""
    for style in ("Header", "Footer"):
        doc.styles[style].font.size = BANNER_TYPE  # the page numbers' size too
    section = doc.sections[0]
    for part, numbered in ((section.header, False), (section.footer, True)):
        p = part.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        text = report.classification
        if report.status == "interim":
            text += " — INTERIM REPORT"
        _banner_run(p, text, bold=True)
        if numbered:
            _banner_run(p, "    page ")
            add_field(p, "PAGE")
            _banner_run(p, " of ")
            add_field(p, "NUMPAGES")


def _banner_run(p: Paragraph, text: str, *, bold: bool = False) -> None:
    run = p.add_run(visible(text))
    if bold:
        run.bold = True


def _field_char(parent: BaseOxmlElement, kind: str) -> None:
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run.append(char)
    parent.append(run)


def field_start(parent: BaseOxmlElement, instruction: str) -> None:
    """Open a field in a paragraph (or a hyperlink): its instruction, then the result Word
    shows until it updates the field."""
    _field_char(parent, "begin")
    run = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run.append(text)
    parent.append(run)
    _field_char(parent, "separate")


def field_end(parent: BaseOxmlElement) -> None:
    """Close the field opened last (a field's result may span paragraphs, as contents do)."""
    _field_char(parent, "end")


def add_field(p: Paragraph, instruction: str) -> None:
    """A field Word and LibreOffice compute as they lay the pages out (PAGE, NUMPAGES), with
    no stored result: no number is written that could be stale."""
    field_start(p._p, instruction)
    field_end(p._p)


SETTINGS_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
    "listSeparator",
)  # fmt: skip
"""The elements of settings.xml that the schema puts after w:updateFields (Word refuses a
file whose settings are out of order)."""


def update_fields_on_open(doc: DocxDocument) -> None:
    """Ask Word to refresh the fields when the file opens, so the contents get their page
    numbers (Word asks the reader first)."""
    settings = doc.settings.element
    flag = OxmlElement("w:updateFields")
    flag.set(qn("w:val"), "true")
    later = {qn(f"w:{name}") for name in SETTINGS_AFTER_UPDATE_FIELDS}
    after = next((child for child in settings if child.tag in later), None)
    if after is None:
        settings.append(flag)
    else:
        after.addprevious(flag)
