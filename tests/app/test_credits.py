"""Proposals and observations from the participants' and evaluators' own seats: narrated
with their names, kept by the store, credited in the report of a stored session."""

from __future__ import annotations

import io
import json

import docx

from tabletop.app import Applied, Game, Workspace

PROPOSER = "Maj. K. Sadykova"
EVALUATOR = "Evaluator: Dr Y. Petrov"
CREDIT = f"Proposed by {PROPOSER} from their seat; recorded by the facilitator"


def _play(game: Game) -> None:
    results = [
        game.decide("DP-1", "arv_government", "hold", "Wait and see.", proposed_by=PROPOSER),
        game.note("strength", "Legal basis checked early.", objective="OBJ-1",
                  observer=EVALUATOR),
        game.note("area_for_improvement", "Slow to brief the press.", objective="OBJ-1"),
    ]  # fmt: skip
    assert all(isinstance(r, Applied) for r in results), results


def _decision_and_notes(workspace: Workspace, game: Game) -> list[str]:
    """The narrated lines of the decisions and observations, in log order."""
    kinds = {"decision_recorded", "observation_noted"}
    wanted = {r.seq for r in workspace.read(game.id).rows if r.type in kinds}
    return [line.text for line in game.situation(last=20).last_events if line.seq in wanted]


def test_the_proposer_and_the_observer_are_narrated(workspace: Workspace, game: Game) -> None:
    _play(game)
    role = next(r.title for r in game.pack.roles if r.id == "arv_government")
    assert _decision_and_notes(workspace, game) == [
        f"{role} chose 'Hold and consult' at DP-1: permitted (proposed by {PROPOSER} from "
        "their seat).",
        f"Strength noted (by {EVALUATOR} from their seat): Legal basis checked early.",
        "Area for improvement noted: Slow to brief the press.",
    ]


def test_events_without_the_fields_are_narrated_as_before(workspace: Workspace, game: Game) -> None:
    game.decide("DP-1", "arv_government", "hold", "Wait and see.")
    game.note("strength", "Legal basis checked early.", objective="OBJ-1")
    role = next(r.title for r in game.pack.roles if r.id == "arv_government")
    assert _decision_and_notes(workspace, game) == [
        f"{role} chose 'Hold and consult' at DP-1: permitted.",
        "Strength noted: Legal basis checked early.",
    ]


def test_narration_of_a_hostile_name_is_the_name(workspace: Workspace, game: Game) -> None:
    # Narration is plain text: each interface escapes it as it shows it (no markup here).
    applied = game.decide("DP-1", "arv_government", "hold", "Why not.", proposed_by="<b>x</b>")
    assert isinstance(applied, Applied), applied
    (line,) = _decision_and_notes(workspace, game)
    assert line.endswith("(proposed by <b>x</b> from their seat).")


def test_the_store_keeps_the_fields_and_the_report_credits_them(
    workspace: Workspace, game: Game
) -> None:
    _play(game)
    rows = workspace.read(game.id).rows
    bodies = [
        json.loads(r.body) for r in rows if r.type in ("decision_recorded", "observation_noted")
    ]
    assert [b.get("proposed_by", b.get("observer")) for b in bodies] == [PROPOSER, EVALUATOR, None]
    md = workspace.report(game.id, "md").data.decode()
    assert f"- Proposal: {CREDIT}" in md and f" — Noted by {EVALUATOR}" in md
    html = workspace.report(game.id, "html").data.decode()
    assert CREDIT in html and f"Noted by {EVALUATOR}" in html
    document = docx.Document(io.BytesIO(workspace.report(game.id, "docx").data))
    assert any(p.text == f"Proposal: {CREDIT}" for p in document.paragraphs)
    data = json.loads(workspace.report(game.id, "json").data)
    assert data["proposers"][0]["name"] == PROPOSER
    assert data["evaluators"] == [{"name": EVALUATOR, "observations": 1}]
    # Reopened from the store, the game narrates the same.
    reopened = workspace.open(game.id)
    assert [e.text for e in reopened.situation(last=3).last_events] == [
        e.text for e in game.situation(last=3).last_events
    ]
