"""The paper a printed report is laid out on: A4 or US Letter."""

from __future__ import annotations

from typing import Literal

Paper = Literal["a4", "letter"]
"""A paper size, chosen at export."""

PAPER_SIZES_MM: dict[Paper, tuple[float, float]] = {"a4": (210, 297), "letter": (215.9, 279.4)}
"""Width and height of each paper, portrait, in millimetres."""
