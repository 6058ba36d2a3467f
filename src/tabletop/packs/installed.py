"""The packs a user has: shipped with tabletop, and in the user's own packs folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tabletop.packs.loader import LoadResult, load_pack
from tabletop.paths import shipped_scenarios_dir, user_packs_dir

Origin = Literal["shipped", "user"]


@dataclass(frozen=True)
class InstalledPack:
    """A pack file found in a packs folder, with the outcome of loading it."""

    path: Path
    origin: Origin
    result: LoadResult

    @property
    def state(self) -> str:
        """'ok', 'ok (N warnings)' or 'INVALID (N errors)'."""
        errors, warnings = len(self.result.errors), len(self.result.warnings)
        if errors:
            return f"INVALID ({errors} error{'s' if errors != 1 else ''})"
        if warnings:
            return f"ok ({warnings} warning{'s' if warnings != 1 else ''})"
        return "ok"


def pack_files(folder: Path) -> list[Path]:
    """The pack files of a folder (not its catalogues), sorted by name."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.json") if p.is_file())


def installed_packs(user_dir: Path | None = None) -> list[InstalledPack]:
    """Shipped packs, then the user's (in `user_dir`, by default the user's packs folder),
    each loaded and linted."""
    folders: list[tuple[Origin, Path]] = [
        ("shipped", shipped_scenarios_dir()),
        ("user", user_dir if user_dir is not None else user_packs_dir()),
    ]
    return [
        InstalledPack(path, origin, load_pack(path))
        for origin, folder in folders
        for path in pack_files(folder)
    ]
