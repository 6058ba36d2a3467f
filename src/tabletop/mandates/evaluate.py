"""Evaluating conditions on facts and action parameters, each result with its words."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeGuard

from tabletop.mandates import wording as w
from tabletop.mandates.bad_input import UnknownName
from tabletop.model.conditions import (
    AgreementBetween,
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
    ParamTest,
    PartyTo,
    RelationTest,
    Scalar,
    Within,
)
from tabletop.model.facts import FactValue
from tabletop.model.index import PackIndex
from tabletop.model.verdict import ConditionResult
from tabletop.model.world import (
    ActorSetFact,
    EnumFact,
    FactSpec,
    IntFact,
    ParamSpec,
    RelationFact,
    TextFact,
)


@dataclass(frozen=True)
class Context:
    """What a condition is evaluated against: the pack, the facts and the action's parameters."""

    index: PackIndex
    facts: Mapping[str, FactValue]
    params: Mapping[str, Scalar] = field(default_factory=dict)
    param_specs: Mapping[str, ParamSpec] = field(default_factory=dict)
    actor: str | None = None
    """The actor the role acts for (whose consent, whose agreements), when checking an action."""


def evaluate(ctx: Context, cond: Condition) -> ConditionResult:
    """Whether the condition holds, with the world as it stands in words."""
    holds, text = _eval(ctx, cond)
    if cond.text:
        text = cond.text if holds else w.NOT_MET + cond.text
    return ConditionResult(holds=holds, text=text)


def evaluate_all(ctx: Context, conds: tuple[Condition, ...]) -> tuple[ConditionResult, ...]:
    """Results in order, up to and including the first condition that fails."""
    out: list[ConditionResult] = []
    for cond in conds:
        result = evaluate(ctx, cond)
        out.append(result)
        if not result.holds:
            break
    return tuple(out)


def _eval(ctx: Context, cond: Condition) -> tuple[bool, str]:
    if isinstance(cond, AllOf):
        texts = []
        for inner in cond.all:
            r = evaluate(ctx, inner)
            if not r.holds:
                return False, r.text
            texts.append(r.text)
        return True, w.join_and(texts)
    if isinstance(cond, AnyOf):
        # Every branch is evaluated so that a failure can explain each of them.
        results = [evaluate(ctx, inner) for inner in cond.any]
        for r in results:
            if r.holds:
                return True, r.text
        # The branches that came furthest explain the failure: a branch of 'all' that failed
        # after some of its conditions held (the framework declared, then not found) says
        # more than branches that failed at their first condition.
        progress = [_progress(ctx, inner) for inner in cond.any]
        furthest = max(progress)
        return False, w.join_and(
            [r.text for r, p in zip(results, progress, strict=True) if p == furthest]
        )
    if isinstance(cond, Not):
        r = evaluate(ctx, cond.not_)
        return not r.holds, r.text
    if isinstance(cond, FactTest):
        return _fact_test(ctx, cond)
    if isinstance(cond, ParamTest):
        return _param_test(ctx, cond)
    if isinstance(cond, MemberOf):
        return _member_of(ctx, cond)
    if isinstance(cond, Within):
        return _within(ctx, cond)
    if isinstance(cond, RelationTest):
        return _relation(ctx, cond)
    if isinstance(cond, PartyTo):
        return _party_to(ctx, cond)
    # Imported here: frameworks reads relations and parties through this module.
    from tabletop.mandates import frameworks

    if isinstance(cond, ConsentOf):
        return frameworks.consent_of(ctx, cond)
    if isinstance(cond, AgreementBetween):
        return frameworks.agreement_between(ctx, cond)
    raise TypeError(f"unknown condition {type(cond).__name__}")


def _progress(ctx: Context, cond: Condition) -> int:
    """How many leading conditions of an 'all' held before one failed (0 for anything else)."""
    if not isinstance(cond, AllOf):
        return 0
    held = 0
    for inner in cond.all:
        if not evaluate(ctx, inner).holds:
            break
        held += 1
    return held


