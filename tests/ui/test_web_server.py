"""The desktop window's server of seats (`WebServer`) started and stopped on an event loop
of its own, the port it falls back to, and what `Serving` says about where the app is
served."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
import urllib.request
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, TypeVar

import flet as ft
import pytest

from tabletop.ui import serving as serving_module
from tabletop.ui.serving import Serving, is_loopback
from tabletop.ui.web_server import WebServer, _free_port

T = TypeVar("T")
HOST = "127.0.0.1"


def _run(main: Callable[[], Awaitable[T]]) -> T:
    """`asyncio.run(main())` on a thread of its own: another test's loop (Playwright's) may
    be running in this one."""
    out: dict[str, Any] = {}

    def run() -> None:
        try:
            out["result"] = asyncio.run(main())  # type: ignore[arg-type]
        except BaseException as exc:  # handed to the test's thread
            out["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=20)
    assert not thread.is_alive(), "the event loop did not finish"
    if "error" in out:
        raise out["error"]
    return out["result"]  # type: ignore[no-any-return]


def _unused_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def _refused(port: int) -> bool:
    try:
        with socket.create_connection((HOST, port), timeout=1):
            return False
    except OSError:
        return True


def _get(url: str) -> int:
    """The status of a GET of `url`, trying again while the server is still starting."""
    deadline = time.monotonic() + 5
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return int(response.status)
        except ConnectionRefusedError:
            pass
        except OSError as exc:
            if not isinstance(getattr(exc, "reason", None), ConnectionRefusedError):
                raise
        if time.monotonic() > deadline:
            raise AssertionError(f"nothing answered at {url}")
        time.sleep(0.02)


def _main(page: ft.Page) -> None:
    page.add(ft.Text("A seat."))


@pytest.fixture
def listening() -> Iterator[int]:
    """A port something already listens on."""
    with socket.socket() as taken:
        taken.bind((HOST, 0))
        taken.listen()
        yield int(taken.getsockname()[1])


# --- the server -------------------------------------------------------------------------------


def test_the_room_server_serves_the_app_until_stopped():
    port = _unused_port()

    async def scenario() -> dict[str, Any]:
        server = WebServer(_main, port, host=HOST)
        serving = await server.start()
        again = await server.start()  # a second switch-on changes nothing
        status = await asyncio.to_thread(_get, f"http://{HOST}:{port}/")
        served = server.serving
        await server.stop()
        await asyncio.sleep(0)
        left = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        refused = await asyncio.to_thread(_refused, port)
        return {
            "serving": serving,
            "again": again,
            "status": status,
            "served": served,
            "after": server.serving,
            "left": left,
            "refused": refused,
        }

    out = _run(scenario)
    serving = out["serving"]
    assert serving == Serving(HOST, port) and out["again"] is serving
    assert out["served"] is serving and not serving.network
    assert serving.join_url == f"http://{HOST}:{port}/join"
    assert out["status"] == 200
    assert out["after"] is None
    assert out["refused"], "the port still accepts connections after stop()"
    assert out["left"] == [], f"the server left tasks running: {out['left']}"


def test_the_room_server_can_be_opened_again_after_it_was_stopped():
    port = _unused_port()

    async def scenario() -> list[int]:
        server = WebServer(_main, port, host=HOST)
        statuses = []
        for _ in range(2):
            serving = await server.start()
            statuses.append(await asyncio.to_thread(_get, serving.join_url))
            await server.stop()
        await server.stop()  # stopping a stopped server is harmless
        return statuses

    assert _run(scenario) == [200, 200]


def test_a_room_server_stopped_at_once_leaves_nothing_behind():
    port = _unused_port()

    async def scenario() -> tuple[list[asyncio.Task[Any]], bool]:
        server = WebServer(_main, port, host=HOST)
        await server.start()
        await server.stop()  # before uvicorn had even bound the port
        left = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        return left, await asyncio.to_thread(_refused, port)

    left, refused = _run(scenario)
    assert left == [] and refused


def test_the_preferred_port_when_free_else_another(listening: int):
    free = _unused_port()
    assert _free_port(free, HOST) == free
    other = _free_port(listening, HOST)
    assert other != listening and other > 0
    with socket.socket() as probe:
        probe.bind((HOST, other))  # the port given is one that can be bound


def test_the_room_server_moves_off_a_port_in_use(listening: int):
    async def scenario() -> tuple[Serving, int]:
        server = WebServer(_main, listening, host=HOST)
        serving = await server.start()
        try:
            status = await asyncio.to_thread(_get, serving.join_url)
        finally:
            await server.stop()
        return serving, status

    serving, status = _run(scenario)
    assert serving.port != listening and status == 200


# --- where the app is served ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("::1", True),
        ("localhost", True),
        ("127.0.0.2", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.5", False),
        ("tabletop.example", False),
    ],
)
def test_is_loopback(host: str, loopback: bool):
    assert is_loopback(host) is loopback


def test_served_on_every_interface_it_is_reached_at_the_machines_address(
    monkeypatch: pytest.MonkeyPatch,
):
    everywhere = Serving("0.0.0.0", 8550)
    assert everywhere.network
    assert "0.0.0.0" not in everywhere.address and everywhere.address.endswith(":8550")
    assert everywhere.join_url == f"{everywhere.address}/join"
    assert "anyone on this network" in everywhere.reach
    monkeypatch.setattr(serving_module, "lan_address", lambda: "192.168.1.5")
    assert everywhere.address == "http://192.168.1.5:8550"
    assert everywhere.join_url == "http://192.168.1.5:8550/join"


def test_served_on_this_machine_only():
    local = Serving("127.0.0.1", 8550)
    assert not local.network
    assert local.address == "http://127.0.0.1:8550"
    assert local.join_url == "http://127.0.0.1:8550/join"
    assert local.reach == "Port 8550: other devices cannot connect."
    assert Serving("::1", 8550).address == "http://[::1]:8550"
    assert Serving("192.168.1.5", 8550).network


def _raw(port: int, request: str) -> str:
    """The status line the server answers a raw request with."""
    with socket.create_connection((HOST, port), timeout=5) as conn:
        conn.sendall(request.encode("latin-1"))
        return conn.recv(4096).decode("latin-1").split("\r\n", 1)[0]


def _upgrade(port: int, origin: str | None, host: str | None = None) -> str:
    lines = [
        "GET /ws HTTP/1.1",
        f"Host: {host or f'{HOST}:{port}'}",
        "Upgrade: websocket",
        "Connection: Upgrade",
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
        "Sec-WebSocket-Version: 13",
    ]
    if origin is not None:
        lines.append(f"Origin: {origin}")
    return _raw(port, "\r\n".join(lines) + "\r\n\r\n")


def test_a_page_of_another_site_cannot_open_the_app_websocket():
    """A web page elsewhere (or a rebound DNS name) must not drive a console served on
    this machine: its websocket is refused; the app's own page gets in."""
    port = _unused_port()

    async def probe() -> dict[str, str]:
        server = WebServer(_main, port, host=HOST)
        await server.start()
        try:
            return {
                name: await asyncio.to_thread(_upgrade, port, origin, host)
                for name, origin, host in (
                    ("own", f"http://{HOST}:{port}", None),
                    ("localhost", f"http://localhost:{port}", f"localhost:{port}"),
                    ("cross-site", "https://evil.example", None),
                    ("rebound", f"http://evil.example:{port}", f"evil.example:{port}"),
                )
            } | {
                "page, rebound": await asyncio.to_thread(
                    _raw, port, f"GET / HTTP/1.1\r\nHost: evil.example:{port}\r\n\r\n"
                ),
                "page, own": await asyncio.to_thread(
                    _raw, port, f"GET / HTTP/1.1\r\nHost: {HOST}:{port}\r\n\r\n"
                ),
            }
        finally:
            await server.stop()

    answers = _run(probe)
    assert " 101 " in answers["own"] + " " and " 101 " in answers["localhost"] + " "
    assert " 403 " in answers["cross-site"] + " ", answers["cross-site"]
    assert " 403 " in answers["rebound"] + " ", answers["rebound"]
    assert " 403 " in answers["page, rebound"] + " " and " 200 " in answers["page, own"] + " "
