"""tabletop msel export|import: the MSEL sheet of a pack, round trips, edits and bad rows."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tabletop.cli import main
from tabletop.packs.msel import HEADERS

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "scenarios").glob("*.json"))
KAZ = ROOT / "scenarios" / "kazakh-unrest-2022.json"


def _col(name: str) -> int:
    return HEADERS.index(name) + 1


def _export(pack: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["msel", "export", str(pack), "-o", str(out)]) == 0
    capsys.readouterr()


def _import(sheet: Path, pack: Path, out: Path) -> int:
    return main(["msel", "import", str(sheet), "--into", str(pack), "-o", str(out)])


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
@pytest.mark.parametrize("pack", SHIPPED, ids=lambda p: p.stem)
def test_round_trip_gives_the_same_pack(pack: Path, fmt: str, tmp_path: Path, capsys) -> None:
    sheet = tmp_path / f"msel.{fmt}"
    _export(pack, sheet, capsys)
    new = tmp_path / "new.json"
    assert _import(sheet, pack, new) == 0
    assert "0 injects updated, 0 added" in capsys.readouterr().out
    assert new.read_bytes() == pack.read_bytes()


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_is_deterministic(fmt: str, tmp_path: Path, capsys) -> None:
    first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    _export(KAZ, first, capsys)
    _export(KAZ, second, capsys)
    assert first.read_bytes() == second.read_bytes()


def test_xlsx_layout(tmp_path: Path, capsys) -> None:
    sheet = tmp_path / "msel.xlsx"
    _export(KAZ, sheet, capsys)
    ws = load_workbook(sheet)["MSEL"]
    assert [c.value for c in ws[1]] == list(HEADERS)
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["H"].width == 60
    assert ws.cell(row=2, column=_col("Inject text")).alignment.wrap_text
    assert ws.cell(row=2, column=_col("Event no.")).value == "INJ-01"
    pack = json.loads(KAZ.read_text("utf-8"))
    assert ws.max_row == len(pack["injects"]) + 1


def _edited_kaz(tmp_path: Path, capsys) -> tuple[Path, dict[str, object]]:
    sheet = tmp_path / "msel.xlsx"
    _export(KAZ, sheet, capsys)
    wb = load_workbook(sheet)
    ws = wb["MSEL"]
    ws.cell(row=2, column=_col("Title")).value = "Fuel protests spread"
    ws.cell(row=3, column=_col("Scenario time")).value = "2022-01-02T11:30"
    new_row = {
        "Event no.": "INJ-99",
        "Scenario time": "2022-01-02T12:00",
        "Phase": "move-1",
        "From": "Exercise control",
        "To": "kaz_presidency, rus_leadership",
        "Channel": "phone",
        "Title": "A call from Moscow",
        "Inject text": "Moscow asks how the government reads the protests.",
        "Expected action": "Answer the call.\nBrief the cabinet.",
        "Objectives": "OBJ-5",
        "Sources": "STUDY",
    }
    ws.append([new_row.get(h, "") for h in HEADERS])
    wb.save(sheet)
    return sheet, new_row


def test_an_edited_sheet_gives_the_expected_pack(tmp_path: Path, capsys) -> None:
    sheet, _ = _edited_kaz(tmp_path, capsys)
    new = tmp_path / "new.json"
    assert _import(sheet, KAZ, new) == 0
    assert "2 injects updated, 1 added" in capsys.readouterr().out
    before, after = json.loads(KAZ.read_text("utf-8")), json.loads(new.read_text("utf-8"))
    assert after["injects"][0]["title"] == "Fuel protests spread"
    assert after["injects"][1]["time"] == "2022-01-02T11:30"
    assert after["injects"][-1] == {
        "id": "INJ-99",
        "phase": "move-1",
        "time": "2022-01-02T12:00",
        "from": "Exercise control",
        "to": ["kaz_presidency", "rus_leadership"],
        "channel": "phone",
        "title": "A call from Moscow",
        "body": "Moscow asks how the government reads the protests.",
        "expected_actions": ["Answer the call.", "Brief the cabinet."],
        "objectives": ["OBJ-5"],
        "sources": ["STUDY"],
    }
    # Everything else is as it was: the other injects, and every other part of the pack.
    assert after["injects"][2:-1] == before["injects"][2:]
    assert {k: v for k, v in after.items() if k != "injects"} == {
        k: v for k, v in before.items() if k != "injects"
    }
    assert main(["validate", str(new)]) == 0


def test_a_changed_inject_keeps_the_rest_of_the_text(tmp_path: Path, capsys) -> None:
    sheet, _ = _edited_kaz(tmp_path, capsys)
    new = tmp_path / "new.json"
    assert _import(sheet, KAZ, new) == 0
    old_lines, new_lines = KAZ.read_text("utf-8"), new.read_text("utf-8")
    # The hand-formatted compact parts outside the injects survive.
    assert '"actions": ["contingent_contribution"],' in new_lines
    assert new_lines.count("\n") > old_lines.count("\n")


def _with_cell(tmp_path: Path, capsys, row: int, column: str, value: object) -> Path:
    sheet = tmp_path / "msel.xlsx"
    _export(KAZ, sheet, capsys)
    wb = load_workbook(sheet)
    wb["MSEL"].cell(row=row, column=_col(column)).value = value
    wb.save(sheet)
    return sheet


BAD_CELLS = [
    ("Scenario time", "2022-13-01", "'2022-13-01' is not a time like 2022-01-05T08:00"),
    ("Scenario time", "2022-02-30T08:00", "is not a time like 2022-01-05T08:00"),
    ("Phase", "move-9", "'move-9' is not a phase of the pack; use one of: move-1"),
    ("To", "kaz_presidency, nato", "'nato' is not a role of the pack"),
    ("Effects (JSON)", '[{"fact": "unrest_level", "set": }]', "is not JSON"),
    ("Condition (JSON)", "{fact: x}", "is not JSON"),
    ("Channel", "pigeon", "'pigeon' is not a channel"),
    ("Event no.", "INJ-02", "'INJ-02' is also the event no. of row 3"),
    ("Event no.", None, "the row has no event no.; give it a new inject id, e.g. INJ-"),
    ("Release", "sometimes", "'sometimes' is not a release kind"),
]


@pytest.mark.parametrize(("column", "value", "message"), BAD_CELLS, ids=lambda v: str(v)[:20])
def test_bad_cell_gives_a_located_error_and_writes_nothing(
    column: str, value: object, message: str, tmp_path: Path, capsys
) -> None:
    sheet = _with_cell(tmp_path, capsys, 12, column, value)
    new = tmp_path / "new.json"
    assert _import(sheet, KAZ, new) == 1
    err = capsys.readouterr().err
    assert f"msel.xlsx, sheet MSEL, row 12, column '{column}': " in err
    assert message in err
    assert not new.exists()
    assert not list(tmp_path.glob("*.part"))


def test_a_formula_cell_is_refused_not_computed(tmp_path: Path, capsys) -> None:
    sheet = _with_cell(tmp_path, capsys, 5, "Title", '=HYPERLINK("http://x","y")')
    new = tmp_path / "new.json"
    assert _import(sheet, KAZ, new) == 1
    err = capsys.readouterr().err
    assert "row 5, column 'Title': is a formula" in err
    assert not new.exists()


def test_a_row_the_loader_refuses_is_named_by_its_row(tmp_path: Path, capsys) -> None:
    # 'opens' names a decision point that does not exist: only the whole-pack check sees it.
    sheet = _with_cell(tmp_path, capsys, 7, "Opens", "DP-404")
    new = tmp_path / "new.json"
    assert _import(sheet, KAZ, new) == 1
    err = capsys.readouterr().err
    assert "msel.xlsx, sheet MSEL, row 7, column 'Opens': the new pack refuses this row" in err
    assert "DP-404" in err
    assert not new.exists()


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(tmp_path: Path, capsys) -> None:
    pack = json.loads(KAZ.read_text("utf-8"))
    pack["injects"][0]["title"] = '=HYPERLINK("http://evil","click")'
    pack["injects"][0]["facilitator_notes"] = "+1 from control"
    pack["injects"][1]["from"] = "@control"
    pack["injects"][2]["body"] = "-cmd|' /C calc'!A0"
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps(pack, indent=2, ensure_ascii=False) + "\n", "utf-8")
    sheet = tmp_path / "msel.csv"
    _export(hostile, sheet, capsys)
    cells = [c for row in csv.reader(io.StringIO(sheet.read_text("utf-8-sig"))) for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]
    assert '\'=HYPERLINK("http://evil","click")' in cells
    # ... and they come back as they were.
    new = tmp_path / "new.json"
    assert _import(sheet, hostile, new) == 0
    assert json.loads(new.read_text("utf-8")) == pack


def test_xlsx_cells_that_look_like_formulas_are_text(tmp_path: Path, capsys) -> None:
    pack = json.loads(KAZ.read_text("utf-8"))
    pack["injects"][0]["title"] = "=1+1"
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps(pack, indent=2, ensure_ascii=False) + "\n", "utf-8")
    sheet = tmp_path / "msel.xlsx"
    _export(hostile, sheet, capsys)
    cell = load_workbook(sheet)["MSEL"].cell(row=2, column=_col("Title"))
    assert cell.data_type == "s"
    assert cell.quotePrefix
    new = tmp_path / "new.json"
    assert _import(sheet, hostile, new) == 0
    assert json.loads(new.read_text("utf-8")) == pack


def test_a_csv_formula_is_refused(tmp_path: Path, capsys) -> None:
    sheet = tmp_path / "msel.csv"
    _export(KAZ, sheet, capsys)
    rows = list(csv.reader(io.StringIO(sheet.read_text("utf-8-sig"))))
    rows[3][_col("Notes") - 1] = "=SUM(A1:A9)"
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    sheet.write_text(out.getvalue(), "utf-8")
    new = tmp_path / "new.json"
    assert _import(sheet, KAZ, new) == 1
    assert "msel.csv, row 4, column 'Notes': is a formula" in capsys.readouterr().err
    assert not new.exists()


def test_a_pack_that_does_not_validate_is_not_exported(tmp_path: Path, capsys) -> None:
    broken = ROOT / "docs" / "examples" / "broken-pack.json"
    assert main(["msel", "export", str(broken), "-o", str(tmp_path / "m.xlsx")]) == 1
    assert "does not validate" in capsys.readouterr().err
    assert not (tmp_path / "m.xlsx").exists()


def test_hostile_json_and_long_cells_give_short_located_errors(tmp_path: Path, capsys) -> None:
    sheet = tmp_path / "msel.csv"
    _export(KAZ, sheet, capsys)
    rows = list(csv.reader(io.StringIO(sheet.read_text("utf-8-sig"))))
    rows[1][_col("Effects (JSON)") - 1] = "[" * 20_000 + "]" * 20_000
    rows[2][_col("Phase") - 1] = "move-" + "9" * 5000
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    sheet.write_text(out.getvalue(), "utf-8")
    new = tmp_path / "new.json"
    assert _import(sheet, KAZ, new) == 1
    err = capsys.readouterr().err
    assert "msel.csv, row 2, column 'Effects (JSON)': is nested too deeply" in err
    assert "msel.csv, row 3, column 'Phase': 'move-9999" in err
    assert "(5,005 characters)" in err
    assert len(err) < 2000
    assert not new.exists()


def test_a_time_the_spreadsheet_made_a_date_is_read_back(tmp_path: Path, capsys) -> None:
    from datetime import datetime

    sheet = _with_cell(tmp_path, capsys, 3, "Scenario time", datetime(2022, 1, 2, 11, 45))
    new = tmp_path / "new.json"
    assert _import(sheet, KAZ, new) == 0
    assert json.loads(new.read_text("utf-8"))["injects"][1]["time"] == "2022-01-02T11:45"
