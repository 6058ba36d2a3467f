"""What every window and browser tab of one app process shares: the workspace, one `Game`
per open session, so every view of a session sees the same game (and its lock), and the
lobby of their rooms (the seats on other devices)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from tabletop.app import Game, Lobby, Room, Workspace

if TYPE_CHECKING:
    from tabletop.ui.serving import Serving
    from tabletop.ui.web_server import WebServer


class Hub:
    """The workspace and the games open in it."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.lobby = Lobby(workspace.home / "rooms")
        self.serving: Serving | None = None
        """Where the app is served to browsers (None: only the desktop window)."""
        self.room_server: WebServer | None = None
        """The desktop window's server of seats, started by "Let players join"."""
        self.current: str | None = None
        """The session whose console was opened last: the one `/projector` shows."""
        self._games: dict[str, Game] = {}
        self._lock = threading.Lock()

    def game(self, session_id: str) -> Game:
        """The open game of a session, opened (checked and replayed) on first use."""
        with self._lock:
            game = self._games.get(session_id)
        if game is not None:
            return game
        opened = self.workspace.open(session_id)
        with self._lock:
            return self._games.setdefault(opened.id, opened)

    def add(self, game: Game) -> Game:
        """A game just started, to share."""
        with self._lock:
            return self._games.setdefault(game.id, game)

    def room(self, game: Game) -> Room:
        """The room of an open game (its seats, proposals and projector)."""
        return self.lobby.room(self.add(game))

    def forget(self, session_id: str) -> None:
        """Drop a session's game and room (it was deleted)."""
        with self._lock:
            self._games.pop(session_id, None)
        self.lobby.forget(session_id)
