"""Benchmark: a commit's way to every device in the room.

Serves the app from this process with a synthetic game of 15 seats, joins devices to the
seats in Debian's chromium (one browser context each) and records 30 decisions, a quarter
second apart, through `Game.decide`; for each commit and device, the time until the
device's page shows it (tests/support/room_load.py says how it is taken). Measured with
one device (the baseline) and then 15 in the same run; prints p50 and p95 of each and
their ratio, and the server's share: the time until each device's screen had sent its
update (the rest is the browser drawing it). Target (issue 13): p95 within 1 s with 15
devices. On one machine running every device's browser, the end-to-end figure measures
that machine's software rendering of all the pages as much as the app; the server's share
is the app's.

    python bench/room_latency.py [--devices 15] [--decisions 30]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "support"))
from e2e_support import BROWSER_ARGS, CHROMIUM
from room_load import measure, percentile


def main(argv: list[str] | None = None) -> int:
    """Measure one device, then many; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=15)
    parser.add_argument("--decisions", type=int, default=30)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        runs = {}
        for devices in (1, args.devices):
            folder = Path(tmp) / f"devices-{devices}"
            folder.mkdir()
            runs[devices] = measure(
                browser, folder, devices=devices, decisions=args.decisions, seats=args.devices
            )
        browser.close()
    for devices, r in runs.items():
        print(
            f"{devices:>3} device(s): p50 {r.median * 1000:6.0f} ms  "
            f"p95 {r.percentile(95) * 1000:6.0f} ms  "
            f"(sent: p50 {percentile(r.pushes, 50) * 1000:4.0f} ms, "
            f"p95 {percentile(r.pushes, 95) * 1000:4.0f} ms)  "
            f"never shown {len(r.missing)}  log verified {r.verified}, {r.decided} decisions"
        )
    one, many = runs[1], runs[args.devices]
    print(
        f"ratio {args.devices} devices / 1: p50 {many.median / one.median:.2f}  "
        f"p95 {many.percentile(95) / one.percentile(95):.2f}  "
        f"sent p95 {percentile(many.pushes, 95) / percentile(one.pushes, 95):.2f}  "
        "(target: p95 under 1 s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
