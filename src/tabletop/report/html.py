"""render_html: the report as one self-contained, printable HTML page (Jinja2, autoescaped)."""

from __future__ import annotations

from datetime import UTC
from functools import cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

from tabletop.report import aar_text as at
from tabletop.report import tables
from tabletop.report import words as wd
from tabletop.report.chart import chart_caption, chart_parts, render_timeline_svg
from tabletop.report.html_rows import (
    alternative_rows,
    badge,
    log_rows,
    timeline_rows,
    verdict_block,
)
from tabletop.report.integrity import signature_words
from tabletop.report.model import AfterActionReport, ObservationView
from tabletop.report.paper import CSS_SIZE, Paper
from tabletop.report.repeats import Referrals, referral_words
from tabletop.report.safetext import visible
from tabletop.report.sections import all_sections


def css_string(text: str) -> Markup:
    """Text as a quoted CSS string, safe inside a <style> element: quotes and backslashes
    escaped, and every character that could end the string or the element (newlines, <, >,
    &) written as a CSS hex escape; hidden characters shown, as everywhere in the text."""
    out = []
    for ch in visible(text):
        if ch.isalnum() or ch in " /.,:;()-_+!?'":
            out.append(ch)
        else:
            out.append(f"\\{ord(ch):x} ")
    return Markup('"' + "".join(out) + '"')


def _about(s: ObservationView) -> str:
    """' (role, decision point, suggests S) — Noted by ...' after an observation's text."""
    parts = [x for x in (s.role, wd.decision_point_words(s)) if x]
    if s.rating:
        parts.append(f"suggests {s.rating}")
    return (f" ({', '.join(parts)})" if parts else "") + wd.noted_suffix(s.observer)


def _shown(value: object) -> object:
    """Every value the template writes, before it is escaped: outside text with its hidden
    characters shown (see safetext); our own markup (the chart, the stylesheet, the rows
    built in html_rows) as it is."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return visible(value)


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("tabletop.report", "templates"),
        # Every value is escaped unless marked safe: pack and log text is untrusted.
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_shown,
    )
    env.filters.update(
        scenario=wd.scenario,
        wall=wd.wall,
        decision_facts=tables.decision_facts,
        element=lambda e: wd.CAPABILITY_ELEMENTS.get(e, e),
        about=_about,
        css_string=css_string,
        seat_words=wd.seat_words,
        proposed_words=wd.proposed_words,
        badge=badge,
        timeline_rows=timeline_rows,
        verdict_block=verdict_block,
        alternative_rows=alternative_rows,
        log_rows=log_rows,
        deadline_line=tables.deadline_line,
        lateness=tables.lateness,
        with_late=tables.with_late,
        rating_mark=at.rating_mark,
        area_details=wd.area_details,
        arose_words=wd.arose_words,
        referral=referral_words,
    )
    return env


def _properties(report: AfterActionReport) -> dict[str, Any]:
    """The document's subject, keywords and date (the log's last event, so the same log
    gives the same document), for its <meta> elements."""
    o = report.overview
    last = o.last_event_at
    return {
        "subject": f"After-Action Report / Improvement Plan: {o.exercise}",
        "keywords": [
            k for k in (report.classification, o.exercise, o.pack_title, o.session_id) if k
        ],
        "stamp": last.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if last else "",
    }


@cache
def _css() -> str:
    return resources.files("tabletop.report").joinpath("templates/report.css").read_text("utf-8")


def render_html(
    report: AfterActionReport, *, chart_svg: str | None = None, paper: Paper = "a4"
) -> str:
    """The whole report as an HTML page with inline CSS and the timeline as inline SVG,
    laid out for printing on `paper` (A4 or US Letter)."""
    if paper not in CSS_SIZE:
        raise ValueError(f"unknown paper size {paper!r}")
    # The chart in its parts, as Word has them: on paper each fits a landscape page with its
    # text at 8 pt (the whole chart, scaled to a page, printed at 5 to 6 pt).
    parts = chart_parts(report)
    charts = [
        (chart_caption(part, n, len(parts)), Markup(render_timeline_svg(report, part)))
        for n, part in enumerate(parts, start=1)
    ]
    if chart_svg is not None:
        charts = [(chart_caption("whole", 1, 1), Markup(chart_svg))]
    context: dict[str, Any] = {
        "report": report,
        "o": report.overview,
        "sections": all_sections(report),
        "day": wd.session_day(report),
        "signature": signature_words(report.integrity),
        # Credits in the participants appendix: plain text cells, escaped by the template.
        "proposers": (tables.PROPOSERS_TITLE, tables.PROPOSERS_HEAD, tables.proposer_rows(report)),
        "evaluators": (
            tables.EVALUATORS_TITLE,
            tables.EVALUATORS_HEAD,
            tables.evaluator_rows(report),
        ),
        "staff": ("Exercise staff", ["Role", "Name"], at.staff_rows(report)),
        # The HSEEP parts in the words every format shares (plain text: escaped here).
        "end_state": at.end_state_groups(report),
        "findings": at.findings_groups(report),
        "overview_rows": at.overview_rows(report),
        "rating_scale": at.rating_rows(report),
        "plan_head": at.PLAN_HEAD,
        "plan_rows": [(p, at.plan_cells(p)) for p in report.improvement_plan],
        "acronyms": at.acronym_rows(report),
        "override_lead": at.OVERRIDE_LEAD,
        # Where each long verdict was given in full, as the template writes them.
        "refs": Referrals(),
        # Our own output, not user text: matplotlib escapes the labels it writes.
        "charts": charts,
        "css": Markup(_css()),
        "page_size": CSS_SIZE[paper],
        **_properties(report),
    }
    return _environment().get_template("report.html.j2").render(context)
