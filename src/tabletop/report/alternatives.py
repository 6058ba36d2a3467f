"""The options not taken: the verdict each would have had, on the facts of the moment.

A long game asks the same question many times (the same option, for the same role, on
facts that differ only in what the role's mandates never read), so verdicts are memoised
on the values of just the facts that the applicable powers and limits read.
"""

from __future__ import annotations

from collections.abc import Mapping

from tabletop.mandates import MandateError, check_action, facts_weighed
from tabletop.model.conditions import Scalar
from tabletop.model.facts import FactValue
from tabletop.model.pack import ActionSpec, DecisionPoint, Option, Pack
from tabletop.report.model import AlternativeView, VerdictView
from tabletop.report.words import verdict_view

_MemoKey = tuple[str, str, tuple[tuple[str, Scalar], ...], tuple[FactValue | None, ...]]
"""Role, action type, parameters, and the values of the facts the check reads."""


class Alternatives:
    """Verdicts of options not taken, for one pack, memoised."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.memo: dict[_MemoKey, VerdictView | str] = {}
        self.reads: dict[tuple[str, str], tuple[str, ...] | None] = {}

    def offered(self, dp: DecisionPoint | None, role: str, taken: str | None) -> list[Option]:
        """The options of a decision point offered to a role, except the one taken."""
        if dp is None:
            return []
        return [o for o in dp.options if o.id != taken and (not o.for_roles or role in o.for_roles)]

    def check(
        self, dp: DecisionPoint | None, role: str, taken: str | None, facts: Mapping[str, FactValue]
    ) -> tuple[AlternativeView, ...]:
        """Each option not taken, with the verdict it would have had on these facts."""
        out = []
        for option in self.offered(dp, role, taken):
            action = option.action
            reads = self._reads(role, action.type)
            if reads is None:  # unknown role or instrument: no memo, the check says why
                verdict = self._verdict(role, option, facts)
            else:
                params = tuple(sorted(action.params.items()))
                key = (role, action.type, params, tuple(facts.get(f) for f in reads))
                cached = self.memo.get(key)
                if cached is None:
                    cached = self.memo[key] = self._verdict(role, option, facts)
                verdict = cached
            if isinstance(verdict, str):
                out.append(
                    AlternativeView(option=option.id, option_label=option.label, error=verdict)
                )
            else:
                out.append(
                    AlternativeView(option=option.id, option_label=option.label, verdict=verdict)
                )
        return tuple(out)

    def _reads(self, role_id: str, action_type: str) -> tuple[str, ...] | None:
        """Every fact the verdict of this check depends on (the engine's own list, so the
        memory here is keyed exactly as the engine's is); None when it cannot be checked."""
        key = (role_id, action_type)
        if key not in self.reads:
            try:
                reads: tuple[str, ...] | None = facts_weighed(
                    self.pack, role_id, ActionSpec(type=action_type)
                )
            except MandateError:
                reads = None
            self.reads[key] = reads
        return self.reads[key]

    def _verdict(
        self, role: str, option: Option, facts: Mapping[str, FactValue]
    ) -> VerdictView | str:
        """The verdict, or why there is none (a pack that changed since the game)."""
        try:
            return verdict_view(self.pack, check_action(self.pack, role, option.action, facts))
        except MandateError as exc:
            return str(exc)
