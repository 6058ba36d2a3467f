"""Obligations with time in the report: each obligation with its deadline, due time and
status (open, met, late, met late) in every format, and the late ones counted and listed
where the open ones are."""

from __future__ import annotations

import io
import json
import re

import docx
import pytest

from tabletop.packs import LoadedPack
from tabletop.report import (
    AfterActionReport,
    render_docx,
    render_html,
    render_json,
    render_markdown,
)
from tabletop.report.model import ObligationView

DEPLOY = {"decide": {"decision": "DP-1", "role": "lead", "option": "deploy", "rationale": "Asked."}}


def _script(*steps: dict) -> dict:
    return {"facilitator": "F", "exercise": "Deadlines", "steps": [DEPLOY, *steps]}


LATE_GAME = _script(
    {"advance": {"to": "2030-01-01T12:00"}},
    # Four hours after 'at once': the Council is told late. The members never are.
    {"decide": {"decision": "DP-2", "role": "lead", "option": "notify", "rationale": "Now."}},
    {"advance": {"to": "2030-01-02T12:00"}},
    {"end": {}},
)


@pytest.fixture(scope="module")
def late_report(deadlines: LoadedPack, player) -> AfterActionReport:
    game = player(LATE_GAME, deadlines, session_id="deadlines-20300101-0001")
    return game.report(pack_hash=game.loaded.content_hash)


def _obligations(report: AfterActionReport) -> dict[str, ObligationView]:
    (dp1,) = [a for a in report.decisions if a.id == "DP-1"]
    (choice,) = dp1.choices
    return {ob.id.split("/")[-1]: ob for ob in choice.obligations}


def test_each_obligation_has_its_deadline_due_time_and_status(late_report):
    obs = _obligations(late_report)
    council, members, review = obs["inform-council"], obs["report-members"], obs["review-with-host"]
    assert (council.status, council.status_label, council.late_by) == (
        "met_late",
        "Met late",
        "4 h",
    )
    assert council.deadline == "at once" and council.within_hours == 0
    assert (
        str(council.due_scenario_time) == "2030-01-01 08:00:00" == str(council.arose_scenario_time)
    )
    assert council.deadline_note == "The treaty says 'at once': before the clock moves on."
    assert (members.status, members.late_by, members.deadline) == ("late", "4 h", "within 24 hours")
    assert str(members.due_scenario_time) == "2030-01-02 08:00:00"
    assert (review.status, review.deadline, review.due_scenario_time) == (
        "open",
        "no deadline",
        None,
    )


def test_the_timeline_says_an_obligation_was_met_late(late_report):
    (met,) = [t for t in late_report.timeline if t.kind == "obligation"]
    assert met.title == "Obligation met late" and met.ref.endswith("/inform-council")


def test_late_ones_are_counted_and_listed_first_where_the_open_ones_are(late_report):
    (ally,) = [c for c in late_report.compliance if c.actor == "ALLY"]
    assert (ally.obligations_met, ally.obligations_met_late) == (1, 1)
    assert (ally.obligations_open, ally.obligations_late) == (2, 1)
    assert [ob.status for ob in late_report.open_obligations] == ["late", "open"]


def test_met_on_time_is_met(deadlines, player):
    game = player(
        _script(
            {
                "adjudicate": {
                    "text": "Told.",
                    "effects": [{"fact": "council_informed", "set": True}],
                }
            }
        ),
        deadlines,
        session_id="deadlines-20300101-0002",
    )
    obs = _obligations(game.report())
    assert (obs["inform-council"].status, obs["inform-council"].late_by) == ("met", "")
    assert obs["inform-council"].met


