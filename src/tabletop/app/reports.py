"""The after-action report of a log: built from the verified events and the pack, rendered
in one of its formats."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tabletop import report as rp
from tabletop.app.errors import AppError
from tabletop.report import AfterActionReport
from tabletop.store import SessionInfo

FORMATS = ("md", "html", "json", "docx")
"""The report formats, by their usual file extension."""

EXTENSIONS = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".docx": "docx",
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


def render(report: AfterActionReport, fmt: str) -> bytes:
    """The report in a format, as bytes (text as UTF-8)."""
    renderers: dict[str, Callable[[AfterActionReport], str | bytes]] = {
        "md": rp.render_markdown,
        "html": rp.render_html,
        "json": rp.render_json,
        "docx": rp.render_docx,
    }
    if fmt not in renderers:
        raise AppError(f"unknown report format '{fmt}' (formats: {', '.join(FORMATS)})")
    data = renderers[fmt](report)
    return data.encode("utf-8") if isinstance(data, str) else data
