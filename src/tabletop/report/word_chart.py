"""How wide the timeline chart goes into the Word report, and on which page: wide enough that
its smallest text prints at 8 pt or more, on a landscape page when a portrait one is too
narrow for that, and never taller than the page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docx.image.image import Image
from docx.shared import Emu, Inches, Pt

if TYPE_CHECKING:
    from docx.section import Section

MIN_PRINTED_PT = 8.0
"""The smallest text a printed chart may have."""
ROOM_ABOVE_AND_BELOW = Pt(54)
"""Page height kept for the section's heading above the chart (17 pt: it starts the page,
with no space before it), the picture's spacing (4 pt) and its caption below (21 pt), with
12 pt to spare."""


@dataclass(frozen=True)
class ChartFit:
    """Where the chart goes: its page's orientation and its width on the page."""

    landscape: bool
    width: Emu
    printed_pt: float
    """The chart's smallest text as printed at this width, in points."""


def figure_inches(png: bytes) -> tuple[float, float]:
    """The figure's width and height in inches, from the PNG's pixels and resolution."""
    image = Image.from_blob(png)
    return image.px_width / image.horz_dpi, image.px_height / image.vert_dpi


def text_boxes(section: Section) -> tuple[tuple[int, int], tuple[int, int]]:
    """Width and height between the margins (EMU) of the section's paper, portrait then
    landscape (`Writer.turn` keeps the margins and swaps the sides)."""
    sizes = (section.page_width, section.page_height, section.left_margin, section.right_margin,
             section.top_margin, section.bottom_margin)  # fmt: skip
    width, height, left, right, top, bottom = (int(x) for x in sizes if x is not None)
    short, long = min(width, height), max(width, height)
    return (short - left - right, long - top - bottom), (long - left - right, short - top - bottom)


def fit_chart(
    figure: tuple[float, float],
    smallest_pt: float,
    portrait: tuple[int, int],
    landscape: tuple[int, int],
) -> ChartFit:
    """The portrait page at its text width if the chart's smallest text prints at 8 pt there,
    else the landscape page at its text width; at a lower width where the page is too short
    for the chart. When neither page gets the text to 8 pt: the one that prints it largest."""
    fig_width, fig_height = Inches(figure[0]), Inches(figure[1])
    fits = []
    for is_landscape, (width, height) in ((False, portrait), (True, landscape)):
        room = height - ROOM_ABOVE_AND_BELOW
        placed = min(width, int(room * fig_width / fig_height))
        fit = ChartFit(is_landscape, Emu(placed), smallest_pt * placed / fig_width)
        if fit.printed_pt >= MIN_PRINTED_PT:
            return fit
        fits.append(fit)
    return max(fits, key=lambda f: f.printed_pt)
