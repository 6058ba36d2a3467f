"""The user's own packs: saving one that a browser sent, and telling when a loaded pack is
out of date (its file or a catalogue it may draw on changed)."""

from __future__ import annotations

from pathlib import Path

from tabletop.app.errors import AppError
from tabletop.paths import shipped_catalogues_dir


def save_pack(folder: Path, name: str, data: bytes) -> Path:
    """Keep a pack file in a folder under a safe version of its name (never over another
    file); the path it was saved at."""
    stem = "".join(c if c.isalnum() or c in "-_." else "-" for c in Path(name).stem)
    stem = stem.strip(".-")[:80] or "pack"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(1000):
            path = folder / (f"{stem}.json" if n == 0 else f"{stem}-{n}.json")
            try:
                with path.open("xb") as fh:  # x: never replaces a file
                    fh.write(data)
                return path
            except FileExistsError:
                continue
    except OSError as exc:
        raise AppError(f"cannot save {name} in {folder}: {exc.strerror or exc}") from exc
    raise AppError(f"{folder} already holds a thousand packs named {stem}")


def pack_key(path: Path) -> tuple[object, ...] | None:
    """What a loaded pack depends on: its file and the catalogue files it may draw on, each
    by name, size and time of change (None if the pack file cannot be read)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    key: list[object] = [str(path.resolve()), stat.st_mtime_ns, stat.st_size]
    # Where the loader looks for a catalogue: beside the pack, in its catalogues folder, and
    # among the shipped ones (packs/loader.py, catalogue_finder).
    for folder in (path.parent / "catalogues", path.parent, shipped_catalogues_dir()):
        for catalogue in sorted(folder.glob("*.json")) if folder.is_dir() else ():
            try:
                found = catalogue.stat()
            except OSError:
                continue
            key += [catalogue.name, found.st_mtime_ns, found.st_size]
    return tuple(key)
