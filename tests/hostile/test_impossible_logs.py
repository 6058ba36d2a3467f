"""Logs whose chain is intact but which no game could produce (a forger re-chained them):
refused at import with a message, and a message, not a traceback, if one is in the store."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tabletop.app import AppError, Workspace
from tabletop.cli import main
from tabletop.hashchain.chain import link


def _rechained(text: str, edit) -> str:
    """The exported log with its events edited by `edit(events)` and the chain recomputed."""
    lines = text.splitlines()
    header = json.loads(lines[0])
    events = [json.loads(line)["event"] for line in lines[1:]]
    events = edit(events)
    prev, out = "0" * 64, []
    for seq, event in enumerate(events, start=1):
        body = json.dumps(event, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        digest = link(prev, body)
        out.append(json.dumps({"seq": seq, "prev": prev, "hash": digest, "event": event}))
        prev = digest
    header.update(events=len(events), head=prev)
    header.pop("signature", None)
    return "\n".join([json.dumps(header), *out]) + "\n"


def test_a_second_start_is_refused_at_import(tmp_path, example, capsys):
    with Workspace(tmp_path / "home", sessions=tmp_path / "a.sqlite") as space:
        game = space.start(example, facilitator="F", exercise="E")
        game.note("strength", "Seen.")
        _info, text = space.export(game.id)
    forged = tmp_path / "forged.jsonl"
    forged.write_text(_rechained(text, lambda events: [*events, events[0]]), "utf-8")
    assert main(["verify", str(forged)]) == 0  # the chain itself is intact
    capsys.readouterr()
    other = tmp_path / "b.sqlite"
    assert main(["import", str(forged), "--session", str(other)]) == 1
    err = capsys.readouterr().err
    assert "cannot be read as a game" in err and "starts the session a second time" in err
    assert "Traceback" not in err


def test_an_impossible_log_in_the_store_is_a_message(tmp_path, example, capsys):
    db = tmp_path / "s.sqlite"
    with Workspace(tmp_path / "home", sessions=db) as space:
        game = space.start(example, facilitator="F", exercise="E")
        _info, text = space.export(game.id)
    forged = _rechained(text, lambda events: [*events, events[0]])
    lines = [json.loads(line) for line in forged.splitlines()[1:]]
    con = sqlite3.connect(db)
    last = lines[-1]
    body = json.dumps(last["event"], sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    con.execute(
        "INSERT INTO events VALUES (?,?,?,?,?,?)",
        (game.id, last["seq"], "session_started", body, last["prev"], last["hash"]),
    )
    con.execute(
        "UPDATE sessions SET event_count = ?, head_hash = ? WHERE id = ?",
        (last["seq"], last["hash"], game.id),
    )
    con.commit()
    con.close()
    with Workspace(tmp_path / "home", sessions=db) as space, pytest.raises(AppError):
        space.open(game.id)
    assert main(["resume", game.id, "--session", str(db)]) == 1
    err = capsys.readouterr().err
    assert "cannot be read as a game" in err and "Traceback" not in err
