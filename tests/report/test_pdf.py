"""The report printed to PDF: the paper's size on every page, nothing past its edge, body
text at 10 pt or more, no near-empty page, the same bytes for the same log, nothing fetched.

Each shipped pack's report is printed once (one on A4, one on US Letter) and measured with
pdfminer. The chart is the chart's (its text scales with it, and its tests check it): it is
printed here as an SVG without text, so every character measured is the report's own.
"""

from __future__ import annotations

import io
import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTItem, LTPage
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfparser import PDFParser

from tabletop.packs import LoadedPack, open_pack
from tabletop.report import AfterActionReport, Paper, render_html, render_pdf
from tabletop.report.paper import POINTS
from tabletop.report.pdf import pdf_identifier, print_pdf

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted((ROOT / "scenarios" / "tests").glob("*.json"))

NO_TEXT_CHART = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="4"></svg>'
MARGIN = 14 * 72 / 25.4
"""The page's left and right margins (14 mm), in points."""
TOP_BOTTOM = 18 * 72 / 25.4
"""The page's top and bottom margins (18 mm), in points."""
BAND = 40.0
"""How far from the top or bottom edge the margin boxes (classification, page numbers) are."""


@dataclass
class Printed:
    """A PDF and what pdfminer reads of it: per page, its size and its characters."""

    paper: Paper
    data: bytes
    pages: list[tuple[float, float, list[LTChar]]]


def _chars(item: LTItem) -> list[LTChar]:
    if isinstance(item, LTChar):
        return [item]
    return [c for child in getattr(item, "_objs", []) for c in _chars(child)]


def _read(data: bytes) -> list[tuple[float, float, list[LTChar]]]:
    pages: list[LTPage] = list(extract_pages(io.BytesIO(data)))
    return [(p.width, p.height, _chars(p)) for p in pages]


def _pack_path(script: Path) -> Path:
    return (script.parent / json.loads(script.read_text("utf-8"))["pack"]).resolve()


# The override playthrough of each shipped pack: the most of every kind of row.
OVERRIDES = [s for s in SCRIPTS if s.stem.endswith("-override")]


def _report(script: Path, player) -> AfterActionReport:
    loaded = open_pack(_pack_path(script))
    game = player(script, loaded, session_id=f"{loaded.pack.meta.id}-20261202-0001")
    return game.report(pack_hash=loaded.content_hash)


def test_every_shipped_pack_is_printed() -> None:
    packs = {p.stem for p in (ROOT / "scenarios").glob("*.json")}
    assert packs and {_pack_path(s).stem for s in OVERRIDES} == packs


@pytest.fixture(
    scope="module",
    params=list(zip(OVERRIDES, ("a4", "letter"), strict=False)),
    ids=lambda p: f"{p[0].stem}-{p[1]}",
)
def printed(request, player) -> Printed:
    script, paper = request.param
    report = _report(script, player)
    page = render_html(report, paper=paper, chart_svg=NO_TEXT_CHART)
    data = print_pdf(page, identifier=pdf_identifier(report, paper))
    return Printed(paper, data, _read(data))


def test_every_page_is_the_paper_upright_or_across(printed: Printed) -> None:
    width, height = POINTS[printed.paper]
    sizes = {(round(w, 2), round(h, 2)) for w, h, _ in printed.pages}
    assert sizes <= {(width, height), (height, width)}
    first_width, first_height, _ = printed.pages[0]
    assert (round(first_width, 2), round(first_height, 2)) == (width, height), "starts upright"
    assert (height, width) in sizes, "the wide tables are printed across the paper"


