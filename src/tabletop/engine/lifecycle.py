"""Commands that start, staff, rule on, evaluate and end a session."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from tabletop import __version__
from tabletop.engine.cascade import run_until, settle
from tabletop.engine.draft import Draft, Outcome, Refusal, command
from tabletop.engine.fact_changes import EffectError, fact_changes
from tabletop.engine.state import SessionState, fact_to_json
from tabletop.model import events as ev
from tabletop.model.effects import Effect
from tabletop.model.facts import initial_facts
from tabletop.model.index import index_of
from tabletop.model.pack import Pack


def guard(state: SessionState, *, evaluation: bool = False) -> Refusal | None:
    """Why no command can run now (not started, or ended), or None."""
    if not state.started:
        return Refusal("not-started", "the session has not started")
    if state.ended and not evaluation:
        return Refusal(
            "ended",
            "the session has ended; only observations, ratings, improvement-plan rows and "
            "the exercise's details can still be added",
        )
    return None


@command
def start_session(
    pack: Pack,
    *,
    pack_hash: str,
    session_id: str,
    facilitator: str,
    exercise: str,
    exercise_date: date,
    now: datetime,
) -> Outcome:
    """Begin a game: the world at the start, the first phase, and what is due at once."""
    facts = initial_facts(pack)
    start = pack.meta.scenario_start
    d = Draft(SessionState(), pack, now)
    d.emit(
        ev.SessionStarted,
        scenario_time=start,
        session_id=session_id,
        pack_id=pack.meta.id,
        pack_version=pack.meta.version,
        pack_title=pack.meta.title,
        pack_hash=pack_hash,
        facilitator=facilitator,
        exercise=exercise,
        exercise_date=exercise_date,
        scenario_start=start,
        facts={k: fact_to_json(v) for k, v in facts.items()},
        software=f"tabletop {__version__}",
    )
    run_until(d, start)
    settle(d)
    return d.change()


@command
def assign_role(
    state: SessionState, pack: Pack, role: str, participant: str, *, now: datetime
) -> Outcome:
    """Seat a participant in a role (replacing whoever sat there)."""
    if refusal := guard(state):
        return refusal
    spec = index_of(pack).roles.get(role)
    if spec is None:
        known = ", ".join(r.id for r in pack.roles)
        return Refusal("unknown-role", f"there is no role '{role}' (roles: {known})")
    if not participant.strip():
        return Refusal("no-participant", "give the participant's name")
    d = Draft(state, pack, now)
    d.emit(ev.RoleAssigned, role=role, participant=participant.strip(), actor=spec.actor)
    return d.change()


@command
def adjudicate(
    state: SessionState,
    pack: Pack,
    ruling: str,
    effects: Sequence[Effect] = (),
    *,
    decision_point: str | None = None,
    now: datetime,
) -> Outcome:
    """Log the facilitator's ruling and the fact changes it makes; what follows, follows."""
    if refusal := guard(state):
        return refusal
    if not ruling.strip():
        return Refusal("no-ruling", "write the ruling out")
    if decision_point is not None and decision_point not in state.opened:
        return Refusal(
            "not-opened", f"decision point '{decision_point}' has not been opened in this game"
        )
    d = Draft(state, pack, now)
    try:
        changes = fact_changes(pack, d.state.facts, effects)
    except EffectError as exc:
        return Refusal("bad-effect", str(exc))
    d.emit(ev.FactsAdjudicated, ruling=ruling, decision_point=decision_point, changes=changes)
    settle(d)
    return d.change()


def _known(pack: Pack, objective: str | None, role: str | None, dp: str | None) -> Refusal | None:
    if objective is not None and objective not in {o.id for o in pack.objectives}:
        known = ", ".join(o.id for o in pack.objectives)
        return Refusal("unknown-objective", f"there is no objective '{objective}' ({known})")
    if role is not None and role not in index_of(pack).roles:
        return Refusal("unknown-role", f"there is no role '{role}'")
    if dp is not None and dp not in index_of(pack).decision_points:
        return Refusal("unknown-decision", f"there is no decision point '{dp}'")
    return None


@command
def note(
    state: SessionState,
    pack: Pack,
    kind: str,
    text: str,
    *,
    objective: str | None = None,
    rating: ev.Rating | None = None,
    role: str | None = None,
    decision_point: str | None = None,
    observer: str | None = None,
    reference: str | None = None,
    analysis: str | None = None,
    now: datetime,
) -> Outcome:
    """Log an observation: a strength or an area for improvement (`observer`: the
    evaluator who took it from their seat; None: the facilitator). `reference` (the
    instrument or plan concerned) and `analysis` (the root cause) are HSEEP's for an area
    for improvement; a strength may carry them too."""
    if refusal := guard(state, evaluation=True) or _known(pack, objective, role, decision_point):
        return refusal
    if kind not in ("strength", "area_for_improvement"):
        return Refusal("bad-kind", "an observation is a 'strength' or an 'area_for_improvement'")
    if not text.strip():
        return Refusal("no-text", "write the observation out")
    d = Draft(state, pack, now)
    d.emit(
        ev.ObservationNoted,
        kind=kind,
        text=text,
        objective=objective,
        rating=rating,
        role=role,
        decision_point=decision_point,
        observer=observer or None,
        reference=_text_or_none(reference),
        analysis=_text_or_none(analysis),
    )
    return d.change()


