"""Where the app is served to browsers, and the addresses the room is told to open.

`Serving` says where the server listens and whether other devices can reach it; the join
address uses the machine's address on the local network when it listens on every
interface (the address another device types, not 0.0.0.0).
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


def is_loopback(host: str) -> bool:
    """Whether `host` names this machine only."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def lan_address() -> str:
    """This machine's address on its network (no packet is sent); 127.0.0.1 if none."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.254.254.254", 1))  # UDP connect only picks the outgoing interface
        return str(probe.getsockname()[0])
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


@dataclass(frozen=True)
class Serving:
    """A server the room's devices connect to."""

    host: str
    port: int

    @property
    def network(self) -> bool:
        """Whether other devices can reach it (it does not listen on this machine only)."""
        return not is_loopback(self.host)

    @property
    def address(self) -> str:
        """The base address another device (or this one) opens."""
        host = lan_address() if self.host in ("0.0.0.0", "::", "") else self.host
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}"

    @property
    def join_url(self) -> str:
        """Where a player, an evaluator or the projector joins with a code."""
        return f"{self.address}/join"

    @property
    def reach(self) -> str:
        """Who can reach it, said plainly."""
        if self.network:
            return (
                f"Port {self.port}: anyone on this network can reach the join page; only a "
                "seat's join code opens that seat."
            )
        return f"Port {self.port}: other devices cannot connect."
