"""The long, repeated parts of the HTML report (the timeline and decision log tables, the
verdict of every decision, the options not taken), built in Python.

A 10,000-event game has thousands of rows; one f-string per row is several times faster
than the template engine's per-value machinery. Every value from the log or the pack
still goes through `escape` (hidden characters shown, then `html.escape`, quotes too): the
rows are as safe as the autoescaped template around them, and the hostile-text tests read
them back.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from html import escape as _escape

from markupsafe import Markup

from tabletop.report import words as wd
from tabletop.report.model import AlternativeView, DecisionLogEntry, TimelineEntry, VerdictView
from tabletop.report.repeats import referral_words
from tabletop.report.safetext import visible


def escape(text: str) -> str:
    """Outside text for HTML: hidden characters shown (as in the template), then escaped."""
    return _escape(visible(text))


_SYMBOLS = {
    "permitted": "✓",
    "permitted_with_obligations": "!",
    "outside_mandate": "✗",
    None: "–",
}


def badge(kind: str | None, overridden: bool = False, refused: bool = False) -> Markup:
    """A verdict badge: colour from its class, and always the symbol and the words."""
    return Markup(_badge(kind, overridden, refused))


def _badge(kind: str | None, overridden: bool, refused: bool) -> str:
    words = escape(wd.verdict_badge(kind, overridden, refused))
    css = escape(kind or "none")
    return f'<span class="badge badge-{css}">{_SYMBOLS.get(kind, "")} {words}</span>'


def timeline_rows(entries: Iterable[TimelineEntry], day: date | None) -> Markup:
    """The rows of the timeline table."""
    out = []
    for t in entries:
        cell = f"<strong>{escape(t.title)}</strong>"
        if t.kind in ("decision", "rejection"):
            cell += " " + _badge(t.verdict, t.overridden, t.kind == "rejection")
        if t.detail:
            cell += f'<div class="muted">{escape(t.detail)}</div>'
        if t.text:
            cell += f'<div class="body">{escape(t.text)}</div>'
        out.append(
            f'<tr><td class="num">{t.seq}</td><td class="time">{wd.scenario(t.scenario_time)}'
            f'</td><td class="time">{wd.wall_short(t.at, day)}</td><td>{cell}</td></tr>\n'
        )
    return Markup("".join(out))


def log_rows(entries: Iterable[DecisionLogEntry], day: date | None) -> Markup:
    """The rows of the decision log table."""
    out = []
    for e in entries:
        verdict = (
            _badge(e.verdict, e.overridden or e.kind == "override", e.kind == "rejection")
            if e.verdict
            else "—"
        )
        cells = (e.kind, e.decision_point, e.role, e.option or "—")
        middle = "".join(f"<td>{escape(c)}</td>" for c in cells)
        out.append(
            f'<tr><td class="num">{e.seq}</td><td class="time">{wd.scenario(e.scenario_time)}'
            f'</td><td class="time">{wd.wall_short(e.at, day)}</td>{middle}<td>{verdict}</td>'
            f"<td>{escape(wd.with_proposer(e.text, e.proposed_by) or '—')}</td></tr>\n"
        )
    return Markup("".join(out))


def verdict_block(
    v: VerdictView, overridden: bool = False, refused: bool = False, given_at: str | None = None
) -> Markup:
    """The <dt>/<dd> pair of a verdict: badge, headline, basis, further reasons, the facts
    it relies on, citations."""
    parts = [
        f"<dt>Verdict</dt><dd>{_badge(v.kind, overridden, refused)} "
        f"{escape(referral_words(given_at) if given_at else v.headline)}",
    ]
    if given_at:  # said in full earlier: only what is this decision's own
        parts += [
            f'<div class="relies-on">Relies on: {escape(r.words)}</div>' for r in v.relies_on or ()
        ]
        return Markup("".join([*parts, "</dd>"]))
    for c in v.cautions:
        parts.append(f'<div class="caution"><strong>Caution:</strong> {escape(c)}</div>')
    if wd.basis_adds(v):
        parts.append(f'<div class="muted">Basis: {escape(v.basis or "")}</div>')
    for a in v.also_under:
        parts.append(f'<div class="muted">Also under: {escape(a)}</div>')
    more = wd.extra_reasons(v)
    if more:
        items = "".join(f"<li>{escape(r)}</li>" for r in more)
        parts.append(f'<ul class="reasons">{items}</ul>')
    for r in v.relies_on or ():
        parts.append(f'<div class="relies-on">Relies on: {escape(r.words)}</div>')
    if v.citations:
        parts.append(f'<div class="muted">Cites: {escape("; ".join(v.citations))}</div>')
    parts.append("</dd>")
    return Markup("".join(parts))


def alternative_rows(
    alternatives: Iterable[AlternativeView], given_at: Iterable[str | None]
) -> Markup:
    """The rows of an options-not-taken table (`given_at`: where each verdict was given in
    full before, if it was)."""
    out = []
    for alt, place in zip(alternatives, given_at, strict=True):
        if alt.verdict is not None:
            headline = escape(referral_words(place) if place else alt.verdict.headline)
            said = f"{_badge(alt.verdict.kind, False, False)} {headline}"
        else:
            said = f"could not be checked: {escape(alt.error)}"
        out.append(f"<tr><td>{escape(alt.option_label)}</td><td>{said}</td></tr>\n")
    return Markup("".join(out))
