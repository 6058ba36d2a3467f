"""The desktop window's "Let players join": the same app served to the room's devices,
from the window's own process, on the window's event loop.

This server serves seats only (the join page, then a player's, an evaluator's or the
projector's screen): the facilitator's console stays in the window. It listens on every
interface, on `DEFAULT_PORT` if that is free, else on a port the system picks; it stops
when the facilitator switches it off or the window closes.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable

import flet as ft
from flet_web.fastapi.serve_fastapi_web_app import WebServerHandle, serve_fastapi_web_app

from tabletop.ui.serving import Serving

log = logging.getLogger("tabletop.ui")


def _free_port(preferred: int, host: str) -> int:
    """`preferred` if nothing listens there, else one the system gives (uvicorn exits the
    whole process when it cannot bind, so the port is tried here first)."""
    for port in (preferred, 0):
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((host, port))
            except OSError:
                continue
            return int(probe.getsockname()[1])
    raise OSError("no free port to serve the room on")


class RoomServer:
    """A server of the seats, started and stopped from the desktop window."""

    def __init__(self, main: Callable[[ft.Page], None], port: int, host: str = "0.0.0.0") -> None:
        self._main = main
        self._port = port
        self._host = host
        self._handle: WebServerHandle | None = None
        self.serving: Serving | None = None

    async def start(self) -> Serving:
        """Start serving (on the running event loop); where it serves."""
        if self.serving is not None:
            return self.serving
        port = _free_port(self._port, self._host)
        self._handle = await serve_fastapi_web_app(
            self._main,
            before_main=None,
            host=self._host,
            url_host=self._host,
            port=port,
            page_name="",
            assets_dir="",
            upload_dir="",
            no_cdn=True,
            log_level="warning",
        )
        # Flet's helper only creates uvicorn's task: wait until it listens (or gave up),
        # so the address the console shows answers as soon as it is shown.
        handle = self._handle
        for _ in range(100):
            if handle.server.started or handle.serve_task.done():
                break
            await asyncio.sleep(0.05)
        if not handle.server.started:
            self._handle = None
            raise OSError(f"the room could not be served on port {port}")
        self.serving = Serving(self._host, port)
        log.info("room served at %s", self.serving.join_url)
        return self.serving

    async def stop(self) -> None:
        """Stop serving: every device connected is cut off."""
        handle, self._handle, self.serving = self._handle, None, None
        if handle is None:
            return
        # Ask uvicorn's own loop to end (it then shuts the server down), and wait for it:
        # `handle.close()` only shuts the server, and its serve task went on ticking for
        # ever, one more for every time the room was opened.
        handle.server.should_exit = True
        try:
            await handle.serve_task
        except Exception:  # the server failed; it is stopped all the same
            log.exception("the room server did not stop cleanly")