@command
def rate(
    state: SessionState,
    pack: Pack,
    objective: str,
    rating: ev.Rating,
    note_text: str = "",
    *,
    now: datetime,
) -> Outcome:
    """Rate an exercise objective P/S/M/U (a later rating replaces an earlier one)."""
    if refusal := guard(state, evaluation=True) or _known(pack, objective, None, None):
        return refusal
    d = Draft(state, pack, now)
    d.emit(ev.ObjectiveRated, objective=objective, rating=rating, note=note_text)
    return d.change()


@command
def plan(
    state: SessionState,
    pack: Pack,
    *,
    issue: str,
    corrective_action: str,
    capability_element: ev.CapabilityElement,
    responsible_org: str,
    point_of_contact: str,
    start_date: date,
    completion_date: date,
    objective: str | None = None,
    addresses: int | None = None,
    now: datetime,
) -> Outcome:
    """Add a row to the improvement plan (`addresses`: the event number of the area for
    improvement it answers)."""
    if refusal := guard(state, evaluation=True) or _known(pack, objective, None, None):
        return refusal
    if addresses is not None and addresses not in state.areas_for_improvement:
        return Refusal(
            "unknown-area",
            f"event {addresses} is not an area for improvement noted in this session "
            f"({_areas(state)})",
        )
    if completion_date < start_date:
        return Refusal("bad-dates", "the completion date is before the start date")
    texts = (issue, corrective_action, responsible_org, point_of_contact)
    if not all(t.strip() for t in texts):
        return Refusal("missing-field", "an improvement-plan row needs every text field filled")
    d = Draft(state, pack, now)
    d.emit(
        ev.ImprovementPlanned,
        issue=issue,
        corrective_action=corrective_action,
        capability_element=capability_element,
        responsible_org=responsible_org,
        point_of_contact=point_of_contact,
        start_date=start_date,
        completion_date=completion_date,
        objective=objective,
        addresses=addresses,
    )
    return d.change()


def _text_or_none(text: str | None) -> str | None:
    return (text.strip() or None) if text is not None else None


def _areas(state: SessionState) -> str:
    areas = state.areas_for_improvement
    if not areas:
        return "none has been noted yet"
    latest = [str(seq) for seq, _ in areas][-10:]
    more = f"; {len(areas)} in all" if len(areas) > len(latest) else ""
    return f"areas noted: events {', '.join(latest)}{more}"


@command
def record_details(
    state: SessionState,
    pack: Pack,
    *,
    exercise_type: str | None = None,
    location: str | None = None,
    sponsor: str | None = None,
    points_of_contact: Sequence[ev.PointOfContact] = (),
    evaluators: Sequence[str] = (),
    controllers: Sequence[str] = (),
    now: datetime,
) -> Outcome:
    """Record the exercise's details the pack does not know (its type, place, sponsor,
    points of contact, evaluators, controllers): the whole set, replacing any recorded
    before; allowed at any time once the session has started, also after it ended. Empty
    texts and lists are left out."""
    if refusal := guard(state, evaluation=True):
        return refusal
    if exercise_type is not None and exercise_type not in EXERCISE_TYPES:
        return Refusal(
            "bad-exercise-type",
            f"'{exercise_type}' is not an exercise type (one of: {', '.join(EXERCISE_TYPES)})",
        )
    contacts = []
    for n, poc in enumerate(points_of_contact, start=1):
        if not poc.name.strip():
            return Refusal("no-contact-name", f"point of contact {n} has no name")
        contacts.append(
            ev.PointOfContact(
                name=poc.name.strip(),
                role=poc.role.strip(),
                organisation=poc.organisation.strip(),
                contact=poc.contact.strip(),
            )
        )
    d = Draft(state, pack, now)
    d.emit(
        ev.ExerciseDetailsRecorded,
        exercise_type=exercise_type,
        location=_text_or_none(location),
        sponsor=_text_or_none(sponsor),
        points_of_contact=tuple(contacts) or None,
        evaluators=_names(evaluators),
        controllers=_names(controllers),
    )
    return d.change()


EXERCISE_TYPES: tuple[ev.ExerciseType, ...] = ("seminar", "tabletop", "game")
"""The exercise types, in the order a form offers them."""


def _names(names: Sequence[str]) -> tuple[str, ...] | None:
    return tuple(n.strip() for n in names if n.strip()) or None


@command
def end_session(state: SessionState, pack: Pack, note_text: str = "", *, now: datetime) -> Outcome:
    """End the game. Afterwards only evaluation (notes, ratings, plan rows) is logged."""
    if refusal := guard(state):
        return refusal
    d = Draft(state, pack, now)
    d.emit(ev.SessionEnded, note=note_text)
    return d.change()
