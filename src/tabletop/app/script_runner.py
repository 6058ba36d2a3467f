"""Playing a playthrough script through a `Game`, step by step, checking each step's
expectations: the path `tabletop play` takes, and so a test of every verb the GUI uses."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

from tabletop.app.game import Game, Result
from tabletop.engine import Refusal
from tabletop.engine.summary import describe
from tabletop.model import script as pt
from tabletop.scripting.expectations import Mismatch, check_expect
from tabletop.scripting.loading import LoadedScript, load_script


@dataclass(frozen=True)
class StepReport:
    """What one step did and whether its expectations held."""

    number: int
    command: str
    result: Result
    mismatches: tuple[Mismatch, ...]

    @property
    def pointer(self) -> str:
        """The JSON pointer of the step in its script."""
        return f"/steps/{self.number - 1}"

    @property
    def ok(self) -> bool:
        """True when every expectation held (an unexpected refusal counts as one failing)."""
        return not self.mismatches

    def summary(self) -> str:
        """One line on what happened."""
        if isinstance(self.result, Refusal):
            return f"{self.command} refused: {self.result.message}"
        return describe(self.result.events) or self.command


def run_step(game: Game, step: pt.Step) -> Result:
    """Run the command a step names on the game."""
    match step:
        case pt.AssignStep(assign=body):
            return game.assign(body.role, body.participant)
        case pt.AdvanceStep(advance=body):
            if body.to is not None:
                return game.advance(to=body.to)
            return game.advance(by=timedelta(minutes=body.by_minutes or 0))
        case pt.DeliverStep(deliver=body):
            return game.deliver(body.inject, body.note)
        case pt.DecideStep(decide=body):
            return game.decide(
                body.decision, body.role, body.option, body.rationale, justification=body.override
            )
        case pt.RejectStep(reject=body):
            return game.reject(body.decision, body.role, body.option, body.note)
        case pt.AmendStep(amend=body):
            return game.amend(body.decision, body.role, body.rationale, body.reason)
        case pt.AdjudicateStep(adjudicate=body):
            return game.adjudicate(body.text, body.effects, decision_point=body.decision)
        case pt.NoteStep(note=body):
            return game.note(
                body.kind,
                body.text,
                objective=body.objective,
                rating=body.rating,
                role=body.role,
                decision_point=body.decision,
                reference=body.reference,
                analysis=body.analysis,
            )
        case pt.RateStep(rate=body):
            return game.rate(body.objective, body.rating, body.note)
        case pt.PlanStep(plan=body):
            addresses = None
            if body.answers is not None:
                found = answered(game, body.answers)
                if isinstance(found, Refusal):
                    return found
                addresses = found
            return game.plan(
                issue=body.issue,
                corrective_action=body.corrective_action,
                capability_element=body.capability_element,
                responsible_org=body.responsible_org,
                point_of_contact=body.point_of_contact,
                start_date=body.start_date,
                completion_date=body.completion_date,
                objective=body.objective,
                addresses=addresses,
            )
        case pt.DetailsStep(details=body):
            return game.record_details(
                exercise_type=body.exercise_type,
                location=body.location,
                sponsor=body.sponsor,
                points_of_contact=body.points_of_contact,
                evaluators=body.evaluators,
                controllers=body.controllers,
            )
        case pt.PauseStep(pause=body):
            return game.pause(body.note)
        case pt.ResumeStep(resume=body):
            return game.resume(body.note)
        case pt.EndStep(end=body):
            return game.end(body.note)


def answered(game: Game, text: str) -> int | Refusal:
    """The event number of the area for improvement noted with this text (the latest, if
    several were), or why there is none."""
    wanted = text.strip()
    found = [a.seq for a in game.areas_for_improvement() if a.text.strip() == wanted]
    if found:
        return found[-1]
    return Refusal(
        "unknown-area",
        f"'answers': no area for improvement noted so far has the text '{wanted}' (give the "
        "exact text of an earlier note step of kind area_for_improvement)",
    )


def step_command(step: pt.Step) -> str:
    """The command key of a step ('decide', 'advance', ...)."""
    return next(name for name in pt.STEP_COMMANDS if hasattr(step, name))


def play_steps(script: pt.Playthrough, game: Game) -> Iterator[StepReport]:
    """Run the script's steps in order, yielding each report once its events are committed;
    stop after the first that fails."""
    for number, step in enumerate(script.steps, start=1):
        result = run_step(game, step)
        outcome = result if isinstance(result, Refusal) else result.events
        mismatches = check_expect(step.expect, game.state, outcome)
        report = StepReport(number, step_command(step), result, tuple(mismatches))
        yield report
        if not report.ok:
            return


__all__ = [
    "LoadedScript",
    "StepReport",
    "load_script",
    "play_steps",
    "run_step",
    "step_command",
]
