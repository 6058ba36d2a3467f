"""Playthrough scripts played in memory (nothing stored) and the coverage of a pack by
them: what `tabletop coverage` runs."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tabletop.app.errors import AppError
from tabletop.app.game import MemoryLog, memory_game, utc_now
from tabletop.app.script_runner import StepReport, play_steps
from tabletop.engine import Refusal
from tabletop.jsonloc.diagnostics import terminal_safe
from tabletop.model.events import Event
from tabletop.packs import LoadedPack
from tabletop.scripting.coverage import Coverage, coverage_by_script
from tabletop.scripting.coverage_report import coverage_dict, missed_lines, summary_lines
from tabletop.scripting.loading import LoadedScript, load_script

SCRIPTS_FOLDER = "tests"
"""The folder beside a pack where its scripts are looked for when none is named."""


@dataclass(frozen=True)
class PlayedScript:
    """One script played in memory: its log, or why it could not be played to the end."""

    path: Path
    events: tuple[Event, ...] = ()
    errors: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when every step ran and every expectation held."""
        return not self.errors


@dataclass(frozen=True)
class ScriptCoverage:
    """The coverage of a pack by scripts: over the scripts that played, together and each."""

    played: tuple[PlayedScript, ...]
    overall: Coverage
    per_script: dict[str, Coverage] = field(default_factory=dict)

    @property
    def failed(self) -> tuple[PlayedScript, ...]:
        """The scripts that could not be played to the end (left out of the figures)."""
        return tuple(p for p in self.played if not p.ok)


def neighbouring_scripts(pack_path: Path) -> list[Path]:
    """The scripts that name this pack: the `*.json` files in the `tests` folder beside it
    whose "pack" resolves to it, by name."""
    folder = pack_path.parent / SCRIPTS_FOLDER
    if not folder.is_dir():
        return []
    target = pack_path.resolve()
    found = []
    for candidate in sorted(folder.glob("*.json")):
        named = _named_pack(candidate)
        if named is not None and (candidate.parent / named).resolve() == target:
            found.append(candidate)
    return found


def _named_pack(path: Path) -> str | None:
    """The "pack" a JSON file names, if it is an object that names one (else None: not a
    script of any pack, so not one to use)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return None
    named = data.get("pack") if isinstance(data, dict) else None
    return named if isinstance(named, str) else None


def play_in_memory(loaded: LoadedPack, path: Path) -> PlayedScript:
    """Play a script on a fresh session of the pack kept in memory; its events, or its
    located errors (a script that does not load, a step that fails)."""
    script = load_script(path)
    if isinstance(script, list):
        return PlayedScript(path, errors=tuple(d.render() for d in script) or ("unreadable",))
    body = script.script
    now = utc_now()
    try:
        game = memory_game(
            loaded,
            session_id=f"{loaded.pack.meta.id}-coverage",
            facilitator=body.facilitator,
            exercise=body.exercise,
            exercise_date=body.exercise_date or now.date(),
            now=now,
        )
    except AppError as exc:
        return PlayedScript(path, errors=(f"{path}: {exc}",))
    log = game.log
    assert isinstance(log, MemoryLog)  # memory_game's, which keeps every event
    for report in play_steps(body, game):
        if not report.ok:
            return PlayedScript(path, tuple(log.events), _failure(report, script))
    return PlayedScript(path, tuple(log.events))


def _failure(report: StepReport, script: LoadedScript) -> tuple[str, ...]:
    lines = [
        f"{script.where(report.pointer)}: step {report.number} ({report.command}) failed"
        + (f": refused: {report.result.message}" if isinstance(report.result, Refusal) else "")
    ]
    for mismatch in report.mismatches:
        pointer = f"{report.pointer}/expect/{mismatch.field}" if mismatch.field else report.pointer
        lines.append(f"  {script.where(pointer)}: {pointer}: {mismatch}")
    return tuple(terminal_safe(line) for line in lines)


def script_coverage(loaded: LoadedPack, scripts: list[Path]) -> ScriptCoverage:
    """Play each script in memory and measure the pack's coverage by those that passed."""
    played = tuple(play_in_memory(loaded, path) for path in scripts)
    logs = {str(p.path): p.events for p in played if p.ok}
    overall, per_script = coverage_by_script(loaded.pack, logs)
    return ScriptCoverage(played, overall, per_script)


def coverage_document(
    loaded: LoadedPack, measured: ScriptCoverage, *, fail_under: float | None = None
) -> dict[str, Any]:
    """The coverage as JSON (docs/playthrough.md, "Coverage", gives the shape)."""
    return {
        "format": 1,
        "pack": {
            "id": loaded.pack.meta.id,
            "version": loaded.pack.meta.version,
            "path": loaded.path,
        },
        "fail_under": fail_under,
        "overall": coverage_dict(measured.overall),
        "scripts": [
            {
                "path": str(p.path),
                "passed": p.ok,
                "errors": list(p.errors),
                "coverage": coverage_dict(measured.per_script[str(p.path)]) if p.ok else None,
            }
            for p in measured.played
        ],
    }


def coverage_text(loaded: LoadedPack, measured: ScriptCoverage) -> str:
    """The coverage for a terminal: the scripts used, the figures over all of them, the
    items never reached, then each script's figures."""
    meta = loaded.pack.meta
    passed = [p for p in measured.played if p.ok]
    scripts = "script" if len(passed) == 1 else "scripts"
    lines = [f"coverage of {meta.id} {meta.version} by {len(passed)} {scripts}:"]
    for p in measured.played:
        lines.append(f"  {p.path}" + ("" if p.ok else "  FAILED (left out)"))
    lines.append("all scripts together:")
    lines.extend(summary_lines(measured.overall))
    missed = missed_lines(measured.overall)
    if missed:
        lines.append("never reached by any script:")
        lines.extend(missed)
    else:
        lines.append("every item was reached by some script")
    for p in passed:
        lines.append(f"{p.path}:")
        lines.extend(summary_lines(measured.per_script[str(p.path)]))
    return terminal_safe_lines(lines)


def terminal_safe_lines(lines: list[str]) -> str:
    """The lines joined, each made safe for a terminal (titles are the pack's text)."""
    return "\n".join(terminal_safe(line) for line in lines)
