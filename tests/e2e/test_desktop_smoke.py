"""The desktop window, for real, on a virtual X display: it opens on the library, and a
click on the first pack shows its preview."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from e2e_support import SHOTS, keep, missing

XVFB = shutil.which("Xvfb")
XDOTOOL = shutil.which("xdotool")


def _wait_for(predicate, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def test_the_desktop_window_opens_on_the_library_and_previews_a_pack(tmp_path: Path) -> None:
    if XVFB is None or XDOTOOL is None:
        missing("no Xvfb or xdotool: install xvfb and xdotool to run the desktop smoke test")
    try:
        from PIL import ImageGrab
    except ImportError:
        missing("Pillow is not installed")
    display = ":97"
    xvfb = subprocess.Popen([XVFB, display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"])
    log = tmp_path / "desktop.log"
    env = {
        **os.environ,
        "DISPLAY": display,
        "TABLETOP_HOME": str(tmp_path / "home"),
        "TABLETOP_LOG_LEVEL": "INFO",
    }
    app = None
    try:
        time.sleep(0.5)
        with log.open("wb") as out:
            app = subprocess.Popen(
                [sys.executable, "-m", "tabletop"],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            assert _wait_for(lambda: "screen: library" in log.read_text("utf-8", "replace"), 60), (
                log.read_text("utf-8", "replace")
            )
            time.sleep(2.5)  # the client draws its first frame
            shot = ImageGrab.grab(xdisplay=display)
            shot.save(tmp_path / "desktop-library.png")
            if SHOTS:
                keep(tmp_path / "desktop-library.png")
            colours = shot.convert("RGB").getcolors(maxcolors=1 << 20) or []
            assert len(colours) > 20, "the window is blank"
            # Focus moves in reading order: the first button is the first pack's Preview.
            window = subprocess.run(
                [XDOTOOL, "search", "--sync", "--onlyvisible", "--name", "tabletop"],
                env=env,
                capture_output=True,
                text=True,
                timeout=20,
                check=True,
            ).stdout.split()[0]
            subprocess.run([XDOTOOL, "windowfocus", "--sync", window], env=env, check=True)
            subprocess.run([XDOTOOL, "key", "Tab", "Return"], env=env, check=True)  # fmt: skip
            assert _wait_for(lambda: "screen: preview" in log.read_text("utf-8", "replace"), 20), (
                log.read_text("utf-8", "replace")
            )
            time.sleep(1.5)
            ImageGrab.grab(xdisplay=display).save(tmp_path / "desktop-preview.png")
    finally:
        if app is not None and app.poll() is None:
            os.killpg(app.pid, signal.SIGKILL)
            app.wait(10)
        xvfb.terminate()
        xvfb.wait(10)


pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the desktop smoke is for Linux")
