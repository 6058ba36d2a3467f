"""The content hash of a pack file leaves out what only an editor reads.

A top-level `"$schema"` tells an editor where the schema is: it says nothing about the game,
and its value changes when a file moves or a path is fixed. So the hash is taken over the
file's bytes with that member cut out (with its comma and the space up to the next member);
a file without one hashes as it always did.
"""

from __future__ import annotations

import json
import re

from tabletop.jsonloc.positions import Positions

EDITOR_KEYS = ("$schema",)
"""Top-level keys the content hash ignores."""

_FIRST = re.compile(r'\s*\{\s*("(?:[^"\\]|\\.)*")\s*:\s*(?=")')
"""The first key of a top-level object, up to its string value's opening quote."""


def without_editor_keys(data: bytes) -> bytes:
    """The bytes of a parsed JSON object with its top-level editor-only members cut out
    (the bytes themselves when it has none)."""
    if not any(f'"{key}"'.encode() in data for key in EDITOR_KEYS):
        return data
    text = data.decode("utf-8-sig")
    for key in EDITOR_KEYS:
        text = _cut(text, key)
    return text.encode("utf-8")


def _cut(text: str, key: str) -> str:
    first = _FIRST.match(text)
    if first is not None and first.group(1) == json.dumps(key):
        # The usual place (editors, `tabletop new` and the shipped files put it first): cut
        # without indexing the whole text, which a big pack would pay for on every load.
        end = _string_end(text, first.end())
        after = _skip_space(text, end)
        if text.startswith(",", after):
            return text[: first.start(1)] + text[_skip_space(text, after + 1) :]
    positions = Positions(text)
    ptr = "/" + key.replace("~", "~0").replace("/", "~1")
    key_at = positions.offset(ptr, key=True)
    value_at = positions.offset(ptr)
    if key_at == value_at or not text.startswith(json.dumps(key), key_at):
        return text  # no such member at the top (the root's offset was returned)
    if not text.startswith('"', value_at):
        return text  # not a string: the schema refuses it, and the hash keeps it
    end = _string_end(text, value_at)
    after = _skip_space(text, end)
    if text.startswith(",", after):
        return text[:key_at] + text[_skip_space(text, after + 1) :]
    before = key_at
    while before > 0 and text[before - 1] in " \t\r\n":
        before -= 1
    if before > 0 and text[before - 1] == ",":  # the last member: its comma goes before it
        return text[: before - 1] + text[end:]
    return text[:key_at] + text[end:]


def _string_end(text: str, at: int) -> int:
    """The offset just after the JSON string that opens at `at` (the text has parsed)."""
    i = at + 1
    while text[i] != '"':
        i += 2 if text[i] == "\\" else 1
    return i + 1


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at
