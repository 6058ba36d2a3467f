"""The report says, under each decision's verdict, where the facts it relied on came from,
in the same words in Markdown, HTML, Word and JSON; a log from before says nothing of it."""

from __future__ import annotations

import html
import io
import json

import docx
import pytest

from tabletop.hashchain.chain import chain
from tabletop.model import events as ev
from tabletop.report import build_report, check_log, render_docx, render_html, render_markdown
from tabletop.report.jsontext import render_json

FRAMED = (
    "Requests for assistance: Arvenia → the Compact — as framed by the Government of Arvenia "
    "at DP-2 (Ask the Northern Compact)"
)
INJECT = "Situation on the border: violent — after inject INJ-02B (Second raid)"
RULING = "The raiders are driven back over the ridge by nightfall."
RULED = (
    "Armed incidents on the border: 2 — by the facilitator's ruling on DP-1 "
    "(The raiders are driven back over the ridge by nightfall)"
)
START = "Border reinforced: no — as the pack starts"


@pytest.fixture(scope="module")
def ruled(player, script_of):
    """A game where the facilitator rules on the incidents before Arvenia reinforces."""
    return player(
        script_of(
            {
                "adjudicate": {
                    "text": RULING,
                    "decision": "DP-1",
                    "effects": [{"fact": "border_incidents", "increase": 1}],
                }
            },
            {
                "decide": {
                    "decision": "DP-1",
                    "role": "arv_government",
                    "option": "reinforce",
                    "rationale": "Hold the line.",
                }
            },
        )
    )


def _formats(report) -> dict[str, str]:
    page = html.unescape(render_html(report))
    document = docx.Document(io.BytesIO(render_docx(report)))
    return {
        "markdown": render_markdown(report),
        "html": page,
        "word": "\n".join(p.text for p in document.paragraphs),
        "json": "\n".join(
            f"Relies on: {r['words']}"
            for a in json.loads(render_json(report))["decisions"]
            for c in a["choices"]
            for v in [c["verdict"], *(r["verdict"] for r in c["rejections"])]
            if v
            for r in v["relies_on"] or ()
        ),
    }


@pytest.mark.parametrize("fmt", ["markdown", "html", "word", "json"])
def test_every_format_says_what_each_verdict_relied_on(report, fmt):
    text = _formats(report)[fmt]
    for words in (FRAMED, INJECT):
        assert f"Relies on: {words}" in text


@pytest.mark.parametrize("fmt", ["markdown", "html", "word", "json"])
def test_a_ruling_and_the_start_read_the_same_in_every_format(ruled, fmt):
    text = _formats(ruled.report())[fmt]
    assert f"Relies on: {RULED}" in text
    assert f"Relies on: {START}" in text


def test_the_words_sit_under_the_verdict_of_their_decision(report):
    lines = render_markdown(report).splitlines()
    at = lines.index(f"  - Relies on: {FRAMED}")
    above = [line for line in lines[:at] if line.startswith("- Verdict: ")][-1]
    assert "PERMITTED WITH OBLIGATIONS" in above  # DP-3, the Compact's deployment
    choice = [line for line in lines[:at] if line.startswith("- Choice: ")][-1]
    assert "Deploy Compact peacekeepers" in choice


def test_the_json_report_keeps_each_origin(report):
    data = json.loads(render_json(report))
    dp3 = next(a for a in data["decisions"] if a["id"] == "DP-3")
    deploy = next(c for c in dp3["choices"] if c["role"] == "ncp_secretariat")
    (trace,) = deploy["verdict"]["relies_on"]
    assert trace == {
        "fact": "requests",
        "origin": "decision",
        "ref": "DP-2",
        "by": "Government of Arvenia",
        "words": FRAMED,
    }


def test_a_log_from_before_the_traces_reports_without_them(game):
    before = [
        e.model_copy(update={"verdict": e.verdict.model_copy(update={"relies_on": None})})
        if isinstance(e, ev.DecisionRecorded | ev.DecisionRejected | ev.MandateOverridden)
        else e
        for e in game.events
    ]
    events, integrity = check_log(chain(before), source="older log")
    assert integrity.status == "intact"
    report = build_report(game.pack, events, integrity)
    for fmt, text in _formats(report).items():
        assert "Relies on" not in text, fmt
    data = json.loads(render_json(report))
    verdicts = [c["verdict"] for a in data["decisions"] for c in a["choices"] if c["verdict"]]
    assert verdicts and all(v["relies_on"] is None for v in verdicts)
