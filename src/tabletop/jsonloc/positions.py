"""Where things are in a JSON text: JSON pointer -> line:column, built only when needed.

The happy path never builds this: `json.loads` and pydantic do the work. Once there is
something to report, one pass of a regex tokenizer over the text records where every value
and object key starts, in flat integer arrays: a few bytes a value, whatever the text (texts
are untrusted: 20 MB of long strings, tiny values or newlines must not cost gigabytes). Keys
are read back from the text only in the objects that a located pointer goes through.
"""

from __future__ import annotations

import json
import re
from array import array
from dataclasses import dataclass
from functools import cached_property

# Strings (with escapes), punctuation, and runs of anything else (numbers, literals, junk).
# Possessive quantifiers: the regex engine then keeps no backtracking state per character or
# per escape, so matching a string of many megabytes costs no memory.
_STRING = r'"[^"\\]*+(?:\\.[^"\\]*+)*+"?'
_TOKEN = re.compile(_STRING + r'|[{}\[\]:,]|[^\s{}\[\]:,"]++', re.DOTALL)
_STRING_AT = re.compile(_STRING, re.DOTALL)
# Newlines are counted per block of characters rather than listed one by one.
_BLOCK = 4096


def escape(token: str) -> str:
    """One JSON pointer reference token, escaped (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    """One JSON pointer reference token, unescaped (RFC 6901)."""
    return token.replace("~1", "/").replace("~0", "~")


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


def _index(token: str) -> int | None:
    if token.isascii() and token.isdigit() and (token == "0" or token[0] != "0"):
        return int(token)
    return None


def _ints(text: str) -> array[int]:
    return array("i" if len(text) < 2**31 else "q")


@dataclass(frozen=True)
class DuplicateKey:
    """A key that occurs again in the same object (JSON keeps only the last)."""

    pointer: str
    offset: int
    first_offset: int


class _Lines:
    """Line and column of offsets in a text, from the newlines counted per block."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._before = _ints(text)  # newlines before each block
        self._line_start = _ints(text)  # start of the line each block begins in
        count = start = 0
        for base in range(0, len(text) + 1, _BLOCK):
            self._before.append(count)
            self._line_start.append(start)
            found = text.count("\n", base, base + _BLOCK)
            if found:
                count += found
                start = text.rfind("\n", base, base + _BLOCK) + 1

    def line_col(self, offset: int) -> tuple[int, int]:
        offset = min(max(offset, 0), len(self.text))
        block = offset // _BLOCK
        base = block * _BLOCK
        line = self._before[block] + self.text.count("\n", base, offset) + 1
        newline = self.text.rfind("\n", base, offset)
        start = newline + 1 if newline >= 0 else self._line_start[block]
        return line, offset - start + 1


