"""Reports of the shipped packs, from every playthrough script shipped with them: all four
formats are produced and read back."""

from __future__ import annotations

import io
import json
from html.parser import HTMLParser
from pathlib import Path

import docx
import jsonschema
import pytest

from tabletop.packs import open_pack
from tabletop.report import (
    AfterActionReport,
    render_docx,
    render_html,
    render_json,
    render_markdown,
)
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


def _report(script: Path, player) -> AfterActionReport:
    loaded = open_pack(_pack_path(script))
    game = player(script, loaded, session_id=f"{loaded.pack.meta.id}-20261202-0001")
    return game.report(pack_hash=loaded.content_hash)


@pytest.fixture(scope="module", params=SCRIPTS, ids=lambda p: p.stem)
def shipped(request, player) -> AfterActionReport:
    return _report(request.param, player)


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
    parser.feed(render_html(one_per_pack))
    assert parser.ids == list(all_sections(one_per_pack))
    assert parser.svg == 1 and parser.external == []


def test_word(one_per_pack: AfterActionReport) -> None:
    document = docx.Document(io.BytesIO(render_docx(one_per_pack)))
    level1 = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert level1 == list(all_sections(one_per_pack).values())
    assert len(document.inline_shapes) == 1
