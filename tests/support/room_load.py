"""Many devices on one room, measured: the app served from this process (so the caller
commits through the game's own verbs and knows when each commit ended), devices joined to
seats in Debian's chromium, and for every commit the time until each device shows it.

A device "shows" commit N when its page says it is up to date with log entry N or later
(a page that is sent two commits at once shows the later one only). The time is taken in
the page (a MutationObserver on Flet's accessibility tree reading its `textContent`, which
costs no layout; `Date.now()`), against the
wall clock read here right after `Game.decide` returned: one machine, one clock.

The server's part is timed too: when each device's screen has sent its update for the
commit (`Following._pushed` returned, timed by a wrapper installed for the run). The gap
between the two is the browser drawing the page; on one machine running every device's
browser, that is where the time goes.

Used by tests/e2e/test_room_load.py and bench/room_latency.py.
"""

from __future__ import annotations

import asyncio
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from e2e_support import Screen, free_port
from synthetic_packs import seat_id, synthetic_pack

from tabletop.app import Applied, Workspace
from tabletop.ui.launch import app_main
from tabletop.ui.viewmodels.hub import Hub
from tabletop.ui.views.following import Following
from tabletop.ui.web_server import WebServer

WATCH = """() => {
  window.__shown = [];
  const look = () => {
    const m = document.body.textContent.match(/log entry (\\d+)/);
    const n = m ? Number(m[1]) : 0;
    const last = window.__shown.length ? window.__shown[window.__shown.length - 1][0] : 0;
    if (n > last) window.__shown.push([n, Date.now()]);
  };
  new MutationObserver(look).observe(document.body,
    {subtree: true, childList: true, characterData: true});
  look();
}"""


@dataclass
class LoadResult:
    """What the devices saw."""

    latencies: list[float] = field(default_factory=list)
    """Seconds from a commit to a device showing it, for every (commit, device)."""
    pushes: list[float] = field(default_factory=list)
    """Seconds from a commit to the server having sent it to a device's screen, for every
    (commit, device) it was sent to."""
    missing: list[tuple[int, int]] = field(default_factory=list)
    """(commit, device) pairs never shown."""
    decisions: int = 0
    verified: bool = False
    decided: int = 0
    """Decisions in the stored log (each once)."""

    def percentile(self, p: float) -> float:
        """The p-th percentile latency, in seconds (nearest rank)."""
        return percentile(self.latencies, p)

    @property
    def median(self) -> float:
        """The median latency, in seconds."""
        return statistics.median(self.latencies)


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile of `values` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


@contextmanager
def timed_pushes() -> Iterator[list[tuple[int, int, float]]]:
    """While open, every room screen's push is recorded as (screen, log entries it saw,
    wall-clock time it was sent): a wrapper around `Following._pushed`, for measuring only."""
    pushes: list[tuple[int, int, float]] = []
    original = Following._pushed

    async def timed(self: Following) -> None:
        count = self._game.state.event_count
        await original(self)
        pushes.append((id(self), count, time.time()))

    Following._pushed = timed  # type: ignore[method-assign]
    try:
        yield pushes
    finally:
        Following._pushed = original  # type: ignore[method-assign]


@contextmanager
def served(hub: Hub) -> Iterator[str]:
    """The app of `hub` served on 127.0.0.1 from a thread of this process; its address."""
    port = free_port()
    server = WebServer(app_main(hub, "local"), port, host="127.0.0.1")
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    stop = asyncio.Event()

    async def serve() -> None:
        await server.start()
        ready.set()
        await stop.wait()
        await server.stop()

    thread = threading.Thread(target=loop.run_until_complete, args=(serve(),), daemon=True)
    thread.start()
    if not ready.wait(30):
        raise RuntimeError("the app was not served within 30 s")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        loop.call_soon_threadsafe(stop.set)
        thread.join(10)


def measure(
    browser: Any,
    folder: Path,
    *,
    devices: int,
    decisions: int,
    seats: int = 15,
    gap: float = 0.5,
) -> LoadResult:
    """Join `devices` browser contexts to the first seats of a synthetic pack's game with
    `seats` seats (one device a seat; the decisions are shared out among the seats, as in a
    game), record `decisions` decisions `gap` seconds apart, and time each commit on each
    device."""
    home = folder / "home"
    (home / "packs").mkdir(parents=True, exist_ok=True)
    path = home / "packs" / "room-load.json"
    path.write_bytes(synthetic_pack(decisions, seats=seats))
    result = LoadResult(decisions=decisions)
    with Workspace(home) as workspace:
        loaded = workspace.load_pack(path).loaded
        assert loaded is not None
        game = workspace.start(loaded, facilitator="Load", exercise="Load")
        hub = Hub(workspace)
        room = hub.room(game)
        codes = [s.code for s in room.seats() if s.kind == "player"]
        with timed_pushes() as pushes, served(hub) as address:
            screens = [_joined(browser, folder, address, codes[n]) for n in range(devices)]
            time.sleep(2)  # the last page to join has finished drawing
            commits: list[tuple[int, float]] = []
            for n in range(decisions):
                role = seat_id(n % seats)
                applied = game.decide(f"DP-{n}", role, "consult", f"Decision {n}.")
                assert isinstance(applied, Applied), applied
                commits.append((applied.state.event_count, time.time()))
                time.sleep(gap)
            last = commits[-1][0]
            _until(lambda: all(_latest(s) >= last for s in screens), 10)
            for device, screen in enumerate(screens):
                shown = screen.page.evaluate("window.__shown")
                for commit, (count, at) in enumerate(commits):
                    seen = next((t for n, t in shown if n >= count), None)
                    if seen is None:
                        result.missing.append((commit, device))
                    else:
                        result.latencies.append(max(0.0, seen / 1000 - at))
            result.pushes = _sent(pushes, commits)
        for screen in screens:  # after the server stopped: no page is sent to a closed tab
            screen.page.context.close()
        result.verified = workspace.verify(game.id).ok
        reopened = workspace.open(game.id)
        result.decided = len(reopened.state.decisions)
    return result


def _joined(browser: Any, folder: Path, address: str, code: str | None) -> Screen:
    context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone
    screen = Screen(context.new_page(), folder).open(f"{address}/join")
    screen.type("Join code", code or "")
    screen.click("Join", exact=True)
    screen.see("Up to date with log entry", timeout=60000)
    screen.page.evaluate(WATCH)
    return screen


def _sent(pushes: list[tuple[int, int, float]], commits: list[tuple[int, float]]) -> list[float]:
    """For each commit and screen, the time from the commit to the screen's first push
    that carried it."""
    by_screen: dict[int, list[tuple[int, float]]] = {}
    for screen, count, at in pushes:
        by_screen.setdefault(screen, []).append((count, at))
    sent = []
    for seen in by_screen.values():
        for count, at in commits:
            first = next((t for n, t in seen if n >= count), None)
            if first is not None:
                sent.append(max(0.0, first - at))
    return sent


def _latest(screen: Screen) -> int:
    shown = screen.page.evaluate("window.__shown")
    return int(shown[-1][0]) if shown else 0


def _until(condition: Callable[[], bool], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not condition():
        time.sleep(0.1)
