"""Lint: every id a pack names must exist, and options must fit their action types."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from tabletop.jsonloc.diagnostics import shown
from tabletop.jsonloc.suggestions import name_list
from tabletop.model import Pack
from tabletop.model.conditions import Scalar
from tabletop.model.pack import ActionSpec, Inject
from tabletop.model.world import Citation, EnumParam, ParamSpec
from tabletop.packs.lint_base import Finding, Index, error
from tabletop.packs.lookalikes import asking

_KINDS = {
    "actors": ("unknown-actor", "actor"),
    "instruments": ("unknown-instrument", "instrument"),
    "action_types": ("unknown-action-type", "action type"),
    "objectives": ("unknown-objective", "objective"),
    "roles": ("unknown-role", "role"),
    "phases": ("unknown-phase", "phase"),
    "injects": ("unknown-inject", "inject"),
    "decision_points": ("unknown-decision-point", "decision point"),
    "sources": ("unknown-source", "source"),
}


class _Refs:
    def __init__(self, index: Index) -> None:
        self.ix = index
        self.out: list[Finding] = []

    def one(self, kind: str, ident: str | None, ptr: str, what: str) -> None:
        if ident is None or ident in getattr(self.ix, kind):
            return
        code, noun = _KINDS[kind]
        self.out.append(
            error(
                code,
                ptr,
                f"{what} names unknown {noun} '{shown(ident)}'",
                self.ix.hint_for(kind, ident),
            )
        )

    def many(self, kind: str, ids: Iterable[str], ptr: str, what: str) -> None:
        for i, ident in enumerate(ids):
            self.one(kind, ident, f"{ptr}/{i}", what)

    def citation(self, cit: Citation | None, ptr: str) -> None:
        if cit is not None:
            self.one("sources", cit.source, f"{ptr}/source", "citation")


def check_references(pack: Pack, index: Index) -> list[Finding]:
    """Dangling references anywhere outside conditions (those are in lint_values)."""
    r = _Refs(index)
    for i, actor in enumerate(pack.actors):
        r.many("actors", actor.members, f"/actors/{i}/members", f"actor '{actor.id}'")
        r.many("actors", actor.observers, f"/actors/{i}/observers", f"actor '{actor.id}'")
    for i, inst in enumerate(pack.instruments):
        base = f"/instruments/{i}"
        r.many("actors", inst.parties, f"{base}/parties", f"instrument '{inst.id}'")
        r.one("sources", inst.source, f"{base}/source", f"instrument '{inst.id}'")
        rules = [("powers", p) for p in inst.powers] + [("limits", x) for x in inst.limits]
        counters = {"powers": 0, "limits": 0}
        for key, rule in rules:
            ptr = f"{base}/{key}/{counters[key]}"
            counters[key] += 1
            what = f"{key[:-1]} '{rule.id}'"
            r.many("action_types", rule.actions, f"{ptr}/actions", what)
            r.many("actors", rule.holders, f"{ptr}/holders", what)
            r.citation(rule.citation, f"{ptr}/citation")
        for j, power in enumerate(inst.powers):
            for k, obl in enumerate(power.obligations):
                optr = f"{base}/powers/{j}/obligations/{k}"
                r.citation(obl.citation, f"{optr}/citation")
                for m, dis in enumerate(obl.discharged_by):
                    what = f"obligation '{obl.id}'"
                    r.one("action_types", dis.action, f"{optr}/discharged_by/{m}/action", what)
    for i, figure in enumerate(pack.figures):
        r.one("sources", figure.source, f"/figures/{i}/source", f"figure '{figure.id}'")
    for i, role in enumerate(pack.roles):
        r.one("actors", role.actor, f"/roles/{i}/actor", f"role '{role.id}'")
        r.many("instruments", role.instruments, f"/roles/{i}/instruments", f"role '{role.id}'")
    for i, phase in enumerate(pack.phases):
        for j, group in enumerate(phase.discussion_questions):
            ptr = f"/phases/{i}/discussion_questions/{j}/role"
            r.one("roles", group.role, ptr, f"phase '{phase.id}'")
    # Packs can hold thousands of injects and options: each is first checked with set
    # operations, and only one that fails is walked again to say what is wrong.
    phases, roles = frozenset(index.phases), frozenset(index.roles)
    dps, objectives = frozenset(index.decision_points), frozenset(index.objectives)
    sources = frozenset(index.sources)
    release = {inj.id: inj.release for inj in reversed(pack.injects)}
    for i, inj in enumerate(pack.injects):
        if not (
            inj.phase in phases
            and (inj.to == "all" or roles.issuperset(inj.to))
            and dps.issuperset(inj.opens)
            and objectives.issuperset(inj.objectives)
            and sources.issuperset(inj.sources)
            and (inj.release == "when") == (inj.when is not None)
        ):
            _inject(r, inj, f"/injects/{i}")
    for i, dp in enumerate(pack.decision_points):
        base = f"/decision_points/{i}"
        if not (
            dp.phase in phases
            and roles.issuperset(dp.deciders)
            and objectives.issuperset(dp.objectives)
        ):
            what = f"decision point '{dp.id}'"
            r.one("phases", dp.phase, f"{base}/phase", what)
            r.many("roles", dp.deciders, f"{base}/deciders", what)
            r.many("objectives", dp.objectives, f"{base}/objectives", what)
        deciders = frozenset(dp.deciders)
        for j, opt in enumerate(dp.options):
            problems = check_action(opt.action, base, j, opt.id, dp.id, index)
            if problems:
                r.out += problems
            if (
                deciders.issuperset(opt.for_roles)
                and roles.issuperset(opt.for_roles)
                and all(release.get(x) == "follow_on" for x in opt.follow_ons)
            ):
                continue
            optr = f"{base}/options/{j}"
            owhat = f"option '{opt.id}' of '{dp.id}'"
            r.many("roles", opt.for_roles, f"{optr}/for_roles", owhat)
            for k, role_id in enumerate(opt.for_roles):
                if role_id in index.roles and role_id not in dp.deciders:
                    r.out.append(
                        error(
                            "for-roles-not-decider",
                            f"{optr}/for_roles/{k}",
                            f"{owhat} is offered to '{role_id}', who does not decide '{dp.id}'",
                            f"Add '{role_id}' to the deciders or remove it here. "
                            f"Deciders: {', '.join(dp.deciders)}.",
                        )
                    )
            for k, inj_id in enumerate(opt.follow_ons):
                r.one("injects", inj_id, f"{optr}/follow_ons/{k}", owhat)
                target = index.injects.get(inj_id)
                if target is not None and target.release != "follow_on":
                    r.out.append(
                        error(
                            "not-follow-on",
                            f"{optr}/follow_ons/{k}",
                            f"{owhat} releases '{inj_id}', whose release is "
                            f"'{target.release}', not 'follow_on'",
                            f'Set "release": "follow_on" on \'{inj_id}\' or drop it here.',
                        )
                    )
    return r.out


def _inject(r: _Refs, inj: Inject, base: str) -> None:
    what = f"inject '{inj.id}'"
    r.one("phases", inj.phase, f"{base}/phase", what)
    if inj.to != "all":
        r.many("roles", inj.to, f"{base}/to", what)
    r.many("decision_points", inj.opens, f"{base}/opens", what)
    r.many("objectives", inj.objectives, f"{base}/objectives", what)
    r.many("sources", inj.sources, f"{base}/sources", what)
    if inj.release == "when" and inj.when is None:
        r.out.append(
            error(
                "when-missing",
                f"{base}/release",
                f"{what} is released 'when' a condition holds but has no 'when'",
                'Add a "when" condition, or use release "scheduled".',
            )
        )
    elif inj.release != "when" and inj.when is not None:
        r.out.append(
            error(
                "when-unexpected",
                f"{base}/when",
                f"{what} has a 'when' condition but its release is '{inj.release}'",
                'Set "release": "when" or remove the condition.',
            )
        )


def _type_name(value: Scalar) -> str:
    if isinstance(value, bool):
        return "yes/no"
    return "a number" if isinstance(value, int) else "text"


def check_action(
    action: ActionSpec, dp_ptr: str, index_in_dp: int, option: str, dp: str, index: Index
) -> list[Finding]:
    """An option's action: its type exists and its parameters fit the type's specs."""
    specs = index.params.get(action.type)
    params = action.params
    if (
        specs is not None
        and all(
            (spec := specs.get(name)) is not None and not _param_problem(spec, value, index)
            for name, value in params.items()
        )
        and all(name in params for name, spec in specs.items() if spec.required)
    ):
        return []
    ptr = f"{dp_ptr}/options/{index_in_dp}/action"
    what = f"option '{option}' of '{dp}'"
    if specs is None:
        return [
            error(
                "unknown-action-type",
                f"{ptr}/type",
                f"{what} names unknown action type '{shown(action.type)}'",
                index.hint_for("action_types", action.type),
            )
        ]
    out = []
    for name, value in action.params.items():
        vptr = f"{ptr}/params/{name}"
        spec = specs.get(name)
        if spec is None:
            out.append(
                error(
                    "unknown-param",
                    vptr,
                    f"action type '{action.type}' has no parameter '{name}'",
                    _params_hint(index, name, specs),
                )
            )
            continue
        problem = _param_problem(spec, value, index)
        if problem:
            code = "unknown-actor" if problem.startswith("unknown actor") else "param-type"
            if code == "unknown-actor":
                hint = index.hint_for("actors", value) + f" {_spec_hint(spec)}."
            else:
                near = index.nearest(value, _param_domain(spec))
                hint = asking(value, near) + _spec_hint(spec, near)
            out.append(error(code, vptr, f"parameter '{name}': {problem}", hint))
    for name, spec in specs.items():
        if spec.required and name not in action.params:
            out.append(
                error(
                    "missing-param",
                    f"{ptr}/params" if action.params else ptr,
                    f"{what} does not give required parameter '{name}' of '{action.type}'",
                    f'Add "{name}" to "params" ({_spec_hint(spec)}).',
                )
            )
    return out


def _param_problem(spec: ParamSpec, value: Scalar, index: Index) -> str:
    if spec.type == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return f"expected a whole number, got {_type_name(value)}"
        if (spec.min is not None and value < spec.min) or (
            spec.max is not None and value > spec.max
        ):
            return f"{value} is outside {spec.min}..{spec.max}"
        return ""
    if spec.type == "bool":
        return "" if isinstance(value, bool) else f"expected true or false, got {_type_name(value)}"
    if not isinstance(value, str):
        return f"expected text, got {_type_name(value)}"
    if spec.type == "enum" and value not in spec.values:
        return f"'{shown(value)}' is not one of {', '.join(spec.values)}"
    if spec.type == "actor":
        actor = index.actors.get(value)
        if actor is None:
            return f"unknown actor '{shown(value)}'"
        if spec.kinds and actor.kind not in spec.kinds:
            return f"'{value}' is a {actor.kind}, expected {' or '.join(spec.kinds)}"
    return ""


def _param_domain(spec: ParamSpec) -> tuple[str, ...]:
    return spec.values if isinstance(spec, EnumParam) else ()


def _params_hint(index: Index, name: str, specs: Collection[str]) -> str:
    near = index.nearest(name, specs)
    return asking(name, near) + f"Its parameters: {name_list(specs, near, ordered=True)}."


def _spec_hint(spec: ParamSpec, near: Sequence[str] = ()) -> str:
    if isinstance(spec, EnumParam):
        return f"'{spec.name}' is one of: {name_list(spec.values, near, ordered=True)}"
    if spec.type == "int":
        return f"'{spec.name}' is a whole number" + (
            f" in {spec.min}..{spec.max}" if spec.min is not None or spec.max is not None else ""
        )
    if spec.type == "actor":
        kinds = " or ".join(spec.kinds) if spec.kinds else "actor"
        return f"'{spec.name}' is the id of a {kinds}"
    return f"'{spec.name}' is {'true or false' if spec.type == 'bool' else 'text'}"
