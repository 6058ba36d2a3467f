"""A game's state as JSON and back: the snapshot a long session resumes from, so that opening
it folds only the events after the snapshot instead of the whole log.

A snapshot is a cache of the fold, never the record: the log stays the only source of
truth, and a snapshot whose format or seal does not match is ignored (see the store).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from pydantic import ConfigDict, TypeAdapter

from tabletop.engine.areas import AreasNoted
from tabletop.engine.state import (
    Clock,
    Decision,
    Delivery,
    FactSource,
    ObligationState,
    OpenDecision,
    Pending,
    Seat,
    SessionState,
    fact_from_json,
    fact_to_json,
)
from tabletop.model.events import (
    ConsensusConcluded,
    ExerciseDetailsRecorded,
    FactJson,
    ObjectiveRated,
)

SNAPSHOT_FORMAT = 5
"""Bumped whenever `SessionState` changes shape: older snapshots are then ignored.
tests/engine/test_snapshot_format.py fails when the shape changes and this does not."""


@dataclass
class _Snapshot:
    """The state with JSON-friendly containers: maps whose keys are in their records become
    lists, fact values are as logged, sets are lists."""

    # A snapshot with a field this one lacks is of another shape: refused, never half-read.
    __pydantic_config__ = ConfigDict(extra="forbid")

    session_id: str
    pack_id: str
    pack_version: str
    pack_title: str
    pack_hash: str
    facilitator: str
    exercise: str
    exercise_date: date | None
    started_at: datetime | None
    scenario_start: datetime | None
    initial_facts: dict[str, FactJson]
    seats: list[Seat]
    phases: list[str]
    clock: Clock
    delivered: list[Delivery]
    pending: list[Pending]
    opened: list[str]
    open_decisions: list[OpenDecision]
    decisions: list[Decision]
    justifications: list[tuple[str, str, str, str]]
    consensus: list[ConsensusConcluded]
    """Since format 5: how the consensus decisions concluded."""
    facts: dict[str, FactJson]
    obligations: list[ObligationState]
    owed: list[str]
    ratings: list[ObjectiveRated]
    observation_count: int
    areas_for_improvement: list[tuple[int, str]]
    plan_count: int
    details: ExerciseDetailsRecorded | None
    ended: bool
    ended_at: datetime | None
    event_count: int
    last_at: datetime | None
    # Since format 3. Absent (a snapshot from before): every fact's origin reads as unknown.
    fact_sources: dict[str, FactSource] | None = None


_ADAPTER = TypeAdapter(_Snapshot)


def snapshot_schema() -> dict[str, object]:
    """The JSON Schema of a snapshot (a test pins it to `SNAPSHOT_FORMAT`)."""
    return _ADAPTER.json_schema()


def encode_state(state: SessionState) -> bytes:
    """The state as JSON (UTF-8)."""
    snapshot = _Snapshot(
        session_id=state.session_id,
        pack_id=state.pack_id,
        pack_version=state.pack_version,
        pack_title=state.pack_title,
        pack_hash=state.pack_hash,
        facilitator=state.facilitator,
        exercise=state.exercise,
        exercise_date=state.exercise_date,
        started_at=state.started_at,
        scenario_start=state.scenario_start,
        initial_facts={k: fact_to_json(v) for k, v in state.initial_facts.items()},
        seats=list(state.seats.values()),
        phases=state.phases,
        clock=state.clock,
        delivered=state.delivered,
        pending=list(state.pending.values()),
        opened=sorted(state.opened),
        open_decisions=list(state.open_decisions.values()),
        decisions=list(state.decisions.values()),
        justifications=[(*key, text) for key, text in state.justifications.items()],
        consensus=list(state.consensus.values()),
        facts={k: fact_to_json(v) for k, v in state.facts.items()},
        obligations=list(state.obligations.values()),
        owed=list(state.owed),
        ratings=list(state.ratings.values()),
        observation_count=state.observation_count,
        areas_for_improvement=list(state.areas_for_improvement),
        plan_count=state.plan_count,
        details=state.details,
        ended=state.ended,
        ended_at=state.ended_at,
        event_count=state.event_count,
        last_at=state.last_at,
        fact_sources=state.fact_sources,
    )
    return _ADAPTER.dump_json(snapshot)


def decode_state(data: bytes) -> SessionState:
    """The state a snapshot holds (pydantic's ValidationError if it is not one)."""
    s = _ADAPTER.validate_json(data)
    obligations = {o.id: o for o in s.obligations}
    return SessionState(
        session_id=s.session_id,
        pack_id=s.pack_id,
        pack_version=s.pack_version,
        pack_title=s.pack_title,
        pack_hash=s.pack_hash,
        facilitator=s.facilitator,
        exercise=s.exercise,
        exercise_date=s.exercise_date,
        started_at=s.started_at,
        scenario_start=s.scenario_start,
        initial_facts={k: fact_from_json(v) for k, v in s.initial_facts.items()},
        seats={seat.role: seat for seat in s.seats},
        phases=s.phases,
        clock=s.clock,
        delivered=s.delivered,
        delivered_ids={d.inject for d in s.delivered},
        pending={p.inject: p for p in s.pending},
        opened=set(s.opened),
        open_decisions={o.decision_point: o for o in s.open_decisions},
        decisions={(d.decision_point, d.role): d for d in s.decisions},
        justifications={(dp, role, option): text for dp, role, option, text in s.justifications},
        consensus={c.decision_point: c for c in s.consensus},
        facts={k: fact_from_json(v) for k, v in s.facts.items()},
        obligations=obligations,
        owed={key: obligations[key] for key in s.owed},
        ratings={r.objective: r for r in s.ratings},
        observation_count=s.observation_count,
        areas_for_improvement=AreasNoted(s.areas_for_improvement),
        plan_count=s.plan_count,
        details=s.details,
        ended=s.ended,
        ended_at=s.ended_at,
        event_count=s.event_count,
        last_at=s.last_at,
        fact_sources=dict(s.fact_sources or {}),
    )
