"""The paper a printed report is laid out on: ISO A4 or US Letter."""

from __future__ import annotations

from typing import Final, Literal, get_args

Paper = Literal["a4", "letter"]
"""A paper size, chosen at export (by its usual name)."""

PAPERS: Final[tuple[Paper, ...]] = get_args(Paper)
"""Every paper size, the default (A4) first."""

PAPER_SIZES_MM: dict[Paper, tuple[float, float]] = {"a4": (210, 297), "letter": (215.9, 279.4)}
"""Width and height of each paper, portrait, in millimetres."""

CSS_SIZE: Final[dict[Paper, str]] = {"a4": "A4", "letter": "letter"}
"""The CSS `@page { size: ... }` keyword of each paper."""

POINTS: Final[dict[Paper, tuple[float, float]]] = {
    "a4": (595.28, 841.89),
    "letter": (612.0, 792.0),
}
"""Width and height of each paper in portrait, in PostScript points (1/72 inch)."""
