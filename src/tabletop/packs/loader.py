"""Load a pack: read, check, parse, merge its catalogues, lint. Problems are values."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from tabletop.model import Catalogue, Pack
from tabletop.packs.diagnostics import Diagnostic, PackError
from tabletop.paths import shipped_catalogues_dir

CatalogueSource = Callable[[str], tuple[str, bytes] | None]
"""Given a catalogue id, the file name and bytes of that catalogue, or None."""


@dataclass(frozen=True)
class LoadedPack:
    """A pack that loaded without errors, with its catalogues merged in."""

    pack: Pack
    path: str
    content_hash: str
    warnings: tuple[Diagnostic, ...] = ()


@dataclass(frozen=True)
class LoadResult:
    """The outcome of loading one pack: the pack if it loaded, and every problem found."""

    path: str
    loaded: LoadedPack | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return self.loaded is not None


def parse_pack(data: bytes, name: str, catalogues: CatalogueSource) -> LoadResult:
    """Check and parse pack bytes; pure apart from what `catalogues` returns."""
    try:
        pack = Pack.model_validate_json(data)
    except ValidationError as exc:
        diags = tuple(
            Diagnostic(
                code="schema",
                severity="error",
                message=err["msg"],
                file=name,
                pointer="/" + "/".join(str(p) for p in err["loc"]),
            )
            for err in exc.errors()
        )
        return LoadResult(name, None, diags)
    merged, digest, diags = _merge_catalogues(pack, data, name, catalogues)
    if merged is None:
        return LoadResult(name, None, diags)
    return LoadResult(name, LoadedPack(merged, name, digest), diags)


def _merge_catalogues(
    pack: Pack, data: bytes, name: str, catalogues: CatalogueSource
) -> tuple[Pack | None, str, tuple[Diagnostic, ...]]:
    digest = hashlib.sha256(b"pack\0" + hashlib.sha256(data).digest())
    found: list[Catalogue] = []
    diags: list[Diagnostic] = []
    for index, cat_id in enumerate(pack.catalogues):
        hit = catalogues(cat_id)
        if hit is None:
            diags.append(
                Diagnostic(
                    code="unknown-catalogue",
                    severity="error",
                    message=f"catalogue '{cat_id}' not found",
                    file=name,
                    pointer=f"/catalogues/{index}",
                    hint="Put <id>.json in a 'catalogues' folder beside the pack, "
                    "or name a shipped catalogue.",
                )
            )
            continue
        _name, cat_bytes = hit
        digest.update(cat_id.encode() + b"\0" + hashlib.sha256(cat_bytes).digest())
        found.append(Catalogue.model_validate_json(cat_bytes))
    if diags:
        return None, "", tuple(diags)
    merged = merge(pack, found)
    return merged, "sha256:" + digest.hexdigest(), ()


def merge(pack: Pack, catalogues: list[Catalogue]) -> Pack:
    """The pack with the catalogues' items appended after its own."""
    if not catalogues:
        return pack
    meta = pack.meta.model_copy(
        update={"sources": pack.meta.sources + tuple(s for c in catalogues for s in c.sources)}
    )
    update = {"meta": meta}
    for key in ("actors", "facts", "action_types", "instruments"):
        update[key] = getattr(pack, key) + tuple(x for c in catalogues for x in getattr(c, key))
    return pack.model_copy(update=update)


def catalogue_finder(pack_path: Path) -> CatalogueSource:
    """Look for catalogues beside the pack, then among the shipped ones."""
    folders = [pack_path.parent / "catalogues", pack_path.parent, shipped_catalogues_dir()]

    def find(cat_id: str) -> tuple[str, bytes] | None:
        for folder in folders:
            candidate = folder / f"{cat_id}.json"
            if candidate.is_file():
                return str(candidate), candidate.read_bytes()
        return None

    return find


def load_pack(path: str | Path) -> LoadResult:
    """Load a pack file; never raises for problems in the pack."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        diag = Diagnostic(
            code="unreadable",
            severity="error",
            message=f"cannot read the file: {exc.strerror or exc}",
            file=str(path),
            pointer="",
            hint="Check the path and the file's permissions.",
        )
        return LoadResult(str(path), None, (diag,))
    return parse_pack(data, str(path), catalogue_finder(path))


def open_pack(path: str | Path) -> LoadedPack:
    """Load a pack or raise PackError with every diagnostic."""
    result = load_pack(path)
    if result.loaded is None:
        raise PackError(result.diagnostics)
    return result.loaded
