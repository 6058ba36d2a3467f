"""Reports of the shipped packs, from every playthrough script shipped with them: all four
formats are produced and read back."""

from __future__ import annotations

import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import docx
import jsonschema
import pytest
from chartprint import assert_chart_prints_at_8pt
from docxread import (
    PAPER_TWIPS,
    contents,
    headings,
    page_twips,
    pages_by_break,
)

from tabletop.engine import replay
from tabletop.engine.deadlines import owed_late_first
from tabletop.model import events as ev
from tabletop.packs import open_pack
from tabletop.report import (
    AfterActionReport,
    render_docx,
    render_html,
    render_json,
    render_markdown,
)
from tabletop.report.chart import chart_parts
from tabletop.report.repeats import REPEAT_ABOVE, Referrals
from tabletop.report.sections import all_sections

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted((ROOT / "scenarios" / "tests").glob("*.json"))
PACKS = sorted(p.stem for p in (ROOT / "scenarios").glob("*.json"))


def _pack_path(script: Path) -> Path:
    """The pack a playthrough script names, resolved against the script's folder."""
    return (script.parent / json.loads(script.read_text("utf-8"))["pack"]).resolve()


def _pack_of(script: Path) -> str:
    return _pack_path(script).stem


# HTML and Word (with their charts) for one script of each pack: the slow formats.
ONE_PER_PACK = sorted({_pack_of(s): s for s in reversed(SCRIPTS)}.values())


def test_every_shipped_pack_has_a_script() -> None:
    named = {_pack_of(s) for s in SCRIPTS}
    assert PACKS and set(PACKS) <= named


_PLAYED: dict[Path, tuple[list[ev.Event], AfterActionReport]] = {}


def _played(script: Path, player) -> tuple[list[ev.Event], AfterActionReport]:
    """The script played on the fixed clock: its log and its report (once per run)."""
    if script not in _PLAYED:
        loaded = open_pack(_pack_path(script))
        game = player(script, loaded, session_id=f"{loaded.pack.meta.id}-20261202-0001")
        _PLAYED[script] = game.events, game.report(pack_hash=loaded.content_hash)
    return _PLAYED[script]


def _report(script: Path, player) -> AfterActionReport:
    return _played(script, player)[1]


@pytest.fixture(scope="module", params=SCRIPTS, ids=lambda p: p.stem)
def shipped(request, player) -> AfterActionReport:
    return _report(request.param, player)


@pytest.fixture(scope="module", params=SCRIPTS, ids=lambda p: p.stem)
def shipped_log(request, player) -> tuple[list[ev.Event], AfterActionReport]:
    return _played(request.param, player)


@pytest.fixture(scope="module", params=ONE_PER_PACK, ids=lambda p: p.stem)
def one_per_pack(request, player) -> AfterActionReport:
    return _report(request.param, player)


def test_report_covers_the_game(shipped: AfterActionReport) -> None:
    assert shipped.integrity.status == "intact" and shipped.overview.pack_hash.startswith("sha")
    assert shipped.timeline and shipped.decisions and shipped.compliance
    decided = [c for d in shipped.decisions for c in d.choices if c.decided]
    assert decided and all(c.verdict is not None for c in decided)
    assert len(shipped.decision_log) >= len(decided)


