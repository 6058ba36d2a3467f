"""tabletop resume SESSION: replay a session's log and show where the game stands."""

from __future__ import annotations

import argparse

from tabletop.cli.sessionargs import add_db_option, error, open_store
from tabletop.engine import SessionState
from tabletop.engine.playthrough import describe
from tabletop.engine.state import fact_to_json
from tabletop.model.events import Event
from tabletop.model.pack import Pack
from tabletop.store import LiveSession, StoreError
from tabletop.store.locate import locate_pack


def register(sub: argparse._SubParsersAction) -> None:
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
    """Open the session and print its state."""
    try:
        with open_store(args) as store:
            info = store.find(args.target)
            loaded = locate_pack(info, args.pack)
            live, events = LiveSession.open_with_log(
                store, info, loaded, allow_changed_pack=args.allow_changed_pack
            )
    except StoreError as exc:
        return error(str(exc))
    events = events[len(events) - args.last :] if args.last > 0 else []
    if loaded.content_hash != info.pack_hash:
        print(f"warning: {loaded.path} differs from the pack this session was played with")
    for line in status_lines(live.state, live.pack, events):
        print(line)
    return 0


def status_lines(state: SessionState, pack: Pack, last: list[Event]) -> list[str]:
    """Where the game stands, as lines of text."""
    phases = {p.id: p.title for p in pack.phases}
    dps = {d.id: d.title for d in pack.decision_points}
    clock = "paused" if not state.clock.running else "running"
    lines = [
        f"session {state.session_id}: {state.pack_title} ({state.pack_id} {state.pack_version})",
        f"exercise: {state.exercise}; facilitator: {state.facilitator}",
        f"status: {'ended' if state.ended else 'in play'}; {state.event_count} events",
        f"phase: {state.phase} ({phases.get(state.phase or '', '-')})",
        f"scenario time: {state.clock.time:%Y-%m-%d %H:%M} ({clock})",
        "seats: "
        + (", ".join(f"{s.role}={s.participant}" for s in state.seats.values()) or "none assigned"),
        "open decisions:",
    ]
    for od in state.open_decisions.values():
        title = dps.get(od.decision_point, "")
        lines.append(f"  {od.decision_point} {title}: waiting for {', '.join(od.waiting)}")
    if not state.open_decisions:
        lines.append("  none")
    lines.append("injects waiting for their time:")
    for p in sorted(state.pending.values(), key=lambda p: (p.due, p.inject)):
        lines.append(f"  {p.inject} due {p.due:%Y-%m-%d %H:%M} ({p.how}: {p.because})")
    if not state.pending:
        lines.append("  none")
    lines.append("open obligations:")
    for ob in state.open_obligations:
        lines.append(f"  {ob.id}: {ob.due.text} (owed by {ob.actor})")
    if not state.open_obligations:
        lines.append("  none")
    lines.append("facts:")
    order = {spec.id: n for n, spec in enumerate(pack.facts)}
    for fact in sorted(state.facts, key=lambda f: (order.get(f, len(order)), f)):
        lines.append(f"  {fact} = {fact_to_json(state.facts[fact])!r}")
    if last:
        lines.append("last events:")
        first = state.event_count - len(last) + 1
        for seq, event in enumerate(last, start=first):
            text = describe([event]) or event.type.replace("_", " ")
            lines.append(
                f"  #{seq} {event.at:%Y-%m-%d %H:%M:%S} UTC, scenario "
                f"{event.scenario_time:%Y-%m-%d %H:%M}: {text}"
            )
    return lines
