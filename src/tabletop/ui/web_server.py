"""Serving the app to browsers: `tabletop app --web`, and the desktop window's "Let players
join" (the seats only, on the window's own event loop).

Flet's own server accepts a websocket from any web page, so any site open in the
facilitator's browser could drive a console served on 127.0.0.1. Here the Flet app runs in
our own uvicorn behind `BrowserGuard`: a browser's websocket is let in only from a page of
this server (its Origin is the Host it asked for), and a server of this machine only
answers only to this machine's names (a rebound DNS name is refused). FastAPI's own pages
(/docs, /openapi.json) are off, and so is the access log (a console key is in the address).
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import flet as ft
import flet_web.fastapi as flet_fastapi
import uvicorn

from tabletop.ui.serving import Serving, is_loopback

log = logging.getLogger("tabletop.ui")

Scope = dict[str, Any]
Receive = Callable[[], Any]
Send = Callable[[dict[str, Any]], Any]


def _host_name(host_header: str) -> str:
    """The name in a Host header, without its port."""
    if host_header.startswith("["):
        return host_header[1:].split("]", 1)[0]
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


class BrowserGuard:
    """An ASGI layer that refuses cross-site websockets and, on a server of this machine
    only, requests addressed to another name."""

    def __init__(self, app: Any, *, local_only: bool) -> None:
        self.app = app
        self.local_only = local_only

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            headers = {
                k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]
            }
            host = headers.get("host", "")
            refused = self.local_only and not is_loopback(_host_name(host) or "127.0.0.1")
            origin = headers.get("origin")
            if scope["type"] == "websocket" and origin is not None:
                refused = refused or urlsplit(origin).netloc.lower() != host.lower()
            if refused:
                log.warning("refused a %s from %s (host %r)", scope["type"], origin, host)
                await _refuse(scope, receive, send)
                return
        await self.app(scope, receive, send)


async def _refuse(scope: Scope, receive: Receive, send: Send) -> None:
    if scope["type"] == "websocket":
        await receive()  # websocket.connect
        await send({"type": "websocket.close", "code": 1008})
        return
    await send(
        {
            "type": "http.response.start",
            "status": 403,
            "headers": [(b"content-type", b"text/plain; charset=utf-8")],
        }
    )
    await send({"type": "http.response.body", "body": b"Not served to this address.\n"})


def port_free(host: str, port: int) -> int:
    """The port (the system's choice for 0) if this process may listen on it; raises
    OSError if not (uvicorn exits the whole process when it cannot bind, so the port is
    tried here first)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.bind((host, port))
        return int(probe.getsockname()[1])


def _free_port(preferred: int, host: str) -> int:
    """`preferred` if nothing listens there, else one the system gives."""
    try:
        return port_free(host, preferred)
    except OSError:
        return port_free(host, 0)


def _config(main: Callable[[ft.Page], None], host: str, port: int) -> uvicorn.Config:
    app = flet_fastapi.FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.mount("/", flet_fastapi.app(main, no_cdn=True))
    return uvicorn.Config(
        BrowserGuard(app, local_only=is_loopback(host)),
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        ws="websockets-sansio",
        timeout_graceful_shutdown=2,  # a device that never says goodbye does not hold it up
    )


def serve_forever(main: Callable[[ft.Page], None], host: str, port: int) -> None:
    """Serve until interrupted (Ctrl-C), on this thread."""
    asyncio.run(uvicorn.Server(_config(main, host, port)).serve())


class WebServer:
    """A server started and stopped on a running event loop (the desktop window's)."""

    def __init__(self, main: Callable[[ft.Page], None], port: int, host: str = "0.0.0.0") -> None:
        self._main = main
        self._port = port
        self._host = host
        self._server: uvicorn.Server | None = None
        self._task: asyncio.Task[None] | None = None
        self.serving: Serving | None = None

    async def start(self) -> Serving:
        """Start serving (on the running event loop), once it listens; where it serves."""
        if self.serving is not None:
            return self.serving
        port = _free_port(self._port, self._host)
        server = uvicorn.Server(_config(self._main, self._host, port))
        task = asyncio.create_task(server.serve())
        for _ in range(200):
            if server.started or task.done():
                break
            await asyncio.sleep(0.05)
        if not server.started:
            server.should_exit = True
            raise OSError(f"could not serve on port {port}")
        self._server, self._task = server, task
        self.serving = Serving(self._host, port)
        log.info("served at %s", self.serving.join_url)
        return self.serving

    async def stop(self) -> None:
        """Stop serving: every device connected is cut off."""
        server, task = self._server, self._task
        self._server, self._task, self.serving = None, None, None
        if server is None or task is None:
            return
        server.should_exit = True  # uvicorn's loop ends, and shuts the server down
        try:
            await task
        except Exception:  # the server failed; it is stopped all the same
            log.exception("the server did not stop cleanly")
