"""Starting the app: the desktop window (after the preflight checks), or the same app
served to browsers, always on an address chosen explicitly."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Callable

import flet as ft

from tabletop.app import Workspace
from tabletop.ui.preflight import desktop_problem
from tabletop.ui.serving import Serving
from tabletop.ui.shell import AppShell, Mode
from tabletop.ui.viewmodels.hub import Hub
from tabletop.ui.web_server import WebServer, port_free, serve_forever

DEFAULT_PORT = 8550


def app_main(hub: Hub, mode: Mode) -> Callable[[ft.Page], None]:
    """The Flet entry point of the app for one kind of server (see `shell.Mode`)."""

    def main(page: ft.Page) -> None:
        AppShell(page, hub, mode=mode).start()

    return main


def run_desktop(workspace: Workspace) -> int:
    """Open the desktop window; 1 (having said why) if it cannot open here."""
    problem = desktop_problem()
    if problem is not None:
        print(
            f"tabletop: cannot open the desktop window: {problem}.\n"
            f"  To use tabletop in a browser instead: tabletop app --web "
            f"(then open http://127.0.0.1:{DEFAULT_PORT}/)",
            file=sys.stderr,
        )
        return 1
    _configure_logging()
    hub = Hub(workspace)
    hub.room_server = WebServer(app_main(hub, "seats"), DEFAULT_PORT)
    # host is given: without one, Flet would bind every interface if it fell back to web.
    ft.run(
        app_main(hub, "desktop"),
        view=ft.AppView.FLET_APP,
        host="127.0.0.1",
        no_cdn=True,
        assets_dir=None,
    )
    return 0


def run_web(workspace: Workspace, *, host: str, port: int) -> int:
    """Serve the app to browsers at http://host:port/ until interrupted (1, having said
    why, if it cannot listen there)."""
    _configure_logging()
    try:
        port_free(host, port)
    except OSError as exc:
        print(
            f"tabletop: cannot serve on {host}:{port}: {exc.strerror or exc}.\n"
            f"  Choose another port with --port N.",
            file=sys.stderr,
        )
        return 1
    hub = Hub(workspace)
    hub.serving = serving = Serving(host, port)
    if serving.network:
        own = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
        own = f"[{own}]" if ":" in own else own
        print(
            f"tabletop is served to the network at {serving.address}/ : anyone on this network\n"
            f"  can reach the join page, and only a seat's join code opens a seat.\n"
            f"  Players, evaluators and the projector join at {serving.join_url}\n"
            f"  The facilitator's console (keep this address to yourself):\n"
            f"  {_console_address(own, port, hub.lobby.console_key)}\n"
            f"  (good for one console: once used, the next address is printed here)",
            flush=True,
        )
        hub.lobby.on_new_key = lambda key: print(
            f"tabletop: the console's key was used; another console opens at\n"
            f"  {_console_address(own, port, key)}",
            flush=True,
        )
    else:
        print(f"tabletop is served at http://{host}:{port}/ (this machine only)", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        serve_forever(app_main(hub, "network" if serving.network else "local"), host, port)
    return 0


def _console_address(host: str, port: int, key: str) -> str:
    return f"http://{host}:{port}/?key={key}"


def _configure_logging() -> None:
    """Log what the app does (screens shown, errors) to stderr at TABLETOP_LOG_LEVEL."""
    level = os.environ.get("TABLETOP_LOG_LEVEL", "WARNING").upper()
    logging.basicConfig(
        level=getattr(logging, level, logging.WARNING),
        stream=sys.stderr,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
