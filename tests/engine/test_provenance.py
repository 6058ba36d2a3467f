"""Where each fact's value came from: the fold keeps it (start, inject, decision, ruling), a
later change takes over from an earlier one, replay and snapshots give the same, and a
recorded verdict carries a trace of each fact it relies on, in words."""

from __future__ import annotations

from datetime import timedelta

from tabletop.engine import (
    adjudicate,
    advance_clock,
    deliver_inject,
    record_decision,
    reject_decision,
    replay,
)
from tabletop.engine.provenance import UNKNOWN_WORDS, quote, reliance_words, trace_facts
from tabletop.engine.snapshot import decode_state, encode_state
from tabletop.engine.state import FactSource
from tabletop.hashchain.chain import chain, read_events
from tabletop.model import events as ev
from tabletop.model.effects import IncreaseFact, SetFact

RULING = "The raiders are driven back over the ridge by nightfall."


def _recorded(events: list[ev.Event]) -> ev.DecisionRecorded:
    return next(e for e in events if isinstance(e, ev.DecisionRecorded))


def _traces(verdict) -> dict[str, tuple[str, str | None, str | None, str]]:
    assert verdict.relies_on is not None
    return {t.fact: (t.origin, t.ref, t.by, t.text) for t in verdict.relies_on}


def test_every_fact_starts_from_the_pack_and_an_inject_takes_over(game):
    state = game.state  # INJ-01 is delivered at the start and sets three facts
    assert state.source_of("border_reinforced") == FactSource("start")
    assert state.source_of("requests") == FactSource("start")
    shots = state.source_of("border_incidents")
    assert (shots.origin, shots.ref) == ("inject", "INJ-01")
    assert state.source_of("unrest_level") == shots  # one event, one source for all it set
    assert set(state.fact_sources) == set(state.facts)


def test_a_decision_records_who_chose_what_and_where(game, ok):
    ok(game.do(record_decision, "DP-1", "arv_government", "reinforce", "Hold the line."))
    source = game.state.source_of("border_reinforced")
    assert (source.origin, source.ref, source.role, source.option) == (
        "decision",
        "DP-1",
        "arv_government",
        "reinforce",
    )
    assert source.seq == next(
        n for n, e in enumerate(game.events, 1) if isinstance(e, ev.DecisionRecorded)
    )


def test_a_ruling_keeps_its_text_and_the_point_it_rules_on(game, ok):
    ok(
        game.do(
            adjudicate,
            RULING,
            [IncreaseFact(fact="border_incidents", increase=1)],
            decision_point="DP-1",
        )
    )
    source = game.state.source_of("border_incidents")
    assert (source.origin, source.ref, source.note) == ("ruling", "DP-1", RULING)
    assert game.state.source_of("unrest_level").origin == "inject"  # untouched by the ruling


def test_a_later_change_overrides_an_earlier_one(game, ok):
    ok(game.do(adjudicate, RULING, [SetFact(fact="unrest_level", set="violent")]))
    assert game.state.source_of("unrest_level").origin == "ruling"
    ok(game.do(deliver_inject, "INJ-07"))  # sets the situation back to tense
    later = game.state.source_of("unrest_level")
    assert (later.origin, later.ref) == ("inject", "INJ-07")
    assert game.state.facts["unrest_level"] == "tense"


def test_an_event_that_changes_nothing_leaves_the_origin_alone(game, ok):
    ok(game.do(deliver_inject, "INJ-02A"))  # no effects
    ok(game.do(adjudicate, "Nothing moves overnight."))
    assert game.state.source_of("border_incidents").ref == "INJ-01"


def test_replay_and_a_snapshot_give_the_same_origins(game, ok):
    ok(game.do(record_decision, "DP-1", "arv_government", "hold", "Wait."))
    ok(game.do(adjudicate, RULING, [SetFact(fact="border_reinforced", set=True)]))
    ok(game.do(advance_clock, by=timedelta(hours=8)))
    ok(game.do(record_decision, "DP-2", "arv_government", "ask-compact", "Ask."))
    assert {s.origin for s in game.state.fact_sources.values()} == {
        "start",
        "inject",
        "decision",
        "ruling",
    }
    replayed = replay(read_events(chain(game.events)))
    assert replayed.fact_sources == game.state.fact_sources
    assert replayed == game.state
    restored = decode_state(encode_state(game.state))
    assert restored.fact_sources == game.state.fact_sources
    assert restored == game.state
    assert restored.source_of("requests").option == "ask-compact"


