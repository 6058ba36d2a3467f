"""Effects: from the pack's vocabulary to concrete fact changes, with clear errors."""

from __future__ import annotations

import pytest

from tabletop.engine import EffectError, fact_changes
from tabletop.model.conditions import FactTest, Pair, ParamRef
from tabletop.model.effects import (
    AddToFact,
    AtLeastFact,
    AtMostFact,
    IncreaseFact,
    RemoveFromFact,
    SetFact,
)
from tabletop.model.facts import initial_facts


@pytest.fixture
def facts(pack):
    return initial_facts(pack)


def changes(pack, facts, *effects, params=None):
    return {(c.fact, c.before, c.after) for c in fact_changes(pack, facts, effects, params)}


def test_each_kind_of_effect(pack, facts):
    assert changes(pack, facts, SetFact(fact="unrest_level", set="violent")) == {
        ("unrest_level", "calm", "violent")
    }
    assert changes(pack, facts, AddToFact(fact="deployed_in", add="ARV")) == {
        ("deployed_in", (), ("ARV",))
    }
    pair = Pair(from_="ARV", to=ParamRef(param="to"))
    assert changes(pack, facts, AddToFact(fact="requests", add=pair), params={"to": "BLK"}) == {
        ("requests", (), (("ARV", "BLK"),))
    }
    facts["deployed_in"] = frozenset({"ARV", "BLK"})
    assert changes(pack, facts, RemoveFromFact(fact="deployed_in", remove="ARV")) == {
        ("deployed_in", ("ARV", "BLK"), ("BLK",))
    }


def test_ints_are_clamped_and_effects_see_each_other(pack, facts):
    assert changes(pack, facts, IncreaseFact(fact="border_incidents", increase=25)) == {
        ("border_incidents", 0, 10)
    }
    both = (
        IncreaseFact(fact="border_incidents", increase=2),
        IncreaseFact(fact="border_incidents", increase=-1),
    )
    assert changes(pack, facts, *both) == {("border_incidents", 0, 1)}


def test_an_effect_that_changes_nothing_is_not_a_change(pack, facts):
    assert changes(pack, facts, SetFact(fact="unrest_level", set="calm")) == set()


def test_at_least_raises_an_enum_along_its_values_and_never_lowers_it(pack, facts):
    raise_ = AtLeastFact(fact="unrest_level", at_least="tense")
    assert changes(pack, facts, raise_) == {("unrest_level", "calm", "tense")}
    facts["unrest_level"] = "violent"
    assert changes(pack, facts, raise_) == set()


def test_at_most_lowers_an_int_and_never_raises_it(pack, facts):
    cap = AtMostFact(fact="border_incidents", at_most=3)
    assert changes(pack, facts, cap) == set()
    facts["border_incidents"] = 7
    assert changes(pack, facts, cap) == {("border_incidents", 7, 3)}
    assert changes(pack, facts, AtLeastFact(fact="border_incidents", at_least=9)) == {
        ("border_incidents", 7, 9)
    }


def test_only_if_reads_the_facts_the_effects_before_it_left(pack, facts):
    violent = FactTest(fact="unrest_level", op="==", value="violent")
    guarded = IncreaseFact(fact="border_incidents", increase=1, only_if=violent)
    assert changes(pack, facts, guarded) == set()
    first = SetFact(fact="unrest_level", set="violent")
    assert changes(pack, facts, first, guarded) == {
        ("unrest_level", "calm", "violent"),
        ("border_incidents", 0, 1),
    }
    # Not yet past it: the ladder idiom, a set that only ever climbs.
    climb = SetFact(
        fact="unrest_level",
        set="tense",
        only_if=FactTest(fact="unrest_level", op="<", value="tense"),
    )
    assert changes(pack, facts, climb) == {("unrest_level", "calm", "tense")}
    facts["unrest_level"] = "violent"
    assert changes(pack, facts, climb) == set()


@pytest.mark.parametrize(
    ("effect", "words"),
    [
        (SetFact(fact="nope", set=True), "no fact 'nope'"),
        (SetFact(fact="unrest_level", set="stormy"), "not a value of 'unrest_level'"),
        (SetFact(fact="border_reinforced", set=3), "cannot set bool fact"),
        (IncreaseFact(fact="unrest_level", increase=1), "needs an int fact"),
        (AtLeastFact(fact="border_reinforced", at_least=True), "needs an int or enum fact"),
        (AtMostFact(fact="unrest_level", at_most="stormy"), "not a value of 'unrest_level'"),
        (AddToFact(fact="unrest_level", add="ARV"), "needs an actor_set or relation"),
        (AddToFact(fact="requests", add="ARV"), "holds pairs"),
        (AddToFact(fact="deployed_in", add=ParamRef(param="host")), "parameter 'host'"),
    ],
)
def test_bad_effects_say_what_is_wrong(pack, facts, effect, words):
    with pytest.raises(EffectError, match=words):
        fact_changes(pack, facts, (effect,))
