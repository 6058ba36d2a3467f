"""tabletop new: a skeleton that validates, explains itself and never overwrites."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

import pytest

from tabletop.cli import main
from tabletop.packs import load_pack
from tabletop.paths import schemas_dir, shipped_catalogues_dir


def test_new_writes_a_pack_that_validates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "mine.json"
    assert main(["new", str(target)]) == 0
    assert f"wrote {target}" in capsys.readouterr().out
    result = load_pack(target)
    assert result.errors == ()
    doc = json.loads(target.read_text(encoding="utf-8"))
    schema = Path(url2pathname(urlparse(doc["$schema"]).path))
    assert doc["$schema"].startswith("file:///") and schema.is_absolute()
    assert schema.name == "scenario-pack.schema.json" and schema.is_file()
    assert schema == (schemas_dir() / "scenario-pack.schema.json").resolve()
    if (shipped_catalogues_dir() / "central-asia-security.json").is_file():
        assert doc["catalogues"] == ["central-asia-security"]
    assert "tabletop validate" in doc["meta"]["summary"]
    assert main(["validate", str(target)]) == 0


def test_new_self_contained_is_clean(tmp_path: Path) -> None:
    target = tmp_path / "own.json"
    assert main(["new", "--self-contained", str(target)]) == 0
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["catalogues"] == []
    result = load_pack(target)
    assert result.ok and result.diagnostics == ()
    pack = result.loaded.pack  # type: ignore[union-attr]
    assert {i.release for i in pack.injects} == {"scheduled", "follow_on", "when"}


def test_new_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "taken.json"
    target.write_text("keep me", encoding="utf-8")
    assert main(["new", str(target)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep me"


def test_new_into_a_missing_folder_fails_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", str(tmp_path / "no" / "such" / "x.json")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_the_schema_uri_keeps_working_when_the_pack_moves(tmp_path: Path) -> None:
    first = tmp_path / "mine.json"
    assert main(["new", str(first)]) == 0
    before = load_pack(first).loaded
    (tmp_path / "deeper" / "still").mkdir(parents=True)
    moved = first.rename(tmp_path / "deeper" / "still" / "mine.json")
    doc = json.loads(moved.read_text(encoding="utf-8"))
    assert Path(url2pathname(urlparse(doc["$schema"]).path)).is_file()
    after = load_pack(moved).loaded
    assert before is not None and after is not None
    assert after.content_hash == before.content_hash
