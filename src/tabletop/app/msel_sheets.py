"""MSEL sheets as files: rows of text cells written to and read from .xlsx and .csv.

Nothing in a sheet is executed. On export every cell is a text cell (an .xlsx cell is
marked as text with a quote prefix, so a value starting with '=' is never a formula; a CSV
cell starting with = + - @ or ' gets a leading ' that import takes off again). On import a
formula is refused, never evaluated: openpyxl reads its text, not a cached result.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from tabletop.packs.msel import COLUMNS

SHEET = "MSEL"
MAX_ROWS = 10_000
MAX_COLUMNS = 64
MAX_CELL = 32_767  # the most characters a spreadsheet cell holds
_FIXED = datetime(2000, 1, 1)  # created and modified dates: the same pack, the same bytes
_CSV_RISKY = ("=", "+", "-", "@", "\t", "\r", "'")


class SheetError(Exception):
    """A sheet cannot be written or read; the message says where and why."""


class _FixedTimeZip(zipfile.ZipFile):
    """A zip whose members all carry one date, so a workbook's bytes depend on its content."""

    def writestr(self, zinfo_or_arcname: Any, data: Any, *args: Any, **kwargs: Any) -> None:
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, date_time=(1980, 1, 1, 0, 0, 0))
            zinfo_or_arcname.compress_type = zipfile.ZIP_DEFLATED
            zinfo_or_arcname.external_attr = 0o644 << 16
        super().writestr(zinfo_or_arcname, data, *args, **kwargs)

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
        # openpyxl writes each worksheet from a temporary file, which has today's date.
        with open(filename, "rb") as fh:
            self.writestr(str(arcname or filename), fh.read())


def write_xlsx(rows: Sequence[Sequence[str]], labels: Sequence[str]) -> bytes:
    """The rows as an .xlsx workbook with one sheet 'MSEL': the header frozen and bold,
    column widths set, text wrapped; `labels` names each data row in an error."""
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if len(value) > MAX_CELL or ILLEGAL_CHARACTERS_RE.search(value):
                why = "is too long for a cell" if len(value) > MAX_CELL else "holds a control"
                raise SheetError(
                    f"{labels[r - 2]}, column '{rows[0][c - 1]}' {why} character; "
                    "export with --format csv, or shorten the text in the pack"
                )
            cell = ws.cell(row=r, column=c)
            cell.value = value
            cell.data_type = "s"  # never a formula, whatever the text starts with
            cell.quotePrefix = True
            cell.alignment = wrap
            cell.number_format = "@"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDDDDD")
    for c, column in enumerate(COLUMNS, start=1):
        ws.cell(row=1, column=c).font = bold
        ws.cell(row=1, column=c).fill = fill
        ws.column_dimensions[get_column_letter(c)].width = column.width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    wb.properties.creator = "tabletop"
    wb.properties.created = wb.properties.modified = _FIXED
    out = io.BytesIO()
    with _FixedTimeZip(out, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    return out.getvalue()


def write_csv(rows: Sequence[Sequence[str]]) -> bytes:
    """The rows as CSV in UTF-8 (with a byte-order mark, so spreadsheets read it as UTF-8),
    each cell that a spreadsheet would take for a formula prefixed with '."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["'" + v if v.startswith(_CSV_RISKY) else v for v in row])
    return out.getvalue().encode("utf-8-sig")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M" + (":%S" if value.second else ""))
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def _where(name: str, sheet: str | None, row: int, column: str | None) -> str:
    place = f"{name}, sheet {sheet}, row {row}" if sheet else f"{name}, row {row}"
    return f"{place}, column '{column}'" if column else place


def _header_of(header: list[str], index: int) -> str:
    return header[index] if index < len(header) and header[index] else get_column_letter(index + 1)


def read_xlsx(path: Path, name: str) -> list[list[str]]:
    """The text of every cell of the sheet 'MSEL' (formulas refused, never evaluated)."""
    try:
        wb = load_workbook(path, read_only=True, data_only=False)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise SheetError(f"{name} is not an .xlsx workbook that can be read: {exc}") from exc
    try:
        if SHEET not in wb.sheetnames:
            raise SheetError(
                f"{name} has no sheet named {SHEET} (it has: {', '.join(wb.sheetnames)}); "
                "keep the sheet of an exported MSEL"
            )
        rows: list[list[str]] = []
        header: list[str] = []
        ws = wb[SHEET]
        ws.reset_dimensions()  # the size a file declares may be wrong: read what is there
        for number, cells in enumerate(ws.iter_rows(max_col=MAX_COLUMNS), start=1):
            if number > MAX_ROWS:
                raise SheetError(f"{name}: more than {MAX_ROWS:,} rows; split the sheet")
            row = []
            for index, cell in enumerate(cells):
                if getattr(cell, "data_type", None) == "f" or not isinstance(
                    cell.value, str | int | float | bool | date | time | type(None)
                ):
                    where = _where(name, SHEET, number, _header_of(header, index))
                    raise SheetError(
                        f"{where}: is a formula ({str(cell.value)[:60]}); formulas are "
                        "never computed: type the value itself"
                    )
                row.append(_text(cell.value))
            if number == 1:
                header = row
            rows.append(row)
        return rows
    finally:
        wb.close()


def read_csv(data: bytes, name: str) -> list[list[str]]:
    """The cells of a CSV sheet (UTF-8): a leading ' is taken off; a cell starting with '='
    is refused as a formula."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SheetError(f"{name} is not UTF-8 text: save it as CSV UTF-8") from exc
    rows: list[list[str]] = []
    try:
        for number, row in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
            if number > MAX_ROWS:
                raise SheetError(f"{name}: more than {MAX_ROWS:,} rows; split the sheet")
            for index, value in enumerate(row):
                if value.startswith("="):
                    where = _where(name, None, number, _header_of(rows[0] if rows else [], index))
                    raise SheetError(
                        f"{where}: is a formula ({value[:60]}); formulas are never computed: "
                        "type the value itself, or start the cell with ' to keep it as text"
                    )
            rows.append([v[1:] if v.startswith("'") else v for v in row[:MAX_COLUMNS]])
    except csv.Error as exc:
        raise SheetError(f"{name} is not a CSV file that can be read: {exc}") from exc
    return rows


def located(name: str, sheet: str | None, row: int, column: str | None, message: str) -> str:
    """A problem as the user reads it: where (file, sheet, row, column), then what."""
    return f"{_where(name, sheet, row, column)}: {message}"
