"""The HTML report parsed back: structure, escaping of hostile text, inline SVG, no network."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from tabletop.report import AfterActionReport, render_html, render_markdown
from tabletop.report.html import css_string
from tabletop.report.sections import all_sections


class Page(HTMLParser):
    """Every element, attribute and text of a page, as a real parser sees them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.section_ids: list[str] = []
        self.h1 = 0
        self.svg_in: list[str] = []
        self.current_section = ""
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "section":
            self.current_section = a.get("id") or ""
            self.section_ids.append(self.current_section)
        if tag == "h1":
            self.h1 += 1
        if tag == "svg":
            self.svg_in.append(self.current_section)

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def all_text(self) -> str:
        return "".join(self.text)

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag]


@pytest.fixture(scope="module")
def page(report: AfterActionReport) -> Page:
    return Page(render_html(report))


@pytest.fixture(scope="module")
def hostile_page(hostile_report: AfterActionReport) -> Page:
    return Page(render_html(hostile_report))


def test_sections_in_order_with_one_title(page: Page, report: AfterActionReport) -> None:
    assert page.h1 == 1
    assert page.section_ids == list(all_sections(report))
    assert page.section_ids[0] == "findings"
    headings = [a for t, a in page.tags if t == "h2"]
    assert len(headings) == len(page.section_ids)


def test_table_of_contents_links_to_every_section(page: Page) -> None:
    links = [a["href"] for a in page.named("a")]
    assert links == [f"#{s}" for s in page.section_ids]


def test_table_of_contents_is_numbered_once(page: Page) -> None:
    # The section titles carry their numbers ("1. Key findings", "Appendix A: ..."): the
    # list that holds them must not number them again ("1. 1. Key findings").
    style = re.sub(r"\s+", " ", page.all_text)
    rule = re.search(r"nav\.toc ol \{([^}]*)\}", style)
    assert rule is not None and "list-style: none" in rule.group(1)


def test_timeline_chart_is_inline_svg_in_the_timeline_section(page: Page) -> None:
    # Its two parts, as in Word: the lanes, then each decision point's time open.
    assert page.svg_in == ["timeline", "timeline"]
    ids = []
    for svg in page.named("svg"):
        assert svg.get("viewbox") and svg.get("role") == "img"
        assert "width" not in svg and "height" not in svg
        ids.append(svg.get("id"))
    assert ids == ["chart-timeline", "chart-decision-points"]
    assert "Timeline chart, part 2 of 2: each decision point" in page.all_text


def test_self_contained_no_external_resources(page: Page) -> None:
    for tag, attrs in page.tags:
        for name in ("src", "href", "xlink:href", "action", "data"):
            value = attrs.get(name) or ""
            assert not value.lower().startswith(("http:", "https:", "//", "data:")), (tag, value)
    assert page.named("script") == [] and page.named("link") == [] and page.named("img") == []
    assert "@media print" in page.all_text and "@import" not in page.all_text
    assert "url(" not in page.all_text.replace("url(#", "")


def test_classification_banner_top_and_bottom(page: Page, report: AfterActionReport) -> None:
    banners = [a for a in page.named("div") if "banner" in (a.get("class") or "")]
    assert len(banners) == 2
    assert page.all_text.count(report.classification) >= 2


def test_verdict_badges_say_the_verdict_in_words(page: Page) -> None:
    text = page.all_text
    for words in ("Permitted", "Permitted with obligations", "Outside mandate, overridden",
                  "Outside mandate, refused"):  # fmt: skip
        assert words in text
    classes = {a.get("class") for a in page.named("span")}
    assert "badge badge-outside_mandate" in classes and "badge badge-permitted" in classes


def test_printed_sections_follow_on_and_the_wide_ones_go_across(page: Page) -> None:
    majors = [a["id"] for a in page.named("section") if "major" in (a.get("class") or "")]
    assert majors[:3] == ["overview", "timeline", "decisions"]
    assert "section.major { break-before: auto; }" in page.all_text
    assert "#compliance, #compliance ~ section { page: wide; }" in page.all_text


def test_hostile_text_is_shown_as_text(hostile_page: Page, hostile: dict[str, str]) -> None:
    text = hostile_page.all_text
    for where, value in hostile.items():
        assert value in text, where
    for tag in ("script", "iframe", "img", "b"):
        assert hostile_page.named(tag) == [], tag
    # The only links are the contents' own anchors.
    assert all((a.get("href") or "").startswith("#") for a in hostile_page.named("a"))
    # The page's stylesheet and each chart part's own (scoped to it), nothing from the text.
    assert len(hostile_page.named("style")) == 1 + len(hostile_page.named("svg"))
    assert "#chart-timeline *{" in hostile_page.all_text


def test_classification_in_the_print_margins_cannot_leave_its_css_string(
    hostile_report: AfterActionReport,
) -> None:
    html = render_html(hostile_report, chart_svg="<svg></svg>")
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "@top-center { content: " in style and "@bottom-center" in style
    assert "<" not in style and "script" in style  # hex-escaped, still there to read
    assert css_string('a"b\\c\n<') == '"a\\22 b\\5c c\\a \\3c "'


def test_hostile_text_is_escaped_in_markdown(
    hostile_report: AfterActionReport, hostile: dict[str, str]
) -> None:
    # Every < and > is escaped, but for the notices' own blockquote markers.
    lines = [line.removeprefix("> ") for line in render_markdown(hostile_report).splitlines()]
    assert [x for x in lines if re.search(r"(?<!\\)[<>]", x)] == []
    assert r"\<script\>alert('name')\</script\>" in "\n".join(lines)


@pytest.mark.parametrize(("paper", "size"), [("a4", "A4"), ("letter", "letter")])
def test_the_page_is_laid_out_for_the_paper(report: AfterActionReport, paper, size) -> None:
    html = render_html(report, chart_svg="<svg></svg>", paper=paper)
    sizes = re.findall(r"@page( wide)? \{\s*size: ([^;]+);", html)
    assert sizes == [("", size), (" wide", f"{size} landscape")]


def test_the_page_carries_the_documents_properties(report: AfterActionReport) -> None:
    page = Page(render_html(report, chart_svg="<svg></svg>"))
    meta = {a.get("name"): a.get("content") for a in page.named("meta") if a.get("name")}
    assert meta["author"] == report.overview.facilitator
    assert meta["dcterms.created"] == meta["dcterms.modified"]
    assert report.overview.last_event_at is not None
    assert meta["dcterms.created"] == f"{report.overview.last_event_at:%Y-%m-%dT%H:%M:%S}Z"
    assert report.classification in (meta["keywords"] or "")


def test_an_unknown_paper_is_refused(report: AfterActionReport) -> None:
    with pytest.raises(ValueError, match="unknown paper size 'a3'"):
        render_html(report, chart_svg="<svg></svg>", paper="a3")  # type: ignore[arg-type]
