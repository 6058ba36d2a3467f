"""The library: the packs one can play (with their validation state) and the sessions
played, with the running ones offered for resuming."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from tabletop.app import LoadedPack, LoadResult
from tabletop.ui.viewmodels.hub import Hub


@dataclass(frozen=True)
class PackCard:
    """A pack file as the library lists it."""

    path: str
    origin: str
    """'shipped', 'user' or 'opened' (from a file picked this run)."""
    title: str
    version: str
    summary: str
    roles: tuple[str, ...]
    state: str
    """'ok', 'ok (2 warnings)' or 'INVALID (3 errors)'."""
    diagnostics: tuple[str, ...]
    """Every problem, as `tabletop validate` prints it."""
    loaded: LoadedPack | None = field(compare=False, default=None)

    @property
    def ok(self) -> bool:
        """True when the pack loads (warnings allowed)."""
        return self.loaded is not None


@dataclass(frozen=True)
class SessionCard:
    """A session in the database."""

    id: str
    exercise: str
    pack: str
    started_at: datetime
    running: bool
    events: int


def card_of(path: str, origin: str, result: LoadResult) -> PackCard:
    """A library card from a pack's load result."""
    errors, warnings = len(result.errors), len(result.warnings)
    if errors:
        state = f"INVALID ({errors} error{'s' if errors != 1 else ''})"
    elif warnings:
        state = f"ok ({warnings} warning{'s' if warnings != 1 else ''})"
    else:
        state = "ok"
    diagnostics = tuple(d.render() for d in result.diagnostics)
    if result.loaded is None:
        return PackCard(path, origin, Path(path).name, "", "", (), state, diagnostics)
    pack = result.loaded.pack
    return PackCard(
        path=path,
        origin=origin,
        title=pack.meta.title,
        version=pack.meta.version,
        summary=pack.meta.summary,
        roles=tuple(r.title for r in pack.roles),
        state=state,
        diagnostics=diagnostics,
        loaded=result.loaded,
    )


class LibraryModel:
    """What the library screen shows and does."""

    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self.packs: list[PackCard] = []
        self.sessions: list[SessionCard] = []
        self.opened: list[PackCard] = []
        self.message = ""
        self.refresh()

    @property
    def running(self) -> list[SessionCard]:
        """The sessions not ended: a game to resume where it stood."""
        return [s for s in self.sessions if s.running]

    def refresh(self) -> None:
        """Read the packs folders and the sessions again."""
        workspace = self.hub.workspace
        self.packs = [
            card_of(str(entry.path), entry.origin, entry.result) for entry in workspace.packs()
        ]
        self.packs += [c for c in self.opened if c.path not in {p.path for p in self.packs}]
        self.sessions = [
            SessionCard(
                id=info.id,
                exercise=info.exercise,
                pack=f"{info.pack_title} ({info.pack_version})",
                started_at=info.started_at,
                running=info.ended_at is None,
                events=info.event_count,
            )
            for info in workspace.sessions()
        ]

    def open_file(self, path: str) -> PackCard:
        """A pack file chosen on disk, loaded and listed (invalid ones with their problems)."""
        card = card_of(path, "opened", self.hub.workspace.load_pack(path))
        self.opened = [c for c in self.opened if c.path != path] + [card]
        self.refresh()
        return card

    def open_upload(self, name: str, data: bytes) -> PackCard:
        """A pack file sent by a browser: kept in the user's packs folder, then loaded."""
        path = self.hub.workspace.add_user_pack(name, data)
        self.refresh()
        found = next((c for c in self.packs if c.path == str(path)), None)
        return found if found is not None else self.open_file(str(path))

    def delete(self, session_id: str) -> None:
        """Remove a session (a practice run) and its log."""
        info = self.hub.workspace.delete(session_id)
        self.hub.forget(info.id)
        self.message = f"Deleted session {info.id}."
        self.refresh()

    def export(self, session_id: str) -> tuple[str, bytes]:
        """A session's log as an exported .jsonl: its file name and bytes."""
        info, text = self.hub.workspace.export(session_id)
        return f"{info.id}.jsonl", text.encode("utf-8")
