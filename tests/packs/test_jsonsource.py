"""The generic JSON document pipeline: limits, syntax, duplicate keys, located errors."""

from __future__ import annotations

import json
import time

from pydantic import BaseModel, ConfigDict

from tabletop.jsonloc.documents import nesting_depth_exceeds
from tabletop.model import Pack
from tabletop.model.json_schemas import schema_for
from tabletop.packs import Positions, load_document, locate

PACK_SCHEMA = schema_for("scenario-pack.schema.json")


class Point(BaseModel):
    """A tiny strict model to exercise the pipeline on something that is not a pack."""

    model_config = ConfigDict(strict=True, extra="forbid")
    x: int
    y: int = 0


POINT_SCHEMA = Point.model_json_schema()


def test_valid_document_gives_the_model_and_no_diagnostics(example_bytes: bytes) -> None:
    pack, diags = load_document(example_bytes, "example.json", Pack, PACK_SCHEMA)
    assert diags == []
    assert isinstance(pack, Pack)
    assert pack.meta.id == "example-quiet-pass"


def test_any_model_and_schema_can_be_used() -> None:
    point, diags = load_document(b'{"x": 3}', "p.json", Point, POINT_SCHEMA)
    assert point == Point(x=3) and diags == []
    point, diags = load_document(b'{\n  "x": "3",\n  "z": 1\n}', "p.json", Point, POINT_SCHEMA)
    assert point is None
    assert [(d.code, d.pointer, d.line, d.column) for d in diags] == [
        ("wrong-type", "/x", 2, 8),
        ("unknown-key", "/z", 3, 3),
    ]
    assert all(d.file == "p.json" for d in diags)


def test_syntax_error_has_line_and_column() -> None:
    _, diags = load_document(b'{\n  "x": 1\n  "y": 2\n}', "p.json", Point, POINT_SCHEMA)
    assert [(d.code, d.line, d.column) for d in diags] == [("json-syntax", 3, 3)]
    assert "delimiter" in diags[0].message


def test_every_duplicate_key_is_reported_where_it_repeats() -> None:
    data = b'{"x": 1,\n "x": 2,\n "y": {"a": 1, "a": 2},\n "y": 5}'
    value, diags = load_document(data, "p.json", Point, POINT_SCHEMA)
    assert value is None  # JSON would silently keep the last value; we refuse
    dups = [(d.pointer, d.line, d.column) for d in diags if d.code == "duplicate-key"]
    assert dups == [("/x", 2, 2), ("/y/a", 3, 16), ("/y", 4, 2)]
    assert "first at 1:2" in diags[0].message


def test_byte_order_mark_is_accepted_and_bad_utf8_is_located() -> None:
    point, diags = load_document(b'\xef\xbb\xbf{"x": 1}', "p.json", Point, POINT_SCHEMA)
    assert point == Point(x=1) and diags == []
    _, diags = load_document(b'{"x": 1,\n "y": "\xc3"}', "p.json", Point, POINT_SCHEMA)
    assert [(d.code, d.line, d.column) for d in diags] == [("not-utf8", 2, 8)]


def test_nan_infinity_and_huge_numbers_are_json_errors() -> None:
    for text, at in (('{"x": NaN}', (1, 7)), ('{"x":\n -Infinity}', (2, 2))):
        _, diags = load_document(text.encode(), "p.json", Point, POINT_SCHEMA)
        assert [(d.code, d.line, d.column) for d in diags] == [("json-syntax", *at)], text
    _, diags = load_document(b'{"x": ' + b"9" * 5000 + b"}", "p.json", Point, POINT_SCHEMA)
    assert [(d.code, d.line, d.column) for d in diags] == [("json-syntax", 1, 7)]


def test_anyof_errors_are_about_the_closest_alternative(example_bytes: bytes) -> None:
    doc = json.loads(example_bytes)
    doc["injects"][3]["when"]["all"][0] = {"fact": "unrest_level", "opp": "==", "value": "x"}
    _, diags = load_document(json.dumps(doc).encode(), "e.json", Pack, PACK_SCHEMA)
    found = sorted((d.code, d.pointer) for d in diags)
    assert found == [
        ("missing-key", "/injects/3/when/all/0"),
        ("unknown-key", "/injects/3/when/all/0/opp"),
    ]
    unknown = next(d for d in diags if d.code == "unknown-key")
    assert "Did you mean 'op'?" in unknown.hint


def test_wrong_tag_of_a_tagged_union_lists_the_tags(example_bytes: bytes) -> None:
    doc = json.loads(example_bytes)
    doc["facts"][0]["type"] = "boolean"
    _, diags = load_document(json.dumps(doc).encode(), "e.json", Pack, PACK_SCHEMA)
    assert [(d.code, d.pointer) for d in diags] == [("bad-value", "/facts/0/type")]
    assert '"bool"' in diags[0].hint and '"relation"' in diags[0].hint


def test_every_schema_error_is_reported_at_once(example_bytes: bytes) -> None:
    doc = json.loads(example_bytes)
    doc["meta"]["version"] = "one"
    doc["roles"][0]["actor"] = 7
    doc["injects"][0]["channel"] = "pigeon"
    del doc["phases"][1]["summary"]
    _, diags = load_document(json.dumps(doc, indent=2).encode(), "e.json", Pack, PACK_SCHEMA)
    assert sorted((d.code, d.pointer) for d in diags) == [
        ("bad-format", "/meta/version"),
        ("bad-value", "/injects/0/channel"),
        ("missing-key", "/phases/1"),
        ("wrong-type", "/roles/0/actor"),
    ]
    assert all(d.line and d.column for d in diags)


def test_depth_check_ignores_brackets_inside_strings() -> None:
    deep_text = json.dumps({"a": "[" * 500 + '\\"{' * 100, "b": ["]" * 10]}).encode()
    assert not nesting_depth_exceeds(deep_text)
    assert nesting_depth_exceeds(b'{"a": "x\\\\", "b": ' + b"[" * 65 + b"]" * 65 + b"}")


def test_positions_escape_pointer_tokens_and_find_keys() -> None:
    text = '{\n  "a/b": {"c~d": [10, {"e": true}]},\n  "list": []\n}'
    pos = Positions(text)
    assert pos.locate("/a~1b/c~0d/1/e") == (2, 29)
    assert pos.locate("/a~1b/c~0d/1/e", key=True) == (2, 24)
    assert pos.locate("/a~1b/c~0d/0") == (2, 19)
    assert pos.locate("/list") == (3, 11)
    assert pos.locate("/list/5") == (3, 11)  # nearest existing ancestor
    assert locate(text, "") == (1, 1)


def test_positions_are_fast_on_a_megabyte_document() -> None:
    doc = {"items": [{"id": f"X{i}", "text": "word " * 20, "n": [i, i + 1]} for i in range(8000)]}
    text = json.dumps(doc, indent=2)
    assert len(text) > 1_000_000
    start = time.perf_counter()
    pos = Positions(text)
    assert pos.locate("/items/7999/n/1")[0] > 1
    assert time.perf_counter() - start < 2.0