def test_markdown_and_json(shipped: AfterActionReport) -> None:
    text = render_markdown(shipped)
    assert text.startswith(f"**{shipped.classification}**")
    assert text.rstrip().endswith(f"**{shipped.classification}**")
    schema = json.loads((ROOT / "schemas" / "after-action-report.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(json.loads(render_json(shipped)))


class _Sections(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.svg = 0
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        a = dict(attrs)
        if tag == "section":
            self.ids.append(a.get("id") or "")
        self.svg += tag == "svg"
        for name in ("src", "href"):
            if (a.get(name) or "").startswith(("http", "//")):
                self.external.append(a[name])


def test_html(one_per_pack: AfterActionReport) -> None:
    parser = _Sections()
    html = render_html(one_per_pack)
    parser.feed(html)
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "an id twice in the page (the chart's parts, anchors)"
    # The long verdicts referred to, as in the Markdown (the same order of writing).
    said = render_markdown(one_per_pack).count("given there in full")
    assert said and html.count("given there in full") == said
    assert parser.ids == list(all_sections(one_per_pack))
    assert parser.svg == len(chart_parts(one_per_pack)) and parser.external == []


def test_word(one_per_pack: AfterActionReport) -> None:
    document = docx.Document(io.BytesIO(render_docx(one_per_pack, paper="letter")))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    said = render_markdown(one_per_pack).count("given there in full")
    assert said and text.count("given there in full") == said
    level1 = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert level1 == list(all_sections(one_per_pack).values())
    # Printable: a title page naming the exercise, contents listing every heading, Letter.
    o = one_per_pack.overview
    title_page = "\n".join(pages_by_break(document)[0])
    assert o.exercise in title_page and o.facilitator in title_page and o.session_id in title_page
    assert [(level, text) for level, text, _ in contents(document)] == headings(document)
    width, height = PAPER_TWIPS["letter"]
    assert {page_twips(s) for s in document.sections} == {(width, height), (height, width)}


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_word_chart_prints_its_text_at_8pt_or_more(shipped: AfterActionReport, paper) -> None:
    document = docx.Document(io.BytesIO(render_docx(shipped, paper=paper)))
    assert_chart_prints_at_8pt(document)


def _first_section(text: str) -> str:
    return text.split("## 1. Key findings", 1)[1].split("\n## 2.", 1)[0].replace("\\", "")


def test_key_findings_list_every_override_refusal_and_owed_obligation(shipped_log) -> None:
    events, report = shipped_log
    k = report.key_findings
    overrides = [e for e in events if isinstance(e, ev.DecisionRecorded) and e.overridden]
    refusals = [e for e in events if isinstance(e, ev.DecisionRejected)]
    assert sorted(f.decision_point.split(":")[0] for f in k.overrides) == sorted(
        e.decision_point for e in overrides
    )
    assert all(f.justification and (f.citation or f.headline) for f in k.overrides)
    assert len(k.refusals) == len(refusals)
    owed = owed_late_first(replay(events))
    assert [ob.id for ob in k.obligations] == [o.id for o in owed]
    # The Markdown says each of them in its first section.
    first = _first_section(render_markdown(report))
    for f in k.overrides:
        assert f"{f.decision_point}. {f.role}: '{f.option}'." in first
        assert f.justification in first
    for ob in k.obligations:
        assert ob.text in first and ob.owed_by in first


def test_every_owed_obligation_and_m_or_u_rating_gets_a_plan_row(shipped) -> None:
    plan = shipped.improvement_plan
    drafts = [p for p in plan if p.draft]
    served = {p.objective for p in plan if not p.draft}
    poor = [o.id for o in shipped.objectives if o.rating in ("M", "U") and o.id not in served]
    assert [d.objective for d in drafts if "rated" in d.prompted_by] == poor
    owed = [d for d in drafts if d.prompted_by.startswith("Obligation")]
    assert len(owed) == len(shipped.open_obligations)
    assert [d.number for d in drafts] == [f"D-{n}" for n in range(1, len(drafts) + 1)]


def test_endings_and_injects_sources(shipped_log) -> None:
    events, report = shipped_log
    script_pack = open_pack(ROOT / "scenarios" / f"{report.overview.pack_id}.json").pack
    injects = {i.id: i for i in script_pack.injects}
    delivered = [e.inject for e in events if isinstance(e, ev.InjectDelivered)]
    endings = [i for i in delivered if injects[i].ending]
    assert [
        x.rsplit("(", 1)[1].rstrip(")") for x in report.key_findings.end_state.endings
    ] == endings
    keys = [s.split("]")[0].lstrip("[") for s in report.sources]
    assert keys == sorted(keys, key=str.casefold)
    assert {s for i in delivered for s in injects[i].sources} <= set(keys)


def test_shipped_packs_give_the_authors_part_of_the_overview(shipped) -> None:
    o = shipped.overview
    assert o.sponsor and o.mission_areas and o.threat
    assert {"CSTO", "SCO", "RATS", "UNSC"} <= {a.short for a in shipped.acronyms}


def test_each_shipped_pack_has_a_playthrough_that_reaches_an_ending(player) -> None:
    reached = {_pack_of(s) for s in SCRIPTS if _report(s, player).key_findings.end_state.endings}
    assert reached == set(PACKS)


def test_a_long_verdict_is_given_in_full_once_and_referred_to(shipped) -> None:
    refs = Referrals()
    given: dict[tuple, int] = {}
    referred = 0
    for a in shipped.decisions:
        for c in a.choices:
            places = refs.of(a, c)
            views = [r.verdict for r in c.rejections] + [c.verdict]
            views += [alt.verdict for alt in c.alternatives]
            said = [*places.rejections, places.verdict, *places.alternatives]
            for v, place in zip(views, said, strict=True):
                if v is None:
                    continue
                key = (v.kind, v.headline, v.reasons, v.citations, v.also_under, v.cautions)
                if place is not None:
                    referred += 1
                    assert given.get(key) == 1, "referred to before it was given in full"
                elif len(v.headline) > REPEAT_ABOVE:
                    given[key] = given.get(key, 0) + 1
    assert all(n == 1 for n in given.values())
    assert render_markdown(shipped).count("given there in full") == referred
