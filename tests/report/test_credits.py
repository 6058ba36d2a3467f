"""Credit for proposals and observations made from the players' and evaluators' own seats:
the same words in every format, nothing new for a log without them, hostile names escaped."""

from __future__ import annotations

import html
import io
import json
import re
import struct
import zlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import docx
import jsonschema
import pytest
from enginegame import start_memory_session

from tabletop.app import Applied, MemoryLog
from tabletop.app import Game as AppGame
from tabletop.hashchain.chain import chain
from tabletop.packs import LoadedPack
from tabletop.report import (
    AfterActionReport,
    build_report,
    check_log,
    render_docx,
    render_html,
    render_json,
    render_markdown,
)
from tabletop.report.words import proposed_words

Clock = Callable[[], datetime]

PROPOSER = "Maj. K. Sadykova"
EVALUATOR = "Evaluator: Dr N. Ivanova"
HOSTILE_PROPOSER = "<script>alert(1)</script>"
HOSTILE_EVALUATOR = '<img src=x onerror="alert(2)">'
CREDIT = f"Proposed by {PROPOSER} from their seat; recorded by the facilitator"
NOTED = f"Noted by {EVALUATOR}"
DP1 = "Border posture"
DECIDED = "DP-1: Hold and consult (Government of Arvenia)"
"""How the participants appendix names the proposed decision."""


def _png() -> bytes:
    """A one-pixel PNG: the chart is not what these tests read."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)  # 1x1, 8-bit greyscale
    pixels = zlib.compress(b"\x00\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


PNG = _png()


def _credited_report(
    loaded: LoadedPack, clock: Clock, proposer: str, evaluator: str
) -> AfterActionReport:
    """The report of a game played through the app's `Game`: a decision proposed from a
    seat, observations by an evaluator and one by the facilitator."""
    session = start_memory_session(
        loaded, clock, "credits-20310301-0001", facilitator="Col. A. Brenn"
    )
    log = MemoryLog(session.events)
    game = AppGame(session.loaded, session.state, log, clock=session.clock)
    results = [
        game.assign("arv_government", "Maj. I. Varn"),
        game.decide("DP-1", "arv_government", "hold", "Wait and see.", proposed_by=proposer),
        game.note("strength", "Legal basis checked early.", objective="OBJ-1",
                  decision_point="DP-1", observer=evaluator),
        game.note("area_for_improvement", "Slow to brief the press.", objective="OBJ-1"),
        game.note("strength", "Players kept to their briefs.", observer=evaluator),
    ]  # fmt: skip
    assert all(isinstance(r, Applied) for r in results), results
    events, integrity = check_log(chain(log.events), source="test log")
    assert integrity.status == "intact"
    return build_report(loaded.pack, events, integrity)


@pytest.fixture(scope="module")
def credited(example: LoadedPack, ticking_clock: Callable[[], Clock]) -> AfterActionReport:
    return _credited_report(example, ticking_clock(), PROPOSER, EVALUATOR)


@pytest.fixture(scope="module")
def hostile_credited(example: LoadedPack, ticking_clock: Callable[[], Clock]) -> AfterActionReport:
    return _credited_report(example, ticking_clock(), HOSTILE_PROPOSER, HOSTILE_EVALUATOR)


def _docx(report: AfterActionReport):
    return docx.Document(io.BytesIO(render_docx(report, charts=[("whole", PNG)])))


def _docx_text(report: AfterActionReport) -> str:
    document = _docx(report)
    paras = [p.text for p in document.paragraphs]
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(paras + cells)


def _html_text(report: AfterActionReport) -> str:
    """The page's text: tags dropped (each as a space), entities read back."""
    page = render_html(report, chart_svg="<svg></svg>")
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def test_the_model_credits_the_proposer_and_the_evaluator(credited: AfterActionReport) -> None:
    dp1 = next(d for d in credited.decisions if d.id == "DP-1")
    (choice,) = dp1.choices
    # Who proposed it is not who the seat shows: both are kept.
    assert choice.proposed_by == PROPOSER and choice.participant == "Maj. I. Varn"
    (entry,) = [e for e in credited.decision_log if e.kind == "decision"]
    assert entry.proposed_by == PROPOSER
    obj1 = next(o for o in credited.objectives if o.id == "OBJ-1")
    assert [s.observer for s in obj1.strengths] == [EVALUATOR]
    assert [s.observer for s in obj1.improvements] == [None]  # the facilitator's
    assert [s.observer for s in credited.other_observations] == [EVALUATOR]
    (proposer,) = credited.proposers
    assert (proposer.name, proposer.decisions) == (PROPOSER, (DECIDED,))
    (evaluator,) = credited.evaluators
    assert (evaluator.name, evaluator.observations) == (EVALUATOR, 2)
    assert proposed_words(PROPOSER) == CREDIT


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_every_format_says_the_same_words(credited: AfterActionReport, fmt: str) -> None:
    text = {"md": render_markdown, "html": _html_text, "docx": _docx_text}[fmt](credited)
    # In the decision analysis, the timeline and the decision log.
    assert text.count(CREDIT) == 3, fmt
    label = "Proposal " if fmt == "html" else "Proposal: "  # <dt>Proposal</dt><dd>...
    assert label + CREDIT in text, fmt
    # After each of the evaluator's two observations; nothing after the facilitator's own.
    assert text.count(f" — {NOTED}") == 2, fmt
    assert "Slow to brief the press. —" not in text, fmt
    assert "Noted by the facilitator" not in text, fmt
    # The participants appendix lists the proposer and the evaluator.
    assert "Decisions proposed from the participants' own seats" in text, fmt
    assert DECIDED in text, fmt
    assert "Evaluators" in text and "Observations noted from their seat" in text, fmt


