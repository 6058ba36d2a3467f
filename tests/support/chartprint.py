"""The Word chart as printed: every picture's text at 8 pt or more, each on a page whose text
area holds it with its heading and caption."""

from __future__ import annotations

import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docxread import Picture, pictures

from tabletop.report.chart import CHART_FONT_PT
from tabletop.report.word_chart import MIN_PRINTED_PT, ROOM_ABOVE_AND_BELOW


def assert_chart_prints_at_8pt(document: Document, parts: int = 2) -> list[Picture]:
    """Every chart picture's text prints at 8 pt or more (inserted width / figure width x the
    chart's type size, from the picture's extent and the PNG's pixels and resolution), the
    picture undistorted, on a landscape page whose text area holds it with the room kept for
    the heading above and the caption below; each captioned as its part."""
    shown = pictures(document)
    assert len(shown) == parts
    for n, picture in enumerate(shown, start=1):
        assert picture.printed_pt(CHART_FONT_PT) >= MIN_PRINTED_PT
        fig_width, fig_height = picture.figure
        assert picture.height == pytest.approx(picture.width * fig_height / fig_width, abs=635)
        section = picture.section
        # A 9-inch figure is wider than a portrait page's 6.7 inches: landscape pages.
        assert section.orientation == WD_ORIENT.LANDSCAPE
        text_width = section.page_width - section.left_margin - section.right_margin
        text_height = section.page_height - section.top_margin - section.bottom_margin
        assert picture.width <= text_width
        assert picture.height <= text_height - ROOM_ABOVE_AND_BELOW
        which = f", part {n} of {parts}" if parts > 1 else ""
        assert picture.caption.startswith(f"Timeline chart{which}: ")
    return shown
