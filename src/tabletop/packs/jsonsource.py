"""Turn the bytes of a JSON document into a model, or into located diagnostics.

`load_document` is the one pipeline for every JSON file tabletop reads from authors
(scenario packs, mandate catalogues, playthrough scripts):

1. size limit (`MAX_BYTES`, refused before anything is parsed);
2. UTF-8 (a leading byte-order mark is allowed);
3. nesting-depth limit (`MAX_DEPTH`), checked on a byte-level skeleton of the brackets,
   so a file nested 100,000 deep is refused in milliseconds and never reaches a parser;
4. JSON syntax (`json.loads`; errors carry line:column), with every duplicate key
   reported (JSON itself silently keeps the last one);
5. the model, parsed by pydantic in strict mode. This is the fast path.
6. Only when pydantic rejects the document is it validated against the JSON Schema
   (Draft 2020-12) so that every error is reported at once, each with its JSON pointer
   and line:column; if the schema finds nothing (a rule JSON Schema cannot say), the
   pydantic errors are reported instead, mapped to pointers.

The schema and the models are generated from one source and a property test checks that
they accept the same documents, so step 6 explains exactly what step 5 refused.
"""

from __future__ import annotations

import json
import os
import re
from itertools import accumulate
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from tabletop.packs.diagnostics import Diagnostic
from tabletop.packs.positions import Positions, pointer
from tabletop.packs.schemacheck import schema_diagnostics

MAX_BYTES = 20 * 1024 * 1024
"""Largest document accepted (20 MB); bigger files are refused unread."""

MAX_DEPTH = 64
"""Deepest nesting of arrays and objects accepted; real packs need about 12."""

M = TypeVar("M", bound=BaseModel)

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


def _error(code: str, message: str, name: str, ptr: str, hint: str, at: tuple[int, int] | None):
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
    return _error("file-too-large", message, name, "", hint, None)


def read_limited(path: str | os.PathLike[str]) -> tuple[bytes | None, Diagnostic | None]:
    """Read a file of at most `MAX_BYTES` (never more into memory); OSError propagates."""
    with open(path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > MAX_BYTES:
            return None, too_large(size, str(path))
        data = fh.read(MAX_BYTES + 1)
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


def _too_deep_at(text: str, limit: int) -> int:
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


def _decode(data: bytes, name: str) -> tuple[str | None, Diagnostic | None]:
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return None, _error(
            "not-utf8",
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x})",
            name,
            "",
            "Save the file as UTF-8 (any editor can; JSON must be UTF-8).",
            (line, col),
        )


def parse_json(text: str, name: str) -> tuple[Any, bool, Diagnostic | None]:
    """Parse JSON text: (value, has duplicate keys, syntax diagnostic or None)."""
    duplicates: list[bool] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(items)
        if len(obj) != len(items):
            duplicates.append(True)
        return obj

    def constant(token: str) -> Any:
        raise _Constant(token)

    hint = "Fix the JSON syntax here; a missing comma or quote is often on the line before."
    try:
        value = json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    except json.JSONDecodeError as exc:
        return None, False, _error("json-syntax", exc.msg, name, "", hint, (exc.lineno, exc.colno))
    except _Constant as exc:
        at = _CONSTANT.search(text)
        where = Positions(text).line_col(at.start()) if at else None
        msg = f"{exc} is not a JSON value"
        return None, False, _error("json-syntax", msg, name, "", "Use a number or null.", where)
    except RecursionError:
        msg = "arrays or objects nest too deeply"
        return None, False, _error("nesting-too-deep", msg, name, "", _DEEP_HINT, None)
    except ValueError as exc:  # e.g. an integer with more than 4300 digits
        at = _LONG_NUMBER.search(text)
        where = Positions(text).line_col(at.start()) if at else None
        return (
            None,
            False,
            _error("json-syntax", str(exc), name, "", "Use a shorter number.", where),
        )
    return value, bool(duplicates), None


def _walk_loc(instance: Any, loc: tuple[Any, ...]) -> str:
    """Pointer of a pydantic error location, skipping union-branch labels it adds."""
    path: list[str | int] = []
    node = instance
    for part in loc:
        in_dict = isinstance(node, dict) and isinstance(part, str) and part in node
        if in_dict or (isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)):
            node = node[part]
            path.append(part)
    return pointer(path)


def model_diagnostics(
    exc: ValidationError, instance: Any, name: str, positions: Positions
) -> list[Diagnostic]:
    """Pydantic's errors as diagnostics (used when the schema found nothing to say)."""
    out = []
    for err in exc.errors(include_url=False):
        ptr = _walk_loc(instance, tuple(err["loc"]))
        msg = err["msg"].removeprefix("Value error, ")
        line, col = positions.locate(ptr)
        out.append(
            Diagnostic(
                code="invalid-value",
                severity="error",
                message=msg,
                file=name,
                pointer=ptr,
                line=line,
                column=col,
                hint="Correct the value as the message says.",
            )
        )
    return out


def load_document(
    data: bytes, name: str, model: type[M], schema: dict[str, Any]
) -> tuple[M | None, list[Diagnostic]]:
    """Check and parse one JSON document: (the model, or None if any error; diagnostics).

    Pure (no I/O) and total: never raises for anything in `data`. `name` is the file name
    put in the diagnostics, `schema` the JSON Schema generated from `model`.
    """
    if len(data) > MAX_BYTES:
        return None, [too_large(len(data), name)]
    text, bad = _decode(data, name)
    if text is None:
        return None, [bad] if bad else []
    if nesting_depth_exceeds(data):
        offset = _too_deep_at(text, MAX_DEPTH)
        prefix = text[:offset]
        line = prefix.count("\n") + 1
        col = offset - (prefix.rfind("\n") + 1) + 1
        msg = f"arrays and objects nest more than {MAX_DEPTH} deep"
        hint = _DEEP_HINT
        return None, [_error("nesting-too-deep", msg, name, "", hint, (line, col))]
    instance, has_duplicates, syntax = parse_json(text, name)
    if syntax is not None:
        return None, [syntax]
    diags: list[Diagnostic] = []
    positions: Positions | None = None
    if has_duplicates:
        positions = Positions(text)
        diags.extend(_duplicate_diagnostics(positions, name))
    try:
        value = model.model_validate_json(text)
    except ValidationError as exc:
        positions = positions or Positions(text)
        found = schema_diagnostics(instance, schema, name, positions)
        diags.extend(found or model_diagnostics(exc, instance, name, positions))
        value = None
    except (ValueError, RecursionError) as exc:  # defensive: pydantic's own parser refused
        diags.append(_error("json-syntax", str(exc), name, "", "Check the JSON syntax.", None))
        value = None
    if any(d.severity == "error" for d in diags):
        return None, diags
    return value, diags


def _duplicate_diagnostics(positions: Positions, name: str) -> list[Diagnostic]:
    out = []
    for dup in positions.duplicates:
        key = dup.pointer.rsplit("/", 1)[-1]
        first_line, first_col = positions.line_col(dup.first_offset)
        line, col = positions.line_col(dup.offset)
        out.append(
            _error(
                "duplicate-key",
                f"key '{key}' appears again (first at {first_line}:{first_col}); "
                "JSON keeps only the last one",
                name,
                dup.pointer,
                "Remove one of the two, or rename it.",
                (line, col),
            )
        )
    return out
