"""Lint: conditions name real facts, actors and parameters, and compare fitting values."""

from __future__ import annotations

from tabletop.jsonloc.diagnostics import shown
from tabletop.jsonloc.suggestions import name_list
from tabletop.model import Pack
from tabletop.model.conditions import (
    AgreementBetween,
    ConsentOf,
    FactTest,
    FigureRef,
    MemberOf,
    Pair,
    ParamRef,
    ParamTest,
    PartyTo,
    RelationTest,
    Within,
)
from tabletop.model.world import EnumFact, EnumParam, FactSpec, IntFact, ParamSpec
from tabletop.packs.lint_base import Finding, Index, Site, error, walk
from tabletop.packs.lint_frameworks import check_agreement, check_consent, check_figure_comparison

Domain = tuple[str, ...] | None
"""The values an enum fact or parameter may take; None for every other type."""

LITERAL = "Write an actor id (or value) here; only powers and limits read action parameters."

# Operators that make sense for each fact or parameter type (as the mandate engine reads them).
OPS: dict[str, set[str]] = {
    "bool": {"==", "!=", "in", "not_in"},
    "int": {"==", "!=", "<", "<=", ">", ">=", "in", "not_in"},
    "enum": {"==", "!=", "<", "<=", ">", ">=", "in", "not_in"},  # ordered as listed
    "text": {"==", "!=", "in", "not_in", "contains", "not_contains"},
    "actor": {"==", "!=", "in", "not_in"},
    "actor_set": {"==", "!=", "contains", "not_contains"},
    "relation": {"contains", "not_contains"},
}


