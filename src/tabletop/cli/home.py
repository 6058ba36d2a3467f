"""What `tabletop` with no command does: open the desktop app."""

from __future__ import annotations

import argparse

from tabletop.app import Workspace


def run_home(parser: argparse.ArgumentParser) -> int:
    """Open the desktop window on the user's workspace (or say why it cannot open)."""
    del parser  # `tabletop --help` lists the commands
    from tabletop.ui.launch import run_desktop

    return run_desktop(Workspace())
