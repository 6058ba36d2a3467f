"""Load a pack: read, check, parse, merge its catalogues, lint. Problems are values.

`parse_pack(bytes, name, catalogues)` is pure: the only outside input is what the
`catalogues` callable returns. `load_pack(path)` is the thin wrapper that reads files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from tabletop.jsonloc.diagnostics import Diagnostic
from tabletop.jsonloc.documents import MAX_BYTES, load_document, read_limited
from tabletop.model import Catalogue, Pack
from tabletop.model.json_schemas import schema_for
from tabletop.packs.extensions import Extensions, extend
from tabletop.packs.hashing import without_editor_keys
from tabletop.packs.lint import Finding, lint
from tabletop.packs.origins import CatalogueFile, Origins
from tabletop.paths import shipped_catalogues_dir

CatalogueSource = Callable[[str], tuple[str, bytes] | None]
Rules = Callable[[Pack, list[Finding]], list[Finding]]
"""More checks on a merged pack, given the lint's findings (so as not to repeat them)."""
"""Given a catalogue id, the file name and bytes of that catalogue, or None."""


class PackError(Exception):
    """A pack could not be loaded; carries the diagnostics."""

    def __init__(self, diagnostics: tuple[Diagnostic, ...]) -> None:
        super().__init__("; ".join(d.render() for d in diagnostics if d.severity == "error"))
        self.diagnostics = diagnostics


@dataclass(frozen=True)
class LoadedPack:
    """A pack that loaded without errors, with its catalogues merged in."""

    pack: Pack
    path: str
    content_hash: str
    warnings: tuple[Diagnostic, ...] = ()
    legacy_hash: str = ""
    """The hash of the same files taken over every byte, `$schema` too (as before it was
    left out): a session stored with it is of this pack all the same."""

    def is_hashed(self, pack_hash: str) -> bool:
        """True when a session's recorded pack hash is this pack's."""
        return pack_hash in (self.content_hash, self.legacy_hash or self.content_hash)


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

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """The diagnostics of severity error."""
        return tuple(d for d in self.diagnostics if d.severity == "error")

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        """The diagnostics of severity warning."""
        return tuple(d for d in self.diagnostics if d.severity == "warning")


def parse_catalogue(data: bytes, name: str) -> tuple[Catalogue | None, list[Diagnostic]]:
    """Check and parse one mandate catalogue file (no lint: that needs a pack)."""
    return load_document(
        data, name, Catalogue, partial(schema_for, "mandate-catalogue.schema.json")
    )


def parse_pack(
    data: bytes, name: str, catalogues: CatalogueSource, rules: Rules | None = None
) -> LoadResult:
    """Check, parse, merge and lint pack bytes; pure apart from what `catalogues` returns.

    `rules`: more checks run on the merged pack after the lint (`validate --strict`)."""
    pack, diags = load_document(data, name, Pack, partial(schema_for, "scenario-pack.schema.json"))
    if pack is None:
        return LoadResult(name, None, (*diags, *_later_checks_not_run(name, diags)))
    digest = hashlib.sha256(b"pack\0" + hashlib.sha256(without_editor_keys(data)).digest())
    legacy = hashlib.sha256(b"pack\0" + hashlib.sha256(data).digest())
    origins = Origins(pack, name, data)
    found: list[CatalogueFile] = []
    failed = False
    seen: set[str] = set()
    for index, cat_id in enumerate(pack.catalogues):
        ptr = f"/catalogues/{index}"
        if cat_id in seen:
            diags.append(
                origins.at_pack(
                    "duplicate-id",
                    ptr,
                    f"catalogue '{cat_id}' is named twice",
                    "Name each catalogue once.",
                )
            )
            failed = True
            continue
        seen.add(cat_id)
        hit = catalogues(cat_id)
        if hit is None:
            diags.append(
                origins.at_pack(
                    "unknown-catalogue",
                    ptr,
                    f"catalogue '{cat_id}' not found",
                    f"Put {cat_id}.json in a 'catalogues' folder beside the pack, "
                    "or name a shipped catalogue.",
                )
            )
            failed = True
            continue
        cat_name, cat_bytes = hit
        catalogue, cat_diags = parse_catalogue(cat_bytes, cat_name)
        diags.extend(cat_diags)
        if catalogue is None:
            diags.append(
                origins.at_pack(
                    "bad-catalogue",
                    ptr,
                    f"catalogue '{cat_id}' ({cat_name}) has errors",
                    "Fix the errors reported in the catalogue file.",
                )
            )
            failed = True
            continue
        if catalogue.id != cat_id:
            diags.append(
                origins.at_file(
                    cat_name,
                    cat_bytes,
                    "catalogue-id-mismatch",
                    "/id",
                    f"the file found for catalogue '{cat_id}' has id '{catalogue.id}'",
                    f'Set its "id" to "{cat_id}" or rename the file.',
                )
            )
            failed = True
            continue
        digest.update(
            cat_id.encode() + b"\0" + hashlib.sha256(without_editor_keys(cat_bytes)).digest()
        )
        legacy.update(cat_id.encode() + b"\0" + hashlib.sha256(cat_bytes).digest())
        found.append(CatalogueFile(cat_name, cat_bytes, catalogue))
    if failed:
        return LoadResult(name, None, (*diags, *_later_checks_not_run(name, diags)))
    merged, extensions = merge_catalogues(pack, [c.catalogue for c in found])
    origins.add_catalogues(found, extensions)
    findings = lint(merged, own_facts=len(pack.facts), extensions=extensions)
    if rules is not None:
        findings.extend(rules(merged, findings))
    diags.extend(origins.diagnostic(f) for f in findings)
    if any(d.severity == "error" for d in diags):
        return LoadResult(name, None, tuple(diags))
    warnings = tuple(diags)
    content_hash, legacy_hash = ("sha256:" + d.hexdigest() for d in (digest, legacy))
    loaded = LoadedPack(merged, name, content_hash, warnings, legacy_hash)
    return LoadResult(name, loaded, warnings)


