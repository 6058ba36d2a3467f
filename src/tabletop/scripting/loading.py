"""Playthrough scripts from disk: loaded with located errors (file:line:column, JSON pointer)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path

from tabletop.jsonloc.documents import read_limited
from tabletop.model.json_schemas import schema_for
from tabletop.model.script import Playthrough
from tabletop.packs import Diagnostic, Positions, load_document


@dataclass(frozen=True)
class LoadedScript:
    """A playthrough script that parsed, with the text to locate its steps in."""

    script: Playthrough
    path: Path
    text: str

    def where(self, pointer: str) -> str:
        """file:line:col of the value at a JSON pointer (the first call indexes the text)."""
        line, col = self._positions.locate(pointer)
        return f"{self.path}:{line}:{col}"

    @cached_property
    def _positions(self) -> Positions:
        # Only a failure needs a location; the index lives and dies with this script, where
        # a global cache by text would keep every script's index (and text) for good.
        return Positions(self.text)

    def pack_path(self) -> Path | None:
        """The pack the script names, relative to the script's folder."""
        if self.script.pack is None:
            return None
        return (self.path.parent / self.script.pack).resolve()


def load_script(path: str | Path) -> LoadedScript | list[Diagnostic]:
    """Load a playthrough script, or every problem in it with file:line:col and pointer."""
    path = Path(path)
    data, unread = read_limited(path)  # scripts are untrusted: a size limit, as for packs
    if data is None:
        return [unread] if unread else []
    script, diags = load_document(
        data, str(path), Playthrough, partial(schema_for, "playthrough.schema.json")
    )
    if script is None:
        return diags
    return LoadedScript(script, path, data.decode("utf-8-sig"))