class Positions:
    """Offsets of every value and key of a JSON text, by JSON pointer, and its duplicate keys."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines = _Lines(text)
        # A node per value, in document order: where it starts, where its key starts (-1 in
        # an array or at the top), and the first node after its last descendant.
        self._start, self._key, self._next = _ints(text), _ints(text), _ints(text)
        self._root = -1
        self._children: dict[int, dict[str, int] | array[int]] = {}
        self._scanned = False  # a line:column alone (e.g. of a syntax error) needs no scan

    def _scan(self) -> None:
        if self._scanned:
            return
        self._scanned = True
        text, start, key_at, after = self.text, self._start, self._key, self._next
        # Each open container: [its node, is an object, expecting a key, where its key began]
        stack: list[list[int]] = []
        for match in _TOKEN.finditer(text):
            at = match.start()
            first = text[at]  # not match.group(): that would copy a long string
            top = stack[-1] if stack else None
            if top is not None and top[1] and top[2]:
                if first == '"':
                    top[2], top[3] = False, at
                elif first == "}":
                    after[stack.pop()[0]] = len(start)
                continue
            if first == ",":
                if top is not None and top[1]:
                    top[2] = True
                continue
            if first == ":":
                continue
            if first in "]}":
                if stack:
                    after[stack.pop()[0]] = len(start)
                continue
            node = len(start)
            start.append(at)
            key_at.append(top[3] if top is not None and top[1] else -1)
            after.append(node + 1)
            if top is None and self._root < 0:
                self._root = node  # junk after the document is not the document
            if first in "{[":
                stack.append([node, first == "{", first == "{", -1])
        for frame in stack:  # left open: their descendants run to the end
            after[frame[0]] = len(start)

    def _opens(self, node: int) -> str:
        char = self.text[self._start[node]]
        return char if char in "{[" else ""

    def _key_of(self, node: int) -> str:
        found = _STRING_AT.match(self.text, self._key[node])
        return _key_text(found.group()) if found else ""

    def _members(self, node: int) -> array[int]:
        child, end, out = node + 1, self._next[node], _ints(self.text)
        while child < end:
            out.append(child)
            child = self._next[child]
        return out

    def _child(self, node: int, token: str) -> int | None:
        kids = self._children.get(node)
        if kids is None:
            members = self._members(node)
            if self._opens(node) == "{":
                # JSON keeps the last of repeated keys, and so does the dict.
                kids = {self._key_of(m): m for m in members if self._key[m] >= 0}
            else:
                kids = members
            self._children[node] = kids
        if isinstance(kids, dict):
            return kids.get(unescape(token))
        index = _index(token)
        return kids[index] if index is not None and index < len(kids) else None

    def _node(self, ptr: str) -> tuple[int, bool]:
        """The node at a pointer, else its nearest existing ancestor, and whether it is exact."""
        self._scan()
        node = self._root
        if node < 0 or not ptr:
            return node, True
        for token in ptr[1:].split("/"):
            child = self._child(node, token) if self._opens(node) else None
            if child is None:
                return node, False
            node = child
        return node, True

    @cached_property
    def duplicates(self) -> list[DuplicateKey]:
        """Every key that occurs again in its object, in document order."""
        self._scan()
        found: list[DuplicateKey] = []
        paths = {self._root: ""}  # pointers of containers still to visit (parents come first)
        for node in range(len(self._start)):
            opening = self._opens(node)
            if not opening:
                continue
            base = paths.pop(node, "")
            seen: dict[str, int] = {}
            for index, member in enumerate(self._members(node)):
                if opening == "[":
                    ptr = f"{base}/{index}"
                elif self._key[member] < 0:
                    continue
                else:
                    name = self._key_of(member)
                    ptr = base + "/" + escape(name)
                    first = seen.setdefault(name, self._key[member])
                    if first != self._key[member]:  # not two values after one key (bad JSON)
                        found.append(DuplicateKey(ptr, self._key[member], first))
                if self._opens(member):
                    paths[member] = ptr
        found.sort(key=lambda dup: dup.offset)
        return found

    def pointer_at(self, offset: int) -> str:
        """Pointer of the innermost value that begins at or before an offset (of the member,
        for an offset in its key)."""
        self._scan()
        node, path = self._root, ""
        while node >= 0 and self._opens(node):
            inside = -1, -1
            for index, member in enumerate(self._members(node)):
                begins = self._key[member] if self._key[member] >= 0 else self._start[member]
                if begins > offset:
                    break
                inside = index, member
            index, member = inside
            if member < 0:
                break
            is_key = self._key[member] >= 0 and self._opens(node) == "{"
            path += "/" + (escape(self._key_of(member)) if is_key else str(index))
            if offset < self._start[member]:
                break  # in the key
            node = member
        return path

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of an offset."""
        return self._lines.line_col(offset)

    def offset(self, ptr: str, *, key: bool = False) -> int:
        """Offset of the value (or, with key=True, the key) at a pointer, else its nearest
        ancestor that exists."""
        node, exact = self._node(ptr)
        if node < 0:
            return 0
        if key and exact and self._key[node] >= 0:
            return self._key[node]
        return self._start[node]

    def locate(self, ptr: str, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value at a JSON pointer (or of its key, with key=True)."""
        return self.line_col(self.offset(ptr, key=key))


def locate(text: str, ptr: str) -> tuple[int, int]:
    """Line and column of the value at a JSON pointer in a JSON text (builds Positions once;
    keep a Positions object when locating many pointers)."""
    return Positions(text).locate(ptr)
