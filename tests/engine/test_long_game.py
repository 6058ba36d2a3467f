"""A long game: hundreds of decisions and amendments, and every state on the way still
equals the replay of the log up to it (a later command never changes an earlier state)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import count

from enginegame import MemorySession
from synthetic_packs import synthetic_pack

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


def test_every_state_of_a_long_game_equals_its_replay() -> None:
    """Decisions and amendments in a game with a couple of hundred decision points."""
    # One inject opens every decision point; consulting owes a report that the next
    # consultation discharges.
    loaded = parse_pack(synthetic_pack(DECISIONS), "long.json", lambda _id: None).loaded
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
