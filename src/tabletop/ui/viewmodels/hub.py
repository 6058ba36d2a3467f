"""What every window and browser tab of one app process shares: the workspace, and one
`Game` per open session, so every view of a session sees the same game (and its lock)."""

from __future__ import annotations

import threading

from tabletop.app import Game, Workspace


class Hub:
    """The workspace and the games open in it."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
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

    def forget(self, session_id: str) -> None:
        """Drop a session's game (it was deleted)."""
        with self._lock:
            self._games.pop(session_id, None)
