"""The MSEL row mapping and merge, pure: cells to injects and injects into a pack's text."""

from __future__ import annotations

import json

from tabletop.packs.msel import COLUMNS, HEADERS, Known, inject_rows, next_free_id, read_rows
from tabletop.packs.msel_merge import merge_injects, replace_injects, updated_inject

KNOWN = Known(phases=("move-1",), roles=("a", "b"), objectives=("OBJ-1",))
INJECT = {
    "id": "INJ-01",
    "phase": "move-1",
    "time": "2022-01-02T08:00",
    "from": "Control",
    "to": ["a", "b"],
    "channel": "news",
    "title": "Title",
    "body": "Body",
    "expected_actions": ["One", "Two"],
}


def _read(inject: dict[str, object]) -> dict[str, object]:
    rows, problems = read_rows(inject_rows({"injects": [inject]}), KNOWN, set())
    assert problems == []
    return dict(rows[0][1])


def test_a_row_reads_back_as_the_inject() -> None:
    fields = _read(INJECT)
    assert updated_inject(INJECT, fields) == INJECT
    assert updated_inject(None, fields) == INJECT  # defaults are not written


def test_list_items_a_line_cannot_hold_go_as_json() -> None:
    inject = dict(
        INJECT, expected_actions=["two\nlines", "[bracketed]"], discussion_questions=[" "]
    )
    row = inject_rows({"injects": [inject]})[1]
    assert row[HEADERS.index("Expected action")] == '["two\\nlines", "[bracketed]"]'
    assert updated_inject(inject, _read(inject)) == inject


def test_new_keys_take_the_models_place_and_old_keys_keep_theirs() -> None:
    original = {"title": "T", "id": "X", "body": "B"}
    out = updated_inject(original, {"id": "X", "release": "when", "title": "T2"})
    assert list(out) == ["title", "id", "release", "body"]
    assert out["title"] == "T2"


def test_true_is_not_one() -> None:
    inject = dict(INJECT, effects=[{"fact": "f", "set": True}])
    fields = _read(inject)
    fields["effects"] = [{"fact": "f", "set": 1}]
    merged, _ = merge_injects([inject], [(2, fields)])
    text = json.dumps({"injects": [inject]}, indent=2)
    assert '"set": 1' in replace_injects(text, merged)


def test_replace_keeps_the_text_of_untouched_injects() -> None:
    second = dict(INJECT, id="INJ-02")
    text = (
        '{\n  "x": [1, 2],\n  "injects": [\n    '
        + json.dumps(INJECT)
        + ",\n    "
        + (json.dumps(second) + "\n  ]\n}\n")
    )
    changed = dict(second, title="New")
    out = replace_injects(text, [INJECT, changed])
    assert out.startswith('{\n  "x": [1, 2],\n  "injects": [\n    ' + json.dumps(INJECT) + ",\n")
    assert json.loads(out)["injects"] == [INJECT, changed]
    assert '\n      "title": "New",' in out
    assert replace_injects(text, [INJECT, second]) == text


def test_every_problem_of_a_sheet_at_once() -> None:
    rows = inject_rows({"injects": [INJECT, dict(INJECT, id="INJ-02")]})
    rows[1][HEADERS.index("Phase")] = "move-2"
    rows[2][HEADERS.index("Objectives")] = "OBJ-9"
    rows[2][HEADERS.index("Ending")] = "perhaps"
    _, problems = read_rows(rows, KNOWN, set())
    assert [(p.row, p.column) for p in problems] == [(2, "Phase"), (3, "Objectives"), (3, "Ending")]


def test_a_sheet_without_the_header_is_refused() -> None:
    _, problems = read_rows([["Event no.", "Title"]], KNOWN, set())
    assert problems[0].row == 1
    assert "'Scenario time'" in problems[0].message


def test_next_free_id_and_columns() -> None:
    assert next_free_id({"INJ-01", "INJ-02"}) == "INJ-03"
    assert len({c.key for c in COLUMNS}) == len(COLUMNS)
