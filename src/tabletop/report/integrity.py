"""The log's integrity for the report: verify the chain, list what lies past the damage, and
say who signed an export.

Pure: the shell reads the rows (from the database or an export) and hands them in.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError

from tabletop.engine.summary import describe
from tabletop.hashchain.chain import EVENT, ChainReport, Row, verify_and_read
from tabletop.hashchain.signature import SignatureCheck, describe_signature
from tabletop.model.events import Event
from tabletop.report.model import Integrity, UnverifiedEvent
from tabletop.report.words import plural

_DAMAGE_WORDS = {
    "edited": "was edited",
    "missing": "is missing",
    "reordered": "is out of order",
    "inserted": "was inserted",
    "unreadable": "cannot be read",
}


def check_log(
    rows: Sequence[Row],
    *,
    source: str,
    expected_count: int | None = None,
    expected_head: str | None = None,
    signature: SignatureCheck | None = None,
) -> tuple[list[Event], Integrity]:
    """The verified events of a log (those before any damage) and the integrity to report.

    `expected_count` and `expected_head` come from outside the chain (the session record,
    an export's header) and catch events cut off or added at the end; `signature` is the
    check of an export's signature (None for a stored session).
    """
    report, events = verify_and_read(
        rows, expected_count=expected_count, expected_head=expected_head
    )
    return events, integrity_of(report, rows, source, signature)


def integrity_of(
    report: ChainReport,
    rows: Sequence[Row],
    source: str,
    signature: SignatureCheck | None = None,
) -> Integrity:
    """The report's integrity section from a chain check of these rows (and the check of
    the signature, for an export): a signature that does not match damages the log."""
    verified = report.events
    forged = signature is not None and not signature.ok
    if report.ok:
        summary = f"Intact: all {plural(verified, 'event')} verified; head {report.head[:16]}."
        if forged:
            summary = (
                f"DAMAGED: the signature does not match the header (the chain of "
                f"{plural(verified, 'event')} is intact, but was not signed as it stands)."
            )
        elif signature is not None and signature.state == "verified":
            summary += f" Signed by {signature.fingerprint}."
        unverified: tuple[UnverifiedEvent, ...] = ()
    else:
        what = _DAMAGE_WORDS.get(report.damage or "", report.damage or "is damaged")
        summary = f"DAMAGED: event {report.seq} {what} ({report.detail})."
        unverified = tuple(_unverified(row) for row in rows[verified:])
    return Integrity(
        status="intact" if report.ok and not forged else "damaged",
        source=source,
        events=len(rows),
        verified=verified,
        head=report.head,
        damage=report.damage,
        damaged_event=report.seq,
        detail=report.detail,
        summary=summary,
        unverified=unverified,
        signature=None if signature is None else signature.state,
        signer=None if signature is None else signature.fingerprint,
    )


def signature_words(integrity: Integrity) -> str | None:
    """The signature of the log in words, for the appendix (None for a stored session)."""
    if integrity.signature is None:
        return None
    return describe_signature(integrity.signature, integrity.signer)


def _unverified(row: Row) -> UnverifiedEvent:
    try:
        event = EVENT.validate_json(row.body)
    except ValidationError:
        return UnverifiedEvent(seq=row.seq, type=row.type, summary="unreadable: not a valid event")
    summary = describe([event]) or event.type.replace("_", " ")
    return UnverifiedEvent(
        seq=row.seq, type=event.type, scenario_time=event.scenario_time, summary=summary
    )
