"""tabletop validate SCRIPT: a playthrough script checked against its pack, never played."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tabletop.cli import main

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "scenarios" / "tests").glob("*.json"))
KAZAKH = ROOT / "scenarios" / "tests" / "kazakh-historical.json"


@pytest.mark.parametrize("script", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_script_validates(
    script: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "s.sqlite"
    assert main(["validate", str(script)]) == 0
    assert capsys.readouterr().out == f"{script}: ok (0 errors, 0 warnings)\n"
    assert not db.exists()


def _bad(tmp_path: Path, edit: dict[str, object], *, schema: bool = True) -> Path:
    doc = json.loads(KAZAKH.read_text(encoding="utf-8"))
    doc["pack"] = str((KAZAKH.parent / doc["pack"]).resolve())
    if not schema:
        del doc["$schema"]
    steps = doc["steps"]
    steps[0]["assign"]["role"] = edit.get("role", steps[0]["assign"]["role"])
    steps[0]["expect"]["delivered"] = edit.get("delivered", steps[0]["expect"]["delivered"])
    steps[0]["expect"]["facts"].update(edit.get("facts", {}))  # type: ignore[call-overload]
    steps[9]["decide"]["option"] = edit.get("option", steps[9]["decide"]["option"])
    steps[8]["expect"]["open"] = edit.get("open", steps[8]["expect"]["open"])
    steps[0]["expect"]["phase"] = edit.get("phase", steps[0]["expect"]["phase"])
    path = tmp_path / "bad-script.json"
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    return path


def test_every_unknown_name_is_located_with_a_suggestion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _bad(
        tmp_path,
        {
            "role": "kaz_presidenc",
            "delivered": ["INJ-1"],
            "facts": {"unrest": "countrywide"},
            "option": "terror-fram",
            "open": ["DP-99"],
            "phase": "move-01",
        },
        schema=False,  # recognised by its shape alone
    )
    assert main(["validate", str(path), "--format", "json"]) == 1
    (report,) = json.loads(capsys.readouterr().out)
    assert report["file"] == str(path) and not report["ok"] and report["errors"] == 6
    got = {(d["code"], d["pointer"]) for d in report["diagnostics"]}
    assert got == {
        ("unknown-role", "/steps/0/assign/role"),
        ("unknown-inject", "/steps/0/expect/delivered/0"),
        ("unknown-fact", "/steps/0/expect/facts/unrest"),
        ("unknown-phase", "/steps/0/expect/phase"),
        ("unknown-decision-point", "/steps/8/expect/open/0"),
        ("unknown-option", "/steps/9/decide/option"),
    }
    lines = path.read_text(encoding="utf-8").splitlines()
    for d in report["diagnostics"]:
        assert d["file"] == str(path) and d["severity"] == "error"
        bad = lines[d["line"] - 1][d["column"] - 1 :]
        assert bad.startswith(
            (
                '"kaz_presidenc"',
                '"INJ-1"',
                '"countrywide"',
                '"terror-fram"',
                '"DP-99"',
                '"move-01"',
            )
        )
    hints = {d["code"]: d["hint"] for d in report["diagnostics"]}
    assert hints["unknown-role"].startswith("Did you mean 'kaz_presidency'? Use one of: ")
    assert hints["unknown-option"].startswith("Did you mean 'terror-frame'? ")
    assert hints["unknown-fact"].startswith("Did you mean 'unrest_level'? ")
    assert hints["unknown-phase"].startswith("Did you mean 'move-1'? ")


def test_the_text_report_names_file_line_and_pointer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _bad(tmp_path, {"option": "nosuch"})
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{path}:") and out[0].endswith(
        "error [unknown-option] at /steps/9/decide/option: "
        "decision point 'DP-1' has no option 'nosuch'"
    )
    assert out[-1] == f"{path}: FAILED (1 errors, 0 warnings)"


def test_a_script_breaking_its_schema_is_reported_as_such(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = json.loads(KAZAKH.read_text(encoding="utf-8"))
    doc["steps"][1] = {"asign": {"role": "x"}}
    path = tmp_path / "s.json"
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "/steps/1" in out and "Traceback" not in out and out.startswith(f"{path}:")


def test_a_script_whose_pack_is_missing_or_broken(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = json.loads(KAZAKH.read_text(encoding="utf-8"))
    doc["pack"] = "nowhere.json"
    path = tmp_path / "s.json"
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "[bad-pack] at /pack: the script's pack" in out and "nowhere.json" in out
    del doc["pack"]
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert "[script-without-pack]" in capsys.readouterr().out


def test_packs_and_scripts_together_exit_as_for_packs(capsys: pytest.CaptureFixture[str]) -> None:
    pack = ROOT / "scenarios" / "kazakh-unrest-2022.json"
    assert main(["validate", str(pack), str(KAZAKH)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [f"{pack}: ok (0 errors, 0 warnings)", f"{KAZAKH}: ok (0 errors, 0 warnings)"]
