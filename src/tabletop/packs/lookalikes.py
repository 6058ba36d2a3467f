"""Ids that only look right: shown so the difference is visible, matched to the id meant.

Ids are ASCII (`ID_PATTERN`), so a reference with any other character cannot name one; but
'CSTO' spelt with a Cyrillic Te (U+0422), or 'LAND' with a zero-width space in it, prints just
like the id the author meant. Diagnostics show such a reference escaped ('CS\\u0422O') and
suggest the id it imitates.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Sequence

from tabletop.jsonloc.diagnostics import shown
from tabletop.jsonloc.suggestions import name_list, nearest

# Cyrillic and Greek letters drawn like Latin ones (NFKC does not fold them), by script.
_LATIN = str.maketrans(
    "\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0423\u0405\u0406\u0408"
    "\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u0501\u04bb\u051b\u051d"
    "\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5\u03a7"
    "\u03bf\u03bd",
    "ABEKMHOPCTXYSIJaeopcyxijsdhqwABEZHIKMNOPTYXov",
)


def skeleton(text: str) -> str:
    """What a text looks like: compatibility forms folded (fullwidth 'Ｌ' is 'L'), Cyrillic
    and Greek look-alikes made Latin, invisible (format) characters dropped."""
    folded = unicodedata.normalize("NFKC", text).translate(_LATIN)
    return "".join(c for c in folded if unicodedata.category(c) != "Cf")


def candidates(ident: object, known: Collection[str], *, spelling: bool = True) -> list[str]:
    """The known ids a reference likely means, likeliest first: the one it looks identical
    to, then (with `spelling`) the nearest spellings."""
    if not isinstance(ident, str):
        return []
    look = skeleton(ident)
    # Known ids are ASCII (ID_PATTERN), so each is its own skeleton: one lookup finds it.
    first = [look] if look != ident and look in known else []
    if not spelling:
        return first
    return first + [name for name in nearest(ident, known) if name not in first]


def meant(ident: str, known: Collection[str], *, spelling: bool = True) -> str | None:
    """The known id a reference most likely means, or None."""
    found = candidates(ident, known, spelling=spelling)
    return found[0] if found else None


def did_you_mean(ident: object, known: Collection[str], *, spelling: bool = True) -> str:
    """ "Did you mean 'X'? " (saying so when the two only look alike), or ""."""
    return asking(ident, candidates(ident, known, spelling=spelling))


def asking(ident: object, near: Sequence[str]) -> str:
    """ "Did you mean 'X'? " for the likeliest of `near` (from `candidates`), or ""."""
    if not isinstance(ident, str) or not near:
        return ""
    if near[0] == skeleton(ident):
        return f"Did you mean '{near[0]}'? '{shown(ident)}' only looks like it. "
    return f"Did you mean '{near[0]}'? "


def suggest(
    ident: object, known: Collection[str], *, where: str = "", spelling: bool = True
) -> str:
    """The hint for an unknown id: "Did you mean 'X'? Use one of: " the nearest ids, then
    the rest (a long list cut, never before the nearest, saying how many more and `where`)."""
    return hint(ident, candidates(ident, known, spelling=spelling), known, where)


def hint(ident: object, near: Sequence[str], known: Collection[str], where: str = "") -> str:
    """ "Did you mean 'X'? Use one of: ..." given the likely ids `near` (from `candidates`)."""
    return asking(ident, near) + "Use one of: " + name_list(known, near, where) + "."
