"""Hidden characters alike in every format a person reads (Word, HTML, Markdown, the chart),
and every format written, whatever a pack, a log or its file name holds."""

from __future__ import annotations

import json
import re

import pytest

from tabletop.report import (
    AfterActionReport,
    render_docx,
    render_html,
    render_json,
    render_markdown,
    render_timeline_svg,
)

CONTROLS = "".join(map(chr, [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0x85, 0x9B]))
CONTROLS += "\ufffe\uffff"
PAYLOAD = " ctl<" + CONTROLS + ">end"
SHOWN = " ctl<" + "".join(f"[U+{ord(c):04X}]" for c in CONTROLS) + ">end"
RTL = " \u202eRLO\u202c end"
RTL_SHOWN = " [U+202E]RLO[U+202C] end"
HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def _markdown_of(shown: str) -> str:
    """How a shown value reads in the Markdown source: its brackets, '<' and '>' escaped."""
    return re.sub(r"([\[\]<>])", r"\\\1", shown)


@pytest.fixture(scope="module")
def control_report(hostile_session) -> AfterActionReport:
    return hostile_session(PAYLOAD).report()


def test_control_characters_are_shown_alike_in_html_and_markdown(control_report) -> None:
    html = render_html(control_report)
    assert SHOWN.replace("<", "&lt;").replace(">", "&gt;") in html
    markdown = render_markdown(control_report)
    assert _markdown_of(SHOWN) in markdown
    assert not HIDDEN.search(html) and not HIDDEN.search(markdown)
    # The print banner: the classification as a CSS string, its markers hex-escaped.
    banner = re.search(r'@top-center \{ content: "([^"]*)"', html)
    assert banner is not None
    text = re.sub(r"\\([0-9a-f]+) ", lambda m: chr(int(m[1], 16)), banner[1])
    assert text == "UNCLASSIFIED // FICTIONAL EXERCISE" + SHOWN


def test_control_characters_are_shown_in_the_chart(control_report, hostile_session) -> None:
    svg = render_timeline_svg(control_report)  # lane names are cut to two short lines
    assert "[U+0000]" in svg and not HIDDEN.search(svg)
    # The phase titles are cut to a line too: a vertical tab is not taken for a space.
    svg = render_timeline_svg(hostile_session("\x0b").report())
    assert ">Move 2: the request[U+000B]<" in svg


def test_json_keeps_the_characters_as_data(control_report) -> None:
    data = json.loads(render_json(control_report))
    assert data["overview"]["facilitator"] == "Col. Ada Brenn" + PAYLOAD


def test_right_to_left_overrides_are_shown_alike(hostile_session) -> None:
    report = hostile_session(RTL).report()
    assert "Northern Compact" + RTL_SHOWN in render_html(report)
    assert "Northern Compact" + _markdown_of(RTL_SHOWN) in render_markdown(report)


def test_lone_surrogates_from_a_file_name_give_every_format(hostile_session) -> None:
    # A log file name with a byte that is not UTF-8 reaches Python as a lone surrogate
    # (surrogateescape); the report names where the log was read from, and the CLI writes
    # each format as UTF-8.
    report = hostile_session("").report()
    integrity = report.integrity.model_copy(update={"source": "exported log /tmp/caf\udce9"})
    report = report.model_copy(update={"integrity": integrity})
    assert "/tmp/caf[U+DCE9]" in render_html(report).encode("utf-8").decode("utf-8")
    assert "/tmp/caf\\[U+DCE9\\]" in render_markdown(report).encode("utf-8").decode("utf-8")
    data = json.loads(render_json(report).encode("utf-8"))
    assert data["integrity"]["source"] == "exported log /tmp/caf\ufffd"
    assert render_docx(report)


def test_json_without_surrogates_is_written_as_before(control_report) -> None:
    # The surrogate fallback writes the same text as pydantic does, so a report that needs
    # it differs only where the surrogates were.
    data = control_report.model_dump(mode="json")
    assert json.dumps(data, indent=2, ensure_ascii=False) + "\n" == render_json(control_report)


def test_very_long_values_render_whole(pack_with, played) -> None:
    huge = "x" * 100_000
    report = played(pack_with()).forged(pack_hash="sha256:" + huge, pack_title=huge).report()
    assert huge in render_markdown(report) and huge in render_html(report)
    assert json.loads(render_json(report))["overview"]["pack_title"] == huge
