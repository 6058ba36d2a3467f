"""Markdown building blocks: escaping of outside text, tables, verdict badges."""

from __future__ import annotations

import re

from tabletop.report import words as wd
from tabletop.report.safetext import visible

# Intraword underscores (role ids) never emphasise in GitHub Markdown, so they stay bare.
_SPECIAL = re.compile(r"([\\`*\[\]<>|#~&!]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))")
_LEADING = re.compile(r"^(\s*)([-+=]|\d+[.)])")


def md(text: object) -> str:
    """Inline text: one line, hidden characters shown, Markdown and HTML characters
    escaped."""
    # Shown before the split: str.split() takes VT, FF and the separators for spaces.
    flat = " ".join(visible(text).split())
    return _LEADING.sub(r"\1\\\2", _SPECIAL.sub(r"\\\1", flat))


def block(text: str) -> str:
    """A paragraph block: blank-line paragraphs kept, each escaped as inline text."""
    paras = [p for p in re.split(r"\n\s*\n", visible(text).strip()) if p.strip()]
    return "\n\n".join(md(p) for p in paras) if paras else "—"


def cell(text: object) -> str:
    """A table cell: inline text (pipes are escaped by `md`)."""
    return md(text) if str(text).strip() else "—"


def table(head: list[str], rows: list[list[str]]) -> list[str]:
    """A GitHub table; cells must already be escaped."""
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return [*out, ""]


def badge(kind: str | None, overridden: bool = False, refused: bool = False) -> str:
    """A verdict as bold text in brackets (colour is for the HTML and Word versions)."""
    return f"**[{wd.verdict_badge(kind, overridden, refused).upper()}]**"
