"""Loading, validating and linting scenario packs."""

from tabletop.packs.diagnostics import Diagnostic, PackError
from tabletop.packs.jsonsource import MAX_BYTES, MAX_DEPTH, load_document
from tabletop.packs.loader import LoadedPack, LoadResult, load_pack, open_pack, parse_pack
from tabletop.packs.positions import Positions, locate

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
