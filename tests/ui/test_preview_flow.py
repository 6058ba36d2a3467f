"""The pack preview's Flow tab: the SVG Graphviz draws, shown as an image; without
Graphviz, the message saying what to install."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import flet as ft
import pytest
from ui_fakes import FakeShell, texts, walk

from tabletop.packs import load_pack
from tabletop.ui.viewmodels.flow_vm import flow_picture
from tabletop.ui.viewmodels.library_vm import card_of
from tabletop.ui.views.preview_view import PreviewScreen

PACK = Path(__file__).resolve().parents[2] / "scenarios" / "afghan-border-incursion.json"


def _screen(shell: FakeShell) -> PreviewScreen:
    return PreviewScreen(shell, card_of(str(PACK), "shipped", load_pack(PACK)))


def test_the_flow_tab_shows_the_svg_as_an_image(shell: FakeShell) -> None:
    root = _screen(shell).build()
    tabs = [c.label for c in walk(root) if isinstance(c, ft.Tab)]
    assert tabs[-1] == "Flow"
    images = [c for c in walk(root) if isinstance(c, ft.Image)]
    assert len(images) == 1
    svg = images[0].src
    assert isinstance(svg, bytes)
    # Flet draws bytes as SVG when they name the SVG namespace like this.
    assert b' xmlns="http://www.w3.org/2000/svg"' in svg
    ET.fromstring(svg)


def test_without_graphviz_the_flow_tab_says_what_to_install(
    shell: FakeShell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    loaded = load_pack(PACK).loaded
    assert loaded is not None
    picture = flow_picture(loaded.pack)
    assert picture.svg is None and "install graphviz" in picture.message
    root = _screen(shell).build()
    assert not [c for c in walk(root) if isinstance(c, ft.Image)]
    assert any("install graphviz" in t for t in texts(root))
