"""The MSEL spreadsheet: a pack's injects as rows of text cells, and rows back into injects.

Pure: cells in, cells out. Injects are handled as the JSON objects of the pack file (not as
models), so what the sheet does not change stays exactly as the author wrote it. Nothing in
a cell is executed: JSON columns are parsed as data, formulas are refused (`msel_files`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, get_args

from tabletop.model.base import ID_PATTERN, SCENARIO_TIME_PATTERN
from tabletop.model.pack import Channel

_ID = re.compile(ID_PATTERN)
_TIME = re.compile(SCENARIO_TIME_PATTERN)
CHANNELS = get_args(Channel)
RELEASES = ("scheduled", "when", "follow_on")


@dataclass(frozen=True)
class Column:
    """One column of the sheet: its header, the inject key it carries, and its kind."""

    header: str
    key: str
    kind: str  # id, time, phase, text, to, channel, lines, ids, release, json, bool
    width: int
    required: bool = False


COLUMNS = (
    Column("Event no.", "id", "id", 12, True),
    Column("Scenario time", "time", "time", 18, True),
    Column("Phase", "phase", "phase", 10, True),
    Column("From", "from", "text", 24, True),
    Column("To", "to", "to", 24, True),
    Column("Channel", "channel", "channel", 12, True),
    Column("Title", "title", "text", 32, True),
    Column("Inject text", "body", "text", 60, True),
    Column("Expected action", "expected_actions", "lines", 40, True),
    Column("Objectives", "objectives", "ids", 12),
    Column("Notes", "facilitator_notes", "text", 40),
    Column("Discussion questions", "discussion_questions", "lines", 40),
    Column("Release", "release", "release", 11),
    Column("Condition (JSON)", "when", "json", 30),
    Column("Opens", "opens", "ids", 10),
    Column("Effects (JSON)", "effects", "json", 30),
    Column("Sources", "sources", "ids", 16),
    Column("Ending", "ending", "bool", 8),
)
HEADERS = tuple(c.header for c in COLUMNS)
# What an inject holds when a key is absent from the file (the model's defaults).
DEFAULTS: dict[str, Any] = {
    "release": "scheduled",
    "when": None,
    "objectives": [],
    "facilitator_notes": "",
    "discussion_questions": [],
    "effects": [],
    "opens": [],
    "sources": [],
    "ending": False,
}


class MselRefused(Exception):
    """An inject cannot be put in a sheet cell (said in the message)."""


@dataclass(frozen=True)
class RowProblem:
    """Something wrong in one row of the sheet: the row number, the column and what to do."""

    row: int
    column: str | None
    message: str


def _lines_cell(items: Sequence[str]) -> str:
    # One item a line; where that cannot be read back exactly, the list as JSON.
    if any(("\n" in s or "\r" in s or not s.strip() or s.startswith("[")) for s in items):
        return json.dumps(list(items), ensure_ascii=False)
    return "\n".join(items)


def _cell(column: Column, inject: Mapping[str, Any]) -> str:
    value = inject.get(column.key, DEFAULTS.get(column.key))
    if column.kind == "ids":
        return ", ".join(value)
    if column.kind == "to":
        return value if isinstance(value, str) else ", ".join(value)
    if column.kind == "lines":
        return _lines_cell(value)
    if column.kind == "json":
        return "" if value in (None, []) else json.dumps(value, ensure_ascii=False)
    if column.kind == "bool":
        return "yes" if value else ""
    return str(value)


def inject_rows(pack: Mapping[str, Any]) -> list[list[str]]:
    """The sheet of a pack (its parsed JSON): the header row, then one row per inject."""
    return [list(HEADERS)] + [[_cell(c, inject) for c in COLUMNS] for inject in pack["injects"]]


def next_free_id(taken: set[str]) -> str:
    """An inject id like the shipped ones (INJ-NN) that no inject has."""
    n = 1
    while f"INJ-{n:02d}" in taken:
        n += 1
    return f"INJ-{n:02d}"


@dataclass(frozen=True)
class Known:
    """The pack's ids a row may name (checked here so the error points at the cell)."""

    phases: tuple[str, ...]
    roles: tuple[str, ...]
    objectives: tuple[str, ...]


def _ids(text: str) -> list[str]:
    return [part for part in re.split(r"[,\s]+", text) if part]


def _one_of(value: str, allowed: Sequence[str], what: str) -> str:
    if value not in allowed:
        raise ValueError(f"{_q(value)} is not {what}; use one of: {', '.join(allowed)}")
    return value


def _parse_time(text: str) -> str:
    if not _TIME.fullmatch(text):
        raise ValueError(f"{_q(text)} is not a time like 2022-01-05T08:00")
    try:
        datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{_q(text)} is not a time like 2022-01-05T08:00") from None
    return text


