"""A catalogue (or a pack's instruments) as Markdown tables, for docs and authors."""

from __future__ import annotations

from tabletop.mandates import wording as w
from tabletop.mandates.requirements import requirement
from tabletop.model.conditions import Condition
from tabletop.model.index import PackIndex, index_of
from tabletop.model.pack import Catalogue, Pack
from tabletop.model.world import Citation, Discharge, Instrument


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _conditions(index: PackIndex, conds: tuple[Condition, ...], actions: tuple[str, ...]) -> str:
    if not conds:
        return "always"
    specs = {}
    for action in actions:
        atype = index.action_types.get(action)
        if atype is not None:
            specs.update({p.name: p for p in atype.params})
    return "; ".join(requirement(index, c, specs) for c in conds)


def _discharge(index: PackIndex, d: Discharge) -> str:
    if d.action is not None:
        atype = index.action_types.get(d.action)
        return f"action `{d.action}`" + (f" ({atype.title})" if atype else "")
    return requirement(index, d.when) if d.when is not None else ""


def _cited(index: PackIndex, citation: Citation) -> str:
    """'Collective Security Treaty 1992, art. 4 (treaty)': the citation and its source kind."""
    source = index.sources.get(citation.source or "")
    kind = w.kind_words(source.kind) if source else ""
    return w.cite(citation) + (f" ({kind})" if kind else "")


def instrument_markdown(index: PackIndex, inst: Instrument) -> str:
    """One instrument: heading, summary and a table of its powers and limits."""
    lines = [
        f"### `{inst.id}`: {inst.title} ({inst.year})",
        "",
        f"{inst.kind.capitalize()}; parties: {', '.join(inst.parties)}; source: `{inst.source}`.",
        "",
        inst.summary,
        "",
        "| rule | actions | held by | applies when | citation |",
        "|---|---|---|---|---|",
    ]
    for rule, kind, conds in [(p, "power", p.conditions) for p in inst.powers] + [
        (lim, "limit", lim.applies_when) for lim in inst.limits
    ]:
        actions = ", ".join(f"`{a}`" for a in rule.actions)
        holders = ", ".join(rule.holders) or "any party"
        when = _conditions(index, conds, rule.actions)
        if getattr(rule, "effect", "rules_out") == "caution":
            kind = "caution"
        lines.append(
            f"| {kind} `{rule.id}`: {_cell(rule.summary)} | {actions} | {holders} "
            f"| {_cell(when)} | {_cell(_cited(index, rule.citation))} |"
        )
        for ob in getattr(rule, "obligations", ()):
            met = " or ".join(_discharge(index, d) for d in ob.discharged_by)
            cited = _cited(index, ob.citation or rule.citation)
            due = ""
            if ob.within_hours is not None:
                due = " at once" if ob.within_hours == 0 else f" within {ob.within_hours} h"
            lines.append(
                f"| obligation `{ob.id}`: {_cell(ob.text)} | | | met{due} by {_cell(met)} "
                f"| {_cell(cited)} |"
            )
    return "\n".join(lines) + "\n"


def catalogue_markdown(catalogue: Catalogue | Pack) -> str:
    """Every instrument of a catalogue as Markdown, in file order."""
    index = index_of(catalogue)
    return "\n".join(instrument_markdown(index, inst) for inst in catalogue.instruments)
