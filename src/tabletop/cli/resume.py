"""tabletop resume SESSION: replay a session's log and show where the game stands."""

from __future__ import annotations

import argparse

from tabletop.app import AppError, Situation
from tabletop.app.situation import ObligationView
from tabletop.cli.sessionargs import add_db_option, error, open_workspace
from tabletop.jsonloc.diagnostics import terminal_safe


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the resume command."""
    p = sub.add_parser(
        "resume",
        help="replay a session and show where the game stands",
        description="Verify a session's log, replay it and print where the game stands: "
        "phase, scenario clock, open decisions, injects waiting, open obligations and the "
        "last events. Refuses a pack whose content differs from the one the session was "
        "played with, unless --allow-changed-pack.",
    )
    p.add_argument("target", metavar="SESSION", help="session id or a unique prefix of it")
    p.add_argument("--pack", metavar="PACK", help="pack file (default: the one it was played from)")
    p.add_argument(
        "--allow-changed-pack",
        action="store_true",
        help="go on even though the pack's content hash differs from the log's",
    )
    p.add_argument("--last", type=int, default=8, metavar="N", help="last N events (default 8)")
    add_db_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Open the session and print where it stands."""
    try:
        with open_workspace(args) as workspace:
            game = workspace.open(
                args.target, pack=args.pack, allow_changed=args.allow_changed_pack
            )
    except AppError as exc:
        return error(str(exc))
    if not game.loaded.is_hashed(game.state.pack_hash):
        print(f"warning: {game.loaded.path} differs from the pack this session was played with")
    for line in situation_lines(game.situation(last=max(args.last, 0))):
        print(terminal_safe(line))  # a log's text is untrusted: no control characters out
    return 0


def situation_lines(s: Situation) -> list[str]:
    """Where the game stands, as lines of text."""
    phase = f"{s.phase.id} ({s.phase.title})" if s.phase else "none (-)"
    lines = [
        f"session {s.session_id}: {s.pack_title} ({s.pack_id} {s.pack_version})",
        f"exercise: {s.exercise}; facilitator: {s.facilitator}",
        f"status: {'ended' if s.ended else 'in play'}; {s.event_count} events",
        f"phase: {phase}",
        f"scenario time: {s.clock.time:%Y-%m-%d %H:%M} ({s.clock.status})",
        "seats: "
        + (
            ", ".join(f"{seat.role}={seat.participant}" for seat in s.seats if seat.participant)
            or "none assigned"
        ),
        "open decisions:",
    ]
    for od in s.open_decisions:
        lines.append(f"  {od.id} {od.title}: waiting for {', '.join(od.waiting)}")
    if not s.open_decisions:
        lines.append("  none")
    lines.append("injects waiting for their time:")
    released = [i for i in s.injects if i.status in ("due", "upcoming") and i.how != "scheduled"]
    for inject in released:
        lines.append(
            f"  {inject.id} due {inject.time:%Y-%m-%d %H:%M} ({inject.how}: {inject.trigger})"
        )
    if not released:
        lines.append("  none")
    lines.append("open obligations:")
    for ob in s.obligations:
        lines.append(f"  {_due(ob)}{ob.id}: {ob.text} (owed by {ob.owed_by}; met {ob.met_by})")
    if not s.obligations:
        lines.append("  none")
    lines.append("facts:")
    for fact in s.facts:
        changed = f" (was {fact.initial})" if fact.changed else ""
        lines.append(f"  {fact.title}: {fact.value}{changed}")
    if s.last_events:
        lines.append("last events:")
        for line in s.last_events:
            lines.append(
                f"  #{line.seq} {line.at:%Y-%m-%d %H:%M:%S} UTC, scenario "
                f"{line.scenario_time:%Y-%m-%d %H:%M}: {line.text}"
            )
    return lines


def _due(ob: ObligationView) -> str:
    """'LATE by 4 h, due 2030-01-01 08:00 (at once): ', 'due ... (within 24 hours): ', ''."""
    if ob.due is None:
        return ""
    due = f"due {ob.due:%Y-%m-%d %H:%M} ({ob.deadline})"
    return f"LATE by {ob.overdue}, {due}: " if ob.late else f"{due}: "
