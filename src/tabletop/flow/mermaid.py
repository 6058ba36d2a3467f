"""The flow graph as Mermaid flowchart text, every pack string escaped with Mermaid's
entity codes (a label may be shown as HTML, so `<`, `>` and `&` are never left raw)."""

from __future__ import annotations

from tabletop.flow.dot import ENDING_WORD, OUTSIDE_WORD, PERMITTED_WORD, UNCHECKED_WORD
from tabletop.flow.graph import FlowGraph, Node

_ENTITIES = {
    "#": "#35;",
    '"': "#quot;",
    "&": "#amp;",
    "<": "#lt;",
    ">": "#gt;",
    "`": "#96;",
}

_SHAPES: dict[str, tuple[str, str]] = {
    "scheduled": ('["', '"]'),
    "conditional": ('[/"', '"/]'),
    "follow_on": ('("', '")'),
    "decision": ('{{"', '"}}'),
    "option": ('(["', '"])'),
}

_KIND_WORD: dict[str, str] = {
    "conditional": "(conditional)",
    "follow_on": "(follow-on)",
    "decision": "decision point",
}

_ARROWS = {"opens": "-->|opens|", "offers": "---", "leads_to": "-.->|leads to|"}


def escaped(text: str) -> str:
    """The text on one line with every character Mermaid would read written as an entity."""
    return "".join(_ENTITIES.get(ch, ch) for ch in " ".join(text.split()))


def _lines(node: Node) -> list[str]:
    lines = [node.title, _KIND_WORD.get(node.kind, ""), *node.notes]
    if node.ending:
        lines.append(ENDING_WORD)
    if node.kind == "option":
        lines.append(
            {"outside_mandate": OUTSIDE_WORD, "unchecked": UNCHECKED_WORD}.get(
                node.marking, PERMITTED_WORD
            )
        )
    return [line for line in lines if line]


def _box(name: str, kind: str, lines: list[str]) -> str:
    opening, closing = _SHAPES[kind]
    return f"{name}{opening}{'<br/>'.join(escaped(line) for line in lines)}{closing}"


def _classes(node: Node) -> list[str]:
    out = []
    if node.kind == "option" and node.marking == "outside_mandate":
        out.append("outside")
    if node.ending:
        out.append("ending")
    return out


def render_mermaid(graph: FlowGraph) -> str:
    """The graph as a Mermaid flowchart: one subgraph per phase, in order, and a legend."""
    names: dict[str, str] = {}
    out = ["flowchart TB", f"  %% {escaped(graph.title)}"]
    out += [
        "  classDef outside fill:#fde2e4,stroke:#b00020,color:#b00020,stroke-width:2px",
        "  classDef ending stroke-width:4px",
        '  subgraph legend["Legend (verdicts on the starting facts)"]',
        '    L1["Inject, scheduled"]',
        '    L2[/"Inject, conditional<br/>(conditional)"/]',
        '    L3("Inject, follow-on<br/>(follow-on)")',
        f'    L4[/"Ending<br/>{escaped(ENDING_WORD)}"/]:::ending',
        '    L5{{"Decision point"}}',
        f'    L6(["Option<br/>{escaped(PERMITTED_WORD)}"])',
        f'    L7(["Option<br/>{escaped(OUTSIDE_WORD)}"]):::outside',
        "  end",
    ]
    for number, phase in enumerate(graph.phases):
        out.append(f'  subgraph P{number}["{escaped(f"{phase.id}: {phase.title}")}"]')
        for node in phase.nodes:
            name = names[node.key] = f"N{len(names)}"
            classes = "".join(f":::{c}" for c in _classes(node))
            out.append(f"    {_box(name, node.kind, _lines(node))}{classes}")
        out.append("  end")
    out += [f"  P{a} ~~~ P{a + 1}" for a in range(len(graph.phases) - 1)]
    out += [
        f"  {names[e.source]} {_ARROWS[e.kind]} {names[e.target]}"
        for e in graph.edges
        if e.source in names and e.target in names
    ]
    return "\n".join(out) + "\n"