def test_markdown(late_report):
    text = render_markdown(late_report)
    assert (
        "- Obligation: Inform the Council of the deployment at once (Treaty of the Alliance 2000, "
        "art. 1); at once, due 2030-01-01 08:00: **MET LATE**, 4 h after its due time (met: "
    ) in text
    assert "  - Deadline: The treaty says 'at once': before the clock moves on." in text
    assert (
        "within 24 hours, due 2030-01-02 08:00: **LATE**, open at the end, 4 h past its due time"
    ) in text
    assert "Review the deployment with the host (" in text
    assert "; no deadline: **OPEN** at the end" in text
    section = text.split("### Obligations open at the end")[1].split("\n## ")[0]
    assert "2 open, 1 of them late." in section
    items = [line for line in section.splitlines() if line.startswith("- ")]
    assert items[0].startswith(
        "- **LATE** by 4 h (within 24 hours, due 2030-01-02 08:00): The Alliance: Report"
    )
    assert items[1].startswith("- **OPEN** (no deadline): The Alliance: Review")
    compliance = text.split("### Obligations open at the end")[0].rsplit("\n## ", 1)[1]
    row = next(line for line in compliance.splitlines() if line.startswith("| The Alliance |"))
    assert row.endswith("| 1 (1 late) | 2 (1 late) |")


def test_json(late_report):
    doc = json.loads(render_json(late_report))
    statuses = [ob["status"] for ob in doc["open_obligations"]]
    assert statuses == ["late", "open"]
    assert doc["open_obligations"][0]["due_scenario_time"] == "2030-01-02T08:00:00"
    ally = next(c for c in doc["compliance"] if c["actor"] == "ALLY")
    assert (ally["obligations_late"], ally["obligations_met_late"]) == (1, 1)


def test_html(late_report):
    html = render_html(late_report)
    assert '<span class="badge badge-met_late">! Met late</span>' in html
    assert '<span class="badge badge-late">✗ Late at the end</span>' in html
    assert '<span class="badge badge-open">✗ Open at the end</span>' in html
    assert "at once, due 2030-01-01 08:00; 4 h after its due time" in html
    assert "2 open, 1 of them late." in html
    open_list = html.split("<h3>Obligations open at the end</h3>")[1].split("</section>")[0]
    assert open_list.index("badge-late") < open_list.index("badge-open")
    assert re.search(r'<td class="num">2 \(1 late\)</td></tr>', html)
    assert ".badge-late {" in html  # coloured, besides the word


def test_word(late_report):
    document = docx.Document(io.BytesIO(render_docx(late_report)))
    paragraphs = [p.text for p in document.paragraphs]
    council = next(p for p in paragraphs if p.startswith("Obligation: [MET LATE] Inform"))
    assert "; at once, due 2030-01-01 08:00; 4 h after its due time: met: " in council
    members = next(p for p in paragraphs if p.startswith("Obligation: [LATE] Report"))
    assert members.endswith(
        "within 24 hours, due 2030-01-02 08:00; open at the end, 4 h past its due time"
    )
    assert "2 open, 1 of them late." in paragraphs
    listed = paragraphs[paragraphs.index("2 open, 1 of them late.") + 1 :][:2]
    assert listed[0].startswith(
        "[LATE] by 4 h (within 24 hours, due 2030-01-02 08:00) The Alliance: "
    )
    assert listed[1].startswith("[OPEN AT THE END] (no deadline) The Alliance: ")
    # Late is red like an outside-mandate verdict; met late amber like one with obligations.
    marks = {
        r.text: str(r.font.color.rgb)
        for p in document.paragraphs
        if p.text.startswith("Obligation: ")
        for r in p.runs
        if r.text.startswith("[")
    }
    assert marks == {"[LATE] ": "B42318", "[MET LATE] ": "8A4500", "[OPEN AT THE END] ": "B42318"}
    table = next(t for t in document.tables if t.rows[0].cells[-1].text == "Obligations open")
    ally = next(row for row in table.rows if row.cells[0].text == "The Alliance")
    assert [c.text for c in ally.cells[-2:]] == ["1 (1 late)", "2 (1 late)"]
