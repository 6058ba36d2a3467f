"""A long verdict said once: where the decision analysis gives the same verdict again (a
seat refused the same way at two decision points, an option not taken that reads like one
already shown), it says where it was given in full instead of repeating its headline, the
instruments it lists and its reasons.

Worked out as each format writes the analysis, in its order, not stored in the report:
marking thousands of views in a long game made copies that all stayed alive until the end,
and Python's full garbage collections over them tripled the time of building the report
(bench/report.py: 0.25 s to 0.62 s of CPU for 10,000 events).
"""

from __future__ import annotations

from dataclasses import dataclass

from tabletop.report.model import ChoiceView, DecisionAnalysis, VerdictView

REPEAT_ABOVE = 160
"""Headlines this long or shorter are repeated: a referral would be no shorter."""


@dataclass(frozen=True)
class ChoiceReferrals:
    """For one seat's part at a decision point: where each of its verdicts was given in
    full before (None: give it in full here)."""

    rejections: tuple[str | None, ...]
    verdict: str | None
    alternatives: tuple[str | None, ...]


class Referrals:
    """The places where each long verdict was first given in full, in the order a format
    writes the decision analysis (one per rendering)."""

    def __init__(self) -> None:
        self._first: dict[tuple[object, ...], str] = {}

    def of(self, a: DecisionAnalysis, c: ChoiceView) -> ChoiceReferrals:
        """The referrals of a seat's verdicts, in the order every format writes them:
        the choices refused first, the verdict, the options not taken."""
        where = f"{a.id} ({c.role_title}"
        rejections = tuple(
            self._given(r.verdict, f"{where}, '{r.option_label}', refused)") for r in c.rejections
        )
        verdict = self._given(c.verdict, f"{where}, '{c.option_label}')")
        alternatives = tuple(
            self._given(alt.verdict, f"{where}, '{alt.option_label}', not taken)")
            for alt in c.alternatives
        )
        return ChoiceReferrals(rejections, verdict, alternatives)

    def _given(self, v: VerdictView | None, place: str) -> str | None:
        if v is None or len(v.headline) <= REPEAT_ABOVE:
            return None
        key = (v.kind, v.headline, v.reasons, v.citations, v.also_under, v.cautions)
        first = self._first.setdefault(key, place)
        return None if first is place else first


def referral_words(place: str) -> str:
    """What a verdict given in full earlier says instead of its headline."""
    return f"The same verdict as at {place}, given there in full."
