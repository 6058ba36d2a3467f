"""Crash safety: a scripted game killed with SIGKILL at random points loses nothing it had
acknowledged, and leaves nothing half-written."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from enginegame import run_steps, start_memory_session

from tabletop.app import Workspace
from tabletop.hashchain.chain import read_events
from tabletop.model.script import Playthrough
from tabletop.packs import open_pack

ROOT = Path(__file__).resolve().parents[2]
BRANCH = ROOT / "tests" / "data" / "playthroughs" / "example-branch-compact.json"
TRIALS = 22
ACK = re.compile(r"^ok step (\d+): ")

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")


def long_script(tmp_path: Path) -> Path:
    """The Compact branch with many notes and amendments woven in: a long game."""
    doc = json.loads(BRANCH.read_text("utf-8"))
    doc["pack"] = str(ROOT / "tests" / "data" / "example-pack.json")
    # Every step that is meant to succeed, without its expectations, up to the end.
    steps = [
        {k: v for k, v in s.items() if k != "expect"}
        for s in doc["steps"]
        if "refused" not in s.get("expect", {})
    ]
    steps = steps[: next(i for i, s in enumerate(steps) if "end" in s)]
    long = []
    for n, step in enumerate(steps):
        long.append(step)
        for k in range(6):
            long.append({"note": {"kind": "strength", "text": f"Observation {n}.{k}"}})
        if "decide" in step:
            d = step["decide"]
            for k in range(3):
                long.append(
                    {
                        "amend": {
                            "decision": d["decision"],
                            "role": d["role"],
                            "rationale": f"Take {k}",
                            "reason": "Scribe",
                        }
                    }
                )
    long.append({"end": {}})
    doc["steps"] = long
    path = tmp_path / "long.json"
    path.write_text(json.dumps(doc), "utf-8")
    return path


def test_the_long_script_plays_through(tmp_path):
    script = long_script(tmp_path)
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "tabletop",
            "play",
            "--script",
            str(script),
            "--session",
            str(tmp_path / "s.sqlite"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "script passed" in out.stdout


def kill_at(script_path: Path, db: Path, target: int, delay: float) -> tuple[int, bool]:
    """Play the script, SIGKILL it once `target` steps are acknowledged (and `delay` more
    seconds have passed); the number of steps it acknowledged, and whether it was killed."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tabletop",
            "play",
            "--script",
            str(script_path),
            "--session",
            str(db),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        bufsize=1,
    )
    assert proc.stdout is not None
    lines: list[str] = []
    while sum(bool(ACK.match(x)) for x in lines) < target:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    # Whatever it printed before dying was acknowledged too.
    lines.extend(proc.stdout.read().splitlines(keepends=True))
    proc.wait()
    acked = [int(m.group(1)) for x in lines if (m := ACK.match(x))]
    assert acked == list(range(1, len(acked) + 1))
    return len(acked), proc.returncode == -signal.SIGKILL


def test_killed_games_keep_every_acknowledged_step(tmp_path):
    script_path = long_script(tmp_path)
    script = Playthrough.model_validate_json(script_path.read_text("utf-8"))
    rng = random.Random(20311126)
    plans = [
        (tmp_path / f"crash-{n}.sqlite", rng.randint(0, len(script.steps) - 1), rng.random() / 200)
        for n in range(TRIALS)
    ]
    # Several games at once: each pays the interpreter's start-up, not the test's clock.
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda plan: kill_at(script_path, *plan), plans))
    assert sum(killed for _acked, killed in results) >= 20, "trials must die mid-game"
    for trial, ((db, _target, _delay), (acked, _killed)) in enumerate(
        zip(plans, results, strict=True)
    ):
        check_after_crash(db, script, acked, trial)


def check_after_crash(db: Path, script: Playthrough, acked: int, trial: int) -> None:
    """The session verifies, replays, and holds every acknowledged step's events."""
    if not db.exists():
        assert acked == 0
        return
    with Workspace(db.parent / "home", sessions=db) as workspace:
        sessions = workspace.sessions()
        if not sessions:
            assert acked == 0
            return
        (info,) = sessions
        game = workspace.open(info.id)  # verifies the chain
        rows = workspace.store.rows(info.id)
        assert len(rows) == info.event_count
        events = read_events(rows)
    # The same steps in memory give the events the acknowledgements stand for.
    loaded = open_pack(ROOT / "tests" / "data" / "example-pack.json")
    memory = start_memory_session(
        loaded,
        lambda: info.started_at,
        info.id,
        facilitator=script.facilitator,
        exercise=script.exercise,
        exercise_date=script.exercise_date or info.started_at.date(),
    )
    steps = script.model_copy(update={"steps": script.steps[:acked]})
    for report in run_steps(steps, memory):
        assert report.ok, (trial, report)
    expected = [e.type for e in memory.events]
    found = [e.type for e in events]
    assert found[: len(expected)] == expected, f"trial {trial}: acknowledged events lost"
    for (dp, role), decision in memory.state.decisions.items():
        assert game.state.decisions[(dp, role)].option == decision.option
    assert game.state.observation_count >= memory.state.observation_count
