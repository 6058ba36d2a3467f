"""Section titles, the same in every format, numbered as in the HSEEP AAR/IP."""

from __future__ import annotations

from tabletop.report.model import AfterActionReport

SECTIONS: dict[str, str] = {
    "findings": "1. Key findings",
    "overview": "2. Exercise overview",
    "timeline": "3. Timeline",
    "decisions": "4. Decision analysis",
    "compliance": "5. Mandate compliance by organisation",
    "objectives": "6. Analysis of objectives",
    "plan": "7. Improvement plan",
}
"""Main sections by key, in order."""


def appendix_sections(report: AfterActionReport) -> dict[str, str]:
    """Appendix sections by key, lettered in order; empty ones (rulings, sources, acronyms)
    left out."""
    keys = ["participants", "log"]
    if report.rulings:
        keys.append("rulings")
    keys.append("integrity")
    if report.sources:
        keys.append("sources")
    if report.acronyms:
        keys.append("acronyms")
    titles = {
        "participants": "Participants and exercise staff",
        "log": "Decision log",
        "rulings": "Facilitator rulings",
        "integrity": "Log integrity",
        "sources": "Sources cited",
        "acronyms": "Acronyms",
    }
    return {k: f"Appendix {chr(ord('A') + i)}: {titles[k]}" for i, k in enumerate(keys)}


def all_sections(report: AfterActionReport) -> dict[str, str]:
    """Every section of this report by key, in order (for a table of contents)."""
    return {**SECTIONS, **appendix_sections(report)}
