"""The Markdown report of hostile sessions, rendered to HTML by a common Markdown library
(markdown-it-py, CommonMark with raw HTML passed through): nothing from the data becomes an
element, a link, a heading, emphasis or a table cell of its own."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from tabletop.hashchain.chain import Row
from tabletop.report import AfterActionReport, render_markdown

# Markup of every kind Markdown or HTML knows, with newlines (to break a table row or start
# a block) and backticks (to close a code span early).
MARKUP = (
    " `tick` ``two`` <img src=x onerror=alert(1)> <script>alert(1)</script>"
    ' <iframe src="http://evil.example/"></iframe> <a href="javascript:alert(1)" onclick="x()">a'
    "</a> **bold** __bold__ *em* _em_ ~~strike~~ [link](javascript:alert(2))"
    " ![pic](http://evil.example/p.png) <http://evil.example/> <mail@evil.example> &lt;b&gt;"
    " &#60;script&#62; | cell | \\| end\n\n## heading\n- item\n1. item\n> quote\n<!-- c -->\n"
    "```\nfence\n---\n<div onmouseover=alert(3)>div</div>\n    indented\n[ref]: http://evil.example/"
)
# A forged hash: a backtick ends a one-backtick code span, and what follows would be HTML.
FORGED_HASH = "sha256:0f3a` <img src=x onerror=alert(1)> ``` <script>alert(2)</script> `| x"
# Elements a Markdown renderer makes of text (a hostile value must produce none of them).
LIVE = {"script", "img", "iframe", "a", "style", "object", "embed", "svg", "div", "form"}


class Elements(HTMLParser):
    """The elements of an HTML fragment with their attributes, and its text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[tuple[str, str | None], ...]]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def counts(self) -> Counter:
        """How many of each element, paragraphs aside (a blank line in a long text, such as
        a prompt, is a new paragraph)."""
        return Counter(t for t, _ in self.tags if t != "p")


def commonmark(text: str, *, tables: bool = False) -> Elements:
    """The elements of `text` rendered as CommonMark with raw HTML on (and GFM tables)."""
    md = MarkdownIt("commonmark", {"html": True})
    if tables:
        md.enable("table")
    return Elements(md.render(text))


def _with_extra_row(rows: list[Row], kind: str) -> list[Row]:
    """The log with one more event, badly chained: it is listed as unverified, by type."""
    last = rows[-1]
    return [*rows, Row(last.seq + 1, kind, "{}", last.hash, "0" * 64)]


@pytest.fixture(scope="module")
def clean(hostile_session) -> AfterActionReport:
    session = hostile_session("")
    return replace(session, rows=_with_extra_row(session.rows, "note_added")).report()


@pytest.fixture(scope="module")
def markup(hostile_session) -> AfterActionReport:
    session = hostile_session(MARKUP)
    rows = _with_extra_row(session.rows, "note<script>x()</script>|`")
    return replace(session, rows=rows).report()


@pytest.mark.parametrize("tables", [False, True])
def test_markup_anywhere_makes_no_element(clean, markup, tables: bool) -> None:
    ours = commonmark(render_markdown(clean), tables=tables)
    theirs = commonmark(render_markdown(markup), tables=tables)
    assert theirs.counts() == ours.counts()  # the same headings, lists, cells, emphasis
    assert {t for t, _ in theirs.tags} & LIVE == set()
    assert all(not attrs for tag, attrs in theirs.tags if tag != "ol")  # no attributes
    assert {a for _, attrs in theirs.tags for a in attrs} <= {a for _, x in ours.tags for a in x}


def test_markup_is_shown_as_text(markup) -> None:
    text = "".join(commonmark(render_markdown(markup)).text)
    # One line each: a value is flattened to a line of inline text.
    for piece in ("<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "**bold**",
                  "[link](javascript:alert(2))", "&lt;b&gt;", "| cell | \\|", "## heading",
                  "`tick` ``two``"):  # fmt: skip
        assert piece in text, piece


def test_headings_carry_the_text_not_its_markup(markup) -> None:
    page = commonmark(render_markdown(markup))
    html = MarkdownIt("commonmark", {"html": True}).render(render_markdown(markup))
    assert page.counts()["h1"] == 1
    assert "<h4>Government of Arvenia `tick`" in html


def test_forged_pack_hash_stays_text(played, pack_with) -> None:
    report = played(pack_with()).forged(pack_hash=FORGED_HASH).report()
    markdown = render_markdown(report)
    for tables in (False, True):
        page = commonmark(markdown, tables=tables)
        assert {t for t, _ in page.tags} & LIVE == set()
        assert FORGED_HASH in "".join(page.text)
    cells = commonmark(markdown, tables=True)
    row = [t for t, _ in cells.tags].count("td")
    clean = commonmark(render_markdown(played(pack_with()).report()), tables=True)
    assert row == [t for t, _ in clean.tags].count("td")  # the pipe did not split the cell


def test_forged_pack_hash_in_the_mismatch_notice_stays_text(played, pack_with) -> None:
    session = played(pack_with()).forged(pack_hash=FORGED_HASH)
    report = session.report(pack_hash=session.loaded.content_hash)
    assert any(FORGED_HASH in n.text for n in report.notices)
    page = commonmark(render_markdown(report))
    assert {t for t, _ in page.tags} & LIVE == set()


def test_a_real_hash_is_still_code(played, pack_with) -> None:
    session = played(pack_with())
    html = MarkdownIt("commonmark").render(render_markdown(session.report()))
    assert f"<code>{session.loaded.content_hash}</code>" in html
