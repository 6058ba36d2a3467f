"""The table rows and fact lines the Markdown and Word reports share."""

from __future__ import annotations

from datetime import datetime

from tabletop.report.markdown_base import md
from tabletop.report.model import DecisionAnalysis
from tabletop.report.tables import decision_facts


def _analysis(**kw: object) -> DecisionAnalysis:
    base = {"id": "DP-1", "title": "T", "prompt": "P", "phase": "Move 1", "status": "open"}
    return DecisionAnalysis.model_validate({**base, **kw})


def test_decision_facts_name_what_opened_it_and_escape_per_format() -> None:
    a = _analysis(
        phase="Move *1*",
        objectives=("OBJ-1", "OBJ-2"),
        opened_because="inject INJ-04",
        opened_scenario_time=datetime(2031, 3, 2, 8, 0),
        time_box_minutes=20,
    )
    expected = "Phase: Move *1*; opened 2031-03-02 08:00, by inject INJ-04; objectives: "
    assert decision_facts(a) == expected + "OBJ-1, OBJ-2; time box 20 min."
    assert decision_facts(a, md).startswith(r"Phase: Move \*1\*; opened 2031-03-02 08:00, by")


def test_a_decision_opened_for_no_stated_reason_says_only_when() -> None:
    a = _analysis(opened_scenario_time=datetime(2031, 3, 2, 8, 0))
    assert decision_facts(a) == "Phase: Move 1; opened 2031-03-02 08:00."
