"""Problems found in a document: values with a severity, a location and a hint."""

from __future__ import annotations

from typing import Literal

from tabletop.model.base import Model, documented

Severity = Literal["error", "warning"]


class Diagnostic(Model):
    """One problem in a pack file, located by JSON pointer and line:column."""

    code: str = documented("Stable machine code of the problem.", ["unknown-actor"])
    severity: Severity = documented("error stops the pack loading; warning does not.", ["error"])
    message: str = documented("What is wrong.", ["role 'csto' acts for unknown actor 'CSTOO'"])
    file: str = documented("File the problem is in.", ["scenarios/kazakh-unrest-2022.json"])
    pointer: str = documented(
        "JSON pointer of the offending value ('' for the whole file).", ["/roles/0/actor"]
    )
    line: int | None = documented("1-based line, if known.", [42], default=None)
    column: int | None = documented("1-based column, if known.", [17], default=None)
    hint: str = documented("What to do about it.", ["Use one of: CSTO, KAZ, RUS"], default="")

    def location(self) -> str:
        """file:line:col, or file when the position is unknown."""
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.column or 1}"

    def render(self) -> str:
        """The diagnostic as one or two lines of text for a terminal."""
        where = self.pointer or "/"
        text = f"{self.location()}: {self.severity} [{self.code}] at {where}: {self.message}"
        return f"{text}\n    hint: {self.hint}" if self.hint else text
