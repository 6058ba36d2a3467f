"""The Word report of hostile sessions: every text a pack or a log may hold renders, and
opens back with python-docx; long values are cut in the document properties only."""

from __future__ import annotations

import ast
import io
import re
from pathlib import Path

import docx
import pytest

from tabletop.report import AfterActionReport, render_docx

# Every C0 control but tab, newline and carriage return (which text may hold), DEL, two C1
# controls (NEL is a line break to some readers, CSI starts a terminal escape) and the two
# BMP non-characters: XML 1.0 cannot hold most of them, and none of them shows.
CONTROLS = "".join(map(chr, [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0x85, 0x9B]))
CONTROLS += "\ufffe\uffff"
PAYLOAD = " ctl<" + CONTROLS + ">end"
SHOWN = " ctl<" + "".join(f"[U+{ord(c):04X}]" for c in CONTROLS) + ">end"
# A right-to-left override would show the rest of its line reversed (a verdict badge, a
# name); it is shown as a marker like the controls, so nothing after it is reordered.
RTL = " \u202eRLO\u202c and isolate \u2067x\u2069 end"
RTL_SHOWN = " [U+202E]RLO[U+202C] and isolate [U+2067]x[U+2069] end"
# What XML 1.0 cannot hold; tab, newline and carriage return are the only C0 it can.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def all_text(data: bytes) -> str:
    """Every paragraph, table cell, header and footer of a Word document, one per line."""
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(parts)


@pytest.fixture(scope="module")
def control_report(hostile_session) -> AfterActionReport:
    return hostile_session(PAYLOAD).report()


@pytest.fixture(scope="module")
def control_text(control_report: AfterActionReport) -> str:
    return all_text(render_docx(control_report))


def test_control_characters_anywhere_give_a_word_report(control_text: str) -> None:
    assert not NOT_XML.search(control_text)
    assert SHOWN in control_text


@pytest.mark.parametrize(
    "where",
    [
        "Government of Arvenia" + SHOWN,  # a role title
        "Belosk" + SHOWN,  # an actor's short name, in the verdict headlines
        "Northern Compact" + SHOWN,  # an actor name, in the compliance table
        "at that state's request." + SHOWN,  # a power summary, as a verdict's basis
        "The 2005 Agreement gives the Compact a clear basis." + SHOWN,  # a rationale
        "Col. Ada Brenn" + SHOWN,  # the facilitator
        "\nQuiet Pass staff seminar" + SHOWN + "\n",  # the exercise, under the title
        "Maj. Ilse Varn" + SHOWN,  # a participant
        "UNCLASSIFIED // FICTIONAL EXERCISE" + SHOWN,  # the classification banner
    ],
)
def test_control_characters_are_shown_where_they_were(control_text: str, where: str) -> None:
    assert where in control_text


def test_right_to_left_overrides_are_shown_not_obeyed(hostile_session) -> None:
    report = hostile_session(RTL).report()
    text = all_text(render_docx(report))
    assert "Northern Compact" + RTL_SHOWN in text
    assert "\u202e" not in text and "\u2067" not in text


def test_long_exercise_name_and_classification_are_cut_in_the_properties_only(
    pack_with, played
) -> None:
    classification = "SECRET//" + "C" * 255  # 263 characters
    exercise = "E" * 240
    session = played(pack_with(classification=classification), exercise=exercise)
    data = render_docx(session.report())
    document = docx.Document(io.BytesIO(data))
    props = document.core_properties
    title = "After-Action Report / Improvement Plan: " + exercise
    assert session.report().title == title
    assert len(props.title) <= 255 and props.title.endswith("…")
    assert title.startswith(props.title.removesuffix("…"))
    assert len(props.keywords) <= 255 and classification.startswith(props.keywords[:-1])
    # The body keeps the whole text: the title page's title, and the exercise under it.
    cover = [p.text for p in document.paragraphs[:2]]
    assert cover == ["After-Action Report / Improvement Plan", exercise]
    assert document.sections[0].header.paragraphs[0].text.startswith(classification)


def test_very_long_values_render_whole_in_the_body(pack_with, played) -> None:
    # Text fields of a pack or an event hold at most 20,000 characters; the pack's title,
    # hash and version in the first event have no limit, and a forged log can fill them.
    huge = "x" * 100_000
    session = played(pack_with(), exercise="E" * 20_000, facilitator="F" * 20_000)
    report = session.forged(pack_hash="sha256:" + huge, pack_title=huge, software=huge).report()
    text = all_text(render_docx(report))
    assert "sha256:" + huge in text and "E" * 20_000 in text and "F" * 20_000 in text


def test_lone_surrogates_from_a_file_name_give_a_word_report(hostile_session) -> None:
    # A log file name with a byte that is not UTF-8 reaches Python as a lone surrogate
    # (surrogateescape), and the report names where the log was read from.
    report = hostile_session("").report()
    source = "exported log /tmp/caf\udce9\x07.jsonl"
    integrity = report.integrity.model_copy(update={"source": source})
    report = report.model_copy(update={"integrity": integrity})
    text = all_text(render_docx(report))
    assert "/tmp/caf[U+DCE9][U+0007].jsonl" in text


def test_word_writes_every_text_through_one_function() -> None:
    # The sanitising is in Writer.run: a run added, or a cell's text set, anywhere else in
    # the Word renderer would bypass it.
    root = Path(__file__).resolve().parents[2] / "src" / "tabletop" / "report"
    for name in ("word.py", "word_sections.py"):
        tree = ast.parse((root / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name == "add_text":
                node.body = []  # the one function allowed to add runs
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("add_run", "add_paragraph"):
                call_ok = node.attr == "add_paragraph" and _no_text(tree, node)
                assert call_ok, f"{name}:{node.lineno}: {node.attr} outside add_text"
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    attr = isinstance(target, ast.Attribute) and target.attr == "text"
                    assert not attr, f"{name}:{node.lineno}: .text set outside add_text"


def _no_text(tree: ast.AST, attr: ast.Attribute) -> bool:
    """Whether the call of this attribute passes no arguments (an empty paragraph)."""
    return any(
        isinstance(n, ast.Call) and n.func is attr and not n.args and not n.keywords
        for n in ast.walk(tree)
    )
