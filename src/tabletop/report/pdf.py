"""render_pdf: the printable HTML report laid out on paper by WeasyPrint, offline.

The HTML is self-contained (inline CSS, the chart as inline SVG), so nothing is ever
fetched: every URL WeasyPrint asks for is refused, whatever a pack's text holds. The same
log gives the same bytes: the document's dates are the log's last event (from the page's
<meta> elements) and its file identifier is derived from the log's head hash.
"""

from __future__ import annotations

import hashlib
from typing import Any

from tabletop.report.html import render_html
from tabletop.report.model import AfterActionReport
from tabletop.report.paper import Paper

SYSTEM_LIBRARIES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"
"""The Debian packages WeasyPrint needs at run time (besides its Python wheels)."""


class PdfUnavailable(Exception):
    """WeasyPrint or the system libraries it draws text with cannot be loaded."""


class OfflineOnly(Exception):
    """A URL the PDF renderer was asked to fetch: the report is never allowed to."""


def _weasyprint() -> Any:
    """The weasyprint module, or PdfUnavailable saying what to install."""
    try:
        import weasyprint
    except ImportError as exc:
        raise PdfUnavailable(
            f"PDF needs the Python package weasyprint ({exc}); install it with "
            "`pip install 'weasyprint>=70,<71'`"
        ) from exc
    except OSError as exc:
        # WeasyPrint loads Pango, HarfBuzz and fontconfig through ctypes when imported.
        raise PdfUnavailable(
            f"PDF needs WeasyPrint's system libraries ({exc}); on Debian or Ubuntu: "
            f"`apt-get install {SYSTEM_LIBRARIES}`"
        ) from exc
    return weasyprint


def _refusing_fetcher(weasyprint: Any) -> Any:
    """A URL fetcher that fetches nothing (a WeasyPrint URLFetcher with fetch refused)."""

    class Refuse(weasyprint.URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: object = None) -> Any:
            raise OfflineOnly(f"the report fetches nothing: {url[:200]}")

    return Refuse()


def pdf_identifier(report: AfterActionReport, paper: Paper) -> bytes:
    """The PDF's file identifier: the same for the same log and paper, different otherwise."""
    seed = f"{report.integrity.head}|{report.overview.session_id}|{paper}"
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:32].encode("ascii")


def print_pdf(page: str, *, identifier: bytes) -> bytes:
    """An HTML page printed to PDF, fetching nothing (every URL in it is refused)."""
    weasyprint = _weasyprint()
    document = weasyprint.HTML(string=page, url_fetcher=_refusing_fetcher(weasyprint))
    data: bytes = document.write_pdf(pdf_identifier=identifier)
    return data


def render_pdf(report: AfterActionReport, *, paper: Paper = "a4") -> bytes:
    """The whole report as a PDF's bytes, printed from its HTML on `paper`."""
    return print_pdf(render_html(report, paper=paper), identifier=pdf_identifier(report, paper))