# --- references and comparisons -------------------------------------------------------


def _param_title(ctx: Context, name: str) -> str:
    spec = ctx.param_specs.get(name)
    return w.subject(spec.title if spec else name.replace("_", " "))


def actor_of(ctx: Context, ref: str | ParamRef | None) -> str | None:
    """The actor a reference names: written out, or the action's parameter (None if absent)."""
    if ref is None or isinstance(ref, str):
        return ref
    value = ctx.params.get(ref.param)
    return value if isinstance(value, str) else None


def missing_words(ctx: Context, ref: str | ParamRef | None) -> str:
    """'no host state was given': the words of a condition whose actor is missing."""
    if ref is None:
        return "no actor was given"
    name = ref if isinstance(ref, str) else ref.param
    return f"no {_param_title(ctx, name).removeprefix('the ')} was given"


def _value(ctx: Context, value: object) -> object:
    if isinstance(value, ParamRef):
        return ctx.params.get(value.param)
    if isinstance(value, FigureRef):
        figure = ctx.index.figures.get(value.figure)
        if figure is None:
            raise UnknownName(
                "figure", value.figure, ctx.index.figures, where="read by a condition"
            )
        return figure.value
    if isinstance(value, Pair):
        return (actor_of(ctx, value.from_), actor_of(ctx, value.to))
    return value


def _same(a: object, b: object) -> bool:
    # True == 1 in Python; a yes/no fact must not equal the number 1.
    return isinstance(a, bool) == isinstance(b, bool) and a == b


def _rank(value: object, order: tuple[str, ...] | None) -> object:
    if order is not None and isinstance(value, str):
        return order.index(value) if value in order else None
    return value


def compare(op: str, actual: object, expected: object, order: tuple[str, ...] | None) -> bool:
    """Apply a comparison operator; values of mismatched types compare false."""
    try:
        if op == "==":
            return _same(actual, expected)
        if op == "!=":
            return not _same(actual, expected)
        if op in ("in", "not_in"):
            pool = expected if isinstance(expected, tuple) else (expected,)
            found = any(_same(actual, v) for v in pool)
            return found if op == "in" else not found
        if op in ("contains", "not_contains"):
            return _contains(actual, expected) is (op == "contains")
        a, e = _rank(actual, order), _rank(expected, order)
        if _is_number(a) and _is_number(e):
            return {"<": a < e, "<=": a <= e, ">": a > e, ">=": a >= e}.get(op, False)
        return False
    except TypeError:
        return False


