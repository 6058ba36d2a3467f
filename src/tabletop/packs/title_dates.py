"""The dates a title names, as the first and last day they cover: "Move 3: the mission,
6 to 19 January" covers 6 to 19 January, "Move 3 (October–November 2021)" 1 October to
30 November 2021, "(August 2021)" the whole month, "(2021)" the whole year.

English month names, capitalised (or their first three letters), a day before or after the month, a
range of days ("6 to 19 January", "6–19 January"); a month without a year takes the year
written after it in the title, else the year given. Nothing else is guessed: a title whose
words name no month or year covers no dates.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

# Capitalised, as a date is written: "may" or "march" in a title is a verb.
_MONTHS = {name: n for n, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name[:3]: n for name, n in list(_MONTHS.items())} | {"Sept": 9})
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_SPAN = r"(?:\s*(?:to|until|–|—|-)\s*)"
_MENTION = re.compile(
    rf"(?:(?P<first>\d{{1,2}}){_SPAN})?(?P<day>\d{{1,2}})\s+{_MONTH}\b"  # (6 to) 19 January
    rf"|\b{_MONTH.replace('month', 'month2')}(?:\s+(?P<day2>\d{{1,2}})\b)?"
    r"|\b(?P<year>(?:19|20)\d\d)\b"
)


def dates_named(title: str, year: int) -> tuple[date, date] | None:
    """The first and last day the dates in `title` cover; `year` for a month written
    without one (and no year after it). None when the title names no date."""
    months: list[tuple[int, int | None, int | None]] = []  # (month, first day, last day)
    years: list[tuple[int, int]] = []  # (position in `months`, year)
    for found in _MENTION.finditer(title):
        if found["year"]:
            years.append((len(months), int(found["year"])))
            continue
        month = _MONTHS[found["month"] or found["month2"]]
        day = found["day"] or found["day2"]
        first = found["first"] or day
        months.append((month, int(first) if first else None, int(day) if day else None))
    if not months:
        if not years:
            return None
        every = [y for _, y in years]
        return date(min(every), 1, 1), date(max(every), 12, 31)
    days = []
    for at, (month, first, last) in enumerate(months):
        # The year written after this month, else the last one before it, else `year`.
        after = [y for pos, y in years if pos > at]
        before = [y for pos, y in years if pos <= at]
        in_year = after[0] if after else before[-1] if before else year
        end_of_month = calendar.monthrange(in_year, month)[1]
        first_day = min(first or 1, end_of_month)
        last_day = min(last or end_of_month, end_of_month)
        days += [date(in_year, month, first_day), date(in_year, month, last_day)]
    return min(days), max(days)
