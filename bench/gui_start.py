"""Benchmark: from process start to an interactive page in a browser, tabletop against a
hello-world Flet app measured in the same run.

Each run starts the server (`tabletop app --web`, or a Flet app with one button), opens
the page in Debian's chromium under Playwright, switches on the accessibility tree and
waits until a known button can be found by its role and name; the time from starting the
process to that moment is taken. Runs alternate between the two apps. Target: ratio of
medians at most 1.3.

    python bench/gui_start.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from _common import CHROMIUM_ARGS, free_port

HELLO = textwrap.dedent(
    """
    import sys
    import flet as ft

    def main(page):
        page.add(ft.Text("Hello"), ft.Button("Press me"))

    ft.run(main, view=ft.AppView.WEB_BROWSER, host="127.0.0.1", port=int(sys.argv[1]),
           no_cdn=True, assets_dir=None)
    """
)


def _time_to_interactive(
    browser: object, command: list[str], port: int, button: str, env: dict[str, str]
) -> float:
    began = time.perf_counter()
    proc = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        page = browser.new_page()
        while True:
            try:
                page.goto(f"http://127.0.0.1:{port}/", timeout=1000)
                break
            except Exception:
                time.sleep(0.02)
        page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=60000)
        page.evaluate("document.querySelector('flt-semantics-placeholder').click()")
        page.get_by_role("button", name=button).first.wait_for(timeout=60000)
        elapsed = time.perf_counter() - began
        page.close()
        return elapsed
    finally:
        os.killpg(proc.pid, 9)
        proc.wait()


def main(argv: list[str] | None = None) -> int:
    """Time both apps, in turns, and print the medians and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        hello = Path(tmp) / "hello.py"
        hello.write_text(HELLO)
        env = {**os.environ, "FLET_FORCE_WEB_SERVER": "1", "TABLETOP_HOME": f"{tmp}/home"}
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        times: dict[str, list[float]] = {"hello": [], "tabletop": []}
        for _ in range(args.runs):
            port = free_port()
            times["hello"].append(
                _time_to_interactive(
                    browser, [sys.executable, str(hello), str(port)], port, "Press me", env
                )
            )
            port = free_port()
            command = [sys.executable, "-m", "tabletop", "app", "--web", "--port", str(port)]
            times["tabletop"].append(
                _time_to_interactive(browser, command, port, "Preview January 2022", env)
            )
        browser.close()
    hello_s, ours = statistics.median(times["hello"]), statistics.median(times["tabletop"])
    print(f"process start to interactive page, median of {args.runs} runs each")
    print(f"hello-world Flet app      {hello_s * 1000:8.0f} ms")
    print(f"tabletop app --web        {ours * 1000:8.0f} ms   ratio {ours / hello_s:.2f}")
    print(f"target: ratio <= 1.3: {'met' if ours / hello_s <= 1.3 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
