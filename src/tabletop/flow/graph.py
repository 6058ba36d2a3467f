"""The flow graph of a pack: what to draw, independent of the drawing language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tabletop.mandates import MandateError, check_action
from tabletop.model.facts import Facts, initial_facts
from tabletop.model.pack import DecisionPoint, Inject, Option, Pack

NodeKind = Literal["scheduled", "conditional", "follow_on", "decision", "option"]
Marking = Literal["permitted", "outside_mandate", "unchecked", ""]
EdgeKind = Literal["opens", "offers", "leads_to"]

_RELEASE_KIND: dict[str, NodeKind] = {
    "scheduled": "scheduled",
    "when": "conditional",
    "follow_on": "follow_on",
}


@dataclass(frozen=True)
class Node:
    """One box of the diagram: an inject, a decision point or an option (for one decider)."""

    key: str
    """Unique within the graph: 'inject:INJ-01', 'dp:DP-1', 'option:DP-1/deploy@role'."""
    kind: NodeKind
    title: str
    """The id and short title, e.g. 'INJ-01 Protests in Zhanaozen' (pack text, unescaped)."""
    notes: tuple[str, ...] = ()
    """Further lines: 'for csto_secretariat', 'outside mandate: ...'."""
    marking: Marking = ""
    """For an option: the verdict on the starting facts."""
    ending: bool = False


@dataclass(frozen=True)
class Edge:
    """An arrow from one node to another."""

    source: str
    target: str
    kind: EdgeKind


@dataclass(frozen=True)
class PhaseGroup:
    """A phase and the nodes drawn inside it, in pack order."""

    id: str
    title: str
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class FlowGraph:
    """The whole diagram: phases in order, and the arrows."""

    title: str
    phases: tuple[PhaseGroup, ...]
    edges: tuple[Edge, ...]


TITLE_LIMIT = 48
"""Characters of a title shown before it is cut short with '…'."""


def short(text: str, limit: int = TITLE_LIMIT) -> str:
    """The text on one line (whitespace runs made one space), cut to `limit` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def inject_key(inject_id: str) -> str:
    """The node key of an inject."""
    return f"inject:{inject_id}"


def decision_key(dp_id: str) -> str:
    """The node key of a decision point."""
    return f"dp:{dp_id}"


def option_key(dp_id: str, option_id: str, role: str) -> str:
    """The node key of an option as one decider sees it."""
    return f"option:{dp_id}/{option_id}@{role}"


def offered_to(dp: DecisionPoint, option: Option) -> tuple[str, ...]:
    """The deciders an option is offered to, in the decision point's order."""
    if not option.for_roles:
        return dp.deciders
    return tuple(r for r in dp.deciders if r in option.for_roles) or option.for_roles


def verdict_marking(pack: Pack, role: str, option: Option, facts: Facts) -> Marking:
    """The verdict of the mandate engine on this role choosing this option, on these facts."""
    try:
        kind = check_action(pack, role, option.action, facts).kind
    except MandateError:
        return "unchecked"
    return "outside_mandate" if kind == "outside_mandate" else "permitted"


def _inject_node(inject: Inject) -> Node:
    return Node(
        key=inject_key(inject.id),
        kind=_RELEASE_KIND[inject.release],
        title=f"{inject.id} {short(inject.title)}",
        ending=inject.ending,
    )


def _option_nodes(pack: Pack, dp: DecisionPoint, facts: Facts) -> list[Node]:
    out = []
    for option in dp.options:
        for role in offered_to(dp, option):
            notes = (f"for {role}",) if len(dp.deciders) > 1 else ()
            out.append(
                Node(
                    key=option_key(dp.id, option.id, role),
                    kind="option",
                    title=f"{option.id} {short(option.label)}",
                    notes=notes,
                    marking=verdict_marking(pack, role, option, facts),
                )
            )
    return out


def flow_graph(pack: Pack) -> FlowGraph:
    """The flow of the pack, each option judged on the pack's starting facts."""
    facts = initial_facts(pack)
    members: dict[str, list[Node]] = {phase.id: [] for phase in pack.phases}
    edges: list[Edge] = []
    for inject in pack.injects:
        members.setdefault(inject.phase, []).append(_inject_node(inject))
        edges.extend(
            Edge(inject_key(inject.id), decision_key(dp_id), "opens") for dp_id in inject.opens
        )
    for dp in pack.decision_points:
        group = members.setdefault(dp.phase, [])
        group.append(
            Node(key=decision_key(dp.id), kind="decision", title=f"{dp.id} {short(dp.title)}")
        )
        for node in _option_nodes(pack, dp, facts):
            group.append(node)
            edges.append(Edge(decision_key(dp.id), node.key, "offers"))
        for option in dp.options:
            for role in offered_to(dp, option):
                edges.extend(
                    Edge(option_key(dp.id, option.id, role), inject_key(target), "leads_to")
                    for target in option.follow_ons
                )
    titles = {phase.id: phase.title for phase in pack.phases}
    phases = tuple(
        PhaseGroup(id=pid, title=titles.get(pid, pid), nodes=tuple(nodes))
        for pid, nodes in members.items()
    )
    known = {node.key for group in phases for node in group.nodes}
    drawn = tuple(e for e in edges if e.source in known and e.target in known)
    return FlowGraph(title=pack.meta.title, phases=phases, edges=drawn)
