"""The paper a report is printed on by default: the one the user's locale uses."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Final

from tabletop.report import Paper

LETTER_TERRITORIES: Final = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "VE", "PR", "CR", "GT", "NI", "PA", "SV", "BO"}
)
"""Where US Letter is the usual paper (glibc's LC_PAPER data); A4 everywhere else."""


def default_paper(environ: Mapping[str, str] | None = None) -> Paper:
    """Letter when the locale's territory uses it, else A4. The locale is read as POSIX
    does for LC_PAPER: LC_ALL, then LC_PAPER, then LANG, the first one set and not empty."""
    env = os.environ if environ is None else environ
    name = next((env[k] for k in ("LC_ALL", "LC_PAPER", "LANG") if env.get(k)), "")
    return "letter" if _territory(name) in LETTER_TERRITORIES else "a4"


def _territory(locale: str) -> str:
    """'US' from 'en_US.UTF-8@euro' (or 'en-US'); '' for 'C', 'POSIX' or no territory."""
    base = locale.split(".", 1)[0].split("@", 1)[0]
    for sep in ("_", "-"):
        if sep in base:
            return base.split(sep, 1)[1].upper()
    return ""
