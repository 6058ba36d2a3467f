"""A pack as a facilitator previews it before the game: what it is about, who plays, what
each seat may do under which instrument (in words, with citations), the timeline, and the
decisions with where each option leads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tabletop.mandates.requirements import requirement
from tabletop.mandates.wording import actor_name, cite, join_and
from tabletop.model.index import PackIndex, index_of
from tabletop.model.pack import Pack
from tabletop.model.world import Instrument, Limit, Power


@dataclass(frozen=True)
class RuleView:
    """A power (what an instrument lets its holder do) or a limit (what it rules out)."""

    kind: str
    """'power' or 'limit'."""
    summary: str
    actions: str
    conditions: str
    """When it applies, in words ('' when always)."""
    citation: str


@dataclass(frozen=True)
class InstrumentView:
    """A charter, treaty, agreement or law and its rules."""

    id: str
    title: str
    kind: str
    year: int
    summary: str
    rules: tuple[RuleView, ...]


@dataclass(frozen=True)
class RoleView:
    """A seat: who it acts for, its brief and objectives, the instruments it draws on."""

    id: str
    title: str
    actor: str
    brief: str
    objectives: tuple[str, ...]
    instruments: tuple[InstrumentView, ...]


@dataclass(frozen=True)
class OrganisationView:
    """An organisation in play and its members."""

    id: str
    name: str
    members: str


@dataclass(frozen=True)
class InjectLine:
    """An inject on the timeline."""

    id: str
    title: str
    time: datetime
    release: str
    """'scheduled', 'when …' (a condition in words) or 'follow-on'."""
    to: str


@dataclass(frozen=True)
class PhaseView:
    """A move of the game and its injects."""

    id: str
    title: str
    starts_at: datetime
    summary: str
    injects: tuple[InjectLine, ...]


@dataclass(frozen=True)
class OptionLine:
    """An option of a decision point: what it does, and where it leads."""

    id: str
    label: str
    description: str
    action: str
    leads_to: str
    """The injects it releases (titles), or ''."""


@dataclass(frozen=True)
class DecisionLine:
    """A decision point, who decides, and the options."""

    id: str
    title: str
    prompt: str
    deciders: str
    options: tuple[OptionLine, ...]


@dataclass(frozen=True)
class PackOverview:
    """Everything the preview screen shows."""

    id: str
    title: str
    version: str
    summary: str
    scope: str
    classification: str
    authors: str
    objectives: tuple[str, ...]
    roles: tuple[RoleView, ...]
    organisations: tuple[OrganisationView, ...]
    phases: tuple[PhaseView, ...]
    decisions: tuple[DecisionLine, ...]


def _rule(index: PackIndex, kind: str, rule: Power | Limit) -> RuleView:
    conditions = rule.conditions if isinstance(rule, Power) else rule.applies_when
    specs = {}
    for action in rule.actions:
        atype = index.action_types.get(action)
        if atype is not None:
            specs.update({p.name: p for p in atype.params})
    titles = [index.action_types[a].title if a in index.action_types else a for a in rule.actions]
    return RuleView(
        kind=kind,
        summary=rule.summary,
        actions=", ".join(titles),
        conditions=join_and([requirement(index, c, specs) for c in conditions]),
        citation=cite(rule.citation),
    )


def _instrument(index: PackIndex, inst: Instrument) -> InstrumentView:
    rules = [_rule(index, "power", p) for p in inst.powers]
    rules += [_rule(index, "limit", limit) for limit in inst.limits]
    return InstrumentView(inst.id, inst.title, inst.kind, inst.year, inst.summary, tuple(rules))


def pack_overview(pack: Pack) -> PackOverview:
    """The preview of a pack (pure: the pack is all it reads)."""
    index = index_of(pack)
    roles = tuple(
        RoleView(
            id=role.id,
            title=role.title,
            actor=actor_name(index, role.actor),
            brief=role.brief,
            objectives=role.objectives,
            instruments=tuple(
                _instrument(index, index.instruments[i])
                for i in role.instruments
                if i in index.instruments
            ),
        )
        for role in pack.roles
    )

    def to_words(to: object) -> str:
        if to == "all" or not isinstance(to, tuple):
            return "all"
        return ", ".join(index.roles[r].title if r in index.roles else r for r in to)

    def release_words(inject_id: str) -> str:
        inject = index.injects[inject_id]
        if inject.release == "when" and inject.when is not None:
            return "when " + requirement(index, inject.when)
        return "follow-on" if inject.release == "follow_on" else "scheduled"

    phases = tuple(
        PhaseView(
            id=phase.id,
            title=phase.title,
            starts_at=phase.starts_at,
            summary=phase.summary,
            injects=tuple(
                InjectLine(i.id, i.title, i.time, release_words(i.id), to_words(i.to))
                for i in sorted(pack.injects, key=lambda i: i.time)
                if i.phase == phase.id
            ),
        )
        for phase in pack.phases
    )
    decisions = tuple(
        DecisionLine(
            id=dp.id,
            title=dp.title,
            prompt=dp.prompt,
            deciders=", ".join(
                index.roles[r].title if r in index.roles else r for r in dp.deciders
            ),
            options=tuple(
                OptionLine(
                    id=o.id,
                    label=o.label,
                    description=o.description,
                    action=(
                        index.action_types[o.action.type].title
                        if o.action.type in index.action_types
                        else o.action.type
                    ),
                    leads_to=", ".join(
                        f"{i} '{index.injects[i].title}'" if i in index.injects else i
                        for i in o.follow_ons
                    ),
                )
                for o in dp.options
            ),
        )
        for dp in pack.decision_points
    )
    meta = pack.meta
    return PackOverview(
        id=meta.id,
        title=meta.title,
        version=meta.version,
        summary=meta.summary,
        scope=meta.scope,
        classification=meta.classification,
        authors=", ".join(a.name for a in meta.authors),
        objectives=tuple(f"{o.id}: {o.text} ({o.capability})" for o in pack.objectives),
        roles=roles,
        organisations=tuple(
            OrganisationView(a.id, a.name, ", ".join(actor_name(index, m) for m in a.members))
            for a in pack.actors
            if a.kind == "organisation"
        ),
        phases=phases,
        decisions=decisions,
    )
