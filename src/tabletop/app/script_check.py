"""`tabletop validate` on a playthrough script: checked against its pack (its schema, the
pack loading, every name its steps use) without playing it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tabletop.jsonloc.diagnostics import Diagnostic
from tabletop.jsonloc.positions import Positions
from tabletop.packs import load_pack
from tabletop.scripting.checking import check_script
from tabletop.scripting.loading import load_script


@dataclass(frozen=True)
class ScriptResult:
    """The outcome of checking one script: every problem found (its pack's too)."""

    path: str
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not any(d.severity == "error" for d in self.diagnostics)


def check_script_file(path: str | Path) -> ScriptResult:
    """Check a script against its pack: the script's own problems, its pack's, and every
    role, decision point, option, inject, objective, phase and fact it names but the pack
    lacks. Nothing is played."""
    loaded = load_script(path)
    name = str(path)
    if isinstance(loaded, list):
        return ScriptResult(name, tuple(loaded))
    pack_path = loaded.pack_path()
    if pack_path is None:
        missing = Diagnostic(
            code="script-without-pack",
            severity="error",
            message="the script names no pack, so its names cannot be checked",
            file=name,
            pointer="",
            line=1,
            column=1,
            hint='Add "pack": the pack file\'s path, relative to the script.',
        )
        return ScriptResult(name, (missing,))
    result = load_pack(pack_path)
    if result.loaded is None:
        line, column = Positions(loaded.text).locate("/pack")
        failed = Diagnostic(
            code="bad-pack",
            severity="error",
            message=f"the script's pack {pack_path} does not load",
            file=name,
            pointer="/pack",
            line=line,
            column=column,
            hint="Fix the errors reported in the pack, or name another pack.",
        )
        return ScriptResult(name, (*result.diagnostics, failed))
    found = check_script(loaded.script, result.loaded.pack, name, loaded.text)
    return ScriptResult(name, tuple(found))  # the pack's warnings: validate the pack
