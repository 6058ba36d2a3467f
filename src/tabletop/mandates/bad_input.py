"""Errors for bad input to the mandate engine. Verdicts are values, never exceptions."""

from __future__ import annotations

from collections.abc import Iterable

from tabletop.jsonloc.suggestions import name_list, nearest


class MandateError(Exception):
    """Base of every error the mandate engine raises for bad input."""


class UnknownName(MandateError):
    """A role, action type, parameter, fact, actor or instrument that the pack does not define."""

    def __init__(self, kind: str, name: str, valid: Iterable[str], where: str = "") -> None:
        self.kind = kind
        self.name = name
        self.valid = tuple(valid)
        self.where = where
        place = f" {where}" if where else ""
        near = nearest(name, self.valid)
        meant = f"did you mean '{near[0]}'? " if near else ""
        listed = name_list(self.valid, near, limit=len(self.valid), ordered=True)
        super().__init__(f"unknown {kind} '{name}'{place}; {meant}valid: {listed}")


class BadParameter(MandateError):
    """A parameter value of the wrong type or out of range, or a required one missing."""

    def __init__(self, action_type: str, param: str, value: object, expected: str) -> None:
        self.action_type = action_type
        self.param = param
        self.value = value
        self.expected = expected
        got = "nothing" if value is None else repr(value)
        super().__init__(
            f"parameter '{param}' of action type '{action_type}': expected {expected}, got {got}"
        )


class BadFact(MandateError):
    """A fact value of the wrong type or out of range."""

    def __init__(self, fact: str, value: object, expected: str) -> None:
        self.fact = fact
        self.value = value
        self.expected = expected
        super().__init__(f"fact '{fact}': expected {expected}, got {value!r}")
