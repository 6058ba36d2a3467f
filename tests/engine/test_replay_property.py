"""Replay property: for random command sequences, replaying the log gives the state reached."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tabletop.engine import (
    Refusal,
    adjudicate,
    advance_clock,
    amend_decision,
    assign_role,
    deliver_inject,
    end_session,
    note,
    pause_clock,
    rate,
    record_decision,
    reject_decision,
    replay,
    resume_clock,
)
from tabletop.engine.snapshot import decode_state, encode_state
from tabletop.engine.state import fact_to_json
from tabletop.hashchain.chain import chain, read_events
from tabletop.model.effects import IncreaseFact, SetFact
from tabletop.packs import open_pack

EXAMPLE = open_pack(Path(__file__).resolve().parents[1] / "data" / "example-pack.json")
PACK = EXAMPLE.pack
ROLES = [r.id for r in PACK.roles]
CHOICES = [(dp.id, o.id) for dp in PACK.decision_points for o in dp.options]
VALID = [
    (dp.id, o.id, role)
    for dp in PACK.decision_points
    for o in dp.options
    for role in dp.deciders
    if not o.for_roles or role in o.for_roles
]
ANY = [(dp, option, role) for dp, option in CHOICES for role in ROLES]
# Mostly choices a decider may make, so that games get somewhere; some that it may not.
triples = st.one_of(st.sampled_from(VALID), st.sampled_from(VALID), st.sampled_from(ANY))
INJECTS = [i.id for i in PACK.injects]
EFFECTS = [
    SetFact(fact="unrest_level", set="violent"),
    SetFact(fact="council_informed", set=True),
    IncreaseFact(fact="border_incidents", increase=2),
]

commands = st.one_of(
    st.tuples(st.just("assign"), st.sampled_from(ROLES), st.sampled_from(["Ann", "Bo"])),
    st.tuples(st.just("advance"), st.sampled_from([0, 30, 240, 600, 1440, 2880])),
    st.tuples(st.just("deliver"), st.sampled_from(INJECTS)),
    st.tuples(
        st.just("decide"),
        triples,
        st.sampled_from(["", "Because.", "Because."]),
        st.sampled_from([None, None, "", "Explore the branch."]),
    ),
    st.tuples(st.just("decide"), triples, st.just("Because."), st.just(None)),
    st.tuples(st.just("reject"), triples),
    st.tuples(st.just("amend"), triples),
    st.tuples(st.just("adjudicate"), st.sampled_from(EFFECTS)),
    st.tuples(st.just("note"), st.sampled_from(["strength", "area_for_improvement"])),
    st.tuples(st.just("rate"), st.sampled_from(["OBJ-1", "OBJ-3"]), st.sampled_from("PSMU")),
    st.tuples(st.sampled_from(["pause", "resume", "pause", "resume", "end"])),
)
# Weighted towards moves that make the game go on: deciding and advancing.
commands = st.one_of(
    commands,
    st.tuples(st.just("decide"), st.sampled_from(VALID), st.just("Because."), st.just(None)),
    st.tuples(st.just("decide"), st.sampled_from(VALID), st.just("Because."), st.just("Go on.")),
    st.tuples(st.just("advance"), st.sampled_from([240, 1440])),
)

# A path through the pack that reaches its deeper states (deployment, obligations);
# random commands are played after a prefix of it, so the search gets that deep too.
THROUGH = [
    ("decide", ("DP-1", "hold", "arv_government"), "Because.", None),
    ("advance", 1440),
    ("decide", ("DP-2", "ask-compact", "arv_government"), "Because.", None),
    ("advance", 240),
    ("decide", ("DP-3", "deploy", "ncp_secretariat"), "Because.", None),
    ("advance", 2880),
]
OVERRIDDEN = [
    ("decide", ("DP-1", "reinforce", "arv_government"), "Because.", None),
    ("advance", 1440),
    ("decide", ("DP-3", "deploy", "ncp_secretariat"), "Because.", "Explore the branch."),
    ("advance", 2880),
]
scripts = st.builds(
    lambda path, k, rest: path[:k] + rest,
    st.sampled_from([THROUGH, OVERRIDDEN]),
    st.integers(0, len(THROUGH)),
    st.lists(commands, max_size=60),
)


def run(game, command):
    name = command[0]
    if name == "assign":
        return game.do(assign_role, command[1], command[2])
    if name == "advance":
        return game.do(advance_clock, by=timedelta(minutes=command[1]))
    if name == "deliver":
        return game.do(deliver_inject, command[1])
    if name == "decide":
        (dp, option, role), rationale, justification = command[1:]
        return game.do(record_decision, dp, role, option, rationale, justification=justification)
    if name == "reject":
        dp, option, role = command[1]
        return game.do(reject_decision, dp, role, option)
    if name == "amend":
        dp, _option, role = command[1]
        return game.do(amend_decision, dp, role, "Second thoughts.", "Clarified.")
    if name == "adjudicate":
        return game.do(adjudicate, "Ruling.", [command[1]])
    if name == "note":
        return game.do(note, command[1], "Seen.", objective="OBJ-2")
    if name == "rate":
        return game.do(rate, command[1], command[2])
    return game.do({"pause": pause_clock, "resume": resume_clock, "end": end_session}[name])


def play(start, script):
    game = start()
    for command in script:
        before_state, before_count = game.state, len(game.events)
        outcome = run(game, command)
        if isinstance(outcome, Refusal):
            assert game.state is before_state and len(game.events) == before_count
        else:
            assert outcome or command == ("advance", 0), f"{command} logged nothing"
    return game


def check_invariants(state):
    assert len(state.delivered) == len(state.delivered_ids)
    for inject in PACK.injects:
        if inject.release == "scheduled" and inject.time <= state.clock.time:
            assert inject.id in state.delivered_ids
    for dp_id, _role in state.decisions:
        assert dp_id in state.opened
    assert set(state.open_decisions) <= state.opened
    assert not set(state.pending) & state.delivered_ids


def check_sources(game):
    """Each fact's origin is the last event that changed it, with the value it now has."""
    state = game.state
    assert set(state.fact_sources) == set(state.facts)
    last: dict[str, int] = {}
    for seq, event in enumerate(game.events, 1):
        for change in getattr(event, "changes", ()):
            last[change.fact] = seq
    for fact, source in state.fact_sources.items():
        assert source.seq == last.get(fact, 0)
        if source.seq == 0:
            assert source.origin == "start" and state.facts[fact] == state.initial_facts[fact]
            continue
        event = game.events[source.seq - 1]
        change = next(c for c in event.changes if c.fact == fact)
        assert change.after == fact_to_json(state.facts[fact])
        expected = {
            "inject_delivered": ("inject", getattr(event, "inject", None)),
            "decision_recorded": ("decision", getattr(event, "decision_point", None)),
            "facts_adjudicated": ("ruling", getattr(event, "decision_point", None)),
        }[event.type]
        assert (source.origin, source.ref) == expected


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(scripts)
def test_replay_of_the_log_equals_the_state_reached(begin, script):
    game = play(begin, script)
    assert replay(game.events) == game.state
    stored = read_events(chain(game.events))
    assert replay(stored) == game.state
    assert decode_state(encode_state(game.state)) == game.state
    check_invariants(game.state)
    check_sources(game)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(scripts)
def test_the_same_commands_give_the_same_log(begin, script):
    first, second = play(begin, script), play(begin, script)
    assert [r.hash for r in chain(first.events)] == [r.hash for r in chain(second.events)]
