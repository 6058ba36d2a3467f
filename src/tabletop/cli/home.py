"""What `tabletop` with no command shows until the desktop app exists."""

from __future__ import annotations

import argparse

from tabletop.cli.packs import print_table
from tabletop.packs.installed import installed_packs


def run_home(parser: argparse.ArgumentParser) -> int:
    """Print the installed packs and the available commands."""
    print("tabletop: facilitated seminar wargames with mandate checks\n")
    print_table(installed_packs())
    parser.print_help()
    return 0
