"""A verdict as plain text for a terminal: what the facilitator reads, then the detail."""

from __future__ import annotations

from tabletop.mandates import wording as w
from tabletop.mandates.obligations import describe_discharge
from tabletop.model.index import PackIndex, index_of
from tabletop.model.pack import Pack
from tabletop.model.verdict import Ground, Verdict
from tabletop.model.world import BINDING_KINDS, Citation


def ground_outcome(ground: Ground) -> str:
    """'grants it', 'does not apply', 'rules it out', 'cautions' or 'does not bite'."""
    if ground.kind == "power":
        return "grants it" if ground.applies else "does not apply"
    if not ground.applies:
        return "does not bite"
    return "cautions" if ground.caution else "rules it out"


def condition_lines(ground: Ground, indent: str = "      ") -> list[str]:
    """Each condition weighed: 'met' or 'not met', what stands, and for one not met what the
    rule needs. The mark says whether the rule's condition is met, never whether the
    sentence beside it is true (a sentence states the world as it stands)."""
    lines = []
    for r in ground.conditions:
        lines.append(f"{indent}[{'met' if r.holds else 'not met'}] {r.text}")
        if not r.holds and r.needed:
            lines.append(f"{indent}    needed: {r.needed}")
    return lines


def _ground_lines(ground: Ground) -> list[str]:
    outcome = ground_outcome(ground)
    lines = [
        f"  {ground.kind} {ground.instrument}/{ground.rule} ({outcome}): {ground.summary}",
        f"      cites {w.cite(ground.citation)}",
    ]
    lines += condition_lines(ground)
    return lines


def render_text(pack: Pack, verdict: Verdict) -> str:
    """The verdict, headline first, then the grounds, citations and obligations."""
    index = index_of(pack)
    role = index.roles.get(verdict.role)
    atype = index.action_types.get(verdict.action.type)
    params = ", ".join(f"{k}={v}" for k, v in verdict.action.params.items()) or "no parameters"
    lines = [
        verdict.label.upper(),
        verdict.headline,
        "",
        f"role:    {role.title if role else verdict.role} ({verdict.role}), acting for "
        f"{w.actor_name(index, verdict.actor)}",
        f"action:  {atype.title if atype else verdict.action.type} ({verdict.action.type}): "
        f"{params}",
    ]
    for basis in verdict.bases or ((verdict.basis,) if verdict.basis else ()):
        lines += [f"granted by {basis.instrument}/{basis.rule} ({w.cite(basis.citation)})"]
    if verdict.nearest is not None:
        near = verdict.nearest
        lines += ["", f"nearest power: {near.instrument}/{near.rule} ({w.cite(near.citation)})"]
        lines += condition_lines(near, "  ")
    if verdict.cautions:
        lines += ["", "cautions:"] + [f"  - {c}" for c in verdict.cautions]
    if verdict.grounds:
        lines += ["", "considered, in order:"]
        for ground in verdict.grounds:
            lines += _ground_lines(ground)
    elif verdict.reasons:
        lines += ["", "reasons:"] + [f"  - {r}" for r in verdict.reasons]
    if verdict.citations:
        lines += ["", "citations:"]
        for c in verdict.citations:
            lines += citation_lines(index, c)
    if verdict.consulted:
        lines += ["", "instruments consulted: " + "; ".join(verdict.consulted)]
    if verdict.obligations:
        lines += ["", "obligations:"]
        for due in verdict.obligations:
            lines.append(f"  - {due.text} ({w.cite(due.citation)})")
            if due.within_hours is not None:
                note = f": {due.deadline_note}" if due.deadline_note else ""
                lines.append(f"      due {w.deadline_words(due.within_hours)}{note}")
            lines.append(f"      key: {due.key}")
            met = [describe_discharge(pack, d, due.actor) for d in due.discharged_by]
            lines.append("      met " + w.join_or(met))
    return "\n".join(lines) + "\n"


def citation_words(index: PackIndex, citation: Citation) -> str:
    """'Collective Security Treaty 1992, art. 4 [CSTO-1992; treaty, binding]': a citation
    with its article or 'article not given in the source', and its source's kind and weight."""
    source = index.sources.get(citation.source or "")
    article = citation.article or "article not given in the source"
    text = f"{citation.document} {citation.year}, {article}"
    if source is not None:
        weight = "binding" if source.kind in BINDING_KINDS else "not binding"
        text += f" [{source.id}; {w.kind_words(source.kind)}, {weight}]"
    return text


def citation_lines(index: PackIndex, citation: Citation) -> list[str]:
    """A citation in words, then its source's full reference."""
    lines = [f"  - {citation_words(index, citation)}"]
    source = index.sources.get(citation.source or "")
    if source is not None:
        lines.append(f"      {source.citation}")
    return lines
