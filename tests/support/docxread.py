"""A Word file read back as a reader's tools see it: its pages, fields, contents and title
page, from the XML itself (python-docx reads the parts; these read what is in them)."""

from __future__ import annotations

import io
from dataclasses import dataclass

from docx.document import Document
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Inches
from PIL import Image

PAPER_TWIPS = {"a4": (11906, 16838), "letter": (12240, 15840)}
"""Word's own page sizes (portrait width and height, in twentieths of a point)."""
HEADING_STYLES = ("Heading 1", "Heading 2", "Heading 3")


def page_twips(section: Section) -> tuple[int, int]:
    """The section's page width and height in twips, as stored."""
    size = section._sectPr.find(qn("w:pgSz"))
    assert size is not None
    return int(size.get(qn("w:w"))), int(size.get(qn("w:h")))


def instructions(element) -> list[str]:
    """Every field instruction under an element (a body, header or footer), stripped."""
    return [t.text.strip() for t in element.iter(qn("w:instrText"))]


def headings(document: Document) -> list[tuple[int, str]]:
    """Every Heading 1 to 3 of the body, with its level, in order."""
    return [
        (HEADING_STYLES.index(p.style.name) + 1, p.text)
        for p in document.paragraphs
        if p.style.name in HEADING_STYLES
    ]


def contents(document: Document) -> list[tuple[int, str, str]]:
    """The stored entries of the table of contents: level, text and the bookmark it links."""
    out = []
    for p in document.paragraphs:
        style = p._p.style or ""
        if style.startswith("TOC") and style[3:].isdigit():
            link = p._p.find(qn("w:hyperlink"))
            anchor = link.get(qn("w:anchor")) if link is not None else ""
            out.append((int(style[3:]), p.text, anchor))
    return out


def bookmarks(document: Document) -> dict[str, str]:
    """Bookmark name to the text of the paragraph it marks."""
    out = {}
    for p in document.paragraphs:
        for mark in p._p.iter(qn("w:bookmarkStart")):
            out[mark.get(qn("w:name"))] = p.text
    return out


def _breaks_page(p) -> bool:
    return any(br.get(qn("w:type")) == "page" for br in p._p.iter(qn("w:br")))


def pages_by_break(document: Document) -> list[list[str]]:
    """The body's paragraph texts, cut at each explicit page break (not at section breaks)."""
    pages: list[list[str]] = [[]]
    for p in document.paragraphs:
        if p.text:
            pages[-1].append(p.text)
        if _breaks_page(p):
            pages.append([])
    return pages


def section_of_picture(document: Document) -> Section:
    """The section holding the body's first picture (a section ends with the paragraph that
    holds its properties)."""
    index = 0
    for p in document.element.body.iter(qn("w:p")):
        if next(p.iter(qn("wp:inline")), None) is not None:
            return document.sections[index]
        if p.pPr is not None and p.pPr.find(qn("w:sectPr")) is not None:
            index += 1
    raise AssertionError("no picture in the body")


@dataclass(frozen=True)
class Picture:
    """A picture in the body: its size on the page (EMU, from its extent), its figure's own
    size (inches, from the PNG's pixels and resolution), its section and the caption after."""

    width: int
    height: int
    figure: tuple[float, float]
    section: Section
    caption: str

    def printed_pt(self, natural_pt: float) -> float:
        """Text of `natural_pt` at the figure's own size, as printed at this width."""
        return self.width / Inches(self.figure[0]) * natural_pt


def pictures(document: Document) -> list[Picture]:
    """Every picture in the body, in order."""
    out = []
    index = 0
    paragraphs = list(document.element.body.iterchildren(qn("w:p")))
    for i, p in enumerate(paragraphs):
        for inline in p.iter(qn("wp:inline")):
            extent = inline.find(qn("wp:extent"))
            rid = next(inline.iter(qn("a:blip"))).get(qn("r:embed"))
            with Image.open(io.BytesIO(document.part.related_parts[rid].blob)) as png:
                (px_w, px_h), dpi = png.size, png.info["dpi"]
            # PNG keeps pixels a metre: 200 dpi comes back as 199.9994.
            dpi_x, dpi_y = (round(d) for d in dpi)
            caption = "".join(t.text or "" for t in paragraphs[i + 1].iter(qn("w:t")))
            out.append(
                Picture(
                    int(extent.get("cx")),
                    int(extent.get("cy")),
                    (px_w / dpi_x, px_h / dpi_y),
                    document.sections[index],
                    caption,
                )
            )
        if p.pPr is not None and p.pPr.find(qn("w:sectPr")) is not None:
            index += 1
    return out
