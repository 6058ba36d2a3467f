"""The docs stay inside the project: an author offline reads every page they point to.
Every Markdown link in the README and docs/ names a file of this repository (and, with
`#`, a heading in it); no page links to the web (a local address the app serves is fine)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")
WEB = re.compile(r"\b(?:https?|ftp)://([^/\s:)>`\"']+)")
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def _anchors(page: Path) -> set[str]:
    """GitHub's anchors for the headings of a Markdown page."""
    headings = re.findall(r"^#+ (.+)$", page.read_text("utf-8"), re.MULTILINE)
    slugs = set()
    for heading in headings:
        plain = re.sub(r"[^\w\- ]", "", heading.strip().lower().replace("`", ""))
        slugs.add(plain.replace(" ", "-"))
    return slugs


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_link_names_a_file_of_the_project(page: Path) -> None:
    for target in LINK.findall(page.read_text("utf-8")):
        assert not WEB.match(target), f"{page.name} links outside the project: {target}"
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        assert linked.is_file(), f"{page.name} links to a missing file: {target}"
        assert linked.is_relative_to(ROOT), f"{page.name} links outside the project: {target}"
        if anchor and linked.suffix == ".md":
            assert anchor in _anchors(linked), f"{page.name}: no heading for {target}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_page_points_to_the_web(page: Path) -> None:
    hosts = set(WEB.findall(page.read_text("utf-8")))
    assert hosts <= LOCAL_HOSTS, f"{page.name} names web addresses: {sorted(hosts - LOCAL_HOSTS)}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_page_sends_an_author_to_the_test_data(page: Path) -> None:
    assert "tests/data" not in page.read_text("utf-8"), f"{page.name} names tests/data"
