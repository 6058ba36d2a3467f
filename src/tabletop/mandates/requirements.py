"""Conditions as requirements, in words, without facts: for docs, obligations and the UI.

`evaluate` describes the world as it stands; this module describes what a condition
asks for ("Kazakhstan has asked the CSTO for assistance"), negating leaves
naturally ("Uzbekistan is not a member of the CSTO") rather than with "not".
"""

from __future__ import annotations

from collections.abc import Mapping

from tabletop.mandates import wording as w
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
    Within,
)
from tabletop.model.index import PackIndex
from tabletop.model.world import ParamSpec

NEGATED_OP = {
    "==": "!=",
    "!=": "==",
    "<": ">=",
    ">=": "<",
    ">": "<=",
    "<=": ">",
    "in": "not_in",
    "not_in": "in",
    "contains": "not_contains",
    "not_contains": "contains",
}

OP_WORDS = {
    "==": "is {v}",
    "!=": "is not {v}",
    "<": "is below {v}",
    "<=": "is at most {v}",
    ">": "is more than {v}",
    ">=": "is at least {v}",
    "in": "is {v}",
    "not_in": "is none of {v}",
    "contains": "includes {v}",
    "not_contains": "does not include {v}",
}


def requirement(
    index: PackIndex,
    cond: Condition,
    param_specs: Mapping[str, ParamSpec] | None = None,
    negate: bool = False,
    actor: str | None = None,
) -> str:
    """What the condition requires (or, with negate, rules out), in words; `actor` is the
    acting actor's id, where a condition speaks of it (consent to whom)."""
    specs = param_specs or {}
    if cond.text:
        return w.NOT_MET + cond.text if negate else cond.text
    if isinstance(cond, Not):
        return requirement(index, cond.not_, specs, not negate, actor)
    if isinstance(cond, ConsentOf):
        state = _ref(index, cond.consent_of, specs)
        if cond.to is not None:
            who = _ref(index, cond.to, specs)
        else:
            who = w.actor_name(index, actor) if actor else "the acting party"
        if negate:
            return f"{state} has neither asked {who} for help nor consented to it acting there"
        return f"{state} has asked {who} for help or consented to it acting on its territory"
    if isinstance(cond, AllOf | AnyOf):
        parts = [requirement(index, c, specs, negate, actor) for c in _branches(cond)]
        # De Morgan: not(all) is any of the negations, not(any) is all of them.
        if isinstance(cond, AllOf) != negate:
            return w.join_and(parts)
        return parts[0] if len(parts) == 1 else "either " + w.join_or(parts)
    return _leaf(index, cond, specs, negate)


def _branches(cond: AllOf | AnyOf) -> tuple[Condition, ...]:
    return cond.all if isinstance(cond, AllOf) else cond.any


def _ref(index: PackIndex, ref: object, specs: Mapping[str, ParamSpec]) -> str:
    if isinstance(ref, _Words):
        return str(ref)
    if isinstance(ref, FigureRef):
        figure = index.figures.get(ref.figure)
        return w.figure_words(index, figure) if figure else f"figure {ref.figure}"
    if isinstance(ref, ParamRef):
        spec = specs.get(ref.param)
        return w.subject(spec.title if spec else ref.param.replace("_", " "))
    if isinstance(ref, Pair):
        return f"{_ref(index, ref.from_, specs)} to {_ref(index, ref.to, specs)}"
    return w.show_value(index, ref)


