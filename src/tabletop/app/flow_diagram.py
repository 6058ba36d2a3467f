"""A pack's flow diagram as Graphviz DOT, Mermaid, or SVG drawn by Graphviz's `dot`."""

from __future__ import annotations

import shutil
import subprocess
from typing import Literal

from tabletop.app.errors import AppError
from tabletop.flow import flow_graph, render_dot, render_mermaid
from tabletop.model.pack import Pack

FlowFormat = Literal["dot", "mermaid", "svg"]
FLOW_FORMATS: tuple[FlowFormat, ...] = ("dot", "mermaid", "svg")
FLOW_EXTENSIONS: dict[str, FlowFormat] = {
    ".dot": "dot",
    ".gv": "dot",
    ".mmd": "mermaid",
    ".mermaid": "mermaid",
    ".svg": "svg",
}

DOT_TIMEOUT_SECONDS = 60


class GraphvizMissing(AppError):
    """Graphviz's `dot` is not installed, so no SVG can be drawn."""


class GraphvizFailed(AppError):
    """Graphviz's `dot` ran but drew nothing."""


def flow_text(pack: Pack, fmt: Literal["dot", "mermaid"]) -> str:
    """The pack's flow as DOT or Mermaid text (options judged on the starting facts)."""
    graph = flow_graph(pack)
    return render_dot(graph) if fmt == "dot" else render_mermaid(graph)


def dot_program() -> str | None:
    """Where Graphviz's `dot` is, or None when it is not installed."""
    return shutil.which("dot")


def svg_of_dot(dot_text: str) -> bytes:
    """The SVG that Graphviz draws from DOT text; GraphvizMissing without `dot`."""
    program = dot_program()
    if program is None:
        raise GraphvizMissing(
            "Graphviz's 'dot' program is not installed, so no SVG can be drawn: install "
            "graphviz (Debian and Ubuntu: 'sudo apt-get install graphviz'; macOS: 'brew "
            "install graphviz'), or write the diagram as text with --format dot or "
            "--format mermaid"
        )
    try:
        done = subprocess.run(
            [program, "-Tsvg"],
            input=dot_text.encode("utf-8"),
            capture_output=True,
            timeout=DOT_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GraphvizFailed(f"Graphviz's 'dot' could not draw the diagram: {exc}") from exc
    if done.returncode != 0 or not done.stdout:
        message = done.stderr.decode("utf-8", "replace").strip() or f"exit {done.returncode}"
        raise GraphvizFailed(f"Graphviz's 'dot' could not draw the diagram: {message}")
    return done.stdout


def flow_svg(pack: Pack) -> bytes:
    """The pack's flow diagram as SVG drawn by Graphviz."""
    return svg_of_dot(flow_text(pack, "dot"))


def format_for_path(path: str | None) -> FlowFormat:
    """The format an output file's extension names; DOT when it names none."""
    if path:
        for ext, fmt in FLOW_EXTENSIONS.items():
            if path.lower().endswith(ext):
                return fmt
    return "dot"
