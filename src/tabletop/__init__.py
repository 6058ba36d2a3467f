"""tabletop: facilitated seminar wargames with mandate checks and after-action reports."""

__version__ = "0.1.0"
