"""A coverage as text lines and as a JSON-ready dict (the shape docs/playthrough.md
documents under "Coverage")."""

from __future__ import annotations

from typing import Any

from tabletop.scripting.coverage import CATEGORY_NAMES, MISSED_NAMES, Coverage


def shown(percent: float | None) -> str:
    """A percentage for a terminal ('-' when there is nothing to count)."""
    return "-" if percent is None else f"{percent:.1f}%"


def coverage_dict(cov: Coverage) -> dict[str, Any]:
    """{"covered", "total", "percent", "categories": {name: {"covered", "total", "percent",
    "missed": [{"id", "title"}, ...]}}}; percent is null when there is nothing to count."""
    return {
        "covered": cov.covered,
        "total": cov.total,
        "percent": cov.percent,
        "categories": {
            c.name: {
                "covered": c.covered,
                "total": c.total,
                "percent": c.percent,
                "missed": [{"id": i.id, "title": i.title} for i in c.missed],
            }
            for c in cov.categories
        },
    }


def summary_lines(cov: Coverage, indent: str = "  ") -> list[str]:
    """The overall figure, then one line per category: covered/total and percent."""
    width = max(len(name) for name in CATEGORY_NAMES.values())
    lines = [f"{indent}{'overall':<{width}}  {cov.covered:>3}/{cov.total:<3}  {shown(cov.percent)}"]
    for c in cov.categories:
        name = CATEGORY_NAMES[c.name]
        lines.append(f"{indent}{name:<{width}}  {c.covered:>3}/{c.total:<3}  {shown(c.percent)}")
    return lines


def missed_lines(cov: Coverage, indent: str = "  ") -> list[str]:
    """Each category with items never reached, and those items' ids and titles."""
    lines: list[str] = []
    for c in cov.categories:
        missed = c.missed
        if not missed:
            continue
        lines.append(f"{indent}{MISSED_NAMES[c.name]} ({len(missed)}):")
        lines.extend(f"{indent}  {item.id}  {item.title}" for item in missed)
    return lines
