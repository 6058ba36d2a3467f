"""The content hash ignores `$schema`: moving a file or fixing its schema path changes nothing."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from tabletop.cli import main
from tabletop.packs import load_pack
from tabletop.packs.hashing import without_editor_keys

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "scenarios" / "afghan-border-incursion.json"
CATALOGUE = ROOT / "scenarios" / "catalogues" / "central-asia-security.json"
SCRIPT = ROOT / "scenarios" / "tests" / "afghan-historical.json"


def _with_schema(src: Path, dest: Path, schema: str | None) -> None:
    doc = json.loads(src.read_text(encoding="utf-8"))
    doc.pop("$schema", None)
    if schema is not None:
        doc = {"$schema": schema, **doc}
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _hash(path: Path) -> str:
    loaded = load_pack(path).loaded
    assert loaded is not None
    return loaded.content_hash


@pytest.mark.parametrize(
    "text",
    [
        '{"$schema": "a.json", "format": 1}',
        '{"format": 1, "$schema": "a.json"}',
        '{\n  "format": 1,\n  "$schema": "a.json"\n}',
        '{\n  "$schema": "a.json",\n  "format": 1\n}',
        '{"$schema": "a\\\\\\"b.json", "format": 1}',
    ],
)
def test_the_member_is_cut_wherever_it_stands(text: str) -> None:
    cut = without_editor_keys(text.encode()).decode()
    assert "$schema" not in cut and json.loads(cut) == {"format": 1}
    value = json.dumps(json.loads(text)["$schema"])
    assert value in text
    other = text.replace(value, '"file:///somewhere/else/b.schema.json"')
    assert without_editor_keys(other.encode()) == cut.encode()


def test_a_nested_schema_key_and_a_file_without_one_are_kept() -> None:
    nested = b'{"format": 1, "meta": {"$schema": "x"}}'
    assert without_editor_keys(nested) == nested
    assert without_editor_keys(b'{"format": 1}') == b'{"format": 1}'


def test_hash_equal_with_two_schema_values_in_pack_and_catalogue(tmp_path: Path) -> None:
    one, two = tmp_path / "one" / "pack.json", tmp_path / "two" / "pack.json"
    _with_schema(PACK, one, "../schemas/scenario-pack.schema.json")
    _with_schema(CATALOGUE, one.parent / "catalogues" / CATALOGUE.name, "x.json")
    _with_schema(PACK, two, "file:///opt/tabletop/schemas/scenario-pack.schema.json")
    _with_schema(CATALOGUE, two.parent / "catalogues" / CATALOGUE.name, None)
    assert _hash(one) == _hash(two)
    # and anything else still counts
    doc = json.loads(two.read_text(encoding="utf-8"))
    doc["meta"]["summary"] += " Revised."
    two.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    assert _hash(one) != _hash(two)


def test_a_session_played_on_one_schema_path_reports_fine_with_another(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "pack.json"
    _with_schema(PACK, pack, "../schemas/scenario-pack.schema.json")
    db = tmp_path / "s.sqlite"
    assert main(["play", str(pack), "--script", str(SCRIPT), "--session", str(db)]) == 0
    capsys.readouterr()
    assert main(["sessions", "--session", str(db), "--format", "json"]) == 0
    sid = json.loads(capsys.readouterr().out)[0]["id"]
    _with_schema(PACK, pack, "file:///elsewhere/scenario-pack.schema.json")
    out = tmp_path / "r.md"
    assert main(["report", sid, "--session", str(db), "--pack", str(pack), "-o", str(out)]) == 0, (
        capsys.readouterr().err
    )
    # a changed pack is still refused
    doc = json.loads(pack.read_text(encoding="utf-8"))
    doc["meta"]["summary"] += " Revised."
    pack.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    assert main(["report", sid, "--session", str(db), "--pack", str(pack), "-o", str(out)]) == 1
    assert "the pack has changed" in capsys.readouterr().err


def test_a_session_stored_with_the_old_whole_file_hash_is_still_this_pack(
    tmp_path: Path,
) -> None:
    pack = tmp_path / "pack.json"
    shutil.copy(PACK, pack)
    (tmp_path / "catalogues").mkdir()
    shutil.copy(CATALOGUE, tmp_path / "catalogues" / CATALOGUE.name)
    loaded = load_pack(pack).loaded
    assert loaded is not None
    old = hashlib.sha256(b"pack\0" + hashlib.sha256(PACK.read_bytes()).digest())
    old.update(b"central-asia-security\0" + hashlib.sha256(CATALOGUE.read_bytes()).digest())
    assert loaded.legacy_hash == "sha256:" + old.hexdigest() != loaded.content_hash
    assert loaded.is_hashed(loaded.legacy_hash) and loaded.is_hashed(loaded.content_hash)
    assert not loaded.is_hashed("sha256:" + "0" * 64)
