"""Markdown building blocks: escaping of outside text, tables, verdict badges."""

from __future__ import annotations

import re

from tabletop.report import words as wd
from tabletop.report.safetext import visible

# Intraword underscores (role ids) never emphasise in GitHub Markdown, so they stay bare.
_SPECIAL = re.compile(r"([\\`*\[\]<>|#~&!]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))")
# A list marker or a setext underline at the start of a line. A backslash escapes only
# punctuation ("\1." shows its backslash), so an ordered-list marker's dot is escaped.
_LEADING = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")


def md(text: object) -> str:
    """Inline text: one line, hidden characters shown, Markdown and HTML characters
    escaped."""
    # Shown before the split: str.split() takes VT, FF and the separators for spaces.
    flat = " ".join(visible(text).split())
    return _LEADING.sub(_unmark, _SPECIAL.sub(r"\\\1", flat))


def _unmark(m: re.Match[str]) -> str:
    """'1.' as '1\\.', '-' as '\\-': the marker's punctuation escaped."""
    return m[1] + (m[2] + "\\" if m[2][0].isdigit() else "\\" + m[2])


def code(text: object, *, in_table: bool = False) -> str:
    """Inline text as a code span (a hash): one line, hidden characters shown, fenced by more
    backticks than any run of them in the text."""
    # Nothing can be escaped inside a code span, and a backtick in the text would close a
    # one-backtick span early (what follows, '<img onerror=...>' say, would then be read as
    # Markdown and HTML): the longer fence is what keeps it text. Markup inside the span is
    # inert: a renderer writes a code span's content as text.
    flat = " ".join(visible(text).split())
    if not flat:
        return "—"
    if in_table and "|" in flat:
        # A table row is split at every '|', inside a code span too, and the escape that
        # stops it (\|) shows as a backslash where tables are not read: plain text instead.
        return md(flat)
    fence = "`" * (max(map(len, re.findall("`+", flat)), default=0) + 1)
    # A space each side is stripped by the reader; it keeps an edge backtick off the fence.
    pad = " " if flat[0] == "`" or flat[-1] == "`" else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


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
