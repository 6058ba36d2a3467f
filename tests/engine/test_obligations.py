"""Obligations that decisions create, and what discharges them."""

from __future__ import annotations

from datetime import datetime

from tabletop.engine import adjudicate, advance_clock, deliver_inject, record_decision
from tabletop.model.effects import SetFact

KEY = "NCP-PK-2005/pk-in-member-state/inform-council"


def deploy(game, ok):
    ok(game.do(record_decision, "DP-1", "arv_government", "hold", "Wait."))
    ok(game.do(advance_clock, to=datetime(2031, 3, 2, 12, 0)))
    ok(game.do(record_decision, "DP-2", "arv_government", "ask-compact"))
    ok(game.do(record_decision, "DP-3", "ncp_secretariat", "deploy", "Asked."))


def test_a_decision_creates_its_verdicts_obligations(game, ok):
    deploy(game, ok)
    (ob,) = game.state.open_obligations
    assert ob.id == f"DP-3/ncp_secretariat/{KEY}"
    assert ob.due.key == KEY and ob.actor == "NCP"
    assert ob.created_at == datetime(2031, 3, 2, 12, 0)


def test_a_later_action_of_the_owing_actor_meets_it(game, ok):
    deploy(game, ok)
    ok(game.do(advance_clock, to=datetime(2031, 3, 4, 8, 0)))
    events = ok(game.do(record_decision, "DP-4", "ncp_secretariat", "notify", "Report."))
    met = [e for e in events if e.type == "obligation_met"]
    assert len(met) == 1
    assert met[0].by == "action"
    assert (met[0].decision_point, met[0].role) == ("DP-4", "ncp_secretariat")
    assert not game.state.open_obligations
    assert game.state.obligations[met[0].obligation].met == met[0]


def test_a_fact_coming_true_meets_it(game, ok):
    deploy(game, ok)
    events = ok(
        game.do(
            adjudicate, "The council hears of it.", [SetFact(fact="council_informed", set=True)]
        )
    )
    met = [e for e in events if e.type == "obligation_met"]
    assert [(e.by, e.obligation) for e in met] == [("condition", f"DP-3/ncp_secretariat/{KEY}")]
    assert not game.state.open_obligations


def test_another_actors_action_does_not_meet_it(game, ok):
    ok(game.do(record_decision, "DP-1", "arv_government", "reinforce", "Hold it."))
    (ob,) = game.state.open_obligations
    assert ob.due.obligation == "brief-parliament" and ob.actor == "ARV"
    ok(game.do(deliver_inject, "INJ-04"))
    # Belosk consulting is not Arvenia briefing its parliament.
    events = ok(game.do(record_decision, "DP-3", "blk_defence", "consult", "Talk."))
    assert not [e for e in events if e.type == "obligation_met"]
    assert game.state.open_obligations == (ob,)


def test_the_decision_that_creates_an_obligation_does_not_meet_it(game, ok):
    deploy(game, ok)
    ok(game.do(adjudicate, "Council hears nothing.", []))
    assert len(game.state.open_obligations) == 1
