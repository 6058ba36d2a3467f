"""What `tabletop` with no command shows until the desktop app exists."""

from __future__ import annotations

import argparse

from tabletop.app import Workspace
from tabletop.cli.packs import print_table


def run_home(parser: argparse.ArgumentParser) -> int:
    """Print the installed packs and the available commands."""
    print("tabletop: facilitated seminar wargames with mandate checks\n")
    workspace = Workspace()
    print_table(workspace.packs(), workspace.user_packs_dir)
    parser.print_help()
    return 0
