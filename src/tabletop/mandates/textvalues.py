"""Parameter and fact values typed as text (the command line), parsed by their declared type."""

from __future__ import annotations

from collections.abc import Sequence

from tabletop.mandates.action_check import check_action, role_of
from tabletop.mandates.bad_input import BadFact, BadParameter, UnknownName
from tabletop.model.conditions import Scalar
from tabletop.model.facts import FactValue, initial_facts
from tabletop.model.index import index_of
from tabletop.model.pack import ActionSpec, Pack
from tabletop.model.verdict import Verdict

_TRUE = {"true": True, "false": False}


def split_assignment(text: str, what: str) -> tuple[str, str]:
    """'key=value' as (key, value); raises ValueError naming what was expected."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise ValueError(f"write {what} as KEY=VALUE, got '{text}'")
    return key.strip(), value.strip()


def parse_param(pack: Pack, action_type: str, name: str, text: str) -> Scalar:
    """A parameter value from text: true/false, a whole number, or an id/text as given."""
    index = index_of(pack)
    atype = index.action_types.get(action_type)
    if atype is None:
        raise UnknownName("action type", action_type, index.action_types)
    spec = next((p for p in atype.params if p.name == name), None)
    if spec is None:
        valid = [p.name for p in atype.params]
        raise UnknownName("parameter", name, valid, where=f"of action type '{action_type}'")
    if spec.type == "bool":
        if text.lower() not in _TRUE:
            raise BadParameter(action_type, name, text, "true or false")
        return _TRUE[text.lower()]
    if spec.type == "int":
        try:
            return int(text)
        except ValueError:
            raise BadParameter(action_type, name, text, "a whole number") from None
    return text


def parse_fact(pack: Pack, name: str, text: str) -> FactValue:
    """A fact value from text: actor sets as 'A,B', relations as 'A>B,C>D'."""
    index = index_of(pack)
    spec = index.facts.get(name)
    if spec is None:
        raise UnknownName("fact", name, index.facts)
    if spec.type == "bool":
        if text.lower() not in _TRUE:
            raise BadFact(name, text, "true or false")
        return _TRUE[text.lower()]
    if spec.type == "int":
        try:
            return int(text)
        except ValueError:
            raise BadFact(name, text, "a whole number") from None
    items = [item.strip() for item in text.split(",") if item.strip()]
    if spec.type == "actor_set":
        return frozenset(items)
    if spec.type == "relation":
        pairs = []
        for item in items:
            frm, sep, to = item.partition(">")
            if not sep or not frm.strip() or not to.strip() or ">" in to:
                raise BadFact(name, text, "pairs written FROM>TO, separated by commas (KAZ>CSTO)")
            pairs.append((frm.strip(), to.strip()))
        return frozenset(pairs)
    return text


def check_text(
    pack: Pack,
    role_id: str,
    action_type: str,
    params: Sequence[str] = (),
    facts: Sequence[str] = (),
) -> Verdict:
    """check_action with parameters and facts given as KEY=VALUE text; others keep their
    initial values. Raises MandateError (or ValueError for text that is not KEY=VALUE)."""
    index = index_of(pack)
    role_of(index, role_id)
    if action_type not in index.action_types:
        raise UnknownName("action type", action_type, index.action_types)
    values: dict[str, Scalar] = {}
    for item in params:
        key, text = split_assignment(item, "--param")
        values[key] = parse_param(pack, action_type, key, text)
    world: dict[str, FactValue] = initial_facts(pack)
    for item in facts:
        key, text = split_assignment(item, "--fact")
        world[key] = parse_fact(pack, key, text)
    return check_action(pack, role_id, ActionSpec(type=action_type, params=values), world)
