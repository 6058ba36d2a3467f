"""Text from a pack or a log, made fit to show in every format a person reads.

A JSON string may hold any code point: control characters, non-characters, bidirectional
overrides, and (from a file name decoded with surrogateescape) lone surrogates. Word's XML
cannot hold most of them, and none of them shows on the page. Dropping them would hide that
a value was odd (and join the words on either side), so each is shown as a visible marker,
`[U+000B]`, the same in the Word, HTML and Markdown reports and in the chart. The marker is
plain ASCII, so it prints in any font, and it names the character exactly (a forged log can
be told from a typing slip). The JSON report is the data: it keeps the characters, escaped
by JSON, but for lone surrogates, which have no UTF-8 form (U+FFFD there).
"""

from __future__ import annotations

import re

# C0 controls but tab, newline and carriage return (ordinary text, which every format
# handles: Word makes a line break of a newline), DEL and the C1 controls (NEL is a line
# break to some readers, CSI starts a terminal escape); explicit bidirectional embeddings,
# overrides and isolates (U+202E would show the rest of a line reversed, a verdict badge
# too; the marker shows it and stops it, and right-to-left script displays without them);
# lone surrogates; and the two non-characters XML 1.0 forbids.
_HIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
ELLIPSIS = "…"


def marker(char: str) -> str:
    """The visible stand-in for a hidden character: '[U+000B]'."""
    return f"[U+{ord(char):04X}]"


def visible(text: object) -> str:
    """Outside text with every hidden character shown as its marker."""
    return _HIDDEN.sub(lambda m: marker(m.group()), str(text))


def encodable(text: str) -> str:
    """Text with lone surrogates replaced by U+FFFD, so it can be written as UTF-8."""
    return _SURROGATE.sub("\ufffd", text)


def shortened(text: str, limit: int) -> str:
    """Text cut to at most `limit` characters, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS
