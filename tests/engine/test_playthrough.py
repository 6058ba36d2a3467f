"""Playthrough steps and their expectations, run against a session in memory."""

from __future__ import annotations

import json

import pytest
from enginegame import run_steps

from tabletop.model.events import ImprovementPlanned
from tabletop.model.script import Playthrough


def script(*steps: dict) -> Playthrough:
    doc = {"facilitator": "F", "exercise": "E", "steps": list(steps)}
    return Playthrough.model_validate_json(json.dumps(doc))


def reports(game, *steps):
    return list(run_steps(script(*steps), game))


def test_steps_run_in_order_and_expectations_hold(game):
    done = reports(
        game,
        {"assign": {"role": "arv_government", "participant": "Ann"}},
        {
            "decide": {
                "decision": "DP-1",
                "role": "arv_government",
                "option": "hold",
                "rationale": "Wait.",
            },
            "expect": {"verdict": "permitted", "closed": ["DP-1"], "released": ["INJ-02B"]},
        },
        {
            "advance": {"by_minutes": 480},
            "expect": {
                "facts": {"unrest_level": "violent", "requests": []},
                "delivered": ["INJ-02B"],
                "open": ["DP-2"],
                "clock": "2031-03-01T16:00",
                "phase": "move-1",
                "paused": False,
                "ended": False,
            },
        },
    )
    assert [r.ok for r in done] == [True, True, True]
    assert done[1].summary().startswith("decision recorded DP-1 arv_government -> hold")


def test_a_failed_expectation_says_what_was_expected_and_what_happened(game):
    done = reports(
        game,
        {
            "decide": {
                "decision": "DP-1",
                "role": "arv_government",
                "option": "reinforce",
                "rationale": "Hold.",
            },
            "expect": {
                "verdict": "permitted",
                "facts": {"border_reinforced": False, "nope": 1},
                "delivered": ["INJ-02A"],
                "obligations_met": ["brief-parliament"],
            },
        },
        {"end": {}},
    )
    assert len(done) == 1, "the run stops at the first failing step"
    found = {m.field: str(m) for m in done[0].mismatches}
    assert found["verdict"].startswith(
        "expected verdict permitted, but it was permitted_with_obligations: Permitted"
    )
    assert found["facts/border_reinforced"] == (
        "expected facts/border_reinforced false, but it is true"
    )
    assert found["facts/nope"].endswith("there is no such fact")
    assert found["delivered"] == "expected delivered INJ-02A, but INJ-02A: not delivered"
    assert found["obligations_met"].endswith("it is still open")


def test_an_unexpected_refusal_fails_the_step(game):
    (done,) = reports(
        game, {"decide": {"decision": "DP-2", "role": "arv_government", "option": "ask-compact"}}
    )
    assert not done.ok
    assert "refused: decision point DP-2 has not been opened yet" in str(done.mismatches[0])


@pytest.mark.parametrize(
    ("wanted", "passes"), [("", True), ("NOT BEEN OPENED", True), ("outside mandate", False)]
)
def test_an_expected_refusal_matches_its_words(game, wanted, passes):
    (done,) = reports(
        game,
        {
            "decide": {"decision": "DP-2", "role": "arv_government", "option": "ask-compact"},
            "expect": {"refused": wanted},
        },
    )
    assert done.ok is passes


def test_a_refusal_that_does_not_come_fails(game):
    (done,) = reports(
        game,
        {
            "decide": {
                "decision": "DP-1",
                "role": "arv_government",
                "option": "hold",
                "rationale": "Wait.",
            },
            "expect": {"refused": "outside mandate"},
        },
    )
    assert str(done.mismatches[0]) == "expected refused 'outside mandate', but the step succeeded"


def test_every_kind_of_step_runs(game):
    done = reports(
        game,
        {"assign": {"role": "blk_defence", "participant": "Bo"}},
        {"pause": {"note": "Break"}},
        {"resume": {}},
        {"advance": {"to": "2031-03-02T12:00"}},
        {"deliver": {"inject": "INJ-08"}},
        {
            "decide": {
                "decision": "DP-3",
                "role": "ncp_secretariat",
                "option": "deploy",
                "rationale": "Go.",
                "override": "Test the branch.",
            },
            "expect": {"verdict": "outside_mandate", "facts": {"deployed_in": ["ARV"]}},
        },
        {"reject": {"decision": "DP-3", "role": "blk_defence", "option": "battalion"}},
        {
            "amend": {
                "decision": "DP-3",
                "role": "ncp_secretariat",
                "rationale": "Go now.",
                "reason": "Clarity.",
            }
        },
        {
            "adjudicate": {
                "text": "Calm returns.",
                "effects": [{"fact": "unrest_level", "set": "calm"}],
            },
            "expect": {"facts": {"unrest_level": "calm"}},
        },
        {
            "note": {
                "kind": "area_for_improvement",
                "text": "No legal check.",
                "objective": "OBJ-2",
                "rating": "M",
                "role": "ncp_secretariat",
                "decision": "DP-3",
            }
        },
        {"rate": {"objective": "OBJ-2", "rating": "M"}},
        {
            "plan": {
                "issue": "No legal check.",
                "corrective_action": "Add one.",
                "capability_element": "training",
                "responsible_org": "Secretariat",
                "point_of_contact": "Legal",
                "start_date": "2031-04-01",
                "completion_date": "2031-05-01",
            }
        },
        {"end": {"note": "Done."}, "expect": {"ended": True}},
    )
    assert [r.ok for r in done] == [True] * 13, [str(m) for r in done for m in r.mismatches]
    state = game.state
    overridden = [d for d in state.decisions.values() if d.overridden]
    assert overridden[0].justification == "Test the branch."
    plans = [e for e in game.events if isinstance(e, ImprovementPlanned)]
    assert plans[0].capability_element == "training" and state.plan_count == 1
    assert state.ratings["OBJ-2"].rating == "M"


PLAN_ROW = {
    "issue": "Parliament briefed late.",
    "corrective_action": "Checklist.",
    "capability_element": "planning",
    "responsible_org": "MoD",
    "point_of_contact": "Legal",
    "start_date": "2031-04-01",
    "completion_date": "2031-05-01",
}


def test_details_and_an_answered_area_for_improvement(game):
    done = reports(
        game,
        {
            "details": {
                "exercise_type": "seminar",
                "location": "Seminar room 2",
                "points_of_contact": [{"name": "Col. A. Fictive", "role": "Director"}],
                "evaluators": ["Dr. L. Sample"],
            }
        },
        {
            "note": {
                "kind": "area_for_improvement",
                "text": "Parliament briefed late.",
                "reference": "Border law, s. 14",
                "analysis": "No owner.",
            }
        },
        {"end": {}},
        {"plan": {**PLAN_ROW, "answers": " Parliament briefed late. "}},
    )
    assert [r.ok for r in done] == [True] * 4, [r.mismatches for r in done]
    assert game.state.details is not None and game.state.details.exercise_type == "seminar"
    noted, row = done[1].result.events[0], done[3].result.events[0]
    assert noted.reference == "Border law, s. 14" and noted.analysis == "No owner."
    assert isinstance(row, ImprovementPlanned) and row.addresses == done[1].result.first_seq


def test_a_plan_row_answering_no_area_noted_is_refused(game):
    done = reports(
        game,
        {"note": {"kind": "strength", "text": "Calm."}},
        {"plan": {**PLAN_ROW, "answers": "Calm."}},
    )
    assert (
        done[1]
        .mismatches[0]
        .actual.startswith(
            "it was refused: 'answers': no area for improvement noted so far has the text 'Calm.'"
        )
    )