def test_no_text_past_the_margins(printed: Printed) -> None:
    """Left and right: none. Top and bottom: only the margin boxes' 8 pt text."""
    for n, (width, height, chars) in enumerate(printed.pages, 1):
        assert chars, f"page {n} is blank"
        past = [c.get_text() for c in chars if c.x0 < MARGIN - 1 or c.x1 > width - MARGIN + 1]
        assert not past, f"page {n}: text outside the margins: {''.join(past)[:80]!r}"
        over = [
            c.get_text()
            for c in chars
            if (c.y1 > height - TOP_BOTTOM + 1 or c.y0 < TOP_BOTTOM - 4) and c.size > 8.5
        ]
        assert not over, f"page {n}: text in the top or bottom margin: {''.join(over)[:80]!r}"


def test_body_text_is_10_pt_or_more_and_the_margins_8(printed: Printed) -> None:
    body: list[float] = []
    margin: list[float] = []
    for _width, height, chars in printed.pages:
        for c in chars:
            in_band = c.y1 < BAND or c.y0 > height - BAND
            (margin if in_band else body).append(c.size)
    assert min(body) >= 10 - 0.05, f"body text at {min(body):.1f} pt"
    assert min(margin) >= 8 - 0.05 and margin, "page numbers and classification in the margins"


def test_margins_carry_the_classification_and_page_numbers(printed: Printed) -> None:
    count = len(printed.pages)
    for n, (_width, _height, chars) in enumerate(printed.pages, 1):
        bottom = "".join(c.get_text() for c in sorted(chars, key=lambda c: c.x0) if c.y1 < BAND)
        assert f"page {n} of {count}" in bottom
        assert "UNCLASSIFIED" in bottom


def test_no_page_but_the_last_is_near_empty(printed: Printed) -> None:
    """Every page but the last is filled past its top third, but the one before the paper
    turns (where the wide pages begin, a section's last lines may be left): that one holds
    more than a heading and two lines."""
    pages = printed.pages
    for n, (width, height, chars) in enumerate(pages[:-1], 1):
        lowest = min(c.y0 for c in chars if BAND < c.y0 < height - BAND)
        turns = (pages[n][0] > pages[n][1]) != (width > height)
        share = 0.15 if turns else 1 / 3
        assert lowest < height * (1 - share), f"page {n} holds only its top {share:.0%}"


@pytest.fixture(scope="module")
def twice(report: AfterActionReport) -> tuple[bytes, bytes]:
    """The golden game's report printed twice."""
    return render_pdf(report, paper="a4"), render_pdf(report, paper="a4")


def test_the_same_log_gives_the_same_pdf(twice: tuple[bytes, bytes], report) -> None:
    first, second = twice
    assert first.startswith(b"%PDF-") and first == second
    assert pdf_identifier(report, "a4") in first
    assert pdf_identifier(report, "letter") != pdf_identifier(report, "a4")


def test_document_properties_are_the_reports(twice: tuple[bytes, bytes], report) -> None:
    stamp = report.overview.last_event_at
    assert stamp is not None
    info = _info(twice[0])
    assert info["Title"] == report.title
    assert info["Author"] == report.overview.facilitator
    assert info["Subject"] == f"After-Action Report / Improvement Plan: {report.overview.exercise}"
    assert report.classification in info["Keywords"]
    assert report.overview.session_id in info["Keywords"]
    assert info["CreationDate"] == info["ModDate"] == f"D:{stamp:%Y%m%d%H%M%S}Z"


def _info(data: bytes) -> dict[str, str]:
    document = PDFDocument(PDFParser(io.BytesIO(data)))
    (info,) = document.info
    return {k: v.decode("utf-8", "replace") for k, v in info.items() if isinstance(v, bytes)}


class _Hits(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Hits)
    _Hits.hits = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", _Hits.hits
    httpd.shutdown()