def test_markdown_lines(credited: AfterActionReport) -> None:
    md = render_markdown(credited)
    assert f"- Proposal: {CREDIT}\n" in md
    assert f"- **Strength 1.1:** Legal basis checked early. (DP-1: {DP1}) — {NOTED}\n" in md
    assert f"- Strength: Players kept to their briefs. — {NOTED}\n" in md
    assert f"| {PROPOSER} | {DECIDED} |" in md
    assert f"| {EVALUATOR} | 2 |" in md
    assert f"| Wait and see. ({CREDIT}) |" in md  # the decision log's text


def test_word_headings_and_tables(credited: AfterActionReport) -> None:
    document = _docx(credited)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Decisions proposed from the participants' own seats" in headings
    assert "Evaluators" in headings
    tables = {t.rows[0].cells[0].text: t for t in document.tables}
    proposers = tables["Participant"]
    assert [c.text for c in proposers.rows[0].cells] == [
        "Participant",
        "Proposed from their seat; recorded by the facilitator",
    ]
    assert [c.text for c in proposers.rows[1].cells] == [PROPOSER, DECIDED]
    assert [c.text for c in tables["Evaluator"].rows[1].cells] == [EVALUATOR, "2"]
    proposal = next(p for p in document.paragraphs if p.text.startswith("Proposal: "))
    assert proposal.runs[0].bold and proposal.text == f"Proposal: {CREDIT}"


def test_json_carries_the_fields_and_fits_its_schema(
    credited: AfterActionReport, root: Path
) -> None:
    data = json.loads(render_json(credited))
    schema = json.loads((root / "schemas" / "after-action-report.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(data)
    dp1 = next(d for d in data["decisions"] if d["id"] == "DP-1")
    assert dp1["choices"][0]["proposed_by"] == PROPOSER
    decision = next(e for e in data["decision_log"] if e["kind"] == "decision")
    assert decision["proposed_by"] == PROPOSER
    obj1 = next(o for o in data["objectives"] if o["id"] == "OBJ-1")
    assert obj1["strengths"][0]["observer"] == EVALUATOR
    assert obj1["improvements"][0]["observer"] is None
    assert data["other_observations"][0]["observer"] == EVALUATOR
    assert data["proposers"] == [{"name": PROPOSER, "decisions": [DECIDED]}]
    assert data["evaluators"] == [{"name": EVALUATOR, "observations": 2}]
    timeline = next(t for t in data["timeline"] if t["kind"] == "decision")
    assert timeline["detail"].endswith(f" ({CREDIT})")


def test_a_log_without_credits_reads_as_before(report: AfterActionReport) -> None:
    # The golden game: no proposals from seats, no evaluators (its Markdown and JSON are
    # also compared byte for byte with tests/golden).
    assert report.proposers == () and report.evaluators == ()
    assert all(c.proposed_by is None for d in report.decisions for c in d.choices)
    for text in (render_markdown(report), _html_text(report), _docx_text(report)):
        assert "Proposed by" not in text and "Proposal" not in text
        assert "Noted by" not in text and "Evaluators" not in text
        assert "from their seat" not in text
    data = json.loads(render_json(report))
    assert data["proposers"] == [] and data["evaluators"] == []
    assert "Proposed by" not in json.dumps(data)


def test_a_hostile_proposer_is_text_in_html(hostile_credited: AfterActionReport) -> None:
    page = render_html(hostile_credited, chart_svg="<svg></svg>")
    assert "<script" not in page and "<img" not in page
    assert "Proposed by &lt;script&gt;alert(1)&lt;/script&gt; from their seat" in page
    assert f"Noted by {HOSTILE_EVALUATOR}" in html.unescape(page)
    # In the participants appendix too.
    assert "<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>" in page


def test_a_hostile_proposer_is_text_in_markdown_and_word(
    hostile_credited: AfterActionReport,
) -> None:
    md = render_markdown(hostile_credited)
    assert r"Proposed by \<script\>alert(1)\</script\> from their seat" in md
    # Every < and > is escaped, but for the notices' own blockquote markers.
    lines = [line.removeprefix("> ") for line in md.splitlines()]
    assert [x for x in lines if re.search(r"(?<!\\)[<>]", x)] == []
    text = _docx_text(hostile_credited)
    assert f"Proposed by {HOSTILE_PROPOSER} from their seat" in text
    assert f"Noted by {HOSTILE_EVALUATOR}" in text
