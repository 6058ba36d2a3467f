"""A damaged log is flagged in the first section of every format, and never analysed past
the damage."""

from __future__ import annotations

import io
import json
from html.parser import HTMLParser

import docx
import pytest
from PIL import Image

from tabletop.report import build_report, check_log, render_docx, render_html, render_markdown
from tabletop.report.model import AfterActionReport
from tabletop.store.jsonl import export_text, info_from_log, parse_log


def _export(game) -> list[str]:
    info = info_from_log(game.events[0].session_id, game.rows, game.rows[-1].hash, "test")
    return export_text(info, game.rows).splitlines()


def _report_of(game, lines: list[str]) -> AfterActionReport:
    header, rows = parse_log(("\n".join(lines) + "\n").encode("utf-8"), "edited.jsonl")
    events, integrity = check_log(
        rows,
        source="exported log edited.jsonl",
        expected_count=header.events,
        expected_head=header.head,
    )
    return build_report(game.pack, events, integrity)


def _edit(lines: list[str], needle: str, new: str) -> tuple[list[str], int]:
    """The lines with one event's text changed in place (its hash left as it was)."""
    for i, line in enumerate(lines):
        if i > 0 and needle in line:
            out = list(lines)
            out[i] = line.replace(needle, new)
            return out, json.loads(line)["seq"]
    raise AssertionError(f"{needle!r} is not in the log")


@pytest.fixture(scope="module")
def tampered(game) -> tuple[AfterActionReport, int]:
    lines, seq = _edit(_export(game), "Arvenia's formal letter is in hand.", "We had no letter.")
    return _report_of(game, lines), seq


def test_tampered_log_is_flagged_and_not_analysed_past_the_damage(tampered) -> None:
    report, seq = tampered
    assert report.integrity.status == "damaged"
    assert report.integrity.damaged_event == seq and report.integrity.damage == "edited"
    assert report.integrity.verified == seq - 1
    assert report.notices[0].level == "danger"
    assert "failed verification" in report.notices[0].title
    # Nothing from the edited event on is analysed, and it is all listed as unverified.
    assert all(e.seq < seq for e in report.decision_log)
    assert "We had no letter." not in render_markdown(report)
    assert report.integrity.unverified[0].seq == seq
    assert len(report.integrity.unverified) == report.integrity.events - seq + 1
    assert report.status == "interim"


def test_markdown_says_so_in_its_first_section(tampered) -> None:
    text = render_markdown(tampered[0])
    first = text.split("## 1. Key findings", 1)[1].split("\n## ", 1)[0]
    assert "THE LOG FAILED VERIFICATION" in first
    assert f"event {tampered[1]} was edited" in first


class _FirstSection(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.sections = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "section":
            self.sections += 1
            if self.sections == 1:
                self.depth = 1
        elif self.depth and tag not in ("br",):
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)


def test_html_says_so_in_its_first_section(tampered) -> None:
    parser = _FirstSection()
    parser.feed(render_html(tampered[0], chart_svg="<svg></svg>"))
    first = " ".join(parser.text)
    assert "The log failed verification" in first and "Damaged" in first


def test_word_says_so_under_its_first_heading(tampered) -> None:
    doc = docx.Document(io.BytesIO(render_docx(tampered[0], charts=[("whole", _png())])))
    paragraphs = [p for p in doc.paragraphs if p.text.strip()]
    first_heading = next(i for i, p in enumerate(paragraphs) if p.style.name == "Heading 1")
    assert paragraphs[first_heading].text == "1. Key findings"
    assert "LOG FAILED VERIFICATION" in paragraphs[first_heading + 1].text


def test_json_says_so_first(tampered) -> None:
    data = json.loads(tampered[0].model_dump_json())
    assert list(data)[:5] == ["format", "version", "title", "status", "classification"]
    assert data["notices"][0]["level"] == "danger"


def test_log_cut_short_keeps_what_is_there_and_says_it_is_incomplete(game) -> None:
    lines = _export(game)
    report = _report_of(game, lines[:-3])
    assert report.integrity.status == "damaged" and report.integrity.damage == "missing"
    assert report.integrity.verified == len(lines) - 4 and report.integrity.unverified == ()
    assert "not the whole record" in report.notices[0].text


def test_first_event_edited_still_gives_a_report_that_says_why_it_is_empty(game) -> None:
    lines, seq = _edit(_export(game), "Col. Ada Brenn", "Someone else")
    assert seq == 1
    report = _report_of(game, lines)
    assert report.integrity.verified == 0 and report.decision_log == ()
    assert report.notices[0].level == "danger"
    assert "could not be verified" in report.overview.exercise
    assert "Someone else" not in render_markdown(report)
    # Nothing verified still renders in every format, flagged first.
    assert "The log failed verification" in render_html(report)
    assert docx.Document(io.BytesIO(render_docx(report))).paragraphs[0].text


def test_unreadable_event_after_the_damage_is_listed_as_such(game) -> None:
    lines, seq = _edit(_export(game), '"type":"decision_amended"', '"type":"no_such_event"')
    report = _report_of(game, lines)
    first = report.integrity.unverified[0]
    assert first.seq == seq and first.summary.startswith("unreadable")


def _png() -> bytes:
    """A blank PNG: the chart itself is tested elsewhere."""
    buf = io.BytesIO()
    Image.new("RGB", (4, 2), "white").save(buf, format="PNG")
    return buf.getvalue()
