"""The Word report as a printable AAR/IP: paper size, title page, contents, page numbers,
properties, the chart's printed text size, and the same bytes for the same log."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest
from chartprint import assert_chart_prints_at_8pt
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Inches, Mm
from docxread import (
    PAPER_TWIPS,
    bookmarks,
    contents,
    headings,
    instructions,
    page_twips,
    pages_by_break,
    pictures,
    section_of_picture,
)
from PIL import Image

from tabletop.report import AfterActionReport, render_docx, render_timeline_png, render_timeline_svg
from tabletop.report.chart import CHART_FONT_PT, CHART_WIDTH_IN, ChartPart, chart_parts
from tabletop.report.sections import SECTIONS, all_sections
from tabletop.report.word_chart import (
    MIN_PRINTED_PT,
    ROOM_ABOVE_AND_BELOW,
    figure_inches,
    fit_charts,
)

PAPERS = ("a4", "letter")


@pytest.fixture(scope="module")
def chart(report: AfterActionReport) -> list[tuple[ChartPart, bytes]]:
    """The golden game's chart pictures, drawn once."""
    return [(part, render_timeline_png(report, part=part)) for part in chart_parts(report)]


@pytest.fixture(scope="module")
def files(report: AfterActionReport, chart) -> dict[str, bytes]:
    """The golden game's Word file on each paper."""
    return {paper: render_docx(report, paper=paper, charts=chart) for paper in PAPERS}


