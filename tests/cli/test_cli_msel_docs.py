"""The README's MSEL example is what the commands print (run on a copy of the packs)."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

from tabletop.cli import main
from tabletop.packs.msel import HEADERS

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
GUIDE = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")


def _msel_console_block() -> str:
    section = README[README.index("### `tabletop msel export") :]
    found = re.search(r"^```console\n(.*?)^```$", section, re.M | re.S)
    assert found, "the README's msel section has a console example"
    return found.group(1)


def test_readme_msel_example_is_real(tmp_path: Path, monkeypatch, capsys) -> None:
    shutil.copytree(ROOT / "scenarios", tmp_path / "scenarios")
    monkeypatch.chdir(tmp_path)
    commands: list[tuple[str, list[str]]] = []
    for line in _msel_console_block().splitlines():
        if line.startswith("$ "):
            commands.append((line[2:], []))
        else:
            commands[-1][1].append(line)
    assert len(commands) == 2
    for command, shown in commands:
        argv = shlex.split(command)
        assert argv[0] == "tabletop"
        code = main(argv[1:])
        captured = capsys.readouterr()
        assert code == 0, captured.err
        assert (captured.out + captured.err).strip().splitlines() == shown, command


def test_the_guide_lists_every_column() -> None:
    section = GUIDE[GUIDE.index("## The MSEL spreadsheet") :]
    assert [h for h in HEADERS if f"| {h} |" not in section] == []
