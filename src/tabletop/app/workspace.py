"""A user's workspace: their packs, their session database, and every service an interface
offers on them (start and open a game, report, verify, export, import, delete).

Each service loads what it needs, calls the pure core, and saves: the CLI and the GUI are
thin shells over it. Whatever goes wrong that the user can put right is an `AppError`.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from tabletop.app.collector import collector_paused
from tabletop.app.errors import AppError, app_errors
from tabletop.app.game import RECENT, Game, WallClock, memory_game, utc_now
from tabletop.app.logs import (
    LogSource,
    Verification,
    names_file,
    read_exported,
    read_file,
    read_stored,
)
from tabletop.app.pack_finder import check_pack, locate_pack
from tabletop.app.paper_locale import default_paper
from tabletop.app.reports import FORMATS, ReportOutput, render
from tabletop.app.user_packs import pack_key, save_pack
from tabletop.engine import LogError, Refusal, extend, replay, start_session
from tabletop.hashchain.chain import (
    Row,
    chain,
    intact_head,
    read_events,
    verify_and_read,
    verify_chain,
)
from tabletop.hashchain.signature import fingerprint, raw_public_key
from tabletop.packs import LoadedPack, LoadResult, load_pack
from tabletop.packs.installed import InstalledPack, installed_packs
from tabletop.paths import shipped_scenarios_dir, user_home
from tabletop.report import Paper, build_report, check_log
from tabletop.store import (
    DamagedLog,
    SessionInfo,
    SessionStore,
    StoredSession,
    existing_key,
    export_text,
    import_log,
    signing_key,
    snapshot_state,
)

PACKS_KEPT = 8
"""Loaded packs a workspace keeps (each is a few MB at most)."""


class Workspace:
    """The packs and sessions of one user (or of the folders given)."""

    def __init__(
        self,
        home: str | Path | None = None,
        *,
        sessions: str | Path | None = None,
        clock: WallClock = utc_now,
    ) -> None:
        self.home = Path(home) if home is not None else user_home()
        self.sessions_path = (
            Path(sessions) if sessions is not None else self.home / "sessions.sqlite"
        )
        self.clock = clock
        self._store: SessionStore | None = None
        self._packs: OrderedDict[tuple[object, ...], LoadResult] = OrderedDict()
        self._lock = threading.Lock()

    def close(self) -> None:
        """Close the session database (games opened from it can no longer record)."""
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def store(self) -> SessionStore:
        """The session database, opened on first use."""
        with self._lock:
            if self._store is None:
                with app_errors():
                    self._store = SessionStore(self.sessions_path)
            return self._store

    # --- packs ----------------------------------------------------------------------------

    @property
    def user_packs_dir(self) -> Path:
        """The user's own packs folder."""
        return self.home / "packs"

    def packs(self) -> list[InstalledPack]:
        """The shipped packs, then the user's, each loaded and checked."""
        return installed_packs(self.user_packs_dir)

    def load_pack(self, path: str | Path) -> LoadResult:
        """A pack file loaded and checked (the pack, or every problem in it). The last few
        are kept while their files are unchanged: opening a session loads its pack, and the
        mandate engine's verdict memory lives as long as the pack object."""
        key = pack_key(Path(path))
        if key is None:
            return load_pack(path)  # it says what is wrong with the path
        with self._lock:
            hit = self._packs.get(key)
            if hit is not None:
                self._packs.move_to_end(key)
                return hit
        result = load_pack(path)
        with self._lock:
            self._packs[key] = result
            if len(self._packs) > PACKS_KEPT:
                self._packs.popitem(last=False)
        return result

    def add_user_pack(self, name: str, data: bytes) -> Path:
        """Keep a pack file (uploaded from a browser, say) in the user's packs folder, under
        a safe version of its name; the path it was saved at (never over another file)."""
        return save_pack(self.user_packs_dir, name, data)

    # --- sessions -------------------------------------------------------------------------

    def sessions(self) -> list[SessionInfo]:
        """Every session in the database, most recent first."""
        with app_errors():
            return self.store.sessions()

    def start(
        self,
        loaded: LoadedPack,
        *,
        facilitator: str,
        exercise: str,
        exercise_date: date | None = None,
        dry_run: bool = False,
    ) -> Game:
        """Begin a new session of a pack and commit its first events. A `dry_run` game
        keeps its log in memory: the session database is not opened, nothing is stored."""
        now = self.clock()
        pack = loaded.pack
        if dry_run:
            return memory_game(
                loaded,
                session_id=f"{pack.meta.id[:48]}-dry-run",  # never stored, so never taken
                facilitator=facilitator,
                exercise=exercise,
                exercise_date=exercise_date or now.date(),
                now=now,
                clock=self.clock,
            )
        with app_errors():
            session_id = self.store.new_session_id(pack.meta.id, now.date())
            started = start_session(
                pack,
                pack_hash=loaded.content_hash,
                session_id=session_id,
                facilitator=facilitator,
                exercise=exercise,
                exercise_date=exercise_date or now.date(),
                now=now,
            )
            if isinstance(started, Refusal):
                raise AppError(f"the session could not start: {started.message}")
            recent = enumerate(started.events, start=1)
            rows = chain(started.events)
            info = SessionInfo(
                id=session_id,
                pack_id=pack.meta.id,
                pack_version=pack.meta.version,
                pack_title=pack.meta.title,
                pack_hash=loaded.content_hash,
                pack_path=loaded.path,
                exercise=exercise,
                facilitator=facilitator,
                started_at=now,
                ended_at=None,
                event_count=len(rows),
                head_hash=rows[-1].hash,
            )
            self.store.create(info, rows)
        log = StoredSession(self.store, info)
        return Game(loaded, started.state, log, clock=self.clock, recent=recent)

    def open(
        self,
        ref: str,
        *,
        pack: str | Path | None = None,
        allow_changed: bool = False,
        recent: int = RECENT,
    ) -> Game:
        """Open a stored session for play: check its pack and its log, and replay it (from
        its snapshot, when it has a sound one). The game keeps the last `recent` events at
        hand to narrate."""
        with app_errors(), collector_paused():
            stored = self.store.read_log(ref, snapshot=True)
            info, rows = stored.info, stored.rows
            loaded = self.find_pack(info, pack)
            check_pack(info, loaded, allow_changed=allow_changed)
            count, head = info.event_count, info.head_hash
            if intact_head(rows, expected_count=count, expected_head=head) is None:
                raise _damage(info, rows)
            snapshot = snapshot_state(stored.snapshot, rows)
            done = snapshot.event_count if snapshot is not None else 0
            start = min(done, max(0, len(rows) - recent))
            try:
                events = read_events(rows[start:])
            except ValidationError:
                raise _damage(info, rows) from None
            if [e.type for e in events] != [r.type for r in rows[start:]]:
                raise _damage(info, rows)
            later = events[done - start :]
            try:
                state = extend(snapshot, later) if snapshot is not None else replay(later)
            except LogError as exc:
                raise AppError(f"session {info.id} cannot be read as a game: {exc}") from exc
            log = StoredSession(self.store, info, snapshot_seq=done)
        numbered = enumerate(events, start=start + 1)
        return Game(loaded, state, log, clock=self.clock, recent=numbered, keep=recent)

    def find_pack(self, info: SessionInfo, explicit: str | Path | None = None) -> LoadedPack:
        """The pack a session was played with (the file given, else found by its id)."""
        with app_errors():
            folders = (self.user_packs_dir, shipped_scenarios_dir())
            return locate_pack(info, folders, explicit, load=self.load_pack)

    def read(self, ref: str) -> LogSource:
        """A session log by session id, unique prefix of one, or exported .jsonl file."""
        with app_errors():
            if names_file(ref):
                path = Path(ref)
                return read_exported(_read_log_file(path), path)
            return read_stored(self.store, ref)

    def verify(self, ref: str) -> Verification:
        """Check a log's hash chain against the count and head recorded outside it, and an
        export's signature (naming the key, and whether it is this installation's)."""
        source = self.read(ref)
        signature = source.signature()
        own: bool | None = None
        problem = ""
        if signature is not None and signature.state == "verified":
            try:
                own = self.key_fingerprint() == signature.fingerprint
            except AppError as exc:  # the log's check stands; only the comparison is lost
                problem = str(exc)
        return Verification(source, source.verify(), signature, own, problem)

    def key_fingerprint(self, *, create: bool = False) -> str | None:
        """The fingerprint of this installation's signing key (None if it has none yet;
        with `create`, one is made)."""
        with app_errors():
            key = signing_key(self.home) if create else existing_key(self.home)
        return None if key is None else fingerprint(raw_public_key(key))

    def report(
        self,
        ref: str,
        fmt: str,
        *,
        pack: str | Path | None = None,
        allow_changed: bool = False,
        paper: Paper | None = None,
    ) -> ReportOutput:
        """The after-action report of a log, rendered (HTML, Word and PDF for `paper`, by
        default the locale's). A damaged log still gets its report, built from the events
        before the damage and flagged at the top."""
        if fmt not in FORMATS:
            raise AppError(f"unknown report format '{fmt}' (formats: {', '.join(FORMATS)})")
        with collector_paused():
            return self._report(ref, fmt, pack, allow_changed, paper or default_paper())

    def _report(
        self, ref: str, fmt: str, pack: str | Path | None, allow_changed: bool, paper: Paper
    ) -> ReportOutput:
        source = self.read(ref)
        info = source.info
        with app_errors():
            events, integrity = check_log(
                source.rows,
                source=source.source,
                expected_count=info.event_count,
                expected_head=info.head_hash,
                signature=source.signature(),
            )
            loaded = self.find_pack(info, pack)
            check_pack(info, loaded, allow_changed=allow_changed)
            report = build_report(loaded.pack, events, integrity, pack_hash=loaded.content_hash)
            return ReportOutput(render(report, fmt, paper=paper), report, info, fmt)

    def export(self, ref: str, *, sign: bool = False) -> tuple[SessionInfo, str]:
        """A stored session's log as JSON Lines text; with `sign`, signed by this
        installation's key (made on first need). A damaged log is never signed."""
        with app_errors():
            stored = self.store.read_log(ref)
            info, rows = stored.info, stored.rows
            key = None
            if sign:
                # A signature vouches for the log: never for one already damaged. (The
                # quick check first: the full one parses every event.)
                count, head = info.event_count, info.head_hash
                if intact_head(rows, expected_count=count, expected_head=head) is None:
                    report = verify_chain(rows, expected_count=count, expected_head=head)
                    raise DamagedLog(f"session {info.id} is not signed", report)
                key = signing_key(self.home)
            return info, export_text(info, rows, key)

    def import_log(self, data: bytes, name: str) -> SessionInfo:
        """Add an exported session to the database; refuse a damaged log or a known id."""
        with app_errors():
            return import_log(self.store, data, name)

    def import_file(self, path: str | Path) -> SessionInfo:
        """Add the exported session in a .jsonl file to the database."""
        return self.import_log(_read_log_file(Path(path)), str(path))

    def delete(self, ref: str) -> SessionInfo:
        """Remove a session (a practice run, say) and its log from the database."""
        with app_errors():
            info = self.store.find(ref)
            self.store.delete(info.id)
            return info


def _read_log_file(path: Path) -> bytes:
    try:
        return read_file(path)
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise AppError(f"cannot read {path}: {reason}") from exc


def _damage(info: SessionInfo, rows: list[Row]) -> DamagedLog:
    """The damage in a log that failed the quick check, named by the full diagnosis."""
    count, head = info.event_count, info.head_hash
    report, _ = verify_and_read(rows, expected_count=count, expected_head=head)
    return DamagedLog(f"session {info.id}", report)
