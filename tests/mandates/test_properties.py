"""Property tests: whatever comes in, the engine answers with a verdict or its own error."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tabletop.mandates import MandateError, check_action, forget_verdicts
from tabletop.model import ActionSpec, Pack, Verdict
from tabletop.model.facts import initial_facts
from tabletop.packs import open_pack

PACK: Pack = open_pack(Path(__file__).resolve().parents[2] / "tests/data/mandate-cases.json").pack
ROLES = [r.id for r in PACK.roles]
TYPES = {t.id: t for t in PACK.action_types}
ACTORS = [a.id for a in PACK.actors]
FACTS = {f.id: f for f in PACK.facts}

# Ids the model accepts but the pack does not define (ActionSpec itself checks the pattern).
junk_ids = st.from_regex(r"[a-zX][a-zX_1]{0,5}", fullmatch=True)
scalars = st.one_of(
    st.booleans(), st.integers(-5, 5_000), st.sampled_from(ACTORS), junk_ids, st.text(max_size=5)
)
fact_values = st.one_of(
    scalars,
    st.frozensets(st.one_of(st.sampled_from(ACTORS), junk_ids), max_size=3),
    st.frozensets(st.tuples(st.sampled_from(ACTORS), st.sampled_from(ACTORS)), max_size=3),
    st.lists(st.one_of(scalars, st.tuples(scalars)), max_size=3),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    role=st.one_of(st.sampled_from(ROLES), junk_ids),
    type_id=st.one_of(st.sampled_from(sorted(TYPES)), junk_ids),
    param_names=st.lists(st.one_of(st.sampled_from(["host", "target", "framework"]), junk_ids)),
    param_values=st.lists(scalars),
    facts=st.dictionaries(st.one_of(st.sampled_from(sorted(FACTS)), junk_ids), fact_values),
)
def test_anything_gives_a_verdict_or_a_mandate_error(
    role, type_id, param_names, param_values, facts
) -> None:
    params = dict(zip(param_names, param_values, strict=False))
    try:
        verdict = check_action(PACK, role, ActionSpec(type=type_id, params=params), facts)
    except MandateError as exc:
        assert str(exc)
    else:
        assert isinstance(verdict, Verdict) and verdict.headline


@st.composite
def well_typed(draw: st.DrawFn) -> tuple[str, ActionSpec, dict]:
    """A valid role, action and facts, with random values of the right types."""
    role = draw(st.sampled_from(ROLES))
    atype = TYPES[draw(st.sampled_from(sorted(TYPES)))]
    params: dict = {}
    for spec in atype.params:
        if not spec.required and draw(st.booleans()):
            continue
        if spec.type == "actor":
            kinds = spec.kinds or ("state", "organisation", "non_state_group")
            fits = [a.id for a in PACK.actors if a.kind in kinds]
            params[spec.name] = draw(st.sampled_from(fits))
        elif spec.type == "int":
            params[spec.name] = draw(st.integers(spec.min or 0, spec.max or 100_000))
        elif spec.type == "enum":
            params[spec.name] = draw(st.sampled_from(spec.values))
        elif spec.type == "bool":
            params[spec.name] = draw(st.booleans())
        else:
            params[spec.name] = draw(st.text(max_size=10))
    facts = initial_facts(PACK)
    for fid, spec in FACTS.items():
        if spec.type == "actor_set":
            facts[fid] = draw(st.frozensets(st.sampled_from(ACTORS), max_size=4))
        elif spec.type == "relation":
            pairs = st.tuples(st.sampled_from(ACTORS), st.sampled_from(ACTORS))
            facts[fid] = draw(st.frozensets(pairs, max_size=4))
        elif spec.type == "enum":
            facts[fid] = draw(st.sampled_from(spec.values))
        elif spec.type == "int":
            facts[fid] = draw(st.integers(spec.min or 0, 50))
        elif spec.type == "bool":
            facts[fid] = draw(st.booleans())
    return role, ActionSpec(type=atype.id, params=params), facts


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(well_typed())
def test_well_typed_input_always_gets_a_consistent_verdict(case) -> None:
    role, action, facts = case
    verdict = check_action(PACK, role, action, facts)
    assert verdict == check_action(PACK, role, action, dict(reversed(list(facts.items()))))
    if verdict.kind == "outside_mandate":
        assert verdict.basis is None and verdict.reasons and not verdict.obligations
    else:
        assert verdict.basis is not None and verdict.basis.applies
        assert all(r.holds for r in verdict.basis.conditions)
        assert (verdict.kind == "permitted_with_obligations") == bool(verdict.obligations)
    assert not any(g.applies for g in verdict.grounds if g.kind == "limit") or (
        verdict.kind == "outside_mandate"
    )


def _worlds() -> list[dict]:
    """The initial facts, then each fact in turn at its other extreme: every relation with
    every pair, every set with every actor, every flag flipped, every number at its top."""
    start = initial_facts(PACK)
    pairs = frozenset((a, b) for a in ACTORS for b in ACTORS)
    out = [start]
    for fid, spec in FACTS.items():
        if spec.type == "int":
            out.append(start | {fid: spec.max if spec.max is not None else 1_000})
        elif spec.type == "enum":
            out += [start | {fid: value} for value in spec.values if value != start[fid]]
        else:
            other = {"relation": pairs, "actor_set": frozenset(ACTORS), "bool": not start[fid]}
            if spec.type in other:
                out.append(start | {fid: other[spec.type]})
    return out


def test_a_remembered_verdict_is_the_one_weighed_afresh() -> None:
    # Verdicts are remembered by role, action and the values of the facts the rules read.
    # Each action, asked on world after world, gets the answer a check without memory gives.
    worlds = _worlds()
    asked = differ = 0
    for role in ROLES:
        for atype in TYPES.values():
            actor_params = [p for p in atype.params if p.type == "actor"]
            if not actor_params or [p for p in atype.params if p.required] != actor_params[:1]:
                continue  # one required actor parameter: enough to vary, few to try
            for actor in ACTORS:
                action = ActionSpec(type=atype.id, params={actor_params[0].name: actor})
                seen = set()
                for facts in [*worlds, worlds[0]]:
                    try:
                        remembered = check_action(PACK, role, action, facts)
                    except MandateError:
                        break  # an actor of the wrong kind for the parameter
                    forget_verdicts(PACK)
                    assert check_action(PACK, role, action, facts) == remembered, (role, action)
                    asked += 1
                    seen.add(remembered.model_dump_json())
                differ += len(seen) > 1
    assert asked > 1_000 and differ > 20  # the worlds do change many verdicts


def _values(spec) -> list:
    """A few values of a parameter's type: each enum value, the ends of an int range."""
    if spec.type == "enum":
        return list(spec.values)
    if spec.type == "int":
        return [spec.min or 0, spec.max if spec.max is not None else 100_000]
    if spec.type == "bool":
        return [True, False]
    if spec.type == "actor":
        kinds = spec.kinds or ("state", "organisation", "non_state_group")
        return [a.id for a in PACK.actors if a.kind in kinds][:4]
    return ["x"]


def test_a_remembered_verdict_follows_every_parameter() -> None:
    # Conditions on parameters other than the actor (a force size, a legal framework):
    # the same role and type, one parameter changed at a time, never gets the verdict
    # remembered for another value.
    facts = initial_facts(PACK)
    varied = 0
    for role in ROLES:
        for atype in TYPES.values():
            base = {p.name: _values(p)[0] for p in atype.params if p.required}
            for spec in atype.params:
                if spec.type == "actor" or spec.type == "text":
                    continue
                seen = set()
                for value in _values(spec):
                    action = ActionSpec(type=atype.id, params=base | {spec.name: value})
                    try:
                        remembered = check_action(PACK, role, action, facts)
                    except MandateError:
                        continue
                    forget_verdicts(PACK)
                    assert check_action(PACK, role, action, facts) == remembered, (role, action)
                    seen.add(remembered.model_dump_json())
                varied += len(seen) > 1
    assert varied >= 3  # some parameter conditions do change the verdict
