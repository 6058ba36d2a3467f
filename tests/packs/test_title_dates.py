"""The dates a phase title names, for the phase-title-dates warning."""

from __future__ import annotations

from datetime import date

import pytest

from tabletop.packs.title_dates import dates_named


@pytest.mark.parametrize(
    ("title", "first", "last"),
    [
        ("Move 3: the mission, 6 to 19 January", date(2022, 1, 6), date(2022, 1, 19)),
        ("6–19 January 2021", date(2021, 1, 6), date(2021, 1, 19)),
        ("Move 3 (October–November 2021): holding", date(2021, 10, 1), date(2021, 11, 30)),
        ("Move 1 (August 2021): Kabul falls", date(2021, 8, 1), date(2021, 8, 31)),
        ("Move 2: 13 Sept. 2021", date(2021, 9, 13), date(2021, 9, 13)),
        ("January 6, 2021", date(2021, 1, 6), date(2021, 1, 6)),
        ("Dec 2021 to Jan 2022", date(2021, 12, 1), date(2022, 1, 31)),
        ("Review (2021)", date(2021, 1, 1), date(2021, 12, 31)),
        ("Move 4: 30 February", date(2022, 2, 28), date(2022, 2, 28)),
    ],
)
def test_a_title_covers_the_days_it_names(title: str, first: date, last: date) -> None:
    assert dates_named(title, 2022) == (first, last)


@pytest.mark.parametrize(
    "title", ["Move 1: from Zhanaozen to the whole country", "Move 3 of 4", "What may follow"]
)
def test_a_title_without_a_date_covers_none(title: str) -> None:
    assert dates_named(title, 2022) is None
