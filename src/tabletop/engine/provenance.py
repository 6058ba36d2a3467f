"""Where the facts a verdict relies on came from in the game, in words that read in a
sentence: "as the pack starts", "after inject INJ-07 (Title)", "as framed by the Kazakh
Presidential Administration at DP-2 (Request assistance)", "by the facilitator's ruling
(The airport is retaken)".

A verdict records these traces when its decision is logged, so the report reads them from
the log as they were, whatever the pack says since.
"""

from __future__ import annotations

from collections.abc import Iterable

from tabletop.engine.state import FactSource, SessionState
from tabletop.mandates import facts_relied_on
from tabletop.mandates.wording import fact_words, strip_stop
from tabletop.model.index import PackIndex, index_of
from tabletop.model.pack import Pack
from tabletop.model.verdict import FactTrace, Verdict

NOTE_WORDS = 12
"""A ruling's text is quoted up to this many words."""

UNKNOWN_WORDS = "as the game stands (where it came from is not recorded)"


def traced(verdict: Verdict, state: SessionState, pack: Pack) -> Verdict:
    """The verdict with `relies_on`: a trace of each fact the grounds that decided it read
    (the limit that bites, each basis, the nearest power), with where its value came from
    in `state`."""
    relied = facts_relied_on(pack, verdict)
    return verdict.model_copy(update={"relies_on": trace_facts(state, pack, relied)})


def trace_facts(state: SessionState, pack: Pack, facts: Iterable[str]) -> tuple[FactTrace, ...]:
    """A trace of each of these facts that the state has a value for, in the order given."""
    index = index_of(pack)
    return tuple(_trace(index, state, fact) for fact in dict.fromkeys(facts) if fact in state.facts)


def origin_words(index: PackIndex, source: FactSource) -> str:
    """Where a value came from, as a phrase that follows the value."""
    match source.origin:
        case "start":
            return "as the pack starts"
        case "inject":
            inject = index.injects.get(source.ref or "")
            title = f" ({strip_stop(inject.title)})" if inject and inject.title else ""
            return f"after inject {source.ref}{title}"
        case "decision":
            dp = index.decision_points.get(source.ref or "")
            option = next((o for o in dp.options if o.id == source.option), None) if dp else None
            chose = f" ({strip_stop(option.label)})" if option else ""
            if source.role is None and source.note == "fallback":  # a consensus failed
                return f"as the fallback at {source.ref}{chose}, without a consensus"
            if source.role is None:  # a consensus concluded: nobody's choice alone
                return f"as decided by consensus at {source.ref}{chose}"
            role = index.roles.get(source.role)
            who = the(role.title) if role else source.role
            return f"as framed by {who} at {source.ref}{chose}"
        case "ruling":
            on = f" on {source.ref}" if source.ref else ""
            note = f" ({quote(source.note)})" if source.note and source.note.strip() else ""
            return f"by the facilitator's ruling{on}{note}"
    return UNKNOWN_WORDS


def the(title: str) -> str:
    """A seat's name after 'by': 'the Russian Ministry of Defence'."""
    return title if title[:4].lower() == "the " else f"the {title}"


def quote(note: str) -> str:
    """A ruling's text, on one line, its first `NOTE_WORDS` words, without the full stop."""
    words = note.split()
    short = " ".join(words[:NOTE_WORDS])
    return short + " …" if len(words) > NOTE_WORDS else strip_stop(short)


def _trace(index: PackIndex, state: SessionState, fact: str) -> FactTrace:
    spec = index.facts.get(fact)
    source = state.source_of(fact)
    by = None
    if source.origin == "decision":
        role = index.roles.get(source.role or "")
        by = role.title if role else source.role
    return FactTrace(
        fact=fact,
        title=spec.title if spec else fact,
        value=fact_words(index, state.facts[fact], spec.type if spec else ""),
        origin=source.origin,
        ref=source.ref,
        by=by,
        text=origin_words(index, source),
    )


def reliance_words(trace: FactTrace) -> str:
    """A fact a verdict relied on, its value and where it came from, in one line (the same
    in the console, the seats and every format of the report): 'Aggression: international
    terrorists → Kazakhstan — as framed by the Kazakh Presidential Administration at DP-2'."""
    return f"{trace.title}: {trace.value} — {trace.text}"
