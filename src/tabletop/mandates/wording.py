"""The words of the engine: names, fact sentences, comparisons, citations and headlines.

Every sentence states the world as it stands ("Uzbekistan is not a member of the
CSTO"), not the requirement, so that `not` can reuse the words of its inner
condition unchanged and `all`/`any` can join the words of their branches.
Pack text is filled in by plain replacement, never with str.format: packs are
untrusted and a format string can reach attributes.
"""

from __future__ import annotations

from collections.abc import Sequence

from tabletop.model.index import PackIndex
from tabletop.model.world import SOURCE_KIND_WORDS, Citation, Figure, Instrument

KIND_WORDS: dict[str, str] = {
    "state": "a state",
    "organisation": "an organisation",
    "group_of_states": "a group of states",
    "non_state_group": "a non-state armed group",
}
"""An actor kind as it reads in a sentence."""

NOT_MET = "it is not the case that "
"""Prefix of an author's override text when the condition does not hold."""


def actor_name(index: PackIndex, actor_id: str | None) -> str:
    """The actor as it reads in a sentence: short name, else name, else the id."""
    if actor_id is None:
        return "(nobody)"
    actor = index.actors.get(actor_id)
    if actor is None:
        return actor_id
    return actor.short_name or actor.name


def fill(template: str, **values: str) -> str:
    """A says/says_not template with {value}, {from} and {to} replaced."""
    out = template
    for key, val in values.items():
        out = out.replace("{" + key + "}", val)
    return out


def capitalise(text: str) -> str:
    """The text with its first letter in upper case."""
    return text[:1].upper() + text[1:] if text else text


def join_and(parts: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'; semicolons when the parts are clauses with commas."""
    parts = list(dict.fromkeys(p for p in parts if p))
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    if any("," in p or " and " in p for p in parts):
        return "; ".join(parts[:-1]) + "; and " + parts[-1]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def join_or(parts: Sequence[str]) -> str:
    """'a', 'a or b', 'a, b or c'."""
    parts = list(dict.fromkeys(p for p in parts if p))
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " or " + parts[-1]


def show_value(index: PackIndex, value: object, actor_like: bool = False) -> str:
    """A value as it reads in a sentence (actors by name, enum ids with spaces)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, str):
        if actor_like or value in index.actors:
            return actor_name(index, value)
        return value.replace("_", " ")
    if isinstance(value, tuple | list | frozenset | set):
        items = sorted(value, key=repr) if isinstance(value, frozenset | set) else list(value)
        return join_or([show_value(index, v, actor_like) for v in items]) or "nothing"
    return str(value)


def fact_words(index: PackIndex, value: object, kind: str = "") -> str:
    """A fact's value as a facilitator reads it: yes/no, numbers with separators, actors by
    name, enum values with spaces, text as written, a set as its members (a relation as
    'from → to' pairs), 'none' when empty. `kind` is the fact's type, if known."""
    if kind == "text" and isinstance(value, str):
        return value or "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, str):
        if value in index.actors:
            return actor_name(index, value)
        return value.replace("_", " ") if value else "(empty)"
    if isinstance(value, frozenset | set | tuple | list):
        items = [
            f"{actor_name(index, v[0])} → {actor_name(index, v[1])}"
            if isinstance(v, tuple | list)
            else actor_name(index, str(v))
            for v in value
        ]
        return ", ".join(sorted(items)) if items else "none"
    return str(value)


# (clause when the comparison is true, clause when false); {v} is the value compared with.
COMPARISONS: dict[str, tuple[str, str]] = {
    "==": ("", ", not {v}"),
    "!=": (", not {v}", ""),
    "<": (", below {v}", ", not below {v}"),
    "<=": (", at most {v}", ", more than {v}"),
    ">": (", more than {v}", ", not more than {v}"),
    ">=": (", at least {v}", ", below {v}"),
    "in": ("", ", none of {v}"),
    "not_in": ("", ", which is one of {v}"),
    "contains": ("", ", without {v}"),
    "not_contains": ("", ", which includes {v}"),
}


def comparison(statement: str, op: str, truth: bool, shown: str) -> str:
    """The statement of a value with the clause that relates it to the value compared with."""
    clause = COMPARISONS.get(op, ("", ""))[0 if truth else 1]
    return statement + clause.replace("{v}", shown)


def subject(title: str) -> str:
    """A parameter or fact title as the subject of a sentence ('the host state')."""
    lowered = title[:1].lower() + title[1:] if title[1:2].islower() or len(title) == 1 else title
    return lowered if lowered.lower().startswith("the ") else f"the {lowered}"


def cite(citation: Citation) -> str:
    """'Collective Security Treaty 1992, art. 4'."""
    text = f"{citation.document} {citation.year}"
    return f"{text}, {citation.article}" if citation.article else text


def instrument_label(instrument: Instrument) -> str:
    """'Collective Security Treaty (1992)'."""
    return f"{instrument.title} ({instrument.year})"


def sentence(text: str) -> str:
    """Capitalised and ending with a full stop."""
    text = capitalise(text.strip())
    return text if text.endswith((".", "!", "?")) else text + "."


def strip_stop(text: str) -> str:
    """The text without a trailing full stop, to embed it in a longer sentence."""
    return text.strip().rstrip(".")


def figure_words(index: PackIndex, figure: Figure) -> str:
    """'3,600 (the CSTO peacekeeping force; CSTO 2007)': a figure with what it is and
    where it is stated."""
    unit = f" {figure.unit}" if figure.unit else ""
    source = index.sources.get(figure.source or "")
    where = f"; {source_label(source.id)}" if source else ""
    return f"{figure.value:,}{unit} ({figure.title}{where})"


def source_label(source_id: str) -> str:
    """A source key as it reads in brackets: 'CSTO-2007' stays as written."""
    return source_id


def kind_words(kind: str | None) -> str:
    """A source kind in words ('press report'); '' when unknown."""
    return SOURCE_KIND_WORDS.get(kind or "", "")


def instrument_short(instrument: Instrument) -> str:
    """'the Collective Security Treaty (1992)': an instrument as the object of a sentence."""
    label = instrument_label(instrument)
    return label if label.lower().startswith("the ") else f"the {label}"


def decapitalise(text: str) -> str:
    """'The CSTO may ...' -> 'the CSTO may ...' (an acronym or a name keeps its capitals)."""
    first = text.split(" ", 1)[0]
    if first in ("The", "A", "An", "Each", "Every", "Members", "Member", "Beyond", "When", "No"):
        return text[:1].lower() + text[1:]
    return text


def article(noun: str) -> str:
    """'a' or 'an' before a noun."""
    return "an" if noun[:1].lower() in "aeiou" else "a"


def deadline_words(within_hours: int | None) -> str:
    """The deadline in words: 'at once', 'within 1 hour', 'within 24 hours', 'no deadline'."""
    if within_hours is None:
        return "no deadline"
    if within_hours == 0:
        return "at once"
    return f"within {within_hours} hour" + ("" if within_hours == 1 else "s")
