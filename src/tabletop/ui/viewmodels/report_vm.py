"""The end of a game: the after-action report previewed, and exported in a format."""

from __future__ import annotations

from dataclasses import dataclass, field

from tabletop.app import FORMATS, PAPERS, AppError, Paper, ReportOutput, default_paper
from tabletop.ui.viewmodels.hub import Hub

FORMAT_NAMES = {"md": "Markdown", "html": "HTML", "pdf": "PDF", "docx": "Word", "json": "JSON"}
PAPER_NAMES: dict[Paper, str] = {"a4": "A4", "letter": "US Letter"}


@dataclass
class ReportModel:
    """The report of one session."""

    hub: Hub
    session_id: str
    error: str = ""
    paper: Paper = field(default_factory=default_paper)
    """The paper the HTML, PDF and Word exports are laid out for (the locale's at first)."""

    def choose_paper(self, name: str | None) -> None:
        """Lay the exports out for another paper ('a4' or 'letter'; anything else: kept)."""
        for paper in PAPERS:
            if paper == name:
                self.paper = paper

    def preview(self) -> str:
        """The report as Markdown, to show in the app ('' and `error` if it cannot be built)."""
        out = self._render("md")
        return out.data.decode("utf-8") if out is not None else ""

    def export(self, fmt: str) -> tuple[str, bytes] | None:
        """The report in a format: a file name and the bytes (None and `error` if not)."""
        out = self._render(fmt)
        if out is None:
            return None
        stamp = "" if out.report.status == "final" else "-interim"
        return f"aar-{self.session_id}{stamp}.{fmt}", out.data

    def _render(self, fmt: str) -> ReportOutput | None:
        self.error = ""
        if fmt not in FORMATS:
            self.error = f"unknown format {fmt}"
            return None
        try:
            out = self.hub.workspace.report(self.session_id, fmt, paper=self.paper)
        except AppError as exc:
            self.error = str(exc)
            return None
        if out.damaged:
            self.error = "The log failed verification: the report says so at its top."
        return out