class Values:
    """Collects findings about conditions and values against the pack's index."""

    def __init__(self, index: Index) -> None:
        self.ix = index
        self.out: list[Finding] = []

    def add(self, code: str, ptr: str, message: str, hint: str) -> None:
        self.out.append(error(code, ptr, message, hint))

    # --- references inside conditions ------------------------------------------------

    def param(self, name: str, ptr: str, site: Site, want: str | None = None) -> list[ParamSpec]:
        """The specs of a parameter on every action type the site covers (reports gaps)."""
        if site.actions is None:
            self.add(
                "param-outside-power",
                ptr,
                f"{site.where} reads action parameter '{name}', but it is not about an action",
                "Only powers and limits may read action parameters; write an actor id here.",
            )
            return []
        specs = []
        for action in site.actions:
            params = self.ix.params.get(action)
            if params is None:
                continue  # reported as an unknown action type
            spec = params.get(name)
            if spec is None:
                self.add(
                    "unknown-param",
                    ptr,
                    f"{site.where} reads parameter '{name}', which action type '{action}' "
                    "does not have",
                    f"Parameters of '{action}': {', '.join(params) or '(none)'}.",
                )
            elif want is not None and spec.type != want:
                self.add(
                    "param-type",
                    ptr,
                    f"parameter '{name}' of '{action}' is {spec.type}, but {want} is needed here",
                    "Name a parameter of type 'actor'.",
                )
            else:
                specs.append(spec)
        return specs

    def actor(self, ref: str | ParamRef, ptr: str, site: Site) -> None:
        if isinstance(ref, ParamRef):
            self.param(ref.param, f"{ptr}/param", site, want="actor")
        elif ref not in self.ix.actors:
            self._unknown_actor(ref, ptr)

    def _unknown_actor(self, ref: object, ptr: str) -> None:
        hint = self.ix.hint_for("actors", ref)
        self.add("unknown-actor", ptr, f"unknown actor '{shown(str(ref))}'", hint)

    def fact(self, fact_id: str, ptr: str) -> FactSpec | None:
        spec = self.ix.facts.get(fact_id)
        if spec is None:
            message, hint = f"unknown fact '{shown(fact_id)}'", self.ix.hint_for("facts", fact_id)
            self.add("unknown-fact", ptr, message, hint)
        return spec

    # --- conditions --------------------------------------------------------------------

    def site(self, site: Site) -> None:
        for cond, ptr in walk(site.condition, site.pointer):
            if isinstance(cond, FactTest):
                spec = self.fact(cond.fact, f"{ptr}/fact")
                if spec is not None:
                    self.compare(spec.type, fact_domain(spec), cond.op, cond.value, ptr, site)
            elif isinstance(cond, ParamTest):
                for param in self.param(cond.param, f"{ptr}/param", site):
                    self.compare(
                        param.type,
                        _param_domain(param),
                        cond.op,
                        cond.value,
                        ptr,
                        site,
                        "param-type",
                    )
            elif isinstance(cond, MemberOf):
                org = self.ix.actors.get(cond.member_of)
                if org is None:
                    self.add(
                        "unknown-actor",
                        f"{ptr}/member_of",
                        f"unknown organisation '{shown(cond.member_of)}'",
                        self.ix.suggest(
                            cond.member_of, _org_ids(self.ix), 'among the "organisation" actors'
                        ),
                    )
                elif org.kind != "organisation":
                    self.add(
                        "not-an-organisation",
                        f"{ptr}/member_of",
                        f"'{cond.member_of}' is a {org.kind}; only organisations have members",
                        "Use one of: " + _orgs(self.ix) + ", or use 'within'.",
                    )
                self.actor(cond.actor, f"{ptr}/actor", site)
            elif isinstance(cond, Within):
                self.actor(cond.within, f"{ptr}/within", site)
                self.actor(cond.territory, f"{ptr}/territory", site)
            elif isinstance(cond, RelationTest):
                spec = self.fact(cond.relation, f"{ptr}/relation")
                if spec is not None and spec.type != "relation":
                    self.add(
                        "fact-type",
                        f"{ptr}/relation",
                        f"fact '{cond.relation}' is {spec.type}, not a relation",
                        "Name a fact of type 'relation', or use a 'fact' comparison.",
                    )
                if cond.from_ is not None:
                    self.actor(cond.from_, f"{ptr}/from", site)
                    if cond.from_kinds:
                        self.add(
                            "from-kinds-with-from",
                            f"{ptr}/from_kinds",
                            "'from_kinds' counts only without 'from', which names the actor",
                            "Remove 'from' to accept a pair from anyone of these kinds, or "
                            "remove 'from_kinds' to accept only the pair from that actor.",
                        )
                self.actor(cond.to, f"{ptr}/to", site)
            elif isinstance(cond, ConsentOf):
                check_consent(self, cond, ptr, site)
            elif isinstance(cond, AgreementBetween):
                check_agreement(self, cond, ptr, site)
            elif isinstance(cond, PartyTo):
                if cond.party_to not in self.ix.instruments:
                    self.add(
                        "unknown-instrument",
                        f"{ptr}/party_to",
                        f"unknown instrument '{shown(cond.party_to)}'",
                        self.ix.hint_for("instruments", cond.party_to),
                    )
                self.actor(cond.actor, f"{ptr}/actor", site)

    def compare(
        self,
        kind: str,
        domain: Domain,
        op: str,
        value: object,
        ptr: str,
        site: Site,
        code: str = "fact-type",
    ) -> None:
        """A comparison's operator and value fit the type of what it compares (a fact, or
        with code 'param-type' an action parameter)."""
        if op not in OPS[kind]:
            self.add(
                "bad-op",
                f"{ptr}/op",
                f"operator '{op}' does not apply to a {kind} value",
                f"Use one of: {', '.join(sorted(OPS[kind]))}.",
            )
            return
        if isinstance(value, ParamRef):
            self.param(value.param, f"{ptr}/value/param", site)
            return
        if isinstance(value, FigureRef):
            check_figure_comparison(self, kind, op, value, ptr, code)
            return
        if op in ("in", "not_in") or (kind == "actor_set" and op in ("==", "!=")):
            items = value if isinstance(value, tuple) else None
            if items is None:
                self.add(
                    code,
                    f"{ptr}/value",
                    f"'{op}' needs a list of values",
                    'Write the values as a list, e.g. ["a", "b"].',
                )
                return
            elem = "actor" if kind == "actor_set" else kind
            for i, item in enumerate(items):
                self.scalar(elem, domain, item, f"{ptr}/value/{i}", code)
            return
        if kind == "relation":
            if not isinstance(value, Pair):
                self.add(
                    code,
                    f"{ptr}/value",
                    "a relation is compared with a pair",
                    'Write the value as {"from": actor, "to": actor}.',
                )
                return
            for end, ref in (("from", value.from_), ("to", value.to)):
                self.actor(ref, f"{ptr}/value/{end}", site)
            return
        if kind == "actor_set" and isinstance(value, tuple):
            for i, item in enumerate(value):
                self.scalar("actor", domain, item, f"{ptr}/value/{i}", code)
            return
        elem = "actor" if kind == "actor_set" else kind
        self.scalar(elem, domain, value, f"{ptr}/value", code)

    def _literal(self, ref: str | ParamRef, ptr: str) -> None:
        if isinstance(ref, ParamRef):
            self.add("param-outside-power", ptr, "effects cannot read parameters", LITERAL)
        elif ref not in self.ix.actors:
            self._unknown_actor(ref, ptr)

    def scalar(
        self, kind: str, domain: Domain, value: object, ptr: str, code: str = "fact-type"
    ) -> None:
        """One value fits a type (and its enum values or known actors)."""
        ok = {
            "bool": isinstance(value, bool),
            "int": isinstance(value, int) and not isinstance(value, bool),
        }.get(kind, isinstance(value, str))
        if not ok:
            want = {"bool": "true or false", "int": "a whole number"}.get(kind, "text")
            self.add(code, ptr, f"expected {want} here, found {_show(value)}", f"Write {want}.")
        elif kind == "enum" and domain is not None and value not in domain:
            self.add(
                code,
                ptr,
                f"'{shown(str(value))}' is not one of the values",
                self.ix.near(value, domain)
                + f"Use one of: {name_list(domain, self.ix.nearest(value, domain), ordered=True)}.",
            )
        elif kind == "actor" and value not in self.ix.actors:
            self._unknown_actor(value, ptr)

    # --- effects and facts ---------------------------------------------------------------


def in_range(spec: IntFact, value: int) -> bool:
    """Whether a value lies within an int fact's min and max."""
    return (spec.min is None or value >= spec.min) and (spec.max is None or value <= spec.max)


def _show(value: object) -> str:
    if isinstance(value, Pair):
        return "a pair"
    if isinstance(value, FigureRef):
        return f"figure '{shown(value.figure)}'"
    if isinstance(value, tuple):
        return "a list"
    return repr(value)


def fact_domain(spec: FactSpec) -> Domain:
    """The values an enum fact may take; None for other types."""
    return spec.values if isinstance(spec, EnumFact) else None


def _param_domain(spec: ParamSpec) -> Domain:
    return spec.values if isinstance(spec, EnumParam) else None


def _org_ids(index: Index) -> list[str]:
    return sorted(a.id for a in index.actors.values() if a.kind == "organisation")


def _orgs(index: Index) -> str:
    return ", ".join(_org_ids(index)) or "(no organisations defined)"


def check_values(pack: Pack, index: Index) -> list[Finding]:
    """Conditions: the names they use resolve and their values fit their types."""
    v = Values(index)
    for site in index.sites:
        v.site(site)
    return v.out
