"""Fixtures for the end-to-end tests (helpers in tests/support/e2e_support.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from e2e_support import BROWSER_ARGS, CHROMIUM, App, Screen, free_port, missing


@pytest.fixture
def start_app(tmp_path: Path) -> Iterator[Any]:
    """`start_app(home=None)`: a running app (killed after the test)."""
    apps: list[App] = []

    def start(home: Path | None = None) -> App:
        app = App(home or tmp_path / "home", free_port(), tmp_path / "app.log").start()
        apps.append(app)
        return app

    yield start
    for app in apps:
        app.kill()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium under Playwright (never a downloaded browser)."""
    if not CHROMIUM.exists():
        missing(f"no {CHROMIUM}: install Debian's chromium to run the browser tests")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("playwright is not installed (it is in the test extra)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        yield b
        b.close()


@pytest.fixture
def screen(browser: Any, tmp_path: Path) -> Iterator[Screen]:
    """A fresh tab at 1366×768, the laptop the console is laid out for."""
    context = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True)
    page = context.new_page()
    yield Screen(page, tmp_path)
    context.close()
