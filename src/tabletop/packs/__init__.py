"""Loading, validating and linting scenario packs."""

from tabletop.jsonloc.diagnostics import Diagnostic
from tabletop.jsonloc.documents import MAX_BYTES, MAX_DEPTH, load_document
from tabletop.jsonloc.positions import Positions, locate
from tabletop.packs.loader import (
    LoadedPack,
    LoadResult,
    PackError,
    load_pack,
    open_pack,
    parse_pack,
)

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "Diagnostic",
    "LoadResult",
    "LoadedPack",
    "PackError",
    "Positions",
    "load_document",
    "load_pack",
    "locate",
    "open_pack",
    "parse_pack",
]
