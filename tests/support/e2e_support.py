"""Helpers for running the app for real: served to Debian's chromium driven by Playwright,
or in a desktop window on a virtual X display.

Without chromium (or Xvfb) these tests skip, saying why; `.ci/run` sets
TABLETOP_E2E_REQUIRED=1, which makes a missing browser or display a failure instead.
Screenshots go to the test's folder, and also to $TABLETOP_SCREENSHOTS when that is set
(`docs/screenshots` is made that way).
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
REQUIRED = os.environ.get("TABLETOP_E2E_REQUIRED") == "1"
SHOTS = os.environ.get("TABLETOP_SCREENSHOTS")
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def missing(what: str) -> None:
    """Skip for lack of a tool, or fail when CI requires it."""
    if REQUIRED:
        pytest.fail(f"{what}; TABLETOP_E2E_REQUIRED=1 makes this a failure")
    pytest.skip(what)


def keep(path: Path) -> None:
    """Copy a screenshot to $TABLETOP_SCREENSHOTS, in 256 colours (a third of the bytes;
    the README shows these)."""
    from PIL import Image

    Path(SHOTS or ".").mkdir(parents=True, exist_ok=True)
    with Image.open(path) as image:
        image.convert("RGB").quantize(256).save(Path(SHOTS or ".") / path.name, optimize=True)


def free_port() -> int:
    """A port nobody listens on, for one app."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class App:
    """`tabletop app --web` in its own process group, with its own home; with `host`
    0.0.0.0 it is open to the network, and `console_url` holds the facilitator's key."""

    def __init__(self, home: Path, port: int, log: Path, host: str = "127.0.0.1") -> None:
        self.home, self.port, self.log_path, self.host = home, port, log, host
        self.url = f"http://127.0.0.1:{port}/"
        self.join_url = f"{self.url}join"
        self.console_url = self.url
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> App:
        """Start the server and wait until it answers."""
        env = {**os.environ, "TABLETOP_HOME": str(self.home), "TABLETOP_LOG_LEVEL": "INFO"}
        self.log = self.log_path.open("ab")
        command = ["tabletop", "app", "--web", "--host", self.host, "--port", str(self.port)]
        self.proc = subprocess.Popen(
            [sys.executable, "-m", *command],
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the app exited: {self.log_path.read_text()}")
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    keys = re.findall(r"\?key=(\S+)", self.log_path.read_text("utf-8", "replace"))
                    if keys:  # the last: the log keeps earlier runs of the same home
                        self.console_url = f"{self.url}?key={keys[-1]}"
                    return self
            time.sleep(0.1)
        raise RuntimeError("the app did not start listening within 60 s")

    def kill(self) -> None:
        """SIGKILL the app and all it started (a laptop whose battery died)."""
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)
        self.log.close()

    def logged(self, text: str) -> bool:
        """Whether the app's log says it."""
        return text in self.log_path.read_text("utf-8", "replace")


def _starting(text: str) -> re.Pattern[str]:
    """A pattern for a name that starts with the text (escaped for Playwright, whose
    selector syntax also stumbles on an escaped space or a bare slash)."""
    escaped = re.sub(r"([.^$*+?{}\[\]\\|()/])", r"\\\1", text)
    return re.compile("^" + escaped)


class Screen:
    """A browser tab on the app, driven by the accessibility tree Flet builds."""

    def __init__(self, page: Any, shots: Path) -> None:
        self.page, self.shots = page, shots

    def open(self, url: str) -> Screen:
        """Load the app and switch on its accessibility tree."""
        self.page.goto(url)
        self.page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=60000)
        self.page.evaluate("document.querySelector('flt-semantics-placeholder').click()")
        self.page.wait_for_selector("flt-semantics", state="attached", timeout=60000)
        return self

    def button(self, name: str, *, exact: bool = False) -> Any:
        """The button with that accessible name."""
        return self.page.get_by_role("button", name=name, exact=exact).first

    def click(self, name: str, *, exact: bool = False) -> None:
        """Click a button by its accessible name."""
        target = self.button(name, exact=exact)
        target.wait_for(timeout=20000)
        target.click()

    def type(self, label: str, text: str) -> None:
        """Type into the text field with that label (click, then type: fill is unreliable)."""
        field = self.page.get_by_role("textbox", name=label).first
        field.wait_for(timeout=20000)
        field.click()
        self.page.keyboard.press("Control+A")
        self.page.keyboard.type(text)

    def pick(self, label: str, entry: str) -> None:
        """Choose an entry of a dropdown: the dropdown and its entries are buttons, the
        dropdown named by its label, each entry by its text (matched from its start)."""
        self.click(label, exact=True)
        choice = self.page.get_by_role("button", name=_starting(entry))
        choice.last.wait_for(timeout=20000)
        choice.last.click()
        self.page.wait_for_timeout(300)

    def has_entry(self, label: str, entry: str) -> bool:
        """Whether a dropdown is there and offers an entry (opened, looked at, closed)."""
        if not self.page.get_by_role("button", name=label, exact=True).count():
            return False
        self.click(label, exact=True)
        self.page.wait_for_timeout(400)
        found = self.page.get_by_role("button", name=_starting(entry))
        present = found.count() > 0
        self.page.keyboard.press("Escape")
        self.page.wait_for_timeout(300)
        return present

    def see(self, text: str, timeout: float = 20000) -> None:
        """Wait until a text is on screen."""
        self.page.get_by_text(text).first.wait_for(timeout=timeout)

    def shot(self, name: str) -> Path:
        """A screenshot (after the ripples settle), kept with the test and, if asked, in
        $TABLETOP_SCREENSHOTS."""
        time.sleep(0.8)
        path = self.shots / f"{name}.png"
        self.page.screenshot(path=str(path))
        if SHOTS:
            keep(path)
        return path
