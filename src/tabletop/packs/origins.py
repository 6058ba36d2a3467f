"""Map pointers into a merged pack back to the file (pack or catalogue) they came from."""

from __future__ import annotations

from dataclasses import dataclass

from tabletop.jsonloc.diagnostics import Diagnostic
from tabletop.jsonloc.positions import Positions
from tabletop.jsonloc.reading import error_at
from tabletop.model import Catalogue, Pack
from tabletop.packs.extensions import Extensions
from tabletop.packs.lint_base import Finding

# Collections the catalogues add to, as (key in the pack, key in a catalogue).
_MERGED = {
    ("actors",): "actors",
    ("facts",): "facts",
    ("action_types",): "action_types",
    ("instruments",): "instruments",
    ("figures",): "figures",
    ("meta", "sources"): "sources",
}


@dataclass(frozen=True)
class CatalogueFile:
    """A catalogue merged into a pack, with the file it came from."""

    name: str
    data: bytes
    catalogue: Catalogue


class Origins:
    """Where each item of a merged pack was written, and line:column lookups per file."""

    def __init__(self, pack: Pack, name: str, data: bytes) -> None:
        self.pack = pack
        self.name = name
        self._data = {name: data}
        self._positions: dict[str, Positions] = {}
        self._catalogues: list[CatalogueFile] = []
        self._extensions = Extensions()

    def add_catalogues(
        self, found: list[CatalogueFile], extensions: Extensions | None = None
    ) -> None:
        """Record the catalogues whose items follow the pack's own in the merged pack, and
        the powers, limits and conditions the pack's extensions added to their instruments."""
        self._catalogues = list(found)
        self._extensions = extensions or Extensions()
        for cat in found:
            self._data[cat.name] = cat.data

    def resolve(self, merged: str) -> tuple[str, str]:
        """File name and pointer in that file of a pointer into the merged pack. An item a
        pack's extension added to a catalogue instrument is where the pack wrote it."""
        added = self._extensions.in_pack(merged)
        if added is not None:
            return self.name, added
        parts = merged.split("/")[1:]
        for prefix, cat_key in _MERGED.items():
            n = len(prefix)
            if tuple(parts[:n]) != prefix or len(parts) <= n or not parts[n].isdigit():
                continue
            index = int(parts[n])
            own = self.pack.meta.sources if cat_key == "sources" else getattr(self.pack, cat_key)
            if index < len(own):
                return self.name, merged
            index -= len(own)
            for cat in self._catalogues:
                items = getattr(cat.catalogue, cat_key)
                if index < len(items):
                    return cat.name, "/" + "/".join([cat_key, str(index), *parts[n + 1 :]])
                index -= len(items)
        return self.name, merged

    def positions(self, file: str) -> Positions:
        """Positions of a file, built on first use."""
        if file not in self._positions:
            self._positions[file] = Positions(self._data[file].decode("utf-8-sig", "replace"))
        return self._positions[file]

    def locate(self, file: str, ptr: str) -> tuple[int, int]:
        """Line and column of a pointer in a file."""
        return self.positions(file).locate(ptr)

    def diagnostic(self, finding: Finding) -> Diagnostic:
        """A lint finding as a located diagnostic. A pack's item that repeats the id of a
        catalogue's is reported at the pack's (the author's to change), not in the
        catalogue, which the author may not edit."""
        file, ptr = self.resolve(finding.pointer)
        message, hint = finding.message, finding.hint
        if finding.related is not None:
            rfile, rptr = self.resolve(finding.related)
            said = "first at"
            if finding.code == "duplicate-id" and rfile == self.name != file:
                (file, ptr), (rfile, rptr) = (rfile, rptr), (file, ptr)
                said = "the catalogue's is at"
                hint = (
                    "A catalogue the pack uses already defines it: use the catalogue's "
                    "(remove yours), or give yours another id."
                )
            rline, rcol = self.locate(rfile, rptr)
            where = f"{rline}:{rcol}" if rfile == file else f"{rfile}:{rline}:{rcol}"
            message += f" ({said} {where})"
        line, col = self.locate(file, ptr)
        return Diagnostic(
            code=finding.code,
            severity=finding.severity,
            message=message,
            file=file,
            pointer=ptr,
            line=line,
            column=col,
            hint=hint,
        )

    def at_pack(self, code: str, ptr: str, message: str, hint: str) -> Diagnostic:
        """An error located in the pack file itself."""
        return self.at_file(self.name, self._data[self.name], code, ptr, message, hint)

    def at_file(
        self, name: str, data: bytes, code: str, ptr: str, message: str, hint: str
    ) -> Diagnostic:
        """An error located in any file (e.g. a catalogue that was not merged)."""
        self._data.setdefault(name, data)
        return error_at(code, message, name, ptr, hint, self.locate(name, ptr))
