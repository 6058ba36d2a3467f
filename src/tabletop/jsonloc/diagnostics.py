"""Problems found in a document: values with a severity, a location and a hint."""

from __future__ import annotations

import re
from typing import Literal

from tabletop.model.base import Model, documented

Severity = Literal["error", "warning", "note"]

# Candidates for escaping (anything outside printable ASCII); isprintable() decides.
_UNSAFE = re.compile(r"[^\x20-\x7e]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str:
    code = ord(char)
    return _SHORT.get(char) or (f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    return char if char.isprintable() else _escape(char)


def _escape_all(text: str) -> str:
    return "".join(c if " " <= c <= "~" else _escape(c) for c in text)


def shown(name: str, limit: int = 80) -> str:
    """An id or key as a message quotes it: every character but printable ASCII as \\uXXXX
    (ids are ASCII, so a look-alike such as 'CS\\u0422O' must not read as 'CSTO'), and a
    long one cut short."""
    if len(name) > limit:
        return _escape_all(name[: limit - 20]) + f"... ({len(name):,} characters)"
    return name if name.isascii() and name.isprintable() else _escape_all(name)


def _clipped(ptr: str, limit: int = 80) -> str:
    # A pointer names keys in full; on a terminal a 100,000-character key is cut short.
    if len(ptr) <= limit:
        return ptr
    return "/".join(t if len(t) <= limit else t[: limit - 20] + "..." for t in ptr.split("/"))


def terminal_safe(text: str) -> str:
    """Text with every control, format, separator (but space) and surrogate character
    escaped as \\n or \\uXXXX, so untrusted input cannot forge lines, colour or reorder a
    terminal, hide characters, or fail to encode."""
    return text if text.isascii() and text.isprintable() else _UNSAFE.sub(_escaped, text)


class Diagnostic(Model):
    """One problem in a pack file, located by JSON pointer and line:column."""

    code: str = documented("Stable machine code of the problem.", ["unknown-actor"])
    severity: Severity = documented(
        "error stops the pack loading; warning does not; note says what was not checked.",
        ["error"],
    )
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
        """The diagnostic as one or two lines of text for a terminal (made safe: the
        message, pointer and hint quote untrusted input)."""
        where = terminal_safe(_clipped(self.pointer) or "/")
        message, hint = terminal_safe(self.message), terminal_safe(self.hint)
        text = f"{terminal_safe(self.location())}: {self.severity} [{self.code}] at {where}: "
        return f"{text}{message}\n    hint: {hint}" if hint else text + message
