"""The flow of a pack as a graph: phases, injects, decision points, options and where each
leads, with the mandate engine's verdict on each option on the starting facts; written as
Graphviz DOT or Mermaid text. Pure functions: running Graphviz is the app's business."""

from tabletop.flow.dot import render_dot
from tabletop.flow.graph import Edge, FlowGraph, Node, PhaseGroup, flow_graph
from tabletop.flow.mermaid import render_mermaid

__all__ = [
    "Edge",
    "FlowGraph",
    "Node",
    "PhaseGroup",
    "flow_graph",
    "render_dot",
    "render_mermaid",
]
