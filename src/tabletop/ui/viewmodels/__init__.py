"""The state of each screen and what its controls do, over `tabletop.app`: no flet here,
so each is tested by calling it."""