@pytest.fixture(scope="module", params=PAPERS)
def paper(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def document(files: dict[str, bytes], paper: str):
    return docx.Document(io.BytesIO(files[paper]))


def test_every_page_is_on_the_chosen_paper(document, paper: str) -> None:
    width, height = PAPER_TWIPS[paper]
    orientations = []
    for section in document.sections:
        orientations.append(section.orientation)
        if section.orientation == WD_ORIENT.LANDSCAPE:
            assert page_twips(section) == (height, width)
        else:
            assert page_twips(section) == (width, height)
        margin = {"a4": Mm(20), "letter": Inches(0.75)}[paper]
        sides = (section.top_margin, section.bottom_margin, section.left_margin,
                 section.right_margin)  # fmt: skip
        assert all(abs(side - margin) <= 635 for side in sides)  # stored in twips
    # The chart, the plan matrix and the decision log are turned; the title page is not.
    assert orientations[0] == WD_ORIENT.PORTRAIT
    assert orientations.count(WD_ORIENT.LANDSCAPE) == 3


def test_the_title_page_is_the_hseep_cover(document, report: AfterActionReport) -> None:
    title_page = "\n".join(pages_by_break(document)[0])
    o = report.overview
    assert report.title == f"After-Action Report / Improvement Plan: {o.exercise}"
    title, exercise = title_page.split("\n")[:2]
    assert (title, exercise) == ("After-Action Report / Improvement Plan", o.exercise)
    for text in (
        o.exercise,
        o.pack_title,
        "Exercise date: 2031-03-01",
        "Facilitator: Col. Ada Brenn",
        report.classification,
        "Report: Final",
        f"Log integrity: {report.integrity.summary}",
        f"Prepared by tabletop from the session log {o.session_id}.",
    ):
        assert text in title_page
    assert o.exercise == "Quiet Pass staff seminar"
    assert document.paragraphs[0].style.name == "Title"
    assert not any(heading in title_page for heading in all_sections(report).values())


def test_an_interim_report_says_so_on_its_title_page(player, script_of, example) -> None:
    game = player(script_of({"advance": {"by_minutes": 0}}), example)
    document = docx.Document(io.BytesIO(render_docx(game.report(), paper="letter")))
    title_page = pages_by_break(document)[0]
    assert "INTERIM" in title_page[0] and "Report: Interim: the session has not ended" in title_page


def test_contents_is_a_toc_field_that_already_lists_the_headings(
    document, report: AfterActionReport
) -> None:
    pages = pages_by_break(document)
    assert pages[1][0] == "Contents"  # a page of its own, after the title page
    assert pages[2][0] == next(iter(all_sections(report).values()))  # the body's first
    body = document.element.body
    assert instructions(body)[0] == r'TOC \o "1-3" \h \z \u'
    entries = contents(document)
    assert [(level, text) for level, text, _ in entries] == headings(document)
    assert [text for level, text, _ in entries if level == 1] == list(all_sections(report).values())
    marks = bookmarks(document)
    assert all(marks[anchor] == text for _, text, anchor in entries)  # each links its heading
    assert len({anchor for _, _, anchor in entries}) == len(entries)

    # The field's result is the entries: it opens in the first and closes after the last.
    def chars(p) -> list[str]:
        return [c.get(qn("w:fldCharType")) for c in p._p.iter(qn("w:fldChar"))]

    listed = [
        i for i, p in enumerate(document.paragraphs) if re.fullmatch(r"TOC\d", p._p.style or "")
    ]
    after = document.paragraphs[listed[-1] + 1]
    assert chars(document.paragraphs[listed[0]]) == ["begin", "separate"]
    assert [chars(document.paragraphs[i]) for i in listed[1:]] == [[]] * (len(listed) - 1)
    assert chars(after) == ["end"] and after.text == ""


def test_word_refreshes_the_fields_on_opening(files: dict[str, bytes], paper: str) -> None:
    with zipfile.ZipFile(io.BytesIO(files[paper])) as z:
        settings = z.read("word/settings.xml").decode()
    flag = '<w:updateFields w:val="true"/>'
    assert settings.count(flag) == 1
    # Where the schema wants it (Word refuses settings out of order): before w:compat.
    assert settings.index(flag) < settings.index("<w:compat>")


def test_every_page_has_the_classification_and_page_x_of_y(
    document, report: AfterActionReport
) -> None:
    for section in document.sections:
        header, footer = section.header, section.footer
        assert header.is_linked_to_previous == footer.is_linked_to_previous
        assert report.classification in header.paragraphs[0].text
        assert report.classification in footer.paragraphs[0].text
    footer = document.sections[0].footer
    assert "page  of " in footer.paragraphs[0].text  # the numbers are fields
    assert instructions(footer._element) == ["PAGE", "NUMPAGES"]
    assert all(s.header.is_linked_to_previous for s in document.sections[1:])


def test_the_document_properties_describe_the_exercise(
    files: dict[str, bytes], report: AfterActionReport
) -> None:
    data = files["a4"]
    props = docx.Document(io.BytesIO(data)).core_properties
    o = report.overview
    assert props.title == report.title
    assert props.author == o.facilitator == "Col. Ada Brenn"
    assert o.exercise in props.subject and o.pack_title in props.subject
    assert props.keywords.startswith(report.classification) and "HSEEP" in props.keywords
    assert props.category == "After-Action Report / Improvement Plan"
    assert o.session_id in props.comments
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        package = "\n".join(z.read(n).decode() for n in names if n.endswith((".xml", ".rels")))
    # python-docx's template carried a thumbnail of another document and a bibliography.
    assert not [n for n in names if "thumbnail" in n or n.startswith("customXml/")]
    assert "python-docx" not in package and "thumbnail" not in package


def test_the_same_log_gives_the_same_bytes_on_each_paper(
    files: dict[str, bytes], report: AfterActionReport, chart
) -> None:
    for paper in PAPERS:
        assert render_docx(report, paper=paper, charts=chart) == files[paper]
    assert files["a4"] != files["letter"]
    assert render_docx(report) == render_docx(report, paper="a4")  # A4 unless asked


def test_every_chart_picture_prints_its_text_at_8pt_or_more(document) -> None:
    captions = [p.caption for p in assert_chart_prints_at_8pt(document)]
    assert captions == [
        "Timeline chart, part 1 of 2: injects and decisions by scenario time.",
        "Timeline chart, part 2 of 2: each decision point's wall-clock time open against its"
        " time box.",
    ]


def test_each_picture_is_its_part_at_the_natural_width(document, chart) -> None:
    for picture, (_part, png) in zip(pictures(document), chart, strict=True):
        assert picture.figure == pytest.approx(figure_inches(png))
        assert picture.figure[0] == pytest.approx(CHART_WIDTH_IN)


def test_the_chart_sets_no_text_smaller_than_it_says(report: AfterActionReport) -> None:
    svg = render_timeline_svg(report)  # one user unit a point, as the figure's 72 a inch
    sizes = [float(s) for s in re.findall(r"font-size: ([\d.]+)px", svg)]
    assert sizes and min(sizes) >= CHART_FONT_PT
    view = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
    assert view is not None
    width, height = figure_inches(render_timeline_png(report))  # the PNG is the same figure
    assert (float(view[1]), float(view[2])) == pytest.approx((width * 72, height * 72), abs=1)


A4_PORTRAIT = (Mm(170), Mm(257))
A4_LANDSCAPE = (Mm(257), Mm(170))


def _printed(width: int, figure_width: float, type_pt: float) -> float:
    return width / Inches(figure_width) * type_pt


def test_charts_whose_text_prints_at_8pt_across_the_portrait_page_stay_portrait() -> None:
    fit = fit_charts([(6, 3), (5, 4)], 7.5, A4_PORTRAIT, A4_LANDSCAPE)
    assert not fit.landscape and fit.widths == (Mm(170), Mm(170))
    assert fit.printed_pt == pytest.approx((_printed(Mm(170), 6, 7.5), _printed(Mm(170), 5, 7.5)))
    assert min(fit.printed_pt) >= 8


def test_one_wide_picture_turns_them_all_landscape_to_print_at_8pt() -> None:
    fit = fit_charts([(5, 2), (10, 4)], 9, A4_PORTRAIT, A4_LANDSCAPE)
    # Portrait: 170 mm for 254 mm of figure prints 9 pt at 6.0 pt. Landscape: 9.1 pt.
    assert fit.landscape and fit.widths == (Mm(257), Mm(257))
    assert fit.printed_pt[1] == pytest.approx(_printed(Mm(257), 10, 9))
    assert min(fit.printed_pt) >= MIN_PRINTED_PT


def test_a_tall_picture_is_narrowed_to_fit_the_page_height() -> None:
    fit = fit_charts([(10, 3), (10, 6)], 9, A4_PORTRAIT, A4_LANDSCAPE)
    # 257 mm wide it would be 154 mm tall: more than the 170 mm page keeps for a picture.
    room = A4_LANDSCAPE[1] - ROOM_ABOVE_AND_BELOW
    assert fit.landscape and fit.widths[0] == Mm(257) and fit.widths[1] < Mm(257)
    assert fit.widths[1] * 6 / 10 == pytest.approx(room, abs=1)
    assert min(fit.printed_pt) >= MIN_PRINTED_PT


def test_pictures_no_page_can_print_at_8pt_get_the_larger_print() -> None:
    fit = fit_charts([(10, 4)], 7, A4_PORTRAIT, A4_LANDSCAPE)
    assert fit.landscape and fit.widths == (Mm(257),)
    assert fit.printed_pt == pytest.approx((7 * 257 / 254,))
    assert fit.printed_pt[0] < MIN_PRINTED_PT
    # A chart too tall for a landscape page prints larger across the portrait one.
    tall = fit_charts([(10, 9)], 9, A4_PORTRAIT, A4_LANDSCAPE)
    assert not tall.landscape and tall.widths == (Mm(170),)
    assert tall.printed_pt == pytest.approx((9 * 170 / 254,))


def _png(width_in: float, height_in: float, dpi: int = 100) -> bytes:
    buf = io.BytesIO()
    size = (int(width_in * dpi), int(height_in * dpi))
    Image.new("RGB", size, "white").save(buf, "PNG", dpi=(dpi, dpi))
    return buf.getvalue()


def _timeline_heading(document):
    return next(
        p
        for p in document.paragraphs
        if p.text == SECTIONS["timeline"] and p.style.name == "Heading 1"
    )


def test_a_narrow_chart_stays_portrait_at_the_top_of_a_page(report: AfterActionReport) -> None:
    # 5 inches of figure print its text at 8 pt or more across the portrait page's 6.7.
    assert CHART_FONT_PT * 6.69 / 5 >= MIN_PRINTED_PT
    narrow = [("timeline", _png(5, 2.5)), ("decision_points", _png(5, 2))]
    document = docx.Document(io.BytesIO(render_docx(report, charts=narrow)))
    section = section_of_picture(document)
    assert section.orientation == WD_ORIENT.PORTRAIT
    text_width = section.page_width - section.left_margin - section.right_margin
    assert text_width == pytest.approx(Mm(170), abs=635)
    assert [shape.width for shape in document.inline_shapes] == [text_width, text_width]
    heading = _timeline_heading(document).paragraph_format
    assert heading.page_break_before and heading.space_before == 0  # sized for a whole page


def test_a_wide_chart_opens_its_landscape_section(document) -> None:
    heading = _timeline_heading(document)
    body = list(document.element.body.iterchildren())
    before = body[body.index(heading._p) - 1]  # the paragraph that ends the portrait section
    assert before.find(qn("w:pPr")).find(qn("w:sectPr")) is not None
    assert heading.paragraph_format.space_before == 0


def test_a_game_with_no_decision_point_opened_has_the_timeline_alone(
    report: AfterActionReport,
) -> None:
    timeline = [t for t in report.timeline if t.kind != "opened"]
    unopened = report.model_copy(update={"timeline": timeline})
    assert chart_parts(report) == ["timeline", "decision_points"]
    assert chart_parts(unopened) == ["timeline"]
    document = docx.Document(io.BytesIO(render_docx(unopened, paper="letter")))
    (picture,) = assert_chart_prints_at_8pt(document, parts=1)
    assert picture.caption == "Timeline chart: injects and decisions by scenario time."
