"""Every playthrough script of the shipped packs, played through `tabletop play`.

The scripts are the packs' tests: each one plays a course of the game and states what must
hold after its steps (verdicts, facts, injects delivered or not, obligations). Here they
are run through the real command, and the stored sessions are checked for what the packs
promise as a whole: every pack has at least three scripts, a game that shows each kind of
mandate outcome, and courses that end differently.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from tabletop.model import events as ev
from tabletop.paths import shipped_scenarios_dir

SCRIPT_FILES = sorted((shipped_scenarios_dir() / "tests").glob("*.json"))
SHIPPED = ("afghan-border-incursion.json", "kazakh-unrest-2022.json")
Played = Any  # conftest.Played: script, pack, exit_code, output, events


def _by_pack(played: dict[str, Played]) -> dict[str, list[Played]]:
    out: dict[str, list[Played]] = defaultdict(list)
    for game in played.values():
        out[game.pack.name].append(game)
    return out


def _delivered(game: Played) -> set[str]:
    return {e.inject for e in game.events if isinstance(e, ev.InjectDelivered)}


def _last_facts(game: Played) -> dict[str, object]:
    facts = dict(next(e for e in game.events if isinstance(e, ev.SessionStarted)).facts)
    for e in game.events:
        for change in getattr(e, "changes", ()):
            facts[change.fact] = change.after
    return facts


def test_there_are_scripts() -> None:
    assert len(SCRIPT_FILES) >= 6


@pytest.mark.parametrize("script", SCRIPT_FILES, ids=lambda p: p.stem)
def test_script_passes(script, played: dict[str, Played]) -> None:
    game = played[script.name]
    assert game.exit_code == 0, game.output
    assert "script passed" in game.output
    assert isinstance(game.events[0], ev.SessionStarted)
    assert isinstance(game.events[-1], ev.SessionEnded), "every script should end its session"


@pytest.mark.parametrize("script", SCRIPT_FILES, ids=lambda p: p.stem)
def test_script_plays_a_shipped_pack(script, played: dict[str, Played]) -> None:
    game = played[script.name]
    assert game.pack.name in SHIPPED
    assert game.pack.parent == script.parent.parent


@pytest.mark.parametrize("pack", SHIPPED)
def test_each_pack_has_three_scripts(pack: str, played: dict[str, Played]) -> None:
    assert len(_by_pack(played)[pack]) >= 3


@pytest.mark.parametrize("pack", SHIPPED)
def test_a_game_shows_obligations_rejection_and_override(
    pack: str, played: dict[str, Played]
) -> None:
    """One game of each pack holds all three outcomes the seminar turns on."""

    def complete(game: Played) -> bool:
        kinds = {
            e.verdict.kind
            for e in game.events
            if isinstance(e, ev.DecisionRecorded) and not e.overridden
        }
        rejected = any(isinstance(e, ev.DecisionRejected) for e in game.events)
        overridden = any(isinstance(e, ev.MandateOverridden) for e in game.events)
        return "permitted_with_obligations" in kinds and rejected and overridden

    games = _by_pack(played)[pack]
    assert any(complete(g) for g in games), [g.script.name for g in games]


@pytest.mark.parametrize("pack", SHIPPED)
def test_rejections_and_overrides_are_outside_mandate(pack: str, played: dict[str, Played]) -> None:
    for game in _by_pack(played)[pack]:
        for e in game.events:
            if isinstance(e, ev.DecisionRejected | ev.MandateOverridden):
                assert e.verdict.kind == "outside_mandate"
                assert e.verdict.reasons, "a refusal must say why"
                if any(g.applies for g in e.verdict.grounds if g.kind == "limit"):
                    assert e.verdict.citations, "a limit that bites must be cited"


@pytest.mark.parametrize("pack", SHIPPED)
def test_games_end_differently(pack: str, played: dict[str, Played]) -> None:
    """Different courses deliver different endings and leave the world in different states."""
    games = _by_pack(played)[pack]
    endings = {frozenset(_delivered(g)) for g in games}
    finals = {tuple(sorted((k, repr(v)) for k, v in _last_facts(g).items())) for g in games}
    assert len(endings) == len(games)
    assert len(finals) == len(games)


@pytest.mark.parametrize("pack", SHIPPED)
def test_scripts_open_every_decision_point(
    pack: str, played: dict[str, Played], loaded_packs
) -> None:
    opened = {
        e.decision_point
        for g in _by_pack(played)[pack]
        for e in g.events
        if isinstance(e, ev.DecisionOpened)
    }
    assert {dp.id for dp in loaded_packs[pack].pack.decision_points} <= opened


@pytest.mark.parametrize("pack", SHIPPED)
def test_scripts_deliver_every_inject(pack: str, played: dict[str, Played], loaded_packs) -> None:
    """Between them the scripts reach every inject, so no branch goes untested."""
    delivered = set().union(*(_delivered(g) for g in _by_pack(played)[pack]))
    missing = {i.id for i in loaded_packs[pack].pack.injects} - delivered
    assert not missing
