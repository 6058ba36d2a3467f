"""A long game: hundreds of decisions and amendments, and every state on the way still
equals the replay of the log up to it (a later command never changes an earlier state)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from itertools import count

from enginegame import MemorySession

from tabletop.engine import (
    Refusal,
    SessionState,
    amend_decision,
    record_decision,
    replay,
    start_session,
)
from tabletop.packs import parse_pack

DECISIONS = 192


def _pack(decisions: int) -> bytes:
    """One inject opens every decision point; consulting owes a report that the next
    consultation discharges."""
    citation = {"document": "Test Charter", "year": 2020, "article": "art. 1"}
    option = {"type": "consultations", "params": {"host": "AAA"}}
    return json.dumps(
        {
            "format": 1,
            "meta": {
                "id": "long-game",
                "title": "Long game",
                "version": "1.0.0",
                "summary": "Many decisions.",
                "authors": [{"name": "tests"}],
                "classification": "UNCLASSIFIED",
                "scenario_start": "2030-01-01T08:00",
            },
            "actors": [
                {"id": "ORG", "name": "Organisation", "kind": "organisation", "members": ["AAA"]},
                {"id": "AAA", "name": "State A", "kind": "state"},
            ],
            "facts": [{"id": "talks", "title": "Talks held", "type": "int", "initial": 0}],
            "action_types": [
                {
                    "id": "consultations",
                    "title": "Consultations",
                    "params": [{"name": "host", "title": "Host", "type": "actor"}],
                }
            ],
            "instruments": [
                {
                    "id": "CHARTER",
                    "kind": "charter",
                    "title": "Test Charter",
                    "year": 2020,
                    "parties": ["ORG", "AAA"],
                    "powers": [
                        {
                            "id": "consult",
                            "actions": ["consultations"],
                            "summary": "Consult members.",
                            "citation": citation,
                            "conditions": [{"member_of": "ORG", "actor": {"param": "host"}}],
                            "obligations": [
                                {
                                    "id": "report",
                                    "text": "Report the consultations.",
                                    "discharged_by": [{"action": "consultations"}],
                                }
                            ],
                        }
                    ],
                }
            ],
            "objectives": [{"id": "OBJ-1", "text": "Decide.", "capability": "Planning"}],
            "roles": [
                {
                    "id": "secretariat",
                    "title": "Secretariat",
                    "actor": "ORG",
                    "instruments": ["CHARTER"],
                    "brief": "Decide.",
                }
            ],
            "phases": [
                {"id": "p1", "title": "Phase", "starts_at": "2030-01-01T08:00", "summary": "."}
            ],
            "injects": [
                {
                    "id": "INJ-0",
                    "phase": "p1",
                    "time": "2030-01-01T08:00",
                    "from": "Test",
                    "to": "all",
                    "channel": "news",
                    "title": "Everything at once",
                    "body": "Decide on each.",
                    "expected_actions": ["Decide."],
                    "opens": [f"DP-{n}" for n in range(decisions)],
                }
            ],
            "decision_points": [
                {
                    "id": f"DP-{n}",
                    "phase": "p1",
                    "title": f"Question {n}",
                    "prompt": "Consult?",
                    "deciders": ["secretariat"],
                    "options": [
                        {
                            "id": "consult",
                            "label": "Consult",
                            "action": option,
                            "effects": [{"fact": "talks", "increase": 1}],
                        }
                    ],
                }
                for n in range(decisions)
            ],
        }
    ).encode()


def test_every_state_of_a_long_game_equals_its_replay() -> None:
    """Decisions and amendments in a game with a couple of hundred decision points."""
    loaded = parse_pack(_pack(DECISIONS), "long.json", lambda _id: None).loaded
    assert loaded is not None
    pack = loaded.pack
    ticks = count()
    clock = lambda: datetime(2030, 1, 1, 9, tzinfo=UTC) + timedelta(seconds=next(ticks))  # noqa: E731
    started = start_session(
        pack,
        pack_hash=loaded.content_hash,
        session_id="long-game-20300101-0001",
        facilitator="T",
        exercise="T",
        exercise_date=date(2030, 1, 1),
        now=clock(),
    )
    assert not isinstance(started, Refusal)
    game = MemorySession(loaded, started.state, clock, list(started.events))
    seen: list[tuple[int, SessionState]] = []
    for n in range(DECISIONS):
        assert not isinstance(
            game.do(record_decision, f"DP-{n}", "secretariat", "consult", f"Reason {n}."), Refusal
        )
        if n % 3 == 0:
            dp = f"DP-{n // 2}"
            assert not isinstance(
                game.do(amend_decision, dp, "secretariat", f"Better {n}.", "Scribe"), Refusal
            )
        seen.append((len(game.events), game.state))
    state = game.state
    assert len(state.decisions) == DECISIONS and not state.open_decisions
    assert len(state.owed) == 1 and len(state.obligations) == DECISIONS
    assert state.facts["talks"] == DECISIONS
    assert list(state.decisions) == [(f"DP-{n}", "secretariat") for n in range(DECISIONS)]
    # Earlier states were not touched by what came after them.
    for length, earlier in seen[::16]:
        assert earlier == replay(game.events[:length])
