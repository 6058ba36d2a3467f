"""Lint: things timed outside their move. The engine delivers an inject at its time
whatever phase it names, so an inject dated outside its phase's window (before the phase
starts, or once the next has begun) arrives in another move than the author meant; and a
decision point opened by an inject of another phase opens in that other move. A phase
whose title names dates (“Move 3: 6 to 19 January”) should start within them."""

from __future__ import annotations

from datetime import date, datetime

from tabletop.model import Pack
from tabletop.packs.lint_base import Finding, warning
from tabletop.packs.title_dates import dates_named


def check_timing(pack: Pack) -> list[Finding]:
    """Injects timed outside their phase's window; decision points opened in another
    phase; phases starting outside the dates their titles name."""
    return [*_injects(pack), *_decision_points(pack), *_phase_titles(pack)]


def _phase_titles(pack: Pack) -> list[Finding]:
    out = []
    for i, phase in enumerate(pack.phases):
        named = dates_named(phase.title, phase.starts_at.year)
        if named is None:
            continue
        first, last = named
        if first <= phase.starts_at.date() <= last:
            continue
        span = _day(first) if first == last else f"{_day(first)} to {_day(last)}"
        out.append(
            warning(
                "phase-title-dates",
                f"/phases/{i}/title",
                f"phase '{phase.id}' starts {_when(phase.starts_at)}, outside the dates its "
                f"title names ({span})",
                "Correct the dates in the title, or the phase's starts_at.",
            )
        )
    return out


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def _windows(pack: Pack) -> dict[str, tuple[datetime, datetime | None]]:
    """Each phase's window: from its start to the start of the phase that starts next."""
    starts = sorted(p.starts_at for p in pack.phases)
    out = {}
    for p in pack.phases:
        later = [s for s in starts if s > p.starts_at]
        out[p.id] = (p.starts_at, later[0] if later else None)
    return out


def _when(value: datetime) -> str:
    return value.isoformat(" ", "minutes")


def _injects(pack: Pack) -> list[Finding]:
    windows = _windows(pack)
    out = []
    for i, inj in enumerate(pack.injects):
        if inj.phase not in windows:
            continue  # unknown-phase says so
        start, end = windows[inj.phase]
        if inj.time >= start and (end is None or inj.time < end):
            continue
        window = f"{_when(start)} to {_when(end)}" if end else f"from {_when(start)} on"
        out.append(
            warning(
                "inject-outside-phase",
                f"/injects/{i}/time",
                f"inject '{inj.id}' is timed {_when(inj.time)}, outside its phase "
                f"'{inj.phase}' ({window}): it would arrive in another move",
                "Move its time into the phase's window, or give it the phase it falls in.",
            )
        )
    return out


def _decision_points(pack: Pack) -> list[Finding]:
    phase_of = {dp.id: (i, dp.phase) for i, dp in enumerate(pack.decision_points)}
    out = []
    for inj in pack.injects:
        for dp_id in inj.opens:
            if dp_id not in phase_of:
                continue  # unknown-decision-point says so
            i, phase = phase_of[dp_id]
            if phase == inj.phase:
                continue
            out.append(
                warning(
                    "decision-outside-phase",
                    f"/decision_points/{i}/phase",
                    f"decision point '{dp_id}' belongs to phase '{phase}', but inject "
                    f"'{inj.id}' of phase '{inj.phase}' opens it: it would open in that move",
                    "Give the decision point the phase of the inject that opens it, or have "
                    "an inject of its own phase open it.",
                )
            )
    return out
