"""The pack preview's flow diagram: the SVG the app draws with Graphviz, or why there is none."""

from __future__ import annotations

from dataclasses import dataclass

from tabletop.app.errors import AppError
from tabletop.app.flow_diagram import flow_svg
from tabletop.model.pack import Pack


@dataclass(frozen=True)
class FlowPicture:
    """The flow diagram as SVG, or a message saying why it cannot be drawn."""

    svg: bytes | None
    message: str


def flow_picture(pack: Pack) -> FlowPicture:
    """The pack's flow diagram, or what to install when Graphviz is missing."""
    try:
        svg = flow_svg(pack)
    except AppError as exc:
        return FlowPicture(svg=None, message=str(exc))
    return FlowPicture(
        svg=svg,
        message="Options outside mandate are in red and marked ✗, on the pack's starting "
        "facts. To save it: tabletop graph PACK -o flow.svg",
    )
