"""Readers of a session that is being written never see a false "damaged" (issue 11, 1).

A reader that took the session record (event count, head) and the events in two separate
reads could see the record of one commit beside the events of the next, which looks like
an inserted event. Every read is now one read transaction.
"""

from __future__ import annotations

import threading
from pathlib import Path

from tabletop.app import Workspace
from tabletop.cli import main

READS = 240


def test_readers_see_an_intact_log_while_a_game_is_written(tmp_path: Path, example) -> None:
    db = tmp_path / "busy.sqlite"
    with Workspace(tmp_path / "home", sessions=db) as writer_space:
        game = writer_space.start(example, facilitator="F", exercise="Busy")
        done = threading.Event()

        def write() -> None:
            n = 0
            while not done.is_set():
                game.note("strength", f"Seen {n}.")
                n += 1

        writer = threading.Thread(target=write)
        writer.start()
        alarms: list[str] = []
        try:
            # Each reader has its own connection, as another process would.
            with Workspace(tmp_path / "home", sessions=db) as reader_space:
                for _ in range(READS):
                    report = reader_space.verify(game.id).chain
                    if not report.ok:
                        alarms.append(report.describe())
                    reopened = reader_space.open(game.id)
                    assert reopened.state.event_count >= 1
        finally:
            done.set()
            writer.join()
        assert alarms == []
        assert game.state.event_count > 10  # the writer really was writing meanwhile


def test_verify_from_the_command_line_while_a_game_is_written(tmp_path: Path, example, capsys):
    db = tmp_path / "busy.sqlite"
    with Workspace(tmp_path / "home", sessions=db) as space:
        game = space.start(example, facilitator="F", exercise="Busy")
        done = threading.Event()

        def write() -> None:
            while not done.is_set():
                game.note("area_for_improvement", "Again.")

        writer = threading.Thread(target=write)
        writer.start()
        codes = []
        try:
            for _ in range(60):
                codes.append(main(["verify", game.id, "--session", str(db)]))
        finally:
            done.set()
            writer.join()
    out = capsys.readouterr().out
    assert codes == [0] * 60, out
    assert "damaged" not in out
