"""A playthrough script checked against its pack without playing it: every role, decision
point, option, inject, objective, phase and fact its steps and expectations name must exist.

Each unknown name is a located diagnostic (file:line:column, JSON pointer), with the id it
most likely means, as the pack's own reference checks give them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from tabletop.jsonloc.diagnostics import Diagnostic
from tabletop.jsonloc.positions import Positions, escape
from tabletop.jsonloc.reading import error_at
from tabletop.model import Pack
from tabletop.model import script as pt
from tabletop.packs.lookalikes import suggest

Finding = tuple[str, str, str, str, tuple[str, ...]]
"""(code, pointer, message, the unknown id, the ids it could be)."""


class _Names:
    def __init__(self, pack: Pack) -> None:
        self.roles = tuple(r.id for r in pack.roles)
        self.injects = tuple(i.id for i in pack.injects)
        self.decisions = tuple(d.id for d in pack.decision_points)
        self.options = {d.id: tuple(o.id for o in d.options) for d in pack.decision_points}
        self.objectives = tuple(o.id for o in pack.objectives)
        self.phases = tuple(p.id for p in pack.phases)
        self.facts = tuple(f.id for f in pack.facts)


_KINDS = {
    "role": ("unknown-role", "roles"),
    "inject": ("unknown-inject", "injects"),
    "decision point": ("unknown-decision-point", "decisions"),
    "objective": ("unknown-objective", "objectives"),
    "phase": ("unknown-phase", "phases"),
    "fact": ("unknown-fact", "facts"),
}


def check_script(script: pt.Playthrough, pack: Pack, name: str, text: str) -> list[Diagnostic]:
    """Every name in the script's steps that the pack does not define, located in `text`
    (the script file's text, `name` its file name)."""
    names = _Names(pack)
    positions = Positions(text)
    out = []
    for code, ptr, message, ident, known in _findings(script, names):
        hint = suggest(ident, known, where="in the pack")
        out.append(error_at(code, message, name, ptr, hint, positions.locate(ptr)))
    return out


def _findings(script: pt.Playthrough, names: _Names) -> Iterator[Finding]:
    for index, step in enumerate(script.steps):
        at = f"/steps/{index}"
        yield from _step(step, at, names)
        if step.expect is not None:
            yield from _expect(step.expect, f"{at}/expect", names)


def _one(kind: str, ptr: str, ident: str | None, names: _Names) -> Iterator[Finding]:
    code, attr = _KINDS[kind]
    known: tuple[str, ...] = getattr(names, attr)
    if ident is not None and ident not in known:
        yield code, ptr, f"unknown {kind} '{ident}'", ident, known


def _many(kind: str, ptr: str, idents: Iterable[str], names: _Names) -> Iterator[Finding]:
    for i, ident in enumerate(idents):
        yield from _one(kind, f"{ptr}/{i}", ident, names)


def _choice(ptr: str, decision: str, role: str, option: str, names: _Names) -> Iterator[Finding]:
    yield from _one("decision point", f"{ptr}/decision", decision, names)
    yield from _one("role", f"{ptr}/role", role, names)
    options = names.options.get(decision)
    if options is not None and option not in options:
        message = f"decision point '{decision}' has no option '{option}'"
        yield "unknown-option", f"{ptr}/option", message, option, options


def _step(step: pt.Step, at: str, names: _Names) -> Iterator[Finding]:
    match step:
        case pt.AssignStep(assign=body):
            yield from _one("role", f"{at}/assign/role", body.role, names)
        case pt.DeliverStep(deliver=body):
            yield from _one("inject", f"{at}/deliver/inject", body.inject, names)
        case pt.DecideStep(decide=body):
            yield from _choice(f"{at}/decide", body.decision, body.role, body.option, names)
        case pt.RejectStep(reject=body):
            yield from _choice(f"{at}/reject", body.decision, body.role, body.option, names)
        case pt.AmendStep(amend=body):
            yield from _one("decision point", f"{at}/amend/decision", body.decision, names)
            yield from _one("role", f"{at}/amend/role", body.role, names)
        case pt.AdjudicateStep(adjudicate=body):
            for i, effect in enumerate(body.effects):
                yield from _one("fact", f"{at}/adjudicate/effects/{i}/fact", effect.fact, names)
            yield from _one("decision point", f"{at}/adjudicate/decision", body.decision, names)
        case pt.NoteStep(note=body):
            yield from _one("objective", f"{at}/note/objective", body.objective, names)
            yield from _one("role", f"{at}/note/role", body.role, names)
            yield from _one("decision point", f"{at}/note/decision", body.decision, names)
        case pt.RateStep(rate=body):
            yield from _one("objective", f"{at}/rate/objective", body.objective, names)
        case pt.PlanStep(plan=body):
            yield from _one("objective", f"{at}/plan/objective", body.objective, names)
        case _:
            pass


def _expect(expect: pt.Expect, at: str, names: _Names) -> Iterator[Finding]:
    for fact in expect.facts:
        if fact not in names.facts:
            ptr = f"{at}/facts/{escape(fact)}"
            yield "unknown-fact", ptr, f"unknown fact '{fact}'", fact, names.facts
    for key in ("delivered", "not_delivered", "released"):
        yield from _many("inject", f"{at}/{key}", getattr(expect, key), names)
    for key in ("open", "closed", "not_opened"):
        yield from _many("decision point", f"{at}/{key}", getattr(expect, key), names)
    yield from _one("phase", f"{at}/phase", expect.phase, names)
