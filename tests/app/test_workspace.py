"""The Workspace: one resolver of session id, prefix or .jsonl file; report, verify,
export, import and delete as services every interface calls."""

from __future__ import annotations

import json

import pytest

from tabletop.app import AppError, Workspace


def test_the_same_log_by_id_by_prefix_and_by_exported_file(game, workspace, tmp_path):
    info, text = workspace.export(game.id)
    path = tmp_path / "game.jsonl"
    path.write_text(text, "utf-8")
    by_id, by_prefix, by_file = (workspace.read(r) for r in (game.id, game.id[:-2], str(path)))
    assert by_id.rows == by_prefix.rows == by_file.rows
    assert by_file.source == f"exported log {path}" and by_file.header is not None
    assert by_id.source.startswith("session database ")
    for ref in (game.id, str(path)):
        checked = workspace.verify(ref)
        assert checked.ok and checked.source.info.id == info.id


def test_a_report_in_every_format(game, workspace):
    game.end("Hot wash.")
    for fmt in ("md", "html", "json", "docx", "pdf"):
        out = workspace.report(game.id, fmt)
        assert out.data and out.format == fmt and not out.damaged
        assert out.report.status == "final"
    assert json.loads(workspace.report(game.id, "json").data)["status"] == "final"
    assert workspace.report(game.id, "pdf", paper="letter").data.startswith(b"%PDF-")
    with pytest.raises(AppError, match="unknown report format"):
        workspace.report(game.id, "odt")
    with pytest.raises(AppError, match="unknown paper size 'a3'"):
        workspace.report(game.id, "html", paper="a3")  # type: ignore[arg-type]


def test_deleting_a_practice_run(game, workspace, tmp_path):
    other = workspace.start(game.loaded, facilitator="F", exercise="Practice")
    gone = workspace.delete(other.id)
    assert gone.id == other.id
    assert [s.id for s in workspace.sessions()] == [game.id]
    with pytest.raises(AppError, match="no session"):
        workspace.read(other.id)
    with pytest.raises(AppError, match="no session"):
        workspace.delete(other.id)
    assert workspace.verify(game.id).ok


def test_an_import_lands_in_another_workspace(game, workspace, tmp_path, example):
    _info, text = workspace.export(game.id)
    path = tmp_path / "game.jsonl"
    path.write_text(text, "utf-8")
    with Workspace(tmp_path / "laptop", sessions=tmp_path / "laptop.sqlite") as laptop:
        imported = laptop.import_file(path)
        assert imported.id == game.id
        assert laptop.open(game.id, pack=example.path).state == game.state
        with pytest.raises(AppError, match="already in"):
            laptop.import_file(path)


def test_unreadable_references_are_messages(workspace, tmp_path):
    with pytest.raises(AppError, match="no session 'nothing'"):
        workspace.read("nothing")
    with pytest.raises(AppError, match="cannot read"):
        workspace.read(str(tmp_path / "missing.jsonl"))
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", "utf-8")
    with pytest.raises(AppError, match=r"bad\.jsonl:1"):
        workspace.read(str(bad))


def test_packs_lists_the_shipped_packs_and_the_users(workspace, example):
    workspace.user_packs_dir.mkdir(parents=True)
    (workspace.user_packs_dir / "broken.json").write_text("{", "utf-8")
    entries = workspace.packs()
    shipped = [e for e in entries if e.origin == "shipped"]
    assert len(shipped) >= 2 and all(e.result.ok for e in shipped)
    (broken,) = [e for e in entries if e.origin == "user"]
    assert not broken.result.ok and broken.state.startswith("INVALID")


def test_a_pack_is_loaded_again_once_its_file_or_a_catalogue_changes(workspace, tmp_path):
    import shutil

    from tabletop.paths import shipped_scenarios_dir

    folder = tmp_path / "packs"
    shutil.copytree(shipped_scenarios_dir(), folder)
    path = folder / "kazakh-unrest-2022.json"
    first = workspace.load_pack(path)
    assert workspace.load_pack(path) is first  # kept while nothing changed
    catalogue = folder / "catalogues" / "central-asia-security.json"
    doc = json.loads(catalogue.read_text("utf-8"))
    doc["title"] = doc.get("title", "") + " (revised)"
    catalogue.write_text(json.dumps(doc), "utf-8")
    again = workspace.load_pack(path)
    assert again is not first
    assert again.loaded is not None and first.loaded is not None
    assert again.loaded.content_hash != first.loaded.content_hash


def test_a_catalogue_beside_the_pack_counts_for_the_kept_pack(workspace, tmp_path, root=None):
    import shutil
    from pathlib import Path

    data = Path(__file__).resolve().parents[1] / "data"
    folder = tmp_path / "side"
    folder.mkdir()
    shutil.copy(data / "example-pack.json", folder / "example-pack.json")
    shutil.copy(data / "catalogues" / "fictional-compact.json", folder / "fictional-compact.json")
    path = folder / "example-pack.json"
    first = workspace.load_pack(path)
    assert first.loaded is not None
    catalogue = folder / "fictional-compact.json"
    doc = json.loads(catalogue.read_text("utf-8"))
    doc["instruments"] = doc["instruments"][:1]
    catalogue.write_text(json.dumps(doc), "utf-8")
    assert workspace.load_pack(path) is not first