def test_nothing_is_fetched_even_from_a_page_that_asks(server, tmp_path: Path) -> None:
    url, hits = server
    secret = tmp_path / "secret.css"
    secret.write_text("body { color: red }")
    page = (
        f'<html><head><link rel="stylesheet" href="{url}/sheet.css">'
        f'<link rel="stylesheet" href="{secret.as_uri()}">'
        f"<style>@import url({url}/import.css); body {{ background: url({url}/bg.png) }}"
        f'</style></head><body><img src="{url}/img.png"><p>text</p></body></html>'
    )
    assert print_pdf(page, identifier=b"0" * 32).startswith(b"%PDF-")
    assert hits == []
    # The control: WeasyPrint's own fetcher would have asked the server for every one.
    import weasyprint

    weasyprint.HTML(string=page).write_pdf()
    assert {"/sheet.css", "/img.png", "/bg.png", "/import.css"} <= set(hits)


@pytest.fixture
def hostile_game(example: LoadedPack, player, script_of, server):
    """A game whose pack's classification, inject text and rationale ask for URLs of the
    test server (a CSS url() in the classification, which is written into the page's CSS),
    and whose rationale is one 400-letter word."""
    url, hits = server
    pack = example.pack
    body = f'<img src="{url}/inject.png"> <link rel="stylesheet" href="{url}/inject.css">'
    injects = tuple(i.model_copy(update={"body": body}) for i in pack.injects)
    classification = f'SECRET"; background: url({url}/margin.png); content: "'
    meta = pack.meta.model_copy(update={"classification": classification})
    pack = pack.model_copy(update={"injects": injects, "meta": meta})
    script = script_of(
        {"decide": {"decision": "DP-1", "role": "arv_government", "option": "hold",
                    "rationale": "W" * 400}},
    )  # fmt: skip
    return player(script, example, pack=pack), url, hits, body


def test_a_pack_text_cannot_make_the_report_fetch(hostile_game) -> None:
    game, _url, hits, body = hostile_game
    pages = _read(render_pdf(game.report(), paper="a4"))
    assert hits == []
    text = "".join(c.get_text() for _w, _h, chars in pages for c in chars)
    assert "".join(body.split()) in "".join(text.split()), "the markup is printed as text"


def test_a_long_word_wraps_inside_the_page(hostile_game) -> None:
    game = hostile_game[0]
    page = render_html(game.report(), paper="a4", chart_svg=NO_TEXT_CHART)
    pages = _read(print_pdf(page, identifier=b"0" * 32))
    for width, _height, chars in pages:
        assert max(c.x1 for c in chars) <= width - MARGIN + 1
    text = "".join(c.get_text() for _w, _h, chars in pages for c in chars)
    assert text.count("W") >= 400


def test_the_chart_prints_its_text_at_8_pt_on_landscape_pages(player) -> None:
    """The chart's parts at their natural width, each on a page across the paper: no text of
    the whole printed report is under 8 pt (the body's 10 pt is checked above)."""
    script = next(s for s in OVERRIDES if s.stem.startswith("kazakh"))  # the tallest chart
    report = _report(script, player)
    pages = _read(print_pdf(render_html(report, paper="a4"), identifier="chart"))
    with_chart = [(w, h) for w, h, chars in pages if "Timeline chart, part" in _text(chars)]
    assert len(with_chart) >= 1 and all(w > h for w, h in with_chart), "charts across the paper"
    # The page before the first chart (the overview's end) holds more than a few lines.
    first = next(
        n for n, (_w, _h, chars) in enumerate(pages) if "Timeline chart, part" in _text(chars)
    )
    _w, before_height, before = pages[first - 1]
    lowest = min(c.y0 for c in before if BAND < c.y0 < before_height - BAND)
    assert lowest < before_height * 0.85, "the overview's last lines alone on a page"
    smallest = min(c.size for _w, _h, chars in pages for c in chars)
    assert smallest >= 8 - 0.05, f"text at {smallest:.1f} pt"
    labels = "".join(c.get_text() for _w, _h, chars in pages for c in chars)
    # A lane's short name and an axis title: the chart's text is text, at 8 pt. (pdfminer
    # reads the chart's words without the spaces between them.)
    assert "KazakhPresidency" in labels and "Scenariotime" in labels


def _text(chars: list[LTChar]) -> str:
    return "".join(c.get_text() for c in chars)
