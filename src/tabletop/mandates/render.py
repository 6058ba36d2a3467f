"""A verdict as plain text for a terminal: what the facilitator reads, then the detail."""

from __future__ import annotations

from tabletop.mandates import wording as w
from tabletop.mandates.obligations import describe_discharge
from tabletop.model.index import index_of
from tabletop.model.pack import Pack
from tabletop.model.verdict import Ground, Verdict


def _mark(holds: bool) -> str:
    return "[+]" if holds else "[-]"


def _ground_lines(ground: Ground) -> list[str]:
    outcome = {
        ("power", True): "grants it",
        ("power", False): "does not apply",
        ("limit", True): "rules it out",
        ("limit", False): "does not bite",
    }[(ground.kind, ground.applies)]
    lines = [
        f"  {ground.kind} {ground.instrument}/{ground.rule} ({outcome}): {ground.summary}",
        f"      cites {w.cite(ground.citation)}",
    ]
    lines += [f"      {_mark(r.holds)} {r.text}" for r in ground.conditions]
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
    if verdict.basis is not None:
        lines += ["", f"granted by {verdict.basis.instrument}/{verdict.basis.rule}"]
    if verdict.grounds:
        lines += ["", "considered, in order:"]
        for ground in verdict.grounds:
            lines += _ground_lines(ground)
    elif verdict.reasons:
        lines += ["", "reasons:"] + [f"  - {r}" for r in verdict.reasons]
    if verdict.citations:
        sources = {s.id: s for s in pack.meta.sources}
        lines += ["", "citations:"]
        for c in verdict.citations:
            source = sources.get(c.source or "")
            lines.append(f"  - {w.cite(c)}" + (f" [{source.id}]" if source else ""))
            if source:
                lines.append(f"      {source.citation}")
    if verdict.obligations:
        lines += ["", "obligations:"]
        for due in verdict.obligations:
            lines.append(f"  - {due.text} ({w.cite(due.citation)})")
            lines.append(f"      key: {due.key}")
            met = [describe_discharge(pack, d, due.actor) for d in due.discharged_by]
            lines.append("      met " + w.join_or(met))
    return "\n".join(lines) + "\n"