_UNREAD = {"unreadable", "file-too-large", "not-utf8", "nesting-too-deep", "json-syntax"}
"""Codes of a file that was never read as JSON: nothing else about it can be said."""


def _later_checks_not_run(name: str, diags: list[Diagnostic]) -> list[Diagnostic]:
    """A note for a pack read as JSON but refused before the lint: its references, timing
    and flow were not checked, so "every problem at once" stops here, and says so."""
    if any(d.code in _UNREAD for d in diags):
        return []
    return [
        Diagnostic(
            code="checks-not-run",
            severity="note",
            message="the reference, timing and flow checks did not run: they need a pack "
            "that passes the checks above (ids, facts, conditions and follow-ons are not "
            "checked yet)",
            file=name,
            pointer="",
            line=1,
            column=1,
            hint="Fix the errors above and validate again: the remaining checks then run.",
        )
    ]


def merge(pack: Pack, catalogues: list[Catalogue]) -> Pack:
    """The pack with the catalogues' items appended after its own, and the pack's
    extensions applied to the catalogue instruments they name."""
    return merge_catalogues(pack, catalogues)[0]


def merge_catalogues(pack: Pack, catalogues: list[Catalogue]) -> tuple[Pack, Extensions]:
    """`merge`, and how the pack's extensions were applied (for lint and its locations)."""
    if not catalogues and not pack.extends:
        return pack, Extensions()
    own_acronyms = {a.short for a in pack.meta.acronyms}
    meta = pack.meta.model_copy(
        update={
            "sources": pack.meta.sources + tuple(s for c in catalogues for s in c.sources),
            # The pack's own spelling-out of an acronym wins over a catalogue's.
            "acronyms": pack.meta.acronyms
            + tuple(
                dict.fromkeys(
                    a for c in catalogues for a in c.acronyms if a.short not in own_acronyms
                )
            ),
        }
    )
    update: dict[str, Any] = {"meta": meta}
    for key in ("actors", "facts", "action_types", "instruments", "figures"):
        update[key] = getattr(pack, key) + tuple(x for c in catalogues for x in getattr(c, key))
    update["instruments"], extensions = extend(pack, update["instruments"])
    return pack.model_copy(update=update), extensions


def catalogue_finder(pack_path: Path) -> CatalogueSource:
    """Look for catalogues beside the pack, then among the shipped ones."""
    folders = [pack_path.parent / "catalogues", pack_path.parent, shipped_catalogues_dir()]

    def find(cat_id: str) -> tuple[str, bytes] | None:
        for folder in folders:
            candidate = folder / f"{cat_id}.json"
            if candidate.is_file():
                try:
                    with candidate.open("rb") as fh:
                        # Never more than the limit plus one byte: enough to refuse it.
                        return str(candidate), fh.read(MAX_BYTES + 1)
                except OSError:
                    return None
        return None

    return find


def load_pack(path: str | Path, rules: Rules | None = None) -> LoadResult:
    """Load a pack file; never raises for problems in the pack (`rules` as in parse_pack)."""
    path = Path(path)
    data, unread = read_limited(path)
    if data is None:
        return LoadResult(str(path), None, (unread,) if unread else ())
    return parse_pack(data, str(path), catalogue_finder(path), rules)


def open_pack(path: str | Path) -> LoadedPack:
    """Load a pack or raise PackError with every diagnostic."""
    result = load_pack(path)
    if result.loaded is None:
        raise PackError(result.diagnostics)
    return result.loaded
