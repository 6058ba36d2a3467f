"""Hostile packs: each gives a located diagnostic, printed safely, or is accepted as text.

A pack is untrusted input. Whatever it holds, `tabletop validate` must not raise, must
name the place (file:line:col and JSON pointer), and must print nothing that forges a
line, drives the terminal, hides a character or cannot be encoded.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Collection
from datetime import date
from pathlib import Path, PureWindowsPath
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tabletop.cli import main
from tabletop.model.base import ID_PATTERN
from tabletop.packs import load_pack, lookalikes, parse_pack
from tabletop.packs.lookalikes import did_you_mean, meant
from tabletop.store.sqlite_store import SessionStore

MINIMAL = Path(__file__).resolve().parents[1] / "data" / "minimal-pack.json"
BASE: dict[str, Any] = json.loads(MINIMAL.read_text("utf-8"))
del BASE["$schema"]
HOST = ("decision_points", 0, "options", 0, "action", "params", "host")
MODE = ("decision_points", 0, "options", 0, "action", "params", "mode")
LONG = 100_000


def _set(doc: dict[str, Any], path: tuple[str | int, ...], value: Any) -> None:
    for part in path[:-1]:
        doc = doc[part]
    doc[path[-1]] = value


def _pack(tmp_path: Path, changes: dict[tuple[str | int, ...], Any], text: str = "") -> Path:
    """The minimal pack with values replaced, as JSON text with `text` replacing '@@'."""
    doc = copy.deepcopy(BASE)
    for path, value in changes.items():
        _set(doc, path, value)
    raw = json.dumps(doc, indent=2, ensure_ascii=False).replace('"@@"', text)
    path = tmp_path / "hostile.json"
    path.write_text(raw, "utf-8")
    return path


def _validate(path: Path, capsys: pytest.CaptureFixture[str], fmt: str = "text") -> str:
    code = main(["validate", "--format", fmt, str(path)])
    out, err = capsys.readouterr()
    assert code in (0, 1) and err == ""
    out.encode("utf-8")  # a real terminal would fail on a lone surrogate here
    if fmt == "json":
        json.loads(out)
    else:
        # Each character safe: nothing to forge a line, colour the terminal, hide or reorder.
        for line in out.splitlines():
            assert line.isprintable(), repr(line)
    return out


def _where(path: Path, needle: str) -> tuple[int, int]:
    """Line and column where `needle` first occurs in the file."""
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(f"{needle!r} is not in {path}")


Case = tuple[dict[tuple[str | int, ...], Any], str, str, str, list[str]]
# changes, raw text for '@@', code, pointer, words the diagnostic must show
REFUSED: dict[str, Case] = {
    "dot-dot id": ({("meta", "id"): "../../etc/passwd"}, "", "bad-format", "/meta/id", []),
    "slash in an id": ({("actors", 0, "id"): "LAND/../x"}, "", "bad-format", "/actors/0/id", []),
    "NUL in an id": (
        {("actors", 0, "id"): "LA\u0000ND"},
        "",
        "bad-format",
        "/actors/0/id",
        ['"LA\\u0000ND" is not a valid value', "Character 3 is U+0000 (a control character)"],
    ),
    "escape sequence in an id": (
        {("actors", 0, "id"): "LAND\u001b[2J"},
        "",
        "bad-format",
        "/actors/0/id",
        ['"LAND\\u001b[2J"', "Character 5 is U+001B"],
    ),
    "newline in an id": (
        {("actors", 0, "id"): "LAND\n"},
        "",
        "bad-format",
        "/actors/0/id",
        ['"LAND\\n" is not a valid value', "U+000A"],
    ),
    "right-to-left override in an id": (
        {("actors", 0, "id"): "LAND\u202e"},
        "",
        "bad-format",
        "/actors/0/id",
        ['"LAND\\u202e"', "U+202E (RIGHT-TO-LEFT OVERRIDE)"],
    ),
    "100,000-character id": (
        {("actors", 0, "id"): "L" * LONG},
        "",
        "bad-format",
        "/actors/0/id",
        ["is not a valid value"],
    ),
    "100,000-character title": (
        {("meta", "title"): "T" * LONG},
        "",
        "bad-length",
        "/meta/title",
        ["at most 20000 characters"],
    ),
    "100,000-character body": (
        {("injects", 0, "body"): "B" * LONG},
        "",
        "bad-length",
        "/injects/0/body",
        ["too long"],
    ),
    "Cyrillic Te in an actor id": (
        {("actors", 1, "id"): "CS\u0422O"},
        "",
        "bad-format",
        "/actors/1/id",
        ['"CS\\u0422O" is not a valid value', "CYRILLIC CAPITAL LETTER TE"],
    ),
    "role naming a look-alike actor": (
        {("roles", 0, "actor"): "\u0410LLY"},
        "",
        "bad-format",
        "/roles/0/actor",
        ['"\\u0410LLY"', "Character 1 is U+0410 (CYRILLIC CAPITAL LETTER A)"],
    ),
    "zero-width space in an id": (
        {("actors", 0, "id"): "LA\u200bND"},
        "",
        "bad-format",
        "/actors/0/id",
        ['"LA\\u200bND"', "ZERO WIDTH SPACE"],
    ),
    "byte-order mark inside an id": (
        {("meta", "id"): "mini\ufeffmal"},
        "",
        "bad-format",
        "/meta/id",
        ['"mini\\ufeffmal"', "ZERO WIDTH NO-BREAK SPACE"],
    ),
    "lone high surrogate in a title": (
        {("meta", "title"): "@@"},
        '"\\ud800"',
        "json-syntax",
        "/meta/title",
        ["\\ud800 is half of a surrogate pair"],
    ),
    "lone low surrogate in an id": (
        {("meta", "id"): "@@"},
        '"x\\udc00"',
        "json-syntax",
        "/meta/id",
        ["\\udc00 is half of a surrogate pair"],
    ),
    "lone surrogate in an action parameter": (
        {HOST: "@@"},
        '"\\ud800"',
        "json-syntax",
        "/" + "/".join(map(str, HOST)),
        ["\\ud800"],
    ),
    "look-alike actor in a parameter": (
        {HOST: "L\u0410ND"},
        "",
        "unknown-actor",
        "/" + "/".join(map(str, HOST)),
        ["unknown actor 'L\\u0410ND'", "Did you mean 'LAND'? 'L\\u0410ND' only looks like it."],
    ),
    "zero-width space in a parameter": (
        {HOST: "LA\u200bND"},
        "",
        "unknown-actor",
        "/" + "/".join(map(str, HOST)),
        ["unknown actor 'LA\\u200bND'", "Did you mean 'LAND'?"],
    ),
    "look-alike enum value": (
        {MODE: "\u0430ir"},
        "",
        "param-type",
        "/" + "/".join(map(str, MODE)),
        ["'\\u0430ir' is not one of air, land", "Did you mean 'air'?"],
    ),
    "100,000-character parameter": (
        {HOST: "H" * LONG},
        "",
        "unknown-actor",
        "/" + "/".join(map(str, HOST)),
        ["(100,000 characters)"],
    ),
}


@pytest.mark.parametrize("case", REFUSED, ids=str)
def test_a_hostile_value_is_refused_where_it_is(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    changes, text, code, ptr, words = REFUSED[case]
    path = _pack(tmp_path, changes, text)
    out = _validate(path, capsys)
    lines = out.splitlines()
    head = next(line for line in lines if f"error [{code}] at {ptr}:" in line)
    assert head.startswith(f"{path}:")
    line, col = (int(n) for n in head[len(str(path)) + 1 :].split(":")[:2])
    (value,) = changes.values()
    value_line, value_col = _where(path, text or json.dumps(value, ensure_ascii=False)[:40])
    # At the value, or at the bad character inside it.
    assert line == value_line and value_col <= col <= value_col + 12
    shown = head + "\n" + lines[lines.index(head) + 1]
    for word in words:
        assert word in shown
    assert all(len(line) < 500 for line in lines)  # a 100,000-character value is cut short
    assert lines[-1] == f"{path}: FAILED (1 errors, 0 warnings)"
    assert json.loads(_validate(path, capsys, "json"))[0]["diagnostics"][0]["pointer"] == ptr


def test_a_lone_surrogate_in_a_key_names_its_object(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "key.json"
    path.write_text(json.dumps(BASE, indent=2).replace('"title"', '"ti\\udc00tle"', 1), "utf-8")
    out = _validate(path, capsys)
    # A pointer cannot hold the key, so the diagnostic names the object it is in.
    line, col = _where(path, "\\udc00")
    assert f"{path}:{line}:{col}: error [json-syntax] at /meta:" in out
    _validate(path, capsys, "json")


@pytest.mark.parametrize(
    "key", ["x\nerror [fake] at /: forged", "\u001b]0;title\u0007", "ok\u202eko", "k" * LONG]
)
def test_a_hostile_key_is_shown_escaped_on_one_line(
    key: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _pack(tmp_path, {("meta", "@@"): 1}, json.dumps(key))
    path.write_text(path.read_text("utf-8").replace('"@@": 1', json.dumps(key) + ": 1"))
    out = _validate(path, capsys)
    assert all(len(line) < 500 for line in out.splitlines())
    assert not any(line.startswith("error [fake]") for line in out.splitlines())
    assert "error [json-syntax]" in out or "error [unknown-key] at /meta/" in out


def test_a_byte_order_mark_between_tokens_is_a_located_syntax_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bom.json"
    text = json.dumps(BASE, indent=2).replace('"format"', '\ufeff"format"')
    path.write_text(text, "utf-8")
    line, col = _where(path, "\ufeff")
    assert f"{path}:{line}:{col}: error [json-syntax]" in _validate(path, capsys)


def test_a_file_name_with_odd_characters_is_printed_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "ok\u202e\u001b[31m.json"
    good.write_text(json.dumps(BASE), "utf-8")
    bad = tmp_path / "bad\nline.json"
    bad.write_text(json.dumps({**BASE, "format": 2}), "utf-8")
    out = _validate(good, capsys) + _validate(bad, capsys)
    assert "ok\\u202e\\u001b[31m.json: ok (0 errors, 0 warnings)" in out
    assert "bad\\nline.json:" in out and "bad\\nline.json: FAILED (1 errors, 0 warnings)" in out


TEXTS: dict[str, Callable[[str], str]] = {
    "right-to-left override": lambda s: s + " \u202eevil\u202c",
    "zero-width characters": lambda s: s.replace(" ", "\u200b \u200d"),
    "byte-order mark in the middle": lambda s: s[:3] + "\ufeff" + s[3:],
    "Cyrillic": lambda s: s + " (\u041a\u0430\u0437\u0430\u0445\u0441\u0442\u0430\u043d)",
    "astral characters": lambda s: s + " \U0001f6a8",
    "tabs and line breaks": lambda s: s + "\n\tsecond line\r\n",
    "control characters": lambda s: s + " \x00\x07\x1b[2J\x1b[31m\x7f\x85\x9b end",
}


@pytest.mark.parametrize("kind", TEXTS, ids=str)
def test_odd_text_is_accepted_as_text(kind: str) -> None:
    # The report shows hidden characters as markers; a pack's text is the author's.
    doc = copy.deepcopy(BASE)
    doc["meta"]["title"] = TEXTS[kind](doc["meta"]["title"])
    doc["injects"][0]["body"] = TEXTS[kind](doc["injects"][0]["body"])
    result = parse_pack(json.dumps(doc).encode(), "odd.json", lambda _id: None)
    assert result.errors == ()
    assert result.loaded is not None
    assert result.loaded.pack.meta.title == doc["meta"]["title"]


def test_a_pack_id_that_climbs_directories_never_loads(tmp_path: Path) -> None:
    for bad in ["..", "../x", "x/../y", "x\\..\\y", "./x", "/etc", "x/y", ".hidden", "x\x00y"]:
        doc = copy.deepcopy(BASE)
        doc["meta"]["id"] = bad
        path = tmp_path / "pack.json"
        path.write_text(json.dumps(doc), "utf-8")
        result = load_pack(path)
        assert result.loaded is None, bad
        assert [d.pointer for d in result.errors] == ["/meta/id"], bad


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> SessionStore:
    """An empty session database."""
    return SessionStore(tmp_path_factory.mktemp("store") / "sessions.sqlite")


@settings(max_examples=200, deadline=None)
@given(pack_id=st.from_regex(ID_PATTERN, fullmatch=True))
def test_a_session_id_from_any_valid_pack_id_is_one_plain_file_name(
    pack_id: str, store: SessionStore
) -> None:
    sid = store.new_session_id(pack_id, date(2030, 1, 1))
    assert Path(sid).name == sid and PureWindowsPath(sid).name == sid
    assert sid not in (".", "..") and not sid.startswith(".")
    assert sid.isascii() and sid.isprintable()


@pytest.mark.parametrize(
    ("reference", "known", "expected"),
    [
        ("L\u0410ND", ["ALLY", "LAND"], "LAND"),  # Cyrillic A
        ("\u0421\u0405\u03a4\u039f", ["CSTO", "CST"], "CSTO"),  # Cyrillic and Greek
        ("\uff2c\uff21\uff2e\uff24", ["LAND"], "LAND"),  # fullwidth
        ("LA\u200bN\u2060D", ["LAND"], "LAND"),  # zero-width space, word joiner
        ("CSTOO", ["CSTO", "LAND"], "CSTO"),  # a plain typo
        ("zzz", ["CSTO", "LAND"], None),
    ],
)
def test_the_id_a_reference_means_is_found(
    reference: str, known: list[str], expected: str | None
) -> None:
    assert meant(reference, known) == expected
    hint = did_you_mean(reference, known)
    assert (f"Did you mean '{expected}'?" in hint) if expected else hint == ""
    assert ("only looks like it" in hint) == (expected is not None and reference != "CSTOO")


def test_many_unknown_references_cost_a_bounded_number_of_comparisons(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compared: list[int] = []
    ranked = lookalikes.nearest

    def counting(word: str, possibilities: Collection[str], n: int = 5) -> list[str]:
        compared.append(len(possibilities))
        return ranked(word, possibilities, n)

    monkeypatch.setattr(lookalikes, "nearest", counting)
    monkeypatch.setattr("tabletop.packs.lint_base._SPELLING_BUDGET", 5_000)
    doc = copy.deepcopy(BASE)
    doc["actors"] += [{"id": f"STATE_{i}", "name": "S", "kind": "state"} for i in range(300)]
    doc["roles"] += [
        {"id": f"r{i}", "title": "R", "actor": f"STATE_{i}x", "brief": "B"} for i in range(300)
    ]
    result = parse_pack(json.dumps(doc).encode(), "many.json", lambda _id: None)
    assert len(result.errors) == 300
    assert result.errors[0].hint.startswith("Did you mean 'STATE_0'? Use one of:")
    # 300 x 302 comparisons without a budget; with it, spelling stops and the list remains.
    assert 0 < sum(compared) <= 5_000
    assert result.errors[-1].hint.startswith("Use one of: ALLY, LAND, STATE_0")
