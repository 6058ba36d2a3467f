"""Playthrough scripts: loading them with located errors, and checking each step's
expectations against the game (pure). Steps are played through `tabletop.app`."""
