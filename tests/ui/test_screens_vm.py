"""The library, setup and report view-models, driven as their screens drive them."""

from __future__ import annotations

import json

from tabletop.ui.viewmodels.library_vm import LibraryModel
from tabletop.ui.viewmodels.report_vm import ReportModel
from tabletop.ui.viewmodels.setup_vm import SetupModel


def _started(hub, example, **seats):
    setup = SetupModel(hub, example)
    setup.facilitator = "Col. Amsel"
    for role, name in seats.items():
        setup.seat(role, name)
    game = setup.start()
    assert game is not None, setup.error
    return game


def test_the_library_lists_packs_with_their_state_and_diagnostics(hub):
    hub.workspace.user_packs_dir.mkdir(parents=True)
    (hub.workspace.user_packs_dir / "broken.json").write_text('{"format": 1,}', "utf-8")
    library = LibraryModel(hub)
    shipped = [c for c in library.packs if c.origin == "shipped"]
    assert len(shipped) >= 2 and all(c.ok and c.roles and c.summary for c in shipped)
    (broken,) = [c for c in library.packs if c.origin == "user"]
    assert not broken.ok and broken.state.startswith("INVALID")
    assert any("json-syntax" in line and "broken.json:1:" in line for line in broken.diagnostics)


def test_a_pack_file_opened_from_disk_or_sent_by_a_browser(hub, tmp_path):
    library = LibraryModel(hub)
    from tabletop.paths import shipped_scenarios_dir

    path = shipped_scenarios_dir() / "kazakh-unrest-2022.json"
    card = library.open_file(str(path))
    assert (card.ok and card in library.packs) or card.path in {c.path for c in library.packs}
    sent = library.open_upload("my pack?.json", json.dumps({"no": "pack"}).encode())
    assert not sent.ok and sent.origin == "user"
    assert sent.path.endswith("my-pack.json") and sent.diagnostics
    missing = library.open_file(str(tmp_path / "nowhere.json"))
    assert not missing.ok and missing.diagnostics


def test_setup_starts_a_session_with_the_seats_named(hub, example):
    setup = SetupModel(hub, example)
    assert setup.exercise == example.pack.meta.title and len(setup.seats) == 3
    assert setup.start() is None and "facilitates" in setup.error
    setup.facilitator = "Col. Amsel"
    setup.day = "3 December"
    assert setup.start() is None and "not a date" in setup.error
    setup.day = "2031-03-01"
    setup.seat("arv_government", "Maj. Varn")
    game = setup.start()
    assert game is not None and hub.game(game.id) is game
    seats = {s.role: s.participant for s in game.situation().seats}
    assert seats == {"arv_government": "Maj. Varn", "ncp_secretariat": None, "blk_defence": None}
    assert str(game.state.exercise_date) == "2031-03-01"


def test_the_library_offers_the_running_game_and_deletes_practice_runs(hub, example):
    game = _started(hub, example, arv_government="Maj. Varn")
    practice = _started(hub, example)
    practice.end("Practice over.")
    library = LibraryModel(hub)
    assert [s.id for s in library.running] == [game.id]
    name, data = library.export(game.id)
    assert name == f"{game.id}.jsonl" and data.startswith(b'{"format":"tabletop-session-log"')
    library.delete(practice.id)
    assert [s.id for s in library.sessions] == [game.id] and "Deleted" in library.message


def test_the_report_previews_and_exports_in_every_format(hub, example):
    game = _started(hub, example, arv_government="Maj. Varn")
    game.decide("DP-1", "arv_government", "hold", "Wait and see.")
    report = ReportModel(hub, game.id)
    text = report.preview()
    assert "# After-Action Report" in text and not report.error
    name, data = report.export("html") or ("", b"")
    assert name == f"aar-{game.id}-interim.html" and b"<html" in data
    game.end("Hot wash.")
    assert (report.export("docx") or ("", b""))[0] == f"aar-{game.id}.docx"
    assert report.export("pdf") is not None and not report.error
    assert report.export("odt") is None and "unknown format" in report.error


def test_the_report_is_exported_on_the_paper_chosen(hub, example, monkeypatch):
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    game = _started(hub, example, arv_government="Maj. Varn")
    report = ReportModel(hub, game.id)
    assert report.paper == "letter", "the locale's paper at first"
    report.choose_paper("a4")
    report.choose_paper("a3")
    assert report.paper == "a4"
    name, data = report.export("pdf") or ("", b"")
    assert name == f"aar-{game.id}-interim.pdf" and data.startswith(b"%PDF-")
    html = (report.export("html") or ("", b""))[1].decode("utf-8")
    assert "size: A4;" in html and "size: letter;" not in html
