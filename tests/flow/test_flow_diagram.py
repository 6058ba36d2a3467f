"""The flow diagram: every inject and decision point drawn, outside-mandate options marked
exactly as the mandate engine judges them on the starting facts, pack text escaped."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tabletop.flow import flow_graph, render_dot, render_mermaid
from tabletop.flow.dot import OUTSIDE_WORD
from tabletop.flow.graph import offered_to, option_key
from tabletop.mandates import check_action
from tabletop.model.facts import initial_facts
from tabletop.model.pack import Pack
from tabletop.packs import load_pack

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "scenarios").glob("*.json"))
DATA = ROOT / "tests" / "data"
SVG = "{http://www.w3.org/2000/svg}"
DOT = shutil.which("dot")  # Graphviz is a requirement of the test machine (.ci/run installs it)


def _pack(path: Path) -> Pack:
    result = load_pack(path)
    assert result.loaded is not None, [d.render() for d in result.diagnostics]
    return result.loaded.pack


def _outside_by_engine(pack: Pack) -> set[str]:
    """The option nodes the mandate engine rules outside mandate on the starting facts."""
    facts = initial_facts(pack)
    return {
        option_key(dp.id, option.id, role)
        for dp in pack.decision_points
        for option in dp.options
        for role in offered_to(dp, option)
        if check_action(pack, role, option.action, facts).kind == "outside_mandate"
    }


def _dot_nodes(dot_text: str) -> dict[str, str]:
    """Each node statement of the DOT text, by node key."""
    return {
        m.group(1): m.group(2)
        for m in re.finditer(r'^    "([^"]+)" \[(.*)\];$', dot_text, flags=re.MULTILINE)
    }


def _svg_texts(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return [t.text or "" for t in root.iter(f"{SVG}text")]


def _svg(dot_text: str) -> bytes:
    assert DOT is not None
    done = subprocess.run([DOT, "-Tsvg"], input=dot_text.encode(), capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_outside_mandate_options_are_exactly_the_engines(path: Path) -> None:
    pack = _pack(path)
    expected = _outside_by_engine(pack)
    assert expected  # both shipped packs have options outside mandate from the start
    nodes = _dot_nodes(render_dot(flow_graph(pack)))
    options = {key: attrs for key, attrs in nodes.items() if key.startswith("option:")}
    marked = {key for key, attrs in options.items() if OUTSIDE_WORD in attrs}
    coloured = {key for key, attrs in options.items() if 'color="#b00020"' in attrs}
    assert marked == expected
    assert coloured == expected
    mermaid = render_mermaid(flow_graph(pack))
    assert mermaid.count(":::outside") == len(expected) + 1  # and the legend's sample


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_svg_names_every_inject_and_decision_point(path: Path) -> None:
    pack = _pack(path)
    texts = _svg_texts(_svg(render_dot(flow_graph(pack))))
    first_words = {text.split(" ")[0] for text in texts}
    assert {i.id for i in pack.injects} <= first_words
    assert {dp.id for dp in pack.decision_points} <= first_words
    assert "Legend (verdicts on the starting facts)" in texts
    endings = sum(1 for i in pack.injects if i.ending)
    assert endings > 0
    assert texts.count("■ ENDING") == endings + 1  # and the legend's sample


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_mermaid_has_every_node_and_arrow(path: Path) -> None:
    pack = _pack(path)
    graph = flow_graph(pack)
    text = render_mermaid(graph)
    boxes = re.findall(r"^    (N\d+)[\[\(\{/]+\"(.*?)\"", text, flags=re.MULTILINE)
    nodes = [node for phase in graph.phases for node in phase.nodes]
    assert len(boxes) == len(nodes)
    labels = [label for _, label in boxes]
    for inject in pack.injects:
        assert any(label.startswith(f"{inject.id} ") for label in labels), inject.id
    for dp in pack.decision_points:
        assert any(label.startswith(f"{dp.id} ") for label in labels), dp.id
    arrows = re.findall(r"^  N\d+ (?:-->\|opens\||---|-\.->\|leads to\|) N\d+$", text, re.M)
    assert len(arrows) == len(graph.edges)
    opens = sum(len(i.opens) for i in pack.injects)
    assert sum(1 for e in graph.edges if e.kind == "opens") == opens


def test_phases_come_in_order_and_hold_their_own_boxes() -> None:
    pack = _pack(SHIPPED[0])
    graph = flow_graph(pack)
    assert [p.id for p in graph.phases] == [p.id for p in pack.phases]
    for phase in graph.phases:
        for node in phase.nodes:
            if node.kind in ("scheduled", "conditional", "follow_on"):
                inject = next(i for i in pack.injects if f"inject:{i.id}" == node.key)
                assert inject.phase == phase.id


def test_output_is_the_same_every_time() -> None:
    pack = _pack(SHIPPED[-1])
    assert render_dot(flow_graph(pack)) == render_dot(flow_graph(_pack(SHIPPED[-1])))
    assert render_mermaid(flow_graph(pack)) == render_mermaid(flow_graph(pack))


HOSTILE = 'A "q" \\N b\\s\n<script>x</script> &amp;'
FLAT = 'A "q" \\N b\\s <script>x</script> &amp;'


@pytest.fixture
def hostile_pack(tmp_path: Path) -> Path:
    """The example pack with hostile text in an inject title, a decision point's title and
    an option's label."""
    data = json.loads((DATA / "example-pack.json").read_text(encoding="utf-8"))
    data["injects"][0]["title"] = HOSTILE
    data["decision_points"][0]["title"] = HOSTILE
    data["decision_points"][0]["options"][0]["label"] = HOSTILE
    data["phases"][0]["title"] = HOSTILE
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    shutil.copytree(DATA / "catalogues", tmp_path / "catalogues")
    return path


def test_hostile_text_is_drawn_as_written(hostile_pack: Path) -> None:
    pack = _pack(hostile_pack)
    graph = flow_graph(pack)
    dot_text = render_dot(graph)
    svg = _svg(dot_text)
    assert b"<script" not in svg
    texts = _svg_texts(svg)
    inject, dp = pack.injects[0], pack.decision_points[0]
    option = dp.options[0]
    for prefix in (inject.id, dp.id, option.id):
        assert f"{prefix} {FLAT}" in texts
    assert f"{pack.phases[0].id}: {FLAT}" in texts


def test_hostile_text_is_escaped_in_mermaid(hostile_pack: Path) -> None:
    text = render_mermaid(flow_graph(_pack(hostile_pack)))
    assert "<script" not in text and "&amp;" not in text
    assert "A #quot;q#quot; \\N b\\s #lt;script#gt;x#lt;/script#gt; #amp;amp;" in text
    for line in text.splitlines():  # a quote of the pack's never closes a label early
        if line.startswith("    N"):
            inner = re.sub(r'^    N\d+[\[\(\{/]+"', "", line)
            assert inner.count('"') == 1, line
