"""Reading JSON text safely: size and depth limits, UTF-8, syntax and duplicate keys.

The first steps of `documents.load_document`; see there for the whole pipeline.
"""

from __future__ import annotations

import json
import os
import re
from itertools import accumulate
from typing import Any

from tabletop.jsonloc.characters import SURROGATE_HINT, lone_surrogate
from tabletop.jsonloc.diagnostics import Diagnostic
from tabletop.jsonloc.positions import Positions

MAX_BYTES = 20 * 1024 * 1024
"""Largest document accepted (20 MB); bigger files are refused unread."""

MAX_DEPTH = 64
"""Deepest nesting of arrays and objects accepted; real packs need about 12."""

_DEEP_HINT = f"Nesting is limited to {MAX_DEPTH} levels; real documents need about 12."

_KEEP = b'"[]{}'
_DROP = bytes(b for b in range(256) if b not in _KEEP)
_STRING = re.compile(rb'"[^"]*"')
_STEPS = bytes.maketrans(b"[]{}", b"\x01\xff\x01\xff")
_DEPTH_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)
_CONSTANT = re.compile(r"(?<![\w.])-?(?:NaN|Infinity)\b")
_LONG_NUMBER = re.compile(r"\d{4000,}")


class _Constant(ValueError):
    """NaN or Infinity, which Python's json accepts and JSON does not."""


def error_at(
    code: str, message: str, name: str, ptr: str, hint: str, at: tuple[int, int] | None
) -> Diagnostic:
    """An error diagnostic at a line:column (or nowhere in particular)."""
    line, col = at if at else (None, None)
    return Diagnostic(
        code=code,
        severity="error",
        message=message,
        file=name,
        pointer=ptr,
        line=line,
        column=col,
        hint=hint,
    )


def too_large(size: int, name: str) -> Diagnostic:
    """The diagnostic for a file over `MAX_BYTES` (callers may check the size unread)."""
    limit = MAX_BYTES // 1_048_576
    message = f"the file is larger than {limit} MB ({size / 1_048_576:.1f} MB read)"
    hint = f"Files larger than {limit} MB are refused; split the scenario or trim long texts."
    return error_at("file-too-large", message, name, "", hint, None)


def read_limited(path: str | os.PathLike[str]) -> tuple[bytes | None, Diagnostic | None]:
    """Read a file of at most `MAX_BYTES` (never more into memory): its bytes, or None and
    why (too large, unreadable)."""
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > MAX_BYTES:
                return None, too_large(size, str(path))
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        return None, Diagnostic(
            code="unreadable",
            severity="error",
            message=f"cannot read the file: {exc.strerror or exc}",
            file=str(path),
            pointer="",
            hint="Check the path and the file's permissions.",
        )
    if len(data) > MAX_BYTES:  # grew while we looked, or not a regular file
        return None, too_large(len(data), str(path))
    return data, None


def nesting_depth_exceeds(data: bytes, limit: int = MAX_DEPTH) -> bool:
    """Whether arrays/objects nest deeper than `limit`, without parsing (C-speed passes)."""
    # Escaped backslashes and quotes go first, so every remaining quote opens or closes a
    # string; then everything but quotes and brackets.
    if b"\\" in data:
        data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    skeleton = data.translate(None, _DROP)
    # Dropping adjacent quotes keeps every other quote's role (they still alternate) and
    # removes most strings at C speed; the regex takes the strings that hold brackets.
    skeleton = _STRING.sub(b"", skeleton.replace(b'""', b""))
    if not skeleton:
        return False
    # Openers become +1 and closers -1 (signed bytes); the running sum is the depth.
    steps = memoryview(skeleton.translate(_STEPS, b'"')).cast("b")
    return max(accumulate(steps)) > limit


def too_deep_at(text: str, limit: int) -> int:
    """Offset of the first bracket that goes deeper than `limit` (stops there)."""
    depth = 0
    for match in _DEPTH_TOKEN.finditer(text):
        char = match.group()[0]
        if char in "[{":
            depth += 1
            if depth > limit:
                return match.start()
        elif char in "]}":
            depth -= 1
    return 0


def decode(data: bytes, name: str) -> tuple[str | None, Diagnostic | None]:
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return None, error_at(
            "not-utf8",
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x})",
            name,
            "",
            "Save the file as UTF-8 (any editor can; JSON must be UTF-8).",
            (line, col),
        )


def _tupled(items: list[Any]) -> tuple[Any, ...]:
    # Arrays become tuples (what the strict models take), nested ones too.
    if list in map(type, items):
        return tuple(_tupled(v) if type(v) is list else v for v in items)
    return tuple(items)


def parse_json(text: str, name: str) -> tuple[Any, bool, Diagnostic | None]:
    """Parse JSON text: (value, has duplicate keys, syntax diagnostic or None).

    Objects become dicts and arrays tuples, ready for the models' strict validation.
    """
    duplicates: list[bool] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = {k: _tupled(v) if type(v) is list else v for k, v in items}
        if len(obj) != len(items):
            duplicates.append(True)
        return obj

    def constant(token: str) -> Any:
        raise _Constant(token)

    hint = "Fix the JSON syntax here; a missing comma or quote is often on the line before."
    try:
        value = json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    except json.JSONDecodeError as exc:
        comma = _trailing_comma(text, exc.pos)
        if comma is not None:
            at_comma = Positions(text).line_col(comma)
            message = "trailing comma: JSON allows no comma after the last item"
            fix = "Remove the comma before the closing bracket or brace."
            return None, False, error_at("json-syntax", message, name, "", fix, at_comma)
        return (
            None,
            False,
            error_at("json-syntax", exc.msg, name, "", hint, (exc.lineno, exc.colno)),
        )
    except _Constant as exc:
        at = _CONSTANT.search(text)
        where = Positions(text).line_col(at.start()) if at else None
        msg = f"{exc} is not a JSON value"
        return None, False, error_at("json-syntax", msg, name, "", "Use a number or null.", where)
    except RecursionError:
        msg = "arrays or objects nest too deeply"
        return None, False, error_at("nesting-too-deep", msg, name, "", _DEEP_HINT, None)
    except ValueError as exc:  # e.g. an integer with more than 4300 digits
        at = _LONG_NUMBER.search(text)
        where = Positions(text).line_col(at.start()) if at else None
        return (
            None,
            False,
            error_at("json-syntax", str(exc), name, "", "Use a shorter number.", where),
        )
    surrogate = lone_surrogate_at(text, name)
    if surrogate is not None:
        return None, False, surrogate
    if type(value) is list:
        value = _tupled(value)
    return value, bool(duplicates), None


def lone_surrogate_at(text: str, name: str) -> Diagnostic | None:
    """Half of a surrogate pair in JSON text that parsed, located (see `characters`), or
    None."""
    found = lone_surrogate(text)
    if found is None:
        return None
    offset, message = found
    positions = Positions(text)
    ptr = positions.pointer_at(offset)
    while lone_surrogate(json.dumps(ptr)) is not None:
        ptr = ptr.rsplit("/", 1)[0]  # in a key: the pointer cannot name it, its object can
    where = positions.line_col(offset)
    return error_at("json-syntax", message, name, ptr, SURROGATE_HINT, where)


def _trailing_comma(text: str, pos: int) -> int | None:
    """Where the comma is, when the parser stopped at a '}' or ']' that follows one (JSON
    has no trailing commas; the parser's own words do not say so)."""
    if pos >= len(text) or text[pos] not in "}]":
        return None
    before = text[:pos].rstrip()
    return len(before) - 1 if before.endswith(",") else None
