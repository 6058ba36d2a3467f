"""The mandate engine: may a role take an action, on the facts as they stand, and why.

Pure functions over the pack model: no I/O. Bad input (an unknown role, action type,
parameter or fact, or a value of the wrong type) raises a `MandateError`; a verdict,
even "outside mandate", is always a value.
"""

from tabletop.mandates.action_check import (
    check_action,
    explain,
    explain_all,
    facts_relied_on,
    facts_weighed,
    forget_verdicts,
    holds,
)
from tabletop.mandates.bad_input import BadFact, BadParameter, MandateError, UnknownName
from tabletop.mandates.obligations import (
    ActionsTaken,
    describe_discharge,
    discharged_by,
    is_discharged,
    open_obligations,
)

__all__ = [
    "ActionsTaken",
    "BadFact",
    "BadParameter",
    "MandateError",
    "UnknownName",
    "check_action",
    "describe_discharge",
    "discharged_by",
    "explain",
    "explain_all",
    "facts_relied_on",
    "facts_weighed",
    "forget_verdicts",
    "holds",
    "is_discharged",
    "open_obligations",
]
