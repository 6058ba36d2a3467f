"""tabletop details SESSION [--type ...] [--location ...] ...: show or change the exercise's
details (type, location, sponsor, points of contact, evaluators, controllers)."""

from __future__ import annotations

import argparse

from tabletop.app import AppError, Refusal
from tabletop.app.exercise_details import (
    CONTACT_FORMAT,
    EXERCISE_TYPES,
    DetailsChange,
    change_details,
    details_lines,
    parse_contacts,
)
from tabletop.cli.sessionargs import add_db_option, error, open_workspace
from tabletop.jsonloc.diagnostics import terminal_safe
from tabletop.model.events import PointOfContact


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the details command."""
    p = sub.add_parser(
        "details",
        help="show or change a session's exercise details (type, place, contacts, evaluators)",
        description="Without options, print the exercise details of SESSION as last "
        "recorded. With options, record them again with those changed and the others kept "
        "(also after the session ended): an option given with '' takes that detail away; "
        "a repeatable option given again replaces the whole list.",
    )
    p.add_argument("target", metavar="SESSION", help="session id or a unique prefix of it")
    p.add_argument("--type", choices=[*EXERCISE_TYPES, "none"], help="exercise type")
    p.add_argument("--location", metavar="TEXT", help="where the exercise is held")
    p.add_argument("--sponsor", metavar="TEXT", help="sponsor, when not the pack's")
    p.add_argument(
        "--contact",
        action="append",
        metavar="TEXT",
        help=f"a point of contact, '{CONTACT_FORMAT}' (repeatable)",
    )
    p.add_argument("--evaluator", action="append", metavar="NAME", help="an evaluator (repeatable)")
    p.add_argument(
        "--controller", action="append", metavar="NAME", help="a controller (repeatable)"
    )
    p.add_argument("--pack", metavar="PACK", help="pack file (default: the one it was played from)")
    p.add_argument(
        "--allow-changed-pack",
        action="store_true",
        help="go on even though the pack's content hash differs from the log's",
    )
    add_db_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Open the session, record the change if any, and print the details."""
    try:
        change = DetailsChange(
            exercise_type=None if args.type is None else "" if args.type == "none" else args.type,
            location=args.location,
            sponsor=args.sponsor,
            points_of_contact=_contacts(args.contact),
            evaluators=_names(args.evaluator),
            controllers=_names(args.controller),
        )
        with open_workspace(args) as workspace:
            game = workspace.open(
                args.target, pack=args.pack, allow_changed=args.allow_changed_pack
            )
            if not change.empty:
                done = change_details(game, change)
                if isinstance(done, Refusal):
                    return error(done.message)
                print(f"session {game.id}: exercise details recorded (event {done.first_seq})")
    except AppError as exc:
        return error(str(exc))
    for line in details_lines(game.details, game.pack.meta.sponsor):
        print(terminal_safe(line))  # a log's text is untrusted: no control characters out
    return 0


def _contacts(given: list[str] | None) -> tuple[PointOfContact, ...] | None:
    return None if given is None else parse_contacts("\n".join(given))


def _names(given: list[str] | None) -> tuple[str, ...] | None:
    return None if given is None else tuple(n.strip() for n in given if n.strip())