def _parse_lines(text: str) -> list[str]:
    if text.startswith("["):
        try:
            items = json.loads(text)
        except ValueError as exc:
            raise ValueError(
                f"starts with '[' so is read as a JSON list of texts, but {exc}; "
                "write one item a line, not starting with '['"
            ) from None
        if not isinstance(items, list) or not all(isinstance(s, str) for s in items):
            raise ValueError("a cell starting with '[' must be a JSON list of texts")
        return items
    return [line.rstrip("\r") for line in text.split("\n") if line.strip()]


def _parse_json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as exc:
        raise ValueError(f"is not JSON: {exc}") from None
    except RecursionError:
        raise ValueError(
            "is nested too deeply; real conditions and effects need a few levels"
        ) from None


def _q(text: str) -> str:
    """A cell's value as a message quotes it: cut short when long."""
    return repr(text) if len(text) <= 60 else repr(text[:50]) + f" ({len(text):,} characters)"


def _parse_bool(text: str) -> bool:
    word = text.strip().lower()
    if word in ("", "no", "false", "0"):
        return False
    if word in ("yes", "true", "1"):
        return True
    raise ValueError(f"{_q(text)} is neither yes nor no; write yes, or leave it empty")


def _parser(column: Column, known: Known) -> Callable[[str], Any]:
    kind = column.kind
    if kind == "id":
        return lambda s: _id(s, "an inject id")
    if kind == "time":
        return _parse_time
    if kind == "channel":
        return lambda s: _one_of(s, CHANNELS, "a channel")
    if kind == "release":
        return lambda s: _one_of(s or "scheduled", RELEASES, "a release kind")
    if kind == "phase":
        return lambda s: _one_of(s, known.phases, "a phase of the pack")
    if kind == "to":
        return lambda s: "all" if s == "all" else [_role(r, known) for r in _ids(s)]
    if column.key == "objectives":
        return lambda s: [_one_of(o, known.objectives, "an objective") for o in _ids(s)]
    if kind == "ids":
        return lambda s: [_id(i, "an id") for i in _ids(s)]
    if kind == "lines":
        return _parse_lines
    if kind == "json":
        return lambda s: DEFAULTS[column.key] if not s.strip() else _parse_json(s)
    if kind == "bool":
        return _parse_bool
    return lambda s: s


def _id(text: str, what: str) -> str:
    if not _ID.fullmatch(text):
        raise ValueError(
            f"{_q(text)} is not {what}: a letter, then letters, digits, '_', '.' or '-'"
        )
    return text


def _role(text: str, known: Known) -> str:
    return _one_of(text, known.roles, "a role of the pack ('all', or role ids with commas)")


def _at(row: Sequence[str], index: int) -> str:
    return row[index] if index < len(row) else ""


def read_rows(
    rows: Sequence[Sequence[str]], known: Known, taken: set[str]
) -> tuple[list[tuple[int, dict[str, Any]]], list[RowProblem]]:
    """The injects of a sheet's rows (text cells, the header first): (row number, the
    fields the sheet carries) for each row, and every problem found, each in its cell."""
    if not rows:
        return [], [RowProblem(1, None, "the sheet is empty; export one to start from")]
    header = [h.strip() for h in rows[0]]
    where = {h: i for i, h in enumerate(header) if h}
    missing = [c.header for c in COLUMNS if c.header not in where]
    required = [h for h in missing if next(c for c in COLUMNS if c.header == h).required]
    if required:
        return [], [
            RowProblem(
                1,
                None,
                f"the header row lacks {', '.join(repr(h) for h in required)}; keep the "
                "header row of an exported sheet",
            )
        ]
    present = [c for c in COLUMNS if c.header in where]
    parsers = {c.header: _parser(c, known) for c in present}
    out: list[tuple[int, dict[str, Any]]] = []
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        cells = {c.header: _at(row, where[c.header]) for c in present}
        if not any(v.strip() for v in cells.values()):
            continue
        fields: dict[str, Any] = {}
        for column in present:
            text = cells[column.header]
            if column.kind != "text":
                text = text.strip()
            if column.key == "id" and not text:
                problems.append(
                    RowProblem(
                        number,
                        column.header,
                        "the row has no event no.; give it a new inject id, e.g. "
                        f"{next_free_id(taken | set(seen))}",
                    )
                )
                continue
            if column.required and column.key != "id" and not text.strip():
                problems.append(RowProblem(number, column.header, "is empty; fill it in"))
                continue
            try:
                fields[column.key] = parsers[column.header](text)
            except ValueError as exc:
                problems.append(RowProblem(number, column.header, str(exc)))
        inject_id = fields.get("id")
        if inject_id is not None:
            if inject_id in seen:
                problems.append(
                    RowProblem(
                        number,
                        "Event no.",
                        f"'{inject_id}' is also the event no. of row {seen[inject_id]}; "
                        "give each row its own",
                    )
                )
            else:
                seen[inject_id] = number
        out.append((number, fields))
    return out, problems
