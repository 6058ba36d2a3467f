"""The report of a consensus decision says who agreed, who blocked with what choice, and
what took effect, in every format; a consensus still pending says who it waits for."""

from __future__ import annotations

import html
import io
import json
import re
from datetime import date

import docx
import pytest

from tabletop.packs import open_pack
from tabletop.report import render_docx, render_html, render_markdown
from tabletop.report.jsontext import render_json

from .conftest import ROOT, play, steps

COUNCIL = ROOT / "tests" / "data" / "consensus-pack.json"


def _decide(role: str, option: str) -> dict:
    return {"decide": {"decision": "DP-1", "role": role, "option": option, "rationale": "R."}}


def _report(*choices: tuple[str, str]):
    script = steps(*(_decide(r, o) for r, o in choices), exercise_date=date(2030, 1, 1).isoformat())
    game = play(script, open_pack(COUNCIL), session_id="council-20300101-0001")
    return game.report()


def _formats(report) -> dict[str, str]:
    document = docx.Document(io.BytesIO(render_docx(report)))
    return {
        "markdown": render_markdown(report),
        "html": html.unescape(re.sub(r"<[^>]+>", "", render_html(report))),
        "docx": "\n".join(p.text for p in document.paragraphs),
    }


def test_a_block_names_who_blocked_with_their_choice_and_the_fallback() -> None:
    report = _report(("land", "help"), ("north", "help"), ("south", "wait"))
    (dp,) = report.decisions
    assert dp.consensus is not None
    assert dp.consensus.outcome == "fallback"
    assert dp.consensus.blocked == ("South (chose: Wait)",)
    assert dp.consensus.agreed == ("Land", "North")
    assert dp.consensus.took_effect == "Hold talks"
    words = (
        "not reached: South (chose: Wait) blocked 'Send help', chosen by Land and North; "
        "the fallback 'Hold talks' took effect."
    )
    assert dp.consensus.words == words
    for fmt, text in _formats(report).items():
        assert f"Consensus: {words}" in text.replace("**", ""), fmt
    data = json.loads(render_json(report))
    assert data["decisions"][0]["consensus"]["blocked"] == ["South (chose: Wait)"]
    (entry,) = [t for t in report.timeline if t.kind == "consensus"]
    assert entry.title == "DP-1: no consensus on 'Send help'"
    assert entry.detail == "Blocked by South; fallback 'Hold talks' takes effect."


def test_an_agreement_says_all_chose_the_option_that_took_effect() -> None:
    report = _report(("land", "help"), ("north", "help"), ("south", "help"))
    (dp,) = report.decisions
    assert dp.consensus is not None and dp.consensus.outcome == "agreed"
    assert dp.consensus.words == (
        "agreed: Land, North and South all chose 'Send help', which took effect."
    )
    assert dp.consensus.blocked == ()
    (entry,) = [t for t in report.timeline if t.kind == "consensus"]
    assert entry.title == "DP-1: consensus on 'Send help'"


@pytest.mark.parametrize("fmt", ["markdown", "html", "docx"])
def test_a_pending_consensus_says_who_it_waits_for_and_that_nothing_took_effect(fmt) -> None:
    report = _report(("north", "talk"))
    (dp,) = report.decisions
    assert dp.consensus is not None and dp.consensus.outcome == "pending"
    assert dp.consensus.waiting_for == ("Land", "South")
    words = (
        "pending: waiting for Land and South; so far North chose 'Hold talks'; "
        "nothing has taken effect."
    )
    assert dp.consensus.words == words
    assert f"Consensus: {words}" in _formats(report)[fmt].replace("**", "")


def test_a_decision_without_consensus_has_no_consensus_line(report) -> None:
    assert all(dp.consensus is None for dp in report.decisions)
    assert "Consensus:" not in render_markdown(report)
