"""The MSEL spreadsheet of a pack: export its injects to a sheet, import an edited sheet
into a new pack that is validated before anyone writes it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tabletop.app.errors import AppError
from tabletop.app.msel_sheets import (
    SHEET,
    SheetError,
    located,
    read_csv,
    read_xlsx,
    write_csv,
    write_xlsx,
)
from tabletop.jsonloc.documents import MAX_BYTES
from tabletop.packs import LoadedPack, load_pack
from tabletop.packs.loader import catalogue_finder, parse_pack
from tabletop.packs.msel import COLUMNS, Known, inject_rows, read_rows
from tabletop.packs.msel_merge import merge_injects, replace_injects

MSEL_FORMATS = ("xlsx", "csv")


class MselError(AppError):
    """A sheet or pack that cannot be exported or imported; `problems` lists each, located."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class MselImport:
    """An imported sheet: the new pack's text and what changed."""

    text: str
    updated: tuple[str, ...]
    added: tuple[str, ...]


def _loaded(path: Path) -> tuple[LoadedPack, str]:
    result = load_pack(path)
    if result.loaded is None:
        raise MselError(
            [d.render() for d in result.errors]
            + [f"{path} does not validate; fix it (tabletop validate {path}) first"]
        )
    return result.loaded, path.read_text(encoding="utf-8-sig")


def export_msel(pack_path: Path, fmt: str) -> tuple[bytes, int]:
    """The pack's injects as an MSEL sheet in a format (xlsx or csv), and how many."""
    _, text = _loaded(pack_path)
    data = json.loads(text)
    rows = inject_rows(data)
    labels = [f"inject {inj['id']}" for inj in data["injects"]]
    try:
        out = write_xlsx(rows, labels) if fmt == "xlsx" else write_csv(rows)
    except SheetError as exc:
        raise MselError([f"{pack_path}: {exc}"]) from exc
    return out, len(rows) - 1


def _read_sheet(sheet_path: Path) -> tuple[list[list[str]], str | None]:
    name = str(sheet_path)
    try:
        if sheet_path.stat().st_size > MAX_BYTES:
            raise MselError([f"{name} is larger than {MAX_BYTES // 1_048_576} MB"])
        if sheet_path.suffix.lower() == ".csv":
            return read_csv(sheet_path.read_bytes(), name), None
        return read_xlsx(sheet_path, name), SHEET
    except OSError as exc:
        raise MselError([f"cannot read {name}: {exc.strerror or exc}"]) from exc
    except SheetError as exc:
        raise MselError([str(exc)]) from exc


def import_msel(sheet_path: Path, pack_path: Path, out_path: Path) -> MselImport:
    """The pack with its injects updated and added from the sheet, checked row by row and
    then as a whole pack (as it will be at `out_path`); raises MselError, writes nothing."""
    loaded, text = _loaded(pack_path)
    cells, sheet = _read_sheet(sheet_path)
    pack = loaded.pack
    known = Known(
        phases=tuple(p.id for p in pack.phases),
        roles=tuple(r.id for r in pack.roles),
        objectives=tuple(o.id for o in pack.objectives),
    )
    data: dict[str, Any] = json.loads(text)
    old: list[dict[str, Any]] = data.get("injects", [])
    rows, problems = read_rows(cells, known, {str(i["id"]) for i in old})
    name = str(sheet_path)
    if problems:
        raise MselError([located(name, sheet, p.row, p.column, p.message) for p in problems])
    injects, row_of = merge_injects(old, rows)
    new_text = replace_injects(text, injects)
    result = parse_pack(new_text.encode("utf-8"), str(out_path), catalogue_finder(out_path))
    if result.loaded is None:
        raise MselError(
            [_at_row(d.pointer, d.render(), row_of, name, sheet) for d in result.errors]
            + [f"the new pack ({out_path}, not written) would not validate; fix the rows above"]
        )
    old_ids = {str(i["id"]): i for i in old}
    updated = tuple(
        str(i["id"]) for i in injects if str(i["id"]) in old_ids and i != old_ids[str(i["id"])]
    )
    added = tuple(str(i["id"]) for i in injects if str(i["id"]) not in old_ids)
    return MselImport(new_text, updated, added)


def _at_row(
    pointer: str, rendered: str, row_of: dict[int, int], name: str, sheet: str | None
) -> str:
    """A diagnostic of the new pack, led by the sheet row its inject came from."""
    parts = pointer.split("/")
    if len(parts) > 2 and parts[1] == "injects" and parts[2].isdigit():
        row = row_of.get(int(parts[2]))
        if row is not None:
            column = next((c.header for c in COLUMNS if parts[3:4] == [c.key]), None)
            where = located(name, sheet, row, column, "the new pack refuses this row")
            return f"{where}\n{rendered}"
    return rendered