def _is_number(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _contains(actual: object, expected: object) -> bool:
    if isinstance(actual, frozenset):
        if isinstance(expected, tuple) and not _is_pair_set(actual):
            return all(v in actual for v in expected)
        return expected in actual
    if isinstance(actual, str) and isinstance(expected, str):
        return expected in actual
    return False


def _is_pair_set(value: frozenset[object]) -> bool:
    # Relation facts hold (from, to) tuples; an expected tuple there is one pair, not a list.
    return any(isinstance(item, tuple) for item in value)


# --- leaf conditions --------------------------------------------------------------------


def _fact_test(ctx: Context, cond: FactTest) -> tuple[bool, str]:
    spec = ctx.index.facts.get(cond.fact)
    if spec is None or cond.fact not in ctx.facts:
        raise UnknownName("fact", cond.fact, ctx.index.facts, where="read by a condition")
    actual = ctx.facts[cond.fact]
    if isinstance(cond.value, ParamRef) and cond.value.param not in ctx.params:
        return False, missing_words(ctx, cond.value)
    expected = _value(ctx, cond.value)
    order = spec.values if isinstance(spec, EnumFact) else None
    truth = compare(cond.op, actual, expected, order)
    if spec.type == "bool":
        template = spec.says if actual is True else spec.says_not
        if not template:
            return truth, f"{spec.title}: {'yes' if actual is True else 'no'}"
        return truth, w.fill(template, value=w.show_value(ctx.index, actual))
    if cond.op in ("contains", "not_contains") and isinstance(actual, frozenset):
        if isinstance(spec, ActorSetFact):
            return truth, _membership_words(ctx, spec, actual, expected, truth, cond.op)
        if isinstance(spec, RelationFact) and isinstance(expected, tuple) and len(expected) == 2:
            return truth, pair_words(ctx, spec, expected[0], expected[1], expected in actual)
    shown = w.show_value(ctx.index, actual)
    if spec.says and isinstance(spec, IntFact | EnumFact | TextFact):
        statement = w.fill(spec.says, value=shown)
    else:
        statement = f"{w.subject(spec.title)} is {shown}"
    return truth, w.comparison(statement, cond.op, truth, _shown(ctx, cond.value, expected))


def _shown(ctx: Context, value: object, expected: object, actor_like: bool = False) -> str:
    """The value compared with, in words; a figure with what it is and where it is stated."""
    if isinstance(value, FigureRef):
        figure = ctx.index.figures[value.figure]
        return w.figure_words(ctx.index, figure)
    return w.show_value(ctx.index, expected, actor_like=actor_like)


def _membership_words(
    ctx: Context, spec: FactSpec, actual: frozenset[object], expected: object, truth: bool, op: str
) -> str:
    items = expected if isinstance(expected, tuple) else (expected,)
    said = []
    for item in items:
        inside = item in actual
        name = w.actor_name(ctx.index, item if isinstance(item, str) else None)
        template = spec.says if inside else spec.says_not
        if template:
            said.append((inside, w.fill(template, value=name)))
        else:
            where = "among" if inside else "not among"
            said.append((inside, f"{name} is {where} {w.subject(spec.title)}"))
    if truth:
        return w.join_and([text for _, text in said])
    # Name the first item that made it fail.
    wanted_inside = op == "contains"
    for inside, text in said:
        if inside != wanted_inside:
            return text
    return w.join_and([text for _, text in said])


def pair_words(
    ctx: Context, spec: FactSpec, frm: object, to: object, present: bool, named: bool = False
) -> str:
    """A pair of a relation in words; `named`: `frm` is already words, not an actor id."""
    names = {
        "from": frm
        if named and isinstance(frm, str)
        else w.actor_name(ctx.index, frm if isinstance(frm, str) else None),
        "to": w.actor_name(ctx.index, to if isinstance(to, str) else None),
    }
    template = spec.says if present else spec.says_not
    if template:
        return w.fill(template, **names)
    if present:
        return f"{spec.title}: {names['from']} to {names['to']}"
    return f"{spec.title}: nothing from {names['from']} to {names['to']}"


def _param_test(ctx: Context, cond: ParamTest) -> tuple[bool, str]:
    if cond.param not in ctx.params:
        return False, missing_words(ctx, ParamRef(param=cond.param))
    if isinstance(cond.value, ParamRef) and cond.value.param not in ctx.params:
        return False, missing_words(ctx, cond.value)
    spec = ctx.param_specs.get(cond.param)
    actual = ctx.params[cond.param]
    expected = _value(ctx, cond.value)
    order = spec.values if spec is not None and spec.type == "enum" else None
    truth = compare(cond.op, actual, expected, order)
    actorish = spec is not None and spec.type == "actor"
    shown = w.show_value(ctx.index, actual, actor_like=actorish)
    statement = f"{_param_title(ctx, cond.param)} is {shown}"
    return truth, w.comparison(
        statement, cond.op, truth, _shown(ctx, cond.value, expected, actorish)
    )


def _member_of(ctx: Context, cond: MemberOf) -> tuple[bool, str]:
    actor = actor_of(ctx, cond.actor)
    if actor is None:
        return False, missing_words(ctx, cond.actor)
    org = ctx.index.actors.get(cond.member_of)
    name = w.actor_name(ctx.index, actor)
    org_name = w.actor_name(ctx.index, cond.member_of)
    if org is not None and actor in org.members:
        return True, f"{name} is a member of {org_name}"
    observer = " (it is an observer)" if org is not None and actor in org.observers else ""
    return False, f"{name} is not a member of {org_name}{observer}"


def area(index: PackIndex, actor_id: str) -> frozenset[str]:
    """The actor and, for an organisation, its member states (and theirs), transitively."""
    seen: set[str] = set()
    todo = [actor_id]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        actor = index.actors.get(current)
        if actor is not None:
            todo.extend(actor.members)
    return frozenset(seen)


def _within(ctx: Context, cond: Within) -> tuple[bool, str]:
    territory = actor_of(ctx, cond.territory)
    if territory is None:
        return False, missing_words(ctx, cond.territory)
    inside = territory in area(ctx.index, cond.within)
    name = w.actor_name(ctx.index, territory)
    region = ctx.index.actors.get(cond.within)
    label = w.actor_name(ctx.index, cond.within)
    if region is not None and region.kind == "organisation":
        label = f"the {label[4:]} area" if label.startswith("the ") else f"the area of {label}"
    return inside, f"{name} lies {'within' if inside else 'outside'} {label}"


def _relation(ctx: Context, cond: RelationTest) -> tuple[bool, str]:
    spec = ctx.index.facts.get(cond.relation)
    if spec is None or cond.relation not in ctx.facts:
        raise UnknownName("fact", cond.relation, ctx.index.facts, where="read by a condition")
    to = actor_of(ctx, cond.to)
    if to is None:
        return False, missing_words(ctx, cond.to)
    actual = ctx.facts[cond.relation]
    pairs = actual if isinstance(actual, frozenset) else frozenset()
    if cond.from_ is None:
        return _from_anyone(ctx, spec, cond, pairs, to)
    frm = actor_of(ctx, cond.from_)
    if frm is None:
        return False, missing_words(ctx, cond.from_)
    present = (frm, to) in pairs
    return present, pair_words(ctx, spec, frm, to, present)


def _from_anyone(
    ctx: Context, spec: FactSpec, cond: RelationTest, pairs: frozenset[object], to: str
) -> tuple[bool, str]:
    """A relation to `to` from anyone, or from anyone of the kinds asked for: names who it
    comes from, and when only others are found, says of what kind they are."""
    sources = sorted(p[0] for p in pairs if isinstance(p, tuple) and p[1] == to)
    kinds = cond.from_kinds

    def kind_of(actor: str) -> str | None:
        found = ctx.index.actors.get(actor)
        return found.kind if found else None

    fitting = [a for a in sources if not kinds or kind_of(a) in kinds]
    if fitting:
        names = w.join_and([w.actor_name(ctx.index, a) for a in fitting])
        return True, pair_words(ctx, spec, names, to, True, named=True)
    wanted = w.join_or([w.KIND_WORDS.get(k, k) for k in kinds])
    if not sources:
        who = f"anyone{' (' + wanted + ')' if kinds else ''}"
        return False, pair_words(ctx, spec, who, to, False, named=True)
    kinds_found = [w.KIND_WORDS.get(kind_of(a) or "", "of unknown kind") for a in sources]
    others = w.join_and(
        [f"{w.actor_name(ctx.index, a)} ({k})" for a, k in zip(sources, kinds_found, strict=True)]
    )
    said = pair_words(ctx, spec, others, to, True, named=True)
    return False, f"{said}, not by {wanted}"


def _party_to(ctx: Context, cond: PartyTo) -> tuple[bool, str]:
    actor = actor_of(ctx, cond.actor)
    if actor is None:
        return False, missing_words(ctx, cond.actor)
    instrument = ctx.index.instruments.get(cond.party_to)
    name = w.actor_name(ctx.index, actor)
    if instrument is None:
        return False, f"{name} is not a party to {cond.party_to}"
    title = w.instrument_label(instrument)
    title = title if title.lower().startswith("the ") else f"the {title}"
    if actor in instrument.parties:
        return True, f"{name} is a party to {title}"
    return False, f"{name} is not a party to {title}"
