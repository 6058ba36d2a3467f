"""Finding the pack a stored session was played with, and refusing one that is not it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from tabletop.app.errors import PackMismatch, PackNotFound
from tabletop.packs import LoadedPack, LoadResult, PackError, load_pack
from tabletop.store import SessionInfo


def locate_pack(
    info: SessionInfo,
    folders: Iterable[Path],
    explicit: str | Path | None = None,
    *,
    load: Callable[[str | Path], LoadResult] = load_pack,
) -> LoadedPack:
    """The session's pack: the file given, else where it was played from, else a pack in
    the folders with the same id (the one with the same content hash first)."""
    if explicit is not None:
        given = load(explicit)
        if given.loaded is None:
            raise PackNotFound(f"{explicit} does not load: {PackError(given.diagnostics)}")
        return given.loaded
    if info.pack_path and Path(info.pack_path).is_file():
        result = load(info.pack_path)
        if result.loaded is not None and result.loaded.pack.meta.id == info.pack_id:
            return result.loaded
    candidates: list[LoadedPack] = []
    for folder in folders:
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else ():
            result = load(path)
            if result.loaded is not None and result.loaded.pack.meta.id == info.pack_id:
                candidates.append(result.loaded)
    for loaded in candidates:
        if loaded.is_hashed(info.pack_hash):
            return loaded
    if candidates:
        return candidates[0]
    where = f" (it was played from {info.pack_path})" if info.pack_path else ""
    raise PackNotFound(
        f"cannot find pack '{info.pack_id}' {info.pack_version} for session {info.id}{where}; "
        "give its file with --pack"
    )


def check_pack(info: SessionInfo, loaded: LoadedPack, *, allow_changed: bool) -> None:
    """Refuse a pack other than the session's; a changed version only with permission."""
    pack = loaded.pack
    if pack.meta.id != info.pack_id:
        raise PackMismatch(
            f"session {info.id} plays pack '{info.pack_id}', but {loaded.path} is '{pack.meta.id}'"
        )
    if not loaded.is_hashed(info.pack_hash) and not allow_changed:
        raise PackMismatch(
            f"the pack has changed since session {info.id} began: it was played with "
            f"{info.pack_id} {info.pack_version} ({info.pack_hash[:19]}), and {loaded.path} is "
            f"{pack.meta.version} ({loaded.content_hash[:19]}). Pass --allow-changed-pack to "
            "go on with the changed pack, or use the original file"
        )
