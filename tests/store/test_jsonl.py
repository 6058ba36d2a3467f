"""Export and import of session logs as JSON Lines."""

from __future__ import annotations

import json

import jsonschema
import pytest

from tabletop.app import Workspace
from tabletop.paths import schemas_dir
from tabletop.store import (
    LogFileError,
    SessionExists,
    SessionStore,
    export_text,
    import_log,
    verify_log,
)


@pytest.fixture
def text(played, store) -> str:
    return export_text(store.info(played.id), store.rows(played.id))


def test_every_line_validates_against_the_schema(text):
    schema = json.loads((schemas_dir() / "session-log.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    lines = text.splitlines()
    for line in lines:
        validator.validate(json.loads(line))
    header = json.loads(lines[0])
    assert header["format"] == "tabletop-session-log" and header["version"] == 1
    assert header["events"] == len(lines) - 1
    assert json.loads(lines[-1])["hash"] == header["head"]


def test_export_then_import_gives_the_same_session(played, store, example, text, tmp_path):
    with SessionStore(tmp_path / "laptop2.sqlite") as other:
        info = import_log(other, text.encode(), "game.jsonl")
        assert info.id == played.id and info.event_count == played.state.event_count
        assert other.rows(played.id) == store.rows(played.id)
        assert export_text(info, other.rows(info.id)) == text
    with Workspace(tmp_path / "home2", sessions=tmp_path / "laptop2.sqlite") as laptop:
        assert laptop.open(played.id, pack=example.path).state == played.state


def test_import_refuses_a_session_already_there(played, store, text):
    with pytest.raises(SessionExists, match="already in"):
        import_log(store, text.encode(), "game.jsonl")


def test_an_intact_export_verifies(text):
    header, report = verify_log(text.encode(), "game.jsonl")
    assert report.ok and report.events == header.events


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"\xff\xfe", "not UTF-8"),
        (b'{"format": "something-else"}\n', "game.jsonl:1: not a tabletop session log header"),
        (None, "game.jsonl:3:2: not JSON"),
        (None, "game.jsonl:2: an event line needs"),
    ],
)
def test_unreadable_files_say_where(text, data, words):
    lines = text.splitlines()
    if data is None and "not JSON" in words:
        lines[2] = "{oops"
        data = "\n".join(lines).encode()
    elif data is None:
        lines[1] = json.dumps({"seq": 1})
        data = "\n".join(lines).encode()
    with pytest.raises(LogFileError, match=words):
        verify_log(data, "game.jsonl")


def test_a_header_that_disagrees_with_the_log_is_refused(text, tmp_path):
    lines = text.splitlines()
    header = json.loads(lines[0])
    header["pack_hash"] = "sha256:" + "0" * 64
    lines[0] = json.dumps(header)
    data = ("\n".join(lines) + "\n").encode()
    with (
        SessionStore(tmp_path / "x.sqlite") as other,
        pytest.raises(LogFileError, match="header does not match"),
    ):
        import_log(other, data, "game.jsonl")


def test_text_with_line_separators_survives(workspace, store, example, tmp_path):
    game = workspace.start(example, facilitator="F", exercise="E")
    game.note("strength", "First line\u2028second\u2029third\r\n<script>x</script> ☂")
    text = export_text(store.info(game.id), store.rows(game.id))
    assert verify_log(text.encode(), "g.jsonl")[1].ok
    with Workspace(tmp_path / "home2", sessions=tmp_path / "y.sqlite") as other:
        info = other.import_log(text.encode(), "g.jsonl")
        assert other.open(info.id, pack=example.path).state == game.state
