"""Can the desktop window open here? Checked before starting it, in a few milliseconds.

Flet's client fails silently: with a bad DISPLAY or a missing GTK library `ft.run` just
returns, and with no DISPLAY at all it quietly serves the app on every network interface
instead (GUI.md). So the desktop app is only started once these checks pass.
"""

from __future__ import annotations

import ctypes
import os
import sys

CLIENT_LIBRARIES = {
    "libgtk-3.so.0": "libgtk-3-0",
    "libepoxy.so.0": "libepoxy0",
    "libsecret-1.so.0": "libsecret-1-0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}
"""What Flet's Linux desktop client links that a minimal system lacks (library: Debian
package)."""


def desktop_problem() -> str | None:
    """Why the desktop window cannot open here, in words, or None when it can."""
    if not sys.platform.startswith("linux"):
        return None  # the macOS and Windows clients need nothing the system lacks
    display = os.environ.get("DISPLAY", "")
    if not display:
        return "there is no display (DISPLAY is not set)"
    missing = []
    for library, package in CLIENT_LIBRARIES.items():
        try:
            ctypes.CDLL(library)
        except OSError:
            missing.append((library, package))
    if missing:
        names = ", ".join(lib for lib, _ in missing)
        packages = " ".join(pkg for _, pkg in missing)
        return (
            f"the desktop client needs {names}, which this system lacks; install them with: "
            f"sudo apt-get install {packages}"
        )
    try:
        xlib = ctypes.CDLL("libX11.so.6")
    except OSError:
        return "the X11 library libX11.so.6 is missing; install it: sudo apt-get install libx11-6"
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    handle = xlib.XOpenDisplay(display.encode())
    if not handle:
        return f"cannot open the display {display}"
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    xlib.XCloseDisplay(handle)
    return None
