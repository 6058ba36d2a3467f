"""Positions of hostile JSON texts: memory linear and small in the text, locations right."""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tabletop.jsonloc.positions import Positions, pointer

MB = 1_000_000


def _peak_beyond_text(build: Callable[[], object]) -> int:
    """Peak bytes allocated while `build` runs (the text exists before, so is not counted)."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        result = build()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del result
    return peak


def test_a_ten_megabyte_string_costs_little_memory_to_locate_in() -> None:
    text = json.dumps({"title": "short", "rationale": "x" * (10 * MB), "after": [1, 2]})

    def build() -> Positions:
        pos = Positions(text)
        assert pos.locate("/after/1") == (1, len(text) - 2)
        return pos

    # The old string regex kept about 150 bytes of matcher state per character.
    assert _peak_beyond_text(build) < 3 * len(text)


def test_a_string_of_escapes_costs_little_memory_to_locate_in() -> None:
    # json.dumps escapes every non-ASCII character: a Cyrillic text is all escapes.
    text = json.dumps({"body": "Т" * (MB // 2), "end": True})
    assert text.count("\\u0422") == MB // 2

    def build() -> Positions:
        pos = Positions(text)
        assert pos.locate("/end") == (1, len(text) - 4)
        return pos

    assert _peak_beyond_text(build) < 3 * len(text)


def test_many_lines_cost_little_memory() -> None:
    text = "\n" * (2 * MB) + '{"a": 1}'
    assert _peak_beyond_text(lambda: Positions(text).locate("/a")) < len(text)
    assert Positions(text).locate("/a") == (2 * MB + 1, 7)


def test_many_small_values_cost_a_few_bytes_each() -> None:
    count = MB // 10
    text = "[" + "0," * count + "0]"
    pos = Positions(text)
    assert pos.locate(f"/{count}") == (1, len(text) - 1)
    # A dict of pointer strings cost about 57 bytes per character here.
    assert _peak_beyond_text(lambda: Positions(text).locate("/5")) < 10 * len(text)


def _walk(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str, Any, bool]]:
    """Every (pointer, value, is a member of an object) in a document."""
    yield pointer(path), value, bool(path) and isinstance(path[-1], str)
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, (*path, index))


TRICKY = {
    'quote"key': ['a "quoted" value', "back\\slash\\", "\\"],
    "back\\slash": {"\\": "\\\\\\", '"': '"'},
    "unicode \u0422 \U0001f600": ["\u202e\u200b\ufeff", "\u0000\n\t"],
    "a/b~c": [[], {}, [{}], None, True, -1.5e3, "x" * 5000],
    "": {"": [""]},
}


@pytest.mark.parametrize("ensure_ascii", [True, False])
@pytest.mark.parametrize("indent", [None, 2])
def test_every_value_and_key_is_found_where_json_reads_it(ensure_ascii: bool, indent: int) -> None:
    text = json.dumps(TRICKY, ensure_ascii=ensure_ascii, indent=indent)
    pos = Positions(text)
    decode = json.JSONDecoder().raw_decode
    lines = text.split("\n")
    for ptr, value, member in _walk(TRICKY):
        line, col = pos.locate(ptr)
        offset = sum(len(row) + 1 for row in lines[: line - 1]) + col - 1
        assert decode(text, offset)[0] == value, ptr
        if member:
            line, col = pos.locate(ptr, key=True)
            offset = sum(len(row) + 1 for row in lines[: line - 1]) + col - 1
            assert decode(text, offset)[0] == ptr.rsplit("/", 1)[1].replace("~1", "/").replace(
                "~0", "~"
            ), ptr


def test_escaped_quotes_and_backslashes_do_not_end_a_long_string_early() -> None:
    body = ('\\"' + "\\\\" + "\\u0022" + "y" * 1000) * 2000
    text = '{"a": "' + body + '",\n "b": [1, {"c": 2}]}'
    pos = Positions(text)
    assert pos.locate("/b/1/c") == (2, 17)
    assert pos.locate("/b/1/c", key=True) == (2, 12)


def test_an_unterminated_string_in_a_long_text_is_located_and_swallows_the_rest() -> None:
    text = '{"a": [1, 2],\n "b": "' + "z" * (2 * MB) + '\\"c\\": [3]'
    pos = Positions(text)
    assert pos.locate("/a/1") == (1, 11)
    assert pos.locate("/b") == (2, 7)
    assert pos.locate("/c/0") == (1, 1)  # inside the open string: only the root is there


def test_duplicate_keys_are_found_with_escapes_and_in_nested_objects() -> None:
    text = '{"a": 1, "\\u0061": 2, "b": [{"x": 1, "x": 2}], "c\\"": 0, "c\\u0022": 0}'
    found = [(d.pointer, d.offset, d.first_offset) for d in Positions(text).duplicates]
    assert found == [
        ("/a", text.index('"\\u0061"'), 1),
        ("/b/0/x", text.rindex('"x"'), text.index('"x"')),
        ('/c"', text.index('"c\\u0022"'), text.index('"c\\""')),
    ]
    assert Positions(text).locate("/a") == (1, text.index(": 2") + 3)  # JSON keeps the last


@pytest.mark.parametrize(
    "text",
    ["", "   ", "]]]}}}", '{"a" "b" 1 :: , }', '[1, 2 3 {"k": }', '"\\', "{" * 200, '{"a": "\\'],
)
def test_malformed_texts_are_located_without_error(text: str) -> None:
    pos = Positions(text)
    line, col = pos.locate("/a/0/k")
    assert line >= 1 and col >= 1
    assert isinstance(pos.duplicates, list)


def test_line_and_column_count_characters_across_blocks() -> None:
    rows = ["", "ab", "\u0422" * 5000, "", "x" * 9000]
    text = "\n".join(rows)
    pos = Positions(text)
    for offset in [0, 1, 2, 3, 4, 5, 4100, 5004, 5005, 5006, 8191, 8192, 12000, len(text)]:
        before = text[:offset]
        expected = (before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1)
        assert pos.line_col(offset) == expected, offset
