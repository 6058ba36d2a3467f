"""Finding the pack a stored session was played with."""

from __future__ import annotations

from pathlib import Path

from tabletop.packs import LoadedPack, PackError, load_pack, open_pack
from tabletop.paths import shipped_scenarios_dir, user_packs_dir
from tabletop.store.db import StoreError
from tabletop.store.sqlite_store import SessionInfo


class PackNotFound(StoreError):
    """The session's pack is nowhere to be found."""


def locate_pack(info: SessionInfo, explicit: str | Path | None = None) -> LoadedPack:
    """The session's pack: the file given, else where it was played from, else a shipped or
    user pack with the same id (the one with the same content hash first)."""
    if explicit is not None:
        try:
            return open_pack(explicit)
        except PackError as exc:
            raise PackNotFound(f"{explicit} does not load: {exc}") from exc
    if info.pack_path and Path(info.pack_path).is_file():
        result = load_pack(info.pack_path)
        if result.loaded is not None and result.loaded.pack.meta.id == info.pack_id:
            return result.loaded
    candidates: list[LoadedPack] = []
    for folder in (user_packs_dir(), shipped_scenarios_dir()):
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else ():
            result = load_pack(path)
            if result.loaded is not None and result.loaded.pack.meta.id == info.pack_id:
                candidates.append(result.loaded)
    for loaded in candidates:
        if loaded.content_hash == info.pack_hash:
            return loaded
    if candidates:
        return candidates[0]
    where = f" (it was played from {info.pack_path})" if info.pack_path else ""
    raise PackNotFound(
        f"cannot find pack '{info.pack_id}' {info.pack_version} for session {info.id}{where}; "
        "give its file with --pack"
    )
