"""A long verdict said once: where the decision analysis gives the same verdict again (a
role refused the same way at two decision points, an option not taken that reads like
one already shown), it refers to the first place instead of repeating its headline, the
instruments it lists and its reasons."""

from __future__ import annotations

from tabletop.report.model import AlternativeView, ChoiceView, DecisionAnalysis, VerdictView

REPEAT_ABOVE = 160
"""Headlines this long or shorter are repeated: a referral would be no shorter."""


class _Seen:
    """The places where each long verdict was first given in full, in report order."""

    def __init__(self) -> None:
        self.first: dict[tuple[object, ...], str] = {}

    def refer(self, v: VerdictView | None, place: str) -> VerdictView | None:
        if v is None or len(v.headline) <= REPEAT_ABOVE:
            return v
        key = (v.kind, v.headline, v.reasons, v.citations, v.also_under, v.cautions)
        if key not in self.first:
            self.first[key] = place
            return v
        return v.model_copy(update={"same_as": self.first[key]})


def refer_repeats(decisions: tuple[DecisionAnalysis, ...]) -> tuple[DecisionAnalysis, ...]:
    """The analyses with every repeated long verdict marked `same_as` its first place."""
    seen = _Seen()
    return tuple(
        a.model_copy(update={"choices": tuple(_choice(seen, a, c) for c in a.choices)})
        for a in decisions
    )


def _choice(seen: _Seen, a: DecisionAnalysis, c: ChoiceView) -> ChoiceView:
    where = f"{a.id} ({c.role_title}"
    rejections = tuple(
        r.model_copy(
            update={"verdict": seen.refer(r.verdict, f"{where}, '{r.option_label}', refused)")}
        )
        for r in c.rejections
    )
    verdict = seen.refer(c.verdict, f"{where}, '{c.option_label}')")
    alternatives = tuple(_alternative(seen, where, alt) for alt in c.alternatives)
    return c.model_copy(
        update={"rejections": rejections, "verdict": verdict, "alternatives": alternatives}
    )


def _alternative(seen: _Seen, where: str, alt: AlternativeView) -> AlternativeView:
    verdict = seen.refer(alt.verdict, f"{where}, '{alt.option_label}', not taken)")
    return alt if verdict is alt.verdict else alt.model_copy(update={"verdict": verdict})