def _leaf(index: PackIndex, cond: Condition, specs: Mapping[str, ParamSpec], neg: bool) -> str:
    if isinstance(cond, RelationTest):
        if cond.from_ is None:
            kinds = w.join_or([w.KIND_WORDS.get(k, k) for k in cond.from_kinds])
            who = f"anyone{f' ({kinds})' if kinds else ''}"
            if not neg and kinds:
                who = kinds
            return _relation_words(index, cond.relation, _Words(who), cond.to, specs, neg)
        return _relation_words(index, cond.relation, cond.from_, cond.to, specs, neg)
    if isinstance(cond, AgreementBetween):
        names = w.join_and([_ref(index, a, specs) for a in cond.agreement_between])
        covering = w.join_or([_action(index, a) for a in cond.covering])
        what = f" that provides for {covering}" if covering else ""
        if neg:
            return f"no treaty or agreement in force between {names}{what}"
        return f"a treaty or agreement in force between {names}{what}"
    if isinstance(cond, MemberOf):
        verb = "is not" if neg else "is"
        org = w.actor_name(index, cond.member_of)
        return f"{_ref(index, cond.actor, specs)} {verb} a member of {org}"
    if isinstance(cond, Within):
        region = index.actors.get(cond.within)
        label = w.actor_name(index, cond.within)
        if region is not None and region.kind == "organisation":
            label = f"the {label[4:]} area" if label.startswith("the ") else f"the area of {label}"
        where = "outside" if neg else "within"
        return f"{_ref(index, cond.territory, specs)} lies {where} {label}"
    if isinstance(cond, PartyTo):
        inst = index.instruments.get(cond.party_to)
        title = w.instrument_label(inst) if inst else cond.party_to
        title = title if title.lower().startswith("the ") else f"the {title}"
        verb = "is not" if neg else "is"
        return f"{_ref(index, cond.actor, specs)} {verb} a party to {title}"
    if isinstance(cond, FactTest):
        return _fact_words(index, cond, specs, neg)
    if isinstance(cond, ParamTest):
        op = NEGATED_OP[cond.op] if neg else cond.op
        spec = specs.get(cond.param)
        name = w.subject(spec.title if spec else cond.param.replace("_", " "))
        return f"{name} " + OP_WORDS[op].replace("{v}", _value_words(index, cond.value, specs))
    return "(unknown condition)"


class _Words(str):
    """Words that stand where an actor reference would (anyone, a state)."""


def _action(index: PackIndex, action_id: str) -> str:
    atype = index.action_types.get(action_id)
    title = atype.title if atype else action_id.replace("_", " ")
    return title[:1].lower() + title[1:]


def _value_words(index: PackIndex, value: object, specs: Mapping[str, ParamSpec]) -> str:
    if isinstance(value, tuple):
        return w.join_or([_ref(index, v, specs) for v in value])
    return _ref(index, value, specs)


def _relation_words(
    index: PackIndex,
    fact_id: str,
    frm: object,
    to: object,
    specs: Mapping[str, ParamSpec],
    neg: bool,
) -> str:
    spec = index.facts.get(fact_id)
    names = {"from": _ref(index, frm, specs), "to": _ref(index, to, specs)}
    template = None if spec is None else (spec.says_not if neg else spec.says)
    if template:
        return w.fill(template, **names)
    title = spec.title if spec else fact_id
    return f"{title} {'does not include' if neg else 'includes'} {names['from']} to {names['to']}"


def _fact_words(index: PackIndex, cond: FactTest, specs: Mapping[str, ParamSpec], neg: bool) -> str:
    spec = index.facts.get(cond.fact)
    op = NEGATED_OP[cond.op] if neg else cond.op
    if spec is None:
        return f"fact {cond.fact} " + OP_WORDS[op].replace("{v}", str(cond.value))
    if spec.type == "bool" and op in ("==", "!=") and isinstance(cond.value, bool):
        wanted = cond.value if op == "==" else not cond.value
        template = spec.says if wanted else spec.says_not
        return template or f"{spec.title}: {'yes' if wanted else 'no'}"
    if spec.type == "relation" and isinstance(cond.value, Pair) and op.endswith("contains"):
        return _relation_words(
            index, cond.fact, cond.value.from_, cond.value.to, specs, op == "not_contains"
        )
    if spec.type == "actor_set" and op in ("contains", "not_contains"):
        template = spec.says if op == "contains" else spec.says_not
        if template:
            return w.fill(template, value=_value_words(index, cond.value, specs))
    return f"{w.subject(spec.title)} " + OP_WORDS[op].replace(
        "{v}", _value_words(index, cond.value, specs)
    )
