"""tabletop graph: SVG, DOT and Mermaid by extension or --format; no Graphviz, a clear
message for SVG while the text formats still work."""

from __future__ import annotations

import re
import shlex
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tabletop.cli import main
from tabletop.packs import load_pack

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "scenarios" / "kazakh-unrest-2022.json"
SVG = "{http://www.w3.org/2000/svg}"


def _ids() -> set[str]:
    loaded = load_pack(PACK).loaded
    assert loaded is not None
    pack = loaded.pack
    return {i.id for i in pack.injects} | {dp.id for dp in pack.decision_points}


def test_svg_by_extension_is_well_formed_and_names_everything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "flow.svg"
    assert main(["graph", str(PACK), "-o", str(out)]) == 0
    assert capsys.readouterr().out == f"wrote {out} (svg)\n"
    root = ET.fromstring(out.read_bytes())
    words = {(t.text or "").split(" ")[0] for t in root.iter(f"{SVG}text")}
    assert _ids() <= words


def test_dot_to_stdout_by_default_parses(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", str(PACK)]) == 0
    dot_text = capsys.readouterr().out
    assert dot_text.startswith("digraph flow {")
    done = subprocess.run(["dot", "-Tsvg"], input=dot_text.encode(), capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    ET.fromstring(done.stdout)


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (["--format", "mermaid"], "flowchart TB\n"),
        (["--format", "dot"], "digraph flow {\n"),
    ],
)
def test_format_option(args: list[str], start: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", str(PACK), *args]) == 0
    assert capsys.readouterr().out.startswith(start)


def test_mermaid_by_extension(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "flow.mmd"
    assert main(["graph", str(PACK), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("flowchart TB\n")
    for id_ in _ids():
        assert f'"{id_} ' in text, id_


def test_without_graphviz_svg_says_install_it_and_text_still_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    out = tmp_path / "flow.svg"
    assert main(["graph", str(PACK), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "install graphviz" in err
    assert "--format dot" in err and "Traceback" not in err
    assert not out.exists()
    assert main(["graph", str(PACK), "--format", "dot", "-o", str(tmp_path / "f.dot")]) == 0
    assert main(["graph", str(PACK), "-o", str(tmp_path / "f.mmd")]) == 0
    assert (tmp_path / "f.dot").read_text(encoding="utf-8").startswith("digraph")


def test_a_pack_that_does_not_load_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert main(["graph", str(bad)]) == 1
    assert "the pack does not load" in capsys.readouterr().err


def _readme_graph_session() -> list[tuple[list[str], str]]:
    """The README's ```console example of `tabletop graph`: each command and its output."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```console\n(.*?)```", readme, re.DOTALL)
    block = next(b for b in blocks if "$ tabletop graph " in b)
    steps: list[tuple[list[str], str]] = []
    for line in block.splitlines():
        if line.startswith("$ tabletop "):
            steps.append((shlex.split(line.removeprefix("$ tabletop ")), ""))
        else:
            words, out = steps[-1]
            steps[-1] = (words, out + line + "\n")
    return steps


def test_readme_example_is_what_the_command_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "scenarios").symlink_to(ROOT / "scenarios")
    monkeypatch.chdir(tmp_path)
    steps = _readme_graph_session()
    assert len(steps) >= 2
    for words, expected in steps:
        assert main(words) == 0, words
        assert capsys.readouterr().out == expected
        assert (tmp_path / words[words.index("-o") + 1]).stat().st_size > 0
