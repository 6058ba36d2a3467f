"""tabletop sessions, resume, verify, export and import."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from tabletop.cli import main

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tests" / "data" / "playthroughs" / "example-branch-compact.json"


def session_id(db: Path) -> str:
    con = sqlite3.connect(db)
    (sid,) = con.execute("SELECT id FROM sessions").fetchone()
    con.close()
    return sid


def test_sessions_lists_id_pack_start_state_and_events(db, capsys):
    assert main(["sessions", "--session", str(db)]) == 0
    out = capsys.readouterr().out
    assert session_id(db) in out and "ended" in out and "example-quiet-pass 1.2.0" in out
    assert main(["sessions", "--session", str(db), "--format", "json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["events"] > 40 and row["ended_at"] is not None


def test_sessions_on_an_empty_database(tmp_path, capsys):
    assert main(["sessions", "--session", str(tmp_path / "none.sqlite")]) == 0
    assert "no sessions" in capsys.readouterr().out


def test_resume_shows_where_the_game_stands(tmp_path, capsys):
    path = tmp_path / "mid.json"
    doc = json.loads(SCRIPT.read_text("utf-8"))
    doc["pack"] = str(ROOT / "tests" / "data" / "example-pack.json")
    doc["steps"] = doc["steps"][:11]
    path.write_text(json.dumps(doc), "utf-8")
    db = tmp_path / "mid.sqlite"
    assert main(["play", "--script", str(path), "--session", str(db)]) == 0
    capsys.readouterr()
    assert main(["resume", session_id(db)[:-2], "--session", str(db), "--last", "3"]) == 0
    out = capsys.readouterr().out
    assert "phase: move-2" in out
    assert "scenario time: 2031-03-02 12:00 (running)" in out
    assert "INJ-07 due 2031-03-04 08:00" in out
    assert "DP-3/ncp_secretariat/NCP-PK-2005/pk-in-member-state/inform-council" in out
    assert "status: in play" in out
    assert out.count("\n  #") == 3


def test_resume_refuses_a_changed_pack_unless_allowed(db, tmp_path, capsys):
    folder = tmp_path / "copy"
    shutil.copytree(ROOT / "tests" / "data", folder, ignore=shutil.ignore_patterns("bad"))
    pack = folder / "example-pack.json"
    doc = json.loads(pack.read_text("utf-8"))
    doc["meta"]["summary"] += " Revised."
    pack.write_text(json.dumps(doc), "utf-8")
    sid = session_id(db)
    assert main(["resume", sid, "--session", str(db), "--pack", str(pack)]) == 1
    assert "the pack has changed" in capsys.readouterr().err
    args = ["resume", sid, "--session", str(db), "--pack", str(pack), "--allow-changed-pack"]
    assert main(args) == 0
    assert "warning:" in capsys.readouterr().out


def test_resume_of_an_unknown_session(db, capsys):
    assert main(["resume", "nothing-like-it", "--session", str(db)]) == 1
    assert "no session 'nothing-like-it'" in capsys.readouterr().err


def test_export_verify_import_round_trip(db, tmp_path, capsys):
    sid = session_id(db)
    out = tmp_path / "game.jsonl"
    assert main(["export", sid[:-3], "-o", str(out), "--session", str(db)]) == 0
    assert main(["verify", str(out)]) == 0
    assert "intact" in capsys.readouterr().out
    other = tmp_path / "other.sqlite"
    assert main(["import", str(out), "--session", str(other)]) == 0
    assert f"imported session {sid}" in capsys.readouterr().out
    assert main(["import", str(out), "--session", str(other)]) == 1
    assert "already in" in capsys.readouterr().err
    assert main(["verify", sid, "--session", str(other)]) == 0
    assert "intact" in capsys.readouterr().out
    assert main(["export", sid, "-o", "-", "--session", str(other)]) == 0
    assert capsys.readouterr().out == out.read_text("utf-8")


def test_verify_of_a_missing_file(tmp_path, capsys):
    assert main(["verify", str(tmp_path / "gone.jsonl")]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_resume_shows_late_obligations_first_with_their_due_time(tmp_path, capsys):
    script = json.loads((ROOT / "tests" / "data" / "deadline-playthrough.json").read_text("utf-8"))
    script["pack"] = str(ROOT / "tests" / "data" / "deadline-pack.json")
    script["steps"] = script["steps"][:2]  # deployed at 08:00; the clock at 12:00
    path = tmp_path / "late.json"
    path.write_text(json.dumps(script), "utf-8")
    db = tmp_path / "late.sqlite"
    assert main(["play", "--script", str(path), "--session", str(db)]) == 0
    capsys.readouterr()
    assert main(["resume", session_id(db), "--session", str(db)]) == 0
    out = capsys.readouterr().out
    owed = out.split("open obligations:\n")[1].split("facts:")[0].splitlines()
    assert owed[0].startswith("  LATE by 4 h, due 2030-01-01 08:00 (at once): DP-1/lead/")
    assert owed[1].startswith("  due 2030-01-02 08:00 (within 24 hours): DP-1/lead/")
    assert owed[2].startswith("  DP-1/lead/TREATY/deploy/review-with-host: ")


def test_sessions_delete_by_prefix_says_what_it_deleted(db, capsys):
    sid = session_id(db)
    assert main(["sessions", "--session", str(db), "--delete", sid[:-3]]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith(f"deleted session {sid} (example-quiet-pass 1.2.0: ")
    assert str(db) in captured.out and captured.err == ""
    assert main(["sessions", "--session", str(db)]) == 0
    assert "no sessions" in capsys.readouterr().out
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM events").fetchone() == (0,)
    con.close()


def test_sessions_delete_refuses_an_unknown_or_ambiguous_id(db, capsys):
    sid = session_id(db)
    assert main(["play", "--script", str(SCRIPT), "--session", str(db)]) == 0
    capsys.readouterr()
    assert main(["sessions", "--session", str(db), "--delete", "nosuch"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("tabletop: error: no session 'nosuch' in ") and "Traceback" not in err
    common = sid.split("-")[0]
    assert main(["sessions", "--session", str(db), "--delete", common]) == 1
    assert "could be any of" in capsys.readouterr().err
    assert main(["sessions", "--session", str(db), "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2  # nothing was deleted
