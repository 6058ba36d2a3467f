"""The Markdown escapes on any text (hypothesis): rendered by markdown-it-py (CommonMark, raw
HTML on, GFM tables), an escaped value reads back as exactly its text and makes no element."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tabletop.report.markdown_base import block, cell, code, md, table

# Every character Markdown or HTML gives a meaning to, letters and digits to make words of,
# spaces and newlines, and a letter beyond ASCII (next to an underscore it is a word too).
TEXT = st.text(alphabet="ab1 _*`<>&|[]()!#-+=.)\\~:/\"';{}\n\té", min_size=1, max_size=24)
RENDER = MarkdownIt("commonmark", {"html": True}).enable("table")


class Fragment(HTMLParser):
    """The elements and the text of a rendered fragment."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        if data.strip("\n"):
            self.text.append(data)


def _line(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_inline_text_reads_back_as_itself(text: str) -> None:
    page = Fragment(RENDER.render("Said: " + md(text)))
    assert page.tags == ["p"]
    assert "".join(page.text) == ("Said: " + _line(text)).rstrip()


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_a_heading_and_a_paragraph_block_read_back_as_themselves(text: str) -> None:
    heading = Fragment(RENDER.render("#### " + md(text)))
    assert heading.tags == ["h4"] and "".join(heading.text) == _line(text)
    paras = [_line(p) for p in re.split(r"\n\s*\n", text) if p.strip()]
    page = Fragment(RENDER.render(block(text)))
    assert page.tags == ["p"] * max(len(paras), 1)
    assert page.text == (paras or ["—"])


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_a_code_span_reads_back_as_itself(text: str) -> None:
    page = Fragment(RENDER.render("- Hash: " + code(text)))
    flat = _line(text)
    assert page.tags == (["ul", "li", "code"] if flat else ["ul", "li"])
    assert "".join(page.text) == "Hash: " + (flat or "—")


@settings(max_examples=300, deadline=None)
@given(TEXT, TEXT)
def test_a_table_cell_stays_one_cell(first: str, second: str) -> None:
    lines = table(["A", "B"], [[cell(first), code(second, in_table=True)]])
    page = Fragment(RENDER.render("\n".join(lines)))
    assert page.tags.count("td") == 2 and page.tags.count("tr") == 2
    assert set(page.tags) <= {"table", "thead", "tbody", "tr", "th", "td", "code"}
    texts = "".join(page.text)
    assert texts == "AB" + (_line(first) or "—") + (_line(second) or "—")
