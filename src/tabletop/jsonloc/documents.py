"""Turn the bytes of a JSON document into a model, or into located diagnostics.

`load_document` is the one pipeline for every JSON file tabletop reads from authors
(scenario packs, mandate catalogues, playthrough scripts):

1. size limit (`MAX_BYTES`, refused before anything is parsed);
2. UTF-8 (a leading byte-order mark is allowed);
3. nesting-depth limit (`MAX_DEPTH`), checked on a byte-level skeleton of the brackets,
   so a file nested 100,000 deep is refused in milliseconds and never reaches a parser;
4. JSON syntax (`json.loads`; errors carry line:column), with every duplicate key
   reported (JSON itself silently keeps the last one); and no half of a surrogate pair,
   which JSON allows but UTF-8 cannot hold (`characters`);
5. the model, validated by pydantic in strict mode. This is the fast path: the parsed
   objects are validated directly (arrays already tuples), and only if that refuses is the
   text validated again in pydantic's JSON mode, which is the authority (it takes e.g. ISO
   date strings for plain datetime fields that the object path does not).
6. Only when pydantic rejects the document is it validated against the JSON Schema
   (Draft 2020-12) so that every error is reported at once, each with its JSON pointer
   and line:column; if the schema finds nothing (a rule JSON Schema cannot say), the
   pydantic errors are reported instead, mapped to pointers.

The schema and the models are generated from one source and a property test checks that
they accept the same documents, so step 6 explains exactly what step 5 refused. The
garbage collector is paused while the objects are built (they are all kept anyway).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from tabletop.jsonloc.diagnostics import Diagnostic
from tabletop.jsonloc.positions import Positions, pointer
from tabletop.jsonloc.reading import (
    MAX_BYTES,
    MAX_DEPTH,
    decode,
    error_at,
    nesting_depth_exceeds,
    parse_json,
    read_limited,
    too_deep_at,
    too_large,
)

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "load_document",
    "model_diagnostics",
    "nesting_depth_exceeds",
    "parse_json",
    "read_limited",
    "too_large",
    "validate_model",
]

M = TypeVar("M", bound=BaseModel)

_DEEP_HINT = f"Nesting is limited to {MAX_DEPTH} levels; real documents need about 12."


def validate_model(model: type[M], instance: Any, text: str) -> M:
    """The model of a parsed document (raises pydantic's ValidationError).

    Strict validation of the parsed objects first (fast); if that refuses, the text in
    pydantic's strict JSON mode decides, so the result is always JSON mode's.
    """
    try:
        return model.model_validate(instance, strict=True)
    except ValidationError:
        return model.model_validate_json(text, strict=True)


def _walk_loc(instance: Any, loc: tuple[Any, ...]) -> str:
    """Pointer of a pydantic error location, skipping union-branch labels it adds."""
    path: list[str | int] = []
    node = instance
    for part in loc:
        in_dict = isinstance(node, dict) and isinstance(part, str) and part in node
        in_seq = isinstance(node, list | tuple) and isinstance(part, int) and 0 <= part < len(node)
        if in_dict or in_seq:
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
    data: bytes,
    name: str,
    model: type[M],
    schema: dict[str, Any] | Callable[[], dict[str, Any]],
) -> tuple[M | None, list[Diagnostic]]:
    """Check and parse one JSON document: (the model, or None if any error; diagnostics).

    Pure (no I/O) and total: never raises for anything in `data`. `name` is the file name
    put in the diagnostics, `schema` the JSON Schema generated from `model`, or a function
    that gives it (called only for a document the model refuses).
    """
    if len(data) > MAX_BYTES:
        return None, [too_large(len(data), name)]
    text, bad = decode(data, name)
    if text is None:
        return None, [bad] if bad else []
    if nesting_depth_exceeds(data):
        offset = too_deep_at(text, MAX_DEPTH)
        prefix = text[:offset]
        line = prefix.count("\n") + 1
        col = offset - (prefix.rfind("\n") + 1) + 1
        msg = f"arrays and objects nest more than {MAX_DEPTH} deep"
        return None, [error_at("nesting-too-deep", msg, name, "", _DEEP_HINT, (line, col))]
    instance, has_duplicates, syntax = parse_json(text, name)
    if syntax is not None:
        return None, [syntax]
    try:
        value: M | None = validate_model(model, instance, text)
        failure = None
    except ValidationError as exc:
        value, failure = None, exc
    except (ValueError, RecursionError) as exc:  # defensive: pydantic's parser refused
        diag = error_at("json-syntax", str(exc), name, "", "Check the JSON syntax.", None)
        return None, [diag]
    diags: list[Diagnostic] = []
    positions: Positions | None = None
    if has_duplicates:
        positions = Positions(text)
        diags.extend(_duplicate_diagnostics(positions, name))
    if failure is not None:
        positions = positions or Positions(text)
        # Only a refused document needs the schema (and jsonschema, slow to import).
        from tabletop.jsonloc.schema_errors import schema_diagnostics

        found = schema_diagnostics(
            instance, schema() if callable(schema) else schema, name, positions
        )
        diags.extend(found or model_diagnostics(failure, instance, name, positions))
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
            error_at(
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
