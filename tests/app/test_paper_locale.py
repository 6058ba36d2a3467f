"""The default paper of a report: US Letter where the locale's territory uses it, else A4."""

from __future__ import annotations

import pytest

from tabletop.app import default_paper


@pytest.mark.parametrize(
    ("environ", "paper"),
    [
        ({"LANG": "en_US.UTF-8"}, "letter"),
        ({"LANG": "fr_CA.UTF-8"}, "letter"),
        ({"LANG": "es_MX"}, "letter"),
        ({"LANG": "fil_PH.UTF-8"}, "letter"),
        ({"LANG": "es_CL.UTF-8"}, "letter"),
        ({"LANG": "es_CO"}, "letter"),
        ({"LANG": "es_VE.UTF-8"}, "letter"),
        ({"LANG": "en-us"}, "letter"),
        ({"LANG": "en_GB.UTF-8"}, "a4"),
        ({"LANG": "de_DE.UTF-8@euro"}, "a4"),
        ({"LANG": "ru_RU.UTF-8"}, "a4"),
        ({"LANG": "en_AU.UTF-8"}, "a4"),
        ({"LANG": "C.UTF-8"}, "a4"),
        ({"LANG": "POSIX"}, "a4"),
        ({}, "a4"),
    ],
)
def test_the_territory_decides(environ: dict[str, str], paper: str) -> None:
    assert default_paper(environ) == paper


def test_lc_all_then_lc_paper_then_lang() -> None:
    assert default_paper({"LANG": "en_US.UTF-8", "LC_PAPER": "en_GB.UTF-8"}) == "a4"
    assert default_paper({"LANG": "en_GB.UTF-8", "LC_PAPER": "en_US.UTF-8"}) == "letter"
    every = {"LANG": "en_US.UTF-8", "LC_PAPER": "en_US.UTF-8", "LC_ALL": "de_DE.UTF-8"}
    assert default_paper(every) == "a4"
    assert default_paper({"LC_ALL": "", "LC_PAPER": "en_CA.UTF-8", "LANG": "de_DE"}) == "letter"


def test_the_process_environment_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_PAPER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_PH.UTF-8")
    assert default_paper() == "letter"
    monkeypatch.setenv("LC_PAPER", "en_IE.UTF-8")
    assert default_paper() == "a4"