def test_a_snapshot_from_before_origins_loads_with_them_unknown(game, ok):
    ok(game.do(record_decision, "DP-1", "arv_government", "reinforce", "Hold the line."))
    data = encode_state(game.state)
    old = data.replace(data[data.index(b',"fact_sources":') : -1], b"")
    assert b"fact_sources" not in old
    restored = decode_state(old)
    assert restored.facts == game.state.facts and restored.fact_sources == {}
    assert restored.source_of("border_reinforced").origin == "other"
    (trace,) = trace_facts(restored, game.pack, ["border_reinforced"])
    assert (trace.origin, trace.text) == ("other", UNKNOWN_WORDS)


def test_a_recorded_verdict_traces_each_fact_it_relies_on(game, ok):
    events = ok(game.do(record_decision, "DP-1", "arv_government", "reinforce", "Hold."))
    recorded = _recorded(events)
    assert _traces(recorded.verdict) == {
        "border_incidents": (
            "inject",
            "INJ-01",
            None,
            "after inject INJ-01 (Shots at Tavrin crossing)",
        ),
        "border_reinforced": ("start", None, None, "as the pack starts"),
    }
    by_fact = {t.fact: t for t in recorded.verdict.relies_on or ()}
    assert reliance_words(by_fact["border_incidents"]) == (
        "Armed incidents on the border: 1 — after inject INJ-01 (Shots at Tavrin crossing)"
    )
    assert by_fact["border_reinforced"].value == "no"


def test_a_ruling_reads_in_a_sentence(game, ok):
    ok(
        game.do(
            adjudicate,
            RULING,
            [IncreaseFact(fact="border_incidents", increase=1)],
            decision_point="DP-1",
        )
    )
    events = ok(game.do(record_decision, "DP-1", "arv_government", "reinforce", "Hold."))
    by_fact = {t.fact: t for t in _recorded(events).verdict.relies_on or ()}
    ruled = by_fact["border_incidents"]
    assert (ruled.origin, ruled.ref, ruled.by) == ("ruling", "DP-1", None)
    assert reliance_words(ruled) == (
        "Armed incidents on the border: 2 — by the facilitator's ruling on DP-1 "
        "(The raiders are driven back over the ridge by nightfall)"
    )


def test_a_decision_reads_in_a_sentence_and_a_later_inject_takes_over(game, ok):
    ok(game.do(record_decision, "DP-1", "arv_government", "hold", "Wait."))
    ok(game.do(adjudicate, RULING, [IncreaseFact(fact="border_incidents", increase=2)]))
    ok(game.do(advance_clock, by=timedelta(hours=8)))
    events = ok(game.do(record_decision, "DP-2", "arv_government", "ask-compact", "Ask."))
    traces = _traces(_recorded(events).verdict)
    # INJ-02B (released by 'hold') raised the incidents again after the ruling: it is the origin
    assert traces["border_incidents"] == (
        "inject",
        "INJ-02B",
        None,
        "after inject INJ-02B (Second raid)",
    )
    ok(game.do(advance_clock, by=timedelta(hours=20)))
    events = ok(game.do(record_decision, "DP-3", "ncp_secretariat", "deploy", "In hand."))
    traces = _traces(_recorded(events).verdict)
    assert traces["requests"] == (
        "decision",
        "DP-2",
        "Government of Arvenia",
        "as framed by the Government of Arvenia at DP-2 (Ask the Northern Compact)",
    )


def test_an_override_and_a_rejection_carry_the_traces_too(game, ok):
    ok(game.do(record_decision, "DP-1", "arv_government", "hold", "Wait."))
    ok(game.do(advance_clock, by=timedelta(hours=8)))
    ok(game.do(record_decision, "DP-2", "arv_government", "ask-compact", "Ask."))
    ok(game.do(advance_clock, by=timedelta(hours=20)))
    rejected = ok(game.do(reject_decision, "DP-3", "blk_defence", "battalion", "Not asked."))
    overridden = ok(
        game.do(record_decision, "DP-3", "blk_defence", "battalion", "Go.", justification="Play.")
    )
    expected = (
        "decision",
        "DP-2",
        "Government of Arvenia",
        "as framed by the Government of Arvenia at DP-2 (Ask the Northern Compact)",
    )
    (rejection,) = [e for e in rejected if isinstance(e, ev.DecisionRejected)]
    override = next(e for e in overridden if isinstance(e, ev.MandateOverridden))
    for verdict in (rejection.verdict, override.verdict, _recorded(overridden).verdict):
        assert _traces(verdict)["requests"] == expected


def test_a_long_ruling_is_quoted_short():
    long = "The facilitator rules that " + "the column halts and waits " * 5 + "."
    assert quote(long).endswith(" …") and len(quote(long).split()) == 13
    assert quote("Short ruling.") == "Short ruling"
