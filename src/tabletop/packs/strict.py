"""The shipped packs' rules, for any pack (`tabletop validate --strict`).

A pack can be valid and still thin: a role with no brief, a phase with nothing to discuss,
a figure in an inject that no source backs. These rules are the ones the shipped packs
keep (docs/authoring.md, "What a shipped pack must have") that make sense for every pack.
They are errors under --strict and are not checked otherwise. Whether each option can be
weighed by the mandate engine needs the engine, so that rule is given by the caller
(`tabletop.app.pack_strictness`); everything here reads the pack alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tabletop.model import Pack
from tabletop.packs.lint_base import Finding, error

BRIEF_WORDS = 60
"""A brief a player can act on runs to a paragraph at least."""

FEWEST_OPTIONS, MOST_OPTIONS = 2, 5
"""One option is no decision; more than five cannot be weighed in a seminar's time box."""

# A figure is a number that is not part of a reference such as "article 4" or "DP-6".
NUMBER = re.compile(r"(?<![\w.-])(\d{1,3}(?:,\d{3})+|\d+)(?![\w-])")
REFERENCE = re.compile(r"(?:article|art\.|Move|Decree|Law|Pr-|DP-|INJ-|OBJ-)\s*\d+", re.I)


def check_strict(pack: Pack) -> list[Finding]:
    """Every finding of the strict rules that read the pack alone (errors)."""
    return [
        *_briefs(pack),
        *_discussion_questions(pack),
        *_option_counts(pack),
        *_unsourced_figures(pack),
    ]


def _briefs(pack: Pack) -> Iterator[Finding]:
    for i, role in enumerate(pack.roles):
        words = len(role.brief.split())
        if words < BRIEF_WORDS:
            yield error(
                "strict-thin-brief",
                f"/roles/{i}/brief",
                f"role '{role.id}' has a brief of {words} words (fewer than {BRIEF_WORDS})",
                "Write what the player's organisation wants, fears and may do: a paragraph "
                f"of at least {BRIEF_WORDS} words the player can act on alone.",
            )
        if not role.objectives:
            yield error(
                "strict-no-role-objectives",
                f"/roles/{i}",
                f"role '{role.id}' has no objectives",
                'Add "objectives": what the role wants out of the game, one line each.',
            )


def _discussion_questions(pack: Pack) -> Iterator[Finding]:
    roles = [r.id for r in pack.roles]
    for i, phase in enumerate(pack.phases):
        asked = {g.role for g in phase.discussion_questions}
        missing = [r for r in roles if r not in asked]
        if None not in asked:
            missing.insert(0, "the whole table")
        if missing:
            where = "/discussion_questions" if phase.discussion_questions else ""
            yield error(
                "strict-no-questions",
                f"/phases/{i}{where}",
                f"phase '{phase.id}' has no discussion questions for "
                + ", ".join(f"'{m}'" if m in roles else m for m in missing),
                'Add to "discussion_questions" a group {"role": ROLE, "questions": [...]} '
                'for each, and one without "role" for the whole table.',
            )


def _option_counts(pack: Pack) -> Iterator[Finding]:
    for i, dp in enumerate(pack.decision_points):
        count = len(dp.options)
        if not FEWEST_OPTIONS <= count <= MOST_OPTIONS:
            yield error(
                "strict-option-count",
                f"/decision_points/{i}/options",
                f"decision point '{dp.id}' has {count} option{'s' * (count != 1)} "
                f"(a decision needs {FEWEST_OPTIONS} to {MOST_OPTIONS})",
                "Offer the table a real choice: at least two courses, at most five."
                if count < FEWEST_OPTIONS
                else "Merge near-identical options or split the decision point in two.",
            )


def figures_in(text: str) -> list[str]:
    """The figures of a text: numbers that are not part of a reference ("article 4")."""
    return NUMBER.findall(REFERENCE.sub(" ", text))


def cites(citation: str, figure: str) -> bool:
    """Whether a citation gives a figure ("2,500" is not found in "12,500")."""
    return re.search(r"(?<![\d,])" + re.escape(figure) + r"(?!\d|,\d)", citation) is not None


def _unsourced_figures(pack: Pack) -> Iterator[Finding]:
    citations = {s.id: f"{s.citation} {s.notes or ''}" for s in pack.meta.sources}
    for i, inject in enumerate(pack.injects):
        texts = {"title": inject.title, "body": inject.body}
        for field, text in texts.items():
            for figure in dict.fromkeys(figures_in(text)):
                if any(cites(citations.get(s, ""), figure) for s in inject.sources):
                    continue
                named = ", ".join(f"'{s}'" for s in inject.sources) or "no source"
                yield error(
                    "strict-unsourced-figure",
                    f"/injects/{i}/{field}",
                    f"inject '{inject.id}' gives the figure {figure}, found in the "
                    f"citation of none of its sources ({named})",
                    'Name in the inject\'s "sources" the source the figure comes from, and '
                    "quote the figure in that source's citation or notes.",
                )
