"""The after-action report (HSEEP AAR/IP) of a session: built from its log, rendered as
Markdown, HTML, JSON, Word and PDF.

`build_report` is pure; the renderers return text or bytes and write no files. The HTML,
Word, PDF and chart renderers load matplotlib, python-docx and WeasyPrint, so they are
imported on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from tabletop.report.build import ReportError, build_report
from tabletop.report.integrity import check_log, integrity_of
from tabletop.report.jsontext import render_json
from tabletop.report.markdown import render_markdown
from tabletop.report.model import AfterActionReport, Integrity
from tabletop.report.paper import PAPERS, Paper

_LAZY = {
    "render_html": "tabletop.report.html",
    "render_docx": "tabletop.report.word",
    "render_pdf": "tabletop.report.pdf",
    "PdfUnavailable": "tabletop.report.pdf",
    "render_timeline_svg": "tabletop.report.chart",
    "render_timeline_png": "tabletop.report.chart",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'tabletop.report' has no attribute '{name}'")


__all__ = [
    "PAPERS",
    "AfterActionReport",
    "Integrity",
    "Paper",
    "PdfUnavailable",
    "ReportError",
    "build_report",
    "check_log",
    "integrity_of",
    "render_docx",
    "render_html",
    "render_json",
    "render_markdown",
    "render_pdf",
    "render_timeline_png",
    "render_timeline_svg",
]
