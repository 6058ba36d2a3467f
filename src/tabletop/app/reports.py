"""The after-action report of a log: built from the verified events and the pack, rendered
in one of its formats."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tabletop import report as rp
from tabletop.app.errors import AppError
from tabletop.report import PAPERS, AfterActionReport, Paper
from tabletop.store import SessionInfo

FORMATS = ("md", "html", "json", "docx", "pdf")
"""The report formats, by their usual file extension."""

BINARY_FORMATS = ("docx", "pdf")
"""The formats whose files are not text (never written to a terminal)."""

EXTENSIONS = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".docx": "docx",
    ".pdf": "pdf",
}


@dataclass(frozen=True)
class ReportOutput:
    """A report rendered: its bytes, the report model, and the session it is of."""

    data: bytes
    report: AfterActionReport
    info: SessionInfo
    format: str

    @property
    def damaged(self) -> bool:
        """True when the log failed verification (the report says so at its top)."""
        return self.report.integrity.status == "damaged"


def format_for(path: str | Path) -> str | None:
    """The report format a file name's extension asks for, if any."""
    return EXTENSIONS.get(Path(path).suffix.lower())


def render(report: AfterActionReport, fmt: str, *, paper: Paper = "a4") -> bytes:
    """The report in a format, as bytes (text as UTF-8); HTML, Word and PDF laid out for
    printing on `paper`."""
    renderers: dict[str, Callable[[AfterActionReport], str | bytes]] = {
        "md": rp.render_markdown,
        "html": lambda r: rp.render_html(r, paper=paper),
        "json": rp.render_json,
        "docx": lambda r: rp.render_docx(r, paper=paper),
        "pdf": lambda r: rp.render_pdf(r, paper=paper),
    }
    if fmt not in renderers:
        raise AppError(f"unknown report format '{fmt}' (formats: {', '.join(FORMATS)})")
    if paper not in PAPERS:
        raise AppError(f"unknown paper size '{paper}' (sizes: {', '.join(PAPERS)})")
    try:
        data = renderers[fmt](report)
    except rp.PdfUnavailable as exc:
        raise AppError(f"cannot write a PDF: {exc}") from exc
    return data.encode("utf-8") if isinstance(data, str) else data
