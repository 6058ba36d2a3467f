"""Pydantic models of scenario packs, verdicts and session events (pure data, no I/O)."""

from tabletop.model.conditions import Condition
from tabletop.model.pack import (
    FORMAT_VERSION,
    ActionSpec,
    Catalogue,
    DecisionPoint,
    Inject,
    Meta,
    Option,
    Pack,
    Phase,
    Role,
)
from tabletop.model.verdict import Verdict
from tabletop.model.world import ActionType, Actor, Citation, FactSpec, Instrument, Source

__all__ = [
    "FORMAT_VERSION",
    "ActionSpec",
    "ActionType",
    "Actor",
    "Catalogue",
    "Citation",
    "Condition",
    "DecisionPoint",
    "FactSpec",
    "Inject",
    "Instrument",
    "Meta",
    "Option",
    "Pack",
    "Phase",
    "Role",
    "Source",
    "Verdict",
]
