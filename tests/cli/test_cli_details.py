"""tabletop details: show a session's exercise details, change some and keep the rest
(also after the end), and a bad point of contact refused with its line."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tabletop.cli import main

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tests" / "data" / "playthroughs" / "example-branch-compact.json"


def _run(db: Path, *argv: str) -> int:
    con = sqlite3.connect(db)
    (sid,) = con.execute("SELECT id FROM sessions").fetchone()
    con.close()
    return main(["details", sid[:24], *argv, "--session", str(db)])


def test_details_are_changed_field_by_field_after_the_end(db, capsys):
    assert _run(db) == 0
    assert capsys.readouterr().out == "no exercise details recorded\n"
    contact = "Col. A. Fictive — Exercise director — Staff college — director@example.org"
    argv = ["--type", "seminar", "--location", "Room 4", "--contact", contact]
    assert _run(db, *argv, "--evaluator", "Dr. L. Sample", "--evaluator", "Maj. I. Mock") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("exercise details recorded (event 46)")
    assert out[1:] == [
        "type: Seminar",
        "location: Room 4",
        "sponsor: -",
        "points of contact:",
        f"  {contact}",
        "evaluators: Dr. L. Sample, Maj. I. Mock",
        "controllers: -",
    ]
    assert _run(db, "--location", "", "--type", "none", "--controller", "Capt. O. Standin") == 0
    out = capsys.readouterr().out.splitlines()
    assert "type: -" in out and "location: -" in out and f"  {contact}" in out
    assert (
        "controllers: Capt. O. Standin" in out and "evaluators: Dr. L. Sample, Maj. I. Mock" in out
    )


def test_a_contact_that_cannot_be_read_changes_nothing(db, capsys):
    assert _run(db, "--location", "Room 4", "--contact", "— Director") == 1
    err = capsys.readouterr().err
    assert err == "tabletop: error: point of contact, line 1: begin with the name\n"
    assert _run(db) == 0 and "no exercise details recorded" in capsys.readouterr().out


def test_the_readme_gives_every_option():
    readme = (ROOT / "README.md").read_text("utf-8")
    heading = next(line for line in readme.splitlines() if line.startswith("### `tabletop details"))
    for option in ("--type", "--location", "--sponsor", "--contact", "--evaluator", "--controller"):
        assert option in heading
