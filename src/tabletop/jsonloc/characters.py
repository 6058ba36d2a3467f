"""Characters: the one a document may not hold although JSON lets it through, and odd ones
named for a diagnostic.

`json.loads` takes "\\ud800", half of a surrogate pair: no character, which no UTF-8
output can hold (printing a message that quotes it fails; pydantic's JSON mode refuses it
without saying where). It is refused where it is, as syntax is. Control characters, in
contrast, are text: the report shows them, and diagnostics print them escaped.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# Escapes of surrogates (raw ones cannot survive strict UTF-8 decoding).
_SURROGATE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LOW_SURROGATE = re.compile(r"\\u[dD][c-fC-F][0-9a-fA-F]{2}")

SURROGATE_HINT = (
    "Remove it; a character beyond U+FFFF is written as a pair of escapes, e.g. "
    "\\ud83d\\ude00. Half of a pair is no character, and UTF-8 cannot store it."
)


def _escaped(text: str, start: int) -> bool:
    """Whether the backslash at `start` is itself escaped (an odd run of them before it)."""
    before = start
    while before and text[before - 1] == "\\":
        before -= 1
    return (start - before) % 2 == 1


def lone_surrogate(text: str) -> tuple[int, str] | None:
    """(offset, message) of the first escape of half a surrogate pair in JSON text that
    parsed, or None."""
    if "\\ud" not in text and "\\uD" not in text:  # most texts: one C-speed search says so
        return None
    found = _SURROGATE.search(text)
    while found is not None:
        start, token = found.start(), found.group()
        if _escaped(text, start):  # "\\ud800" is a backslash, then text
            found = _SURROGATE.search(text, start + 1)
        elif token[3] in "cdefCDEF" or not _LOW_SURROGATE.match(text, found.end()):
            return start, f"{token} is half of a surrogate pair, not a character"
        else:
            found = _SURROGATE.search(text, found.end() + 6)  # a whole pair
    return None


def odd_character(value: Any) -> str:
    """ "Character N is U+XXXX (NAME). " for the first character of a string outside
    printable ASCII (in an id, a look-alike or invisible one the eye cannot tell), or ""."""
    if not isinstance(value, str):
        return ""
    for index, char in enumerate(value, 1):
        if not " " <= char <= "~":
            what = unicodedata.name(char, "a control character")
            return f"Character {index} is U+{ord(char):04X} ({what}). "
    return ""
