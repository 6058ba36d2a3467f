"""Every store error is a message naming the file and what to do, exit 1, nothing
half-written (issue 11, 4): read-only, locked, full, not a database, a folder."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tabletop.app import AppError, Workspace
from tabletop.cli import main
from tabletop.store import SessionStore, StoreError

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tests" / "data" / "playthroughs" / "example-branch-quiet.json"


def _tabletop(*args: str, as_other_user: bool) -> subprocess.CompletedProcess[str]:
    """Run tabletop in a child process; as another user when this one is root (root may
    write any file, so a read-only file is only read-only for someone else)."""
    env = {**os.environ, "MPLCONFIGDIR": tempfile.gettempdir(), "TABLETOP_HOME": "/nonexistent"}
    user = "nobody" if as_other_user and os.geteuid() == 0 else None
    return subprocess.run(
        [sys.executable, "-m", "tabletop", *args],
        capture_output=True,
        text=True,
        env=env,
        user=user,
        cwd=tempfile.gettempdir(),
        check=False,
        timeout=120,
    )


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder another user can read (pytest's own temporary folders are private)."""
    folder = Path(tempfile.mkdtemp(prefix="tabletop-ro-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _read_only_copy(folder: Path, exported: Path) -> Path:
    """A database of one game, read-only, and another game exported beside it."""
    db = folder / "sessions.sqlite"
    assert main(["play", "--script", str(SCRIPT), "--session", str(db)]) == 0
    elsewhere = exported.parent / "elsewhere.sqlite"
    assert main(["play", "--script", str(SCRIPT), "--session", str(elsewhere)]) == 0
    sid = SessionStore(elsewhere).sessions()[0].id
    assert main(["export", sid, "-o", str(exported), "--session", str(elsewhere)]) == 0
    db.chmod(0o444)
    folder.chmod(0o555)
    return db


def _contents(db: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute("SELECT session_id, seq, hash FROM events ORDER BY 1, 2").fetchall()
    finally:
        con.close()


def test_a_read_only_database_is_read_but_never_written(shared_dir, capsys):
    exported = Path(tempfile.mkdtemp()) / "game.jsonl"
    db = _read_only_copy(shared_dir, exported)
    exported.parent.chmod(0o755)
    exported.chmod(0o644)
    capsys.readouterr()
    before = _contents(db)
    for args in (
        ["play", "--script", str(SCRIPT), "--session", str(db)],
        ["import", str(exported), "--session", str(db)],
    ):
        out = _tabletop(*args, as_other_user=True)
        assert out.returncode == 1, out
        assert "Traceback" not in out.stderr
        assert f"tabletop: error: the session database {db} is read-only" in out.stderr
        assert "--session FILE" in out.stderr
    assert _contents(db) == before  # nothing half-written
    listed = _tabletop("sessions", "--session", str(db), as_other_user=True)
    assert listed.returncode == 0 and "example-quiet-pass" in listed.stdout
    sid = listed.stdout.splitlines()[1].split()[0]
    verified = _tabletop("verify", sid, "--session", str(db), as_other_user=True)
    assert verified.returncode == 0 and "intact" in verified.stdout, verified
    shared_dir.chmod(0o755)
    shutil.rmtree(exported.parent, ignore_errors=True)


def test_a_database_locked_too_long_is_a_message(tmp_path, example):
    db = tmp_path / "locked.sqlite"
    with Workspace(tmp_path / "home", sessions=db) as space:
        game = space.start(example, facilitator="F", exercise="Locked")
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        store = SessionStore(db, timeout=0.2)  # readers are not blocked (WAL); writers are
        assert store.sessions()[0].id == game.id
        with pytest.raises(StoreError, match="locked by another program for too long"):
            store.delete(game.id)
    finally:
        other.execute("ROLLBACK")
        other.close()
    with SessionStore(db) as again:
        assert again.sessions()[0].id == game.id  # the delete never happened


def test_a_full_disk_records_nothing_and_says_so(tmp_path, example):
    with Workspace(tmp_path / "home", sessions=tmp_path / "full.sqlite") as space:
        game = space.start(example, facilitator="F", exercise="Full")
        store = space.store
        count = store.info(game.id).event_count
        pages = store.con.execute("PRAGMA page_count").fetchone()[0]
        store.con.execute(f"PRAGMA max_page_count = {pages}")  # as full as the disk is
        with pytest.raises(AppError, match=r"is full; nothing was recorded"):
            for n in range(200):
                game.note("strength", "A long observation. " * 200 + str(n))
        assert store.info(game.id).event_count == len(store.rows(game.id)) >= count
        assert game.state.event_count == store.info(game.id).event_count  # nothing half-done
        store.con.execute("PRAGMA max_page_count = 1000000")  # space freed: the game goes on
        assert game.note("strength", "Recorded again.").state.event_count > count


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p.write_bytes(b"these are not the droids" * 200), "not a usable tabletop"),
        (lambda p: p.mkdir(), "it is a folder"),
    ],
)
def test_a_file_that_cannot_be_a_database_is_a_message(tmp_path, capsys, make, words):
    target = tmp_path / "sessions.sqlite"
    make(target)
    assert main(["play", "--script", str(SCRIPT), "--session", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("tabletop: error: ") and words in err and str(target) in err
    assert "Traceback" not in err


def test_a_read_only_copy_with_events_still_in_its_wal_is_refused_not_cut(shared_dir, example):
    db = shared_dir / "sessions.sqlite"
    with Workspace(shared_dir / "home", sessions=db) as space:
        game = space.start(example, facilitator="F", exercise="Copied mid-game")
        for n in range(20):
            game.note("strength", f"Seen {n}.")
        # Copied while the game is open: the newest events are still in the -wal file.
        copy = Path(tempfile.mkdtemp(prefix="tabletop-copy-"))
        for suffix in ("", "-wal"):
            shutil.copy(f"{db}{suffix}", copy / f"sessions.sqlite{suffix}")
    assert (copy / "sessions.sqlite-wal").stat().st_size > 0
    for item in copy.iterdir():
        item.chmod(0o444)
    copy.chmod(0o555)
    try:
        out = _tabletop("verify", game.id, "--session", str(copy / "sessions.sqlite"),
                        as_other_user=True)  # fmt: skip
        assert out.returncode == 1 and "Traceback" not in out.stderr
        assert "still in sessions.sqlite-wal" in out.stderr, out.stderr
    finally:
        copy.chmod(0o755)
        shutil.rmtree(copy, ignore_errors=True)
