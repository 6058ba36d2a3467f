"""How wide the timeline chart's pictures go into the Word report, and on which pages: wide
enough that their smallest text prints at 8 pt or more, on landscape pages when portrait ones
are too narrow for that, and each never taller than its page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docx.image.image import Image
from docx.shared import Emu, Inches, Pt

if TYPE_CHECKING:
    from docx.section import Section

MIN_PRINTED_PT = 8.0
"""The smallest text a printed chart may have."""
ROOM_ABOVE_AND_BELOW = Pt(54)
"""Page height kept for the section's heading above the first picture (17 pt: it starts the page,
with no space before it), the picture's spacing (4 pt) and its caption below (21 pt), with
12 pt to spare."""


@dataclass(frozen=True)
class ChartFit:
    """Where the chart's pictures go: their pages' orientation and each one's width."""

    landscape: bool
    widths: tuple[Emu, ...]
    printed_pt: tuple[float, ...]
    """Each picture's smallest text as printed at its width, in points."""


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


def fit_charts(
    figures: Sequence[tuple[float, float]],
    smallest_pt: float,
    portrait: tuple[int, int],
    landscape: tuple[int, int],
) -> ChartFit:
    """Portrait pages if every picture's smallest text prints at 8 pt there, each at the text
    width, else landscape pages; a picture too tall for its page at that width narrowed to
    fit it. When neither orientation gets every picture to 8 pt: the one whose smallest
    print is largest."""
    fits = []
    for is_landscape, (width, height) in ((False, portrait), (True, landscape)):
        room = height - ROOM_ABOVE_AND_BELOW
        placed = [min(width, int(room * Inches(w) / Inches(h))) for w, h in figures]
        printed = [smallest_pt * x / Inches(w) for x, (w, _h) in zip(placed, figures, strict=True)]
        fit = ChartFit(is_landscape, tuple(Emu(x) for x in placed), tuple(printed))
        if min(printed) >= MIN_PRINTED_PT:
            return fit
        fits.append(fit)
    return max(fits, key=lambda f: min(f.printed_pt))
