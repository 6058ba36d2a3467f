"""tabletop report: from the session database or an export, to stdout or a file."""

from __future__ import annotations

import importlib.abc
import io
import json
import shutil
import sys
from pathlib import Path

import docx
import pytest
from pdfminer.pdfpage import PDFPage

from tabletop.cli import main

# Sessions and user packs go to a temporary TABLETOP_HOME unless --session says otherwise.
pytestmark = pytest.mark.usefixtures("home")


@pytest.fixture
def session(capsys: pytest.CaptureFixture[str]) -> str:
    """The id of the golden game, played with `tabletop play` into the database."""
    script = Path(__file__).parent / "data" / "example-game.json"
    assert main(["play", "--script", str(script)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    return first.split()[1]


def test_markdown_to_stdout_by_default(session: str, capsys) -> None:
    assert main(["report", session[:24]]) == 0
    out = capsys.readouterr().out
    assert out.startswith("**UNCLASSIFIED // FICTIONAL EXERCISE**")
    assert "# After-Action Report / Improvement Plan: Quiet Pass staff seminar" in out
    assert f"| Session | {session} |" in out


def test_output_file_picks_the_format_from_its_extension(
    session: str, tmp_path: Path, capsys
) -> None:
    html, word, data = tmp_path / "r.html", tmp_path / "r.docx", tmp_path / "r.json"
    for path in (html, word, data):
        assert main(["report", session, "-o", str(path)]) == 0
        assert f"to {path}" in capsys.readouterr().out
    assert html.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert json.loads(data.read_text("utf-8"))["format"] == "tabletop-after-action-report"
    document = docx.Document(io.BytesIO(word.read_bytes()))
    assert document.paragraphs[0].text.startswith("After-Action Report")
    assert not list(tmp_path.glob("*.part"))


def test_format_flag_wins_over_the_extension(session: str, tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    assert main(["report", session, "--format", "json", "-o", str(out)]) == 0
    assert json.loads(out.read_text("utf-8"))["status"] == "final"


def test_word_refuses_stdout(session: str, capsys) -> None:
    assert main(["report", session, "--format", "docx"]) == 2
    assert "binary" in capsys.readouterr().err


def test_unknown_extension_without_format_is_a_usage_error(
    session: str, tmp_path: Path, capsys
) -> None:
    assert main(["report", session, "-o", str(tmp_path / "report.txt")]) == 2
    assert "--format" in capsys.readouterr().err


def test_no_such_session(capsys) -> None:
    assert main(["report", "nothing-like-it"]) == 1
    assert "no session" in capsys.readouterr().err


def _export(session: str, tmp_path: Path) -> Path:
    out = tmp_path / "game.jsonl"
    assert main(["export", session, "-o", str(out)]) == 0
    return out


def test_exported_log_needs_its_pack_found_or_given(session: str, tmp_path: Path, capsys) -> None:
    log = _export(session, tmp_path)
    capsys.readouterr()
    assert main(["report", str(log)]) == 1
    assert "--pack" in capsys.readouterr().err
    pack = Path(__file__).parents[1] / "data" / "example-pack.json"
    assert main(["report", str(log), "--pack", str(pack)]) == 0
    out = capsys.readouterr().out
    assert f"exported log {log}" in out and "Intact" in out


def test_pack_found_by_id_among_the_users_packs(
    session: str, tmp_path: Path, home: Path, capsys
) -> None:
    log = _export(session, tmp_path)
    data = Path(__file__).parents[1] / "data"
    (home / "packs" / "catalogues").mkdir(parents=True)
    shutil.copy(data / "example-pack.json", home / "packs" / "example-pack.json")
    for cat in (data / "catalogues").glob("*.json"):
        shutil.copy(cat, home / "packs" / "catalogues" / cat.name)
    capsys.readouterr()
    assert main(["report", str(log)]) == 0
    assert "Intact" in capsys.readouterr().out


def test_changed_pack_is_refused_unless_allowed(session: str, tmp_path: Path, capsys) -> None:
    data = Path(__file__).parents[1] / "data"
    changed = tmp_path / "changed"
    shutil.copytree(data / "catalogues", changed / "catalogues")
    doc = json.loads((data / "example-pack.json").read_text("utf-8"))
    doc["meta"]["summary"] += " Revised."
    pack = changed / "example-pack.json"
    pack.write_text(json.dumps(doc), "utf-8")
    capsys.readouterr()
    assert main(["report", session, "--pack", str(pack)]) == 1
    assert "--allow-changed-pack" in capsys.readouterr().err
    assert main(["report", session, "--pack", str(pack), "--allow-changed-pack"]) == 0
    captured = capsys.readouterr()
    first = captured.out.split("## 2.")[0]
    assert "THE PACK HAS CHANGED SINCE THE GAME" in first
    assert "warning: the pack has changed" in captured.err


def test_damaged_export_still_gets_its_report_flagged_and_exit_1(
    session: str, tmp_path: Path, capsys
) -> None:
    log = _export(session, tmp_path)
    lines = log.read_text("utf-8").splitlines()
    lines = [x.replace("Protect the border villages.", "We were asked.") for x in lines]
    log.write_text("\n".join(lines) + "\n", "utf-8")
    pack = Path(__file__).parents[1] / "data" / "example-pack.json"
    out = tmp_path / "damaged.html"
    capsys.readouterr()
    assert main(["report", str(log), "--pack", str(pack), "-o", str(out)]) == 1
    assert "error: the log failed verification" in capsys.readouterr().err
    html = out.read_text("utf-8")
    assert html.index("The log failed verification") < html.index('id="overview"')
    assert "We were asked." not in html


def test_pdf_from_its_extension_or_the_flag_on_the_paper_asked(
    session: str, tmp_path: Path, capsys
) -> None:
    a4, letter = tmp_path / "r.pdf", tmp_path / "letter.out"
    assert main(["report", session, "-o", str(a4), "--paper", "A4"]) == 0
    assert main(["report", session, "--format", "pdf", "--paper", "letter", "-o", str(letter)]) == 0
    assert f"to {letter}" in capsys.readouterr().out
    assert a4.read_bytes().startswith(b"%PDF-") and letter.read_bytes().startswith(b"%PDF-")
    assert _first_page(a4) == pytest.approx([0, 0, 595.28, 841.89], abs=0.01)
    assert _first_page(letter) == [0, 0, 612, 792]


def _first_page(pdf: Path) -> list[float]:
    with pdf.open("rb") as f:
        return list(next(PDFPage.get_pages(f)).mediabox)


def test_pdf_refuses_stdout(session: str, capsys) -> None:
    assert main(["report", session, "--format", "pdf"]) == 2
    assert "a PDF report is a binary file" in capsys.readouterr().err


def test_unknown_paper_is_a_usage_error(session: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["report", session, "--paper", "a3"])
    assert exit_.value.code == 2
    assert "invalid choice: 'a3'" in capsys.readouterr().err


class _NoPango(importlib.abc.MetaPathFinder):
    """An import of weasyprint failing as it does without Pango (ctypes' OSError)."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0': No such file or directory")


@pytest.mark.parametrize("missing", ["python package", "system libraries"])
def test_pdf_without_weasyprint_says_what_to_install(
    missing: str, session: str, tmp_path: Path, capsys, monkeypatch
) -> None:
    if missing == "python package":
        monkeypatch.setitem(sys.modules, "weasyprint", None)  # import raises ImportError
        wanted = "pip install 'weasyprint"
    else:
        monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
        monkeypatch.setattr(sys, "meta_path", [_NoPango(), *sys.meta_path])
        wanted = "apt-get install libpango-1.0-0 libpangoft2-1.0-0"
    out = tmp_path / "r.pdf"
    assert main(["report", session, "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("tabletop: error: cannot write a PDF:") and wanted in err
    assert "Traceback" not in err and not out.exists()
