"""Benchmark: click Record on a decision, until its badge and its log line are on screen.

Serves `tabletop app --web` with a synthetic pack whose first inject opens N decision
points for one seat (bench/record_decision.py's), starts a session through the screens,
then records N decisions in Debian's chromium under Playwright: each one picks an option
and clicks Record, and the time to the decision's log line appearing in the event log is
taken. Prints p50 and p95. Target: p95 under 150 ms on this machine.

    python bench/gui_latency.py [--decisions 50]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import CHROMIUM_ARGS, free_port
from record_decision import synthetic_pack


def _percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    """Start the app, play the decisions, print the latencies."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decisions", type=int, default=50)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        (home / "packs").mkdir(parents=True)
        (home / "packs" / "bench.json").write_bytes(synthetic_pack(args.decisions + 1))
        port = free_port()
        env = {**os.environ, "TABLETOP_HOME": str(home)}
        proc = subprocess.Popen(
            [sys.executable, "-m", "tabletop", "app", "--web", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1366, "height": 768})
                for _ in range(200):
                    try:
                        page.goto(f"http://127.0.0.1:{port}/", timeout=1000)
                        break
                    except Exception:
                        time.sleep(0.1)
                page.wait_for_selector("flt-semantics-placeholder", state="attached")
                page.evaluate("document.querySelector('flt-semantics-placeholder').click()")
                page.get_by_role("button", name="Preview Benchmark").first.click()
                page.get_by_role("button", name="Set up a session").first.click()
                field = page.get_by_role("textbox", name="Facilitator").first
                field.click()
                page.keyboard.type("Bench")
                page.get_by_role("button", name="Start the session").first.click()
                page.get_by_role("button", name="Record", exact=True).first.wait_for()
                samples = []
                for n in range(args.decisions):
                    page.get_by_role("radio", name="Consult").first.click()
                    page.get_by_role("textbox", name="Rationale").first.click()
                    page.keyboard.type("Because.")  # the points ask for a rationale
                    page.wait_for_timeout(150)  # the last key has reached the server
                    record = page.get_by_role("button", name="Record", exact=True).first
                    began = time.perf_counter()
                    record.click()
                    # The decision's line in the event log ("... chose 'Consult' at DP-n").
                    try:
                        page.get_by_text(f"'Consult' at DP-{n}:").first.wait_for(timeout=10000)
                    except Exception:
                        page.screenshot(path="/tmp/gui_latency_failed.png")
                        raise
                    samples.append(time.perf_counter() - began)
                browser.close()
        finally:
            os.killpg(proc.pid, 9)
            proc.wait()
    p50, p95 = _percentile(samples, 50), _percentile(samples, 95)
    print(f"click Record -> decision in the event log, {len(samples)} decisions")
    print(
        f"p50 {p50 * 1000:6.0f} ms   p95 {p95 * 1000:6.0f} ms   mean "
        f"{statistics.mean(samples) * 1000:6.0f} ms"
    )
    print(f"target: p95 under 150 ms: {'met' if p95 < 0.150 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
