"""Lint: what can happen in a game. Injects that never fire, decision points that never
open, follow-ons that loop, facts nobody reads or sets, phases out of order."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from tabletop.model import Pack
from tabletop.model.conditions import (
    AllOf,
    AnyOf,
    Condition,
    ConsentOf,
    FactTest,
    FigureRef,
    MemberOf,
    Not,
    Pair,
    ParamRef,
    PartyTo,
    RelationTest,
    Within,
)
from tabletop.model.facts import FactValue, initial_facts
from tabletop.packs.lint_base import Finding, Index, error, walk, warning


def facts_read(cond: Condition, consent_facts: Collection[str] = ()) -> set[str]:
    """Ids of the facts a condition reads; a `consent_of` reads every relation fact marked
    as consent (`consent_facts`, see `Index.consent_facts`)."""
    out = set()
    for node, _ptr in walk(cond, ""):
        if isinstance(node, FactTest):
            out.add(node.fact)
        elif isinstance(node, RelationTest):
            out.add(node.relation)
        elif isinstance(node, ConsentOf):
            out.update(consent_facts)
    return out


def facts_set(pack: Pack) -> set[str]:
    """Ids of the facts some inject or option changes."""
    out = {e.fact for inj in pack.injects for e in inj.effects}
    out |= {e.fact for dp in pack.decision_points for o in dp.options for e in o.effects}
    return out


class _Static:
    """Evaluates conditions on the facts as they start, without action parameters.

    None means 'cannot tell': a fact that some inject or option changes, or a parameter.
    So False means 'false now and for ever' (the memberships and parties never change).
    """

    def __init__(self, index: Index, facts: Mapping[str, FactValue], changing: set[str]) -> None:
        self.ix = index
        self.facts = {k: v for k, v in facts.items() if k not in changing}

    def holds(self, cond: Condition) -> bool | None:
        if isinstance(cond, AllOf | AnyOf):
            parts = [self.holds(c) for c in (cond.all if isinstance(cond, AllOf) else cond.any)]
            decisive = isinstance(cond, AnyOf)  # any: one True decides; all: one False decides
            if decisive in parts:
                return decisive
            return None if None in parts else not decisive
        if isinstance(cond, Not):
            inner = self.holds(cond.not_)
            return None if inner is None else not inner
        if isinstance(cond, FactTest):
            return self._fact(cond)
        if isinstance(cond, RelationTest):
            return self._relation(cond)
        if isinstance(cond, ConsentOf):
            return self._consent(cond)
        if isinstance(cond, MemberOf | PartyTo | Within):
            return self._static_world(cond)
        # A parameter test depends on the action; an agreement between parties on who acts.
        return None

    def _relation(self, cond: RelationTest) -> bool | None:
        value = self.facts.get(cond.relation)
        if isinstance(cond.to, ParamRef) or isinstance(cond.from_, ParamRef):
            return None
        if not isinstance(value, frozenset):
            return None
        if cond.from_ is not None:
            return (cond.from_, cond.to) in value
        kinds = cond.from_kinds
        for pair in value:
            if isinstance(pair, tuple) and pair[1] == cond.to:
                actor = self.ix.actors.get(pair[0])
                if not kinds or (actor is not None and actor.kind in kinds):
                    return True
        return False

    def _consent(self, cond: ConsentOf) -> bool | None:
        state, to = cond.consent_of, cond.to
        if isinstance(state, ParamRef) or to is None or isinstance(to, ParamRef):
            return None  # depends on who acts
        if state == to:
            return True
        found = False
        for fact_id in self.ix.consent_facts:
            value = self.facts.get(fact_id)
            if not isinstance(value, frozenset):
                return None  # a consent fact the game changes
            found = found or (state, to) in value
        return found

    def _fact(self, cond: FactTest) -> bool | None:
        actual = self.facts.get(cond.fact)
        value = cond.value
        if actual is None or isinstance(value, ParamRef):
            return None
        if isinstance(value, FigureRef):
            figure = self.ix.figures.get(value.figure)
            if figure is None:
                return None
            value = figure.value
        if isinstance(value, Pair):
            if isinstance(value.from_, ParamRef) or isinstance(value.to, ParamRef):
                return None
            value = (value.from_, value.to)
        op = cond.op
        if op in ("==", "!="):
            # A set fact equals a list of values as a set; it equals nothing else.
            wanted: object = value
            if isinstance(actual, frozenset):
                wanted = frozenset(value) if isinstance(value, tuple) else None
            same = type(actual) is type(wanted) and actual == wanted
            return same if op == "==" else not same
        if op in ("in", "not_in") and isinstance(value, tuple):
            found = any(type(actual) is type(v) and actual == v for v in value)
            return found if op == "in" else not found
        if op in ("contains", "not_contains") and isinstance(actual, frozenset):
            found = value in actual
            return found if op == "contains" else not found
        if op in ("<", "<=", ">", ">=") and type(actual) is int and type(value) is int:
            return {"<": actual < value, "<=": actual <= value, ">": actual > value}.get(
                op, actual >= value
            )
        return None

    def _static_world(self, cond: MemberOf | PartyTo | Within) -> bool | None:
        ref = cond.actor if isinstance(cond, MemberOf | PartyTo) else cond.territory
        if isinstance(ref, ParamRef):
            return None
        if isinstance(cond, PartyTo):
            inst = self.ix.instruments.get(cond.party_to)
            return None if inst is None else ref in inst.parties
        area = cond.member_of if isinstance(cond, MemberOf) else cond.within
        actor = self.ix.actors.get(area)
        if actor is None:
            return None
        return (
            ref in actor.members
            if isinstance(cond, MemberOf)
            else ref == area or (ref in actor.members)
        )


def _never(static: _Static, cond: Condition) -> bool:
    """True when a condition can never hold: false on facts that never change (even if it
    also reads facts that do, as in 'all of: a changing fact, something false for ever')."""
    return static.holds(cond) is False


def _reachable(pack: Pack, index: Index, static: _Static) -> tuple[set[str], set[str]]:
    """Ids of the injects that can be delivered and the decision points that can open."""
    injects, points = index.injects, index.decision_points
    fires = {
        inj.id
        for inj in pack.injects
        if inj.release == "scheduled"
        or (inj.release == "when" and inj.when is not None and not _never(static, inj.when))
    }
    queue = [dp for inj_id in fires for dp in injects[inj_id].opens]
    queue += [
        dp.id
        for dp in pack.decision_points
        if dp.open_when is not None and not _never(static, dp.open_when)
    ]
    opened: set[str] = set()
    while queue:
        dp_id = queue.pop()
        if dp_id in opened or dp_id not in points:
            continue
        opened.add(dp_id)
        for opt in points[dp_id].options:
            for inj_id in opt.follow_ons:
                target = injects.get(inj_id)
                if inj_id not in fires and target is not None and target.release == "follow_on":
                    fires.add(inj_id)
                    queue.extend(target.opens)
    return fires, opened


def check_flow(pack: Pack, index: Index, own_facts: int | None = None) -> list[Finding]:
    """Reachability of injects and decision points, follow-on loops, fact use, phase order."""
    changing = facts_set(pack)
    static = _Static(index, initial_facts(pack), changing)
    out: list[Finding] = []
    fires, opened = _reachable(pack, index, static)
    released_by = {i for dp in pack.decision_points for o in dp.options for i in o.follow_ons}
    for i, inj in enumerate(pack.injects):
        if inj.id in fires or (inj.release == "when" and inj.when is None):
            continue
        if inj.release == "follow_on" and inj.id not in released_by:
            why = "it is released 'follow_on' but no option names it in 'follow_ons'"
        elif inj.release == "follow_on":
            why = "only options of decision points that can never open release it"
        else:
            why = "its 'when' condition is false on facts that never change"
        out.append(
            error(
                "inject-never-fires",
                f"/injects/{i}",
                f"inject '{inj.id}' can never be delivered: {why}",
                "Release it from an option, schedule it, or make its condition reachable.",
            )
        )
    for i, dp in enumerate(pack.decision_points):
        if dp.id not in opened:
            out.append(
                error(
                    "unreachable-decision-point",
                    f"/decision_points/{i}",
                    f"decision point '{dp.id}' can never open: no inject that can be delivered "
                    "opens it, and it has no 'open_when' that can come true",
                    f'List \'{dp.id}\' in an inject\'s "opens", or give it an "open_when".',
                )
            )
    out += _loops(pack, index)
    out += _fact_use(pack, index, changing, len(pack.facts) if own_facts is None else own_facts)
    for i in range(1, len(pack.phases)):
        if pack.phases[i].starts_at < pack.phases[i - 1].starts_at:
            out.append(
                warning(
                    "phases-out-of-order",
                    f"/phases/{i}/starts_at",
                    f"phase '{pack.phases[i].id}' starts before phase '{pack.phases[i - 1].id}'",
                    "List phases in the order they happen.",
                )
            )
    return out


def _loops(pack: Pack, index: Index) -> list[Finding]:
    """Options whose follow-ons lead back to their own decision point."""
    edges: dict[str, list[tuple[str, str, str]]] = {}
    for i, dp in enumerate(pack.decision_points):
        for j, opt in enumerate(dp.options):
            for k, inj_id in enumerate(opt.follow_ons):
                inj = index.injects.get(inj_id)
                for target in inj.opens if inj else ():
                    if target in index.decision_points:
                        ptr = f"/decision_points/{i}/options/{j}/follow_ons/{k}"
                        label = f"{dp.id} option '{opt.id}' -> {inj_id}"
                        edges.setdefault(dp.id, []).append((target, ptr, label))
    out: list[Finding] = []
    done: set[str] = set()
    for start in index.decision_points:
        if start in done:
            continue
        # Iterative depth-first search; labels[i] is the edge from stack[i] to stack[i + 1].
        stack = [(start, iter(edges.get(start, ())))]
        on_path = {start}
        labels: list[str] = []
        while stack:
            node, steps = stack[-1]
            step = next(steps, None)
            if step is None:
                done.add(node)
                on_path.discard(node)
                stack.pop()
                if labels:
                    labels.pop()
                continue
            target, ptr, label = step
            if target in on_path:
                first = [n for n, _ in stack].index(target)
                text = " -> ".join([*labels[first:], label, target])
                out.append(
                    error(
                        "follow-on-loop",
                        ptr,
                        f"this follow-on leads back to '{target}': {text}",
                        "Break the loop: release an inject that opens a different decision "
                        "point, or none.",
                    )
                )
            elif target not in done:
                on_path.add(target)
                labels.append(label)
                stack.append((target, iter(edges.get(target, ()))))
    return out


def _fact_use(pack: Pack, index: Index, changing: set[str], own_facts: int) -> list[Finding]:
    read: set[str] = set()
    for site in index.sites:
        read |= facts_read(site.condition, index.consent_facts)
    out = []
    for i, spec in enumerate(pack.facts[:own_facts]):
        if spec.id not in read:
            out.append(
                warning(
                    "fact-never-read",
                    f"/facts/{i}/id",
                    f"fact '{spec.id}' is never read by a condition",
                    "Use it in a condition or remove it.",
                )
            )
        if spec.id not in changing:
            out.append(
                warning(
                    "fact-never-set",
                    f"/facts/{i}/id",
                    f"fact '{spec.id}' is never changed by an inject or option",
                    "Change it in an effect, or accept that it keeps its initial value.",
                )
            )
    return out
