"""Loading, validating and linting scenario packs."""

from tabletop.packs.diagnostics import Diagnostic, PackError
from tabletop.packs.loader import LoadedPack, LoadResult, load_pack, open_pack, parse_pack

__all__ = [
    "Diagnostic",
    "LoadResult",
    "LoadedPack",
    "PackError",
    "load_pack",
    "open_pack",
    "parse_pack",
]
