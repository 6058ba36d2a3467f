"""Where things are in a JSON text: JSON pointer -> line:column, built only when needed.

The happy path never builds this: `json.loads` and pydantic do the work. Once there is
something to report, one pass of a regex tokenizer over the text records the offset of
every value and every object key, and every key that occurs twice in the same object.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass

# Strings (with escapes), punctuation, and runs of anything else (numbers, literals, junk).
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"?|[{}\[\]:,]|[^\s{}\[\]:,"]+', re.DOTALL)
_NEWLINE = re.compile(r"\n")


def escape(token: str) -> str:
    """One JSON pointer reference token, escaped (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


def pointer(path: tuple[str | int, ...] | list[str | int]) -> str:
    """A JSON pointer from a path of keys and indexes."""
    return "".join("/" + escape(str(part)) for part in path)


def _key_text(token: str) -> str:
    if "\\" not in token:
        return token[1:-1]
    try:
        return str(json.loads(token))
    except ValueError:
        return token[1:-1]


@dataclass(frozen=True)
class DuplicateKey:
    """A key that occurs again in the same object (JSON keeps only the last)."""

    pointer: str
    offset: int
    first_offset: int


class Positions:
    """Offsets of every value and key of a JSON text, by JSON pointer, and its duplicate keys."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._line_starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
        self.values: dict[str, int] = {}
        self.keys: dict[str, int] = {}
        self.duplicates: list[DuplicateKey] = []
        self._scan()

    def _scan(self) -> None:
        values, keys, dups = self.values, self.keys, self.duplicates
        # Each frame: [is_object, pointer, index or key, expecting_key, seen keys]
        stack: list[list] = []
        here = ""  # pointer of the next value
        for match in _TOKEN.finditer(self.text):
            tok = match.group()
            first = tok[0]
            top = stack[-1] if stack else None
            if top is not None and top[0] and top[3]:
                if first == '"':
                    key = _key_text(tok)
                    ptr = top[1] + "/" + escape(key)
                    seen = top[4]
                    if key in seen:
                        dups.append(DuplicateKey(ptr, match.start(), seen[key]))
                    else:
                        seen[key] = match.start()
                    keys[ptr] = match.start()
                    top[2], top[3] = ptr, False
                elif first == "}":
                    stack.pop()
                continue
            if first == ",":
                if top is not None:
                    if top[0]:
                        top[3] = True
                    else:
                        top[2] += 1
                continue
            if first == ":":
                continue
            if first in "]}":
                if stack:
                    stack.pop()
                continue
            if top is not None:
                here = top[2] if top[0] else f"{top[1]}/{top[2]}"
            values[here] = match.start()
            if first == "{":
                stack.append([True, here, here, True, {}])
            elif first == "[":
                stack.append([False, here, 0, False, None])

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of an offset."""
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def offset(self, ptr: str, *, key: bool = False) -> int:
        """Offset of the value (or, with key=True, the key) at a pointer, else its nearest
        ancestor that exists."""
        if key and ptr in self.keys:
            return self.keys[ptr]
        while ptr not in self.values and ptr:
            ptr = ptr.rsplit("/", 1)[0]
        return self.values.get(ptr, 0)

    def locate(self, ptr: str, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value at a JSON pointer (or of its key, with key=True)."""
        return self.line_col(self.offset(ptr, key=key))


def locate(text: str, ptr: str) -> tuple[int, int]:
    """Line and column of the value at a JSON pointer in a JSON text (builds Positions once;
    keep a Positions object when locating many pointers)."""
    return Positions(text).locate(ptr)
