"""The issue's case table, run through check_action and through `tabletop check`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from mandate_cases import case_facts, check_argv

from tabletop.cli import main
from tabletop.mandates import check_action
from tabletop.mandates.wording import cite
from tabletop.model import ActionSpec

ROOT = Path(__file__).resolve().parents[2]
REQ = "requests"
AGG = "aggression"
AUTH = "unsc_authorisations"

# role, action type, params, facts, verdict kind, words that must be in the headline,
# (document, article) that must be cited, obligation keys.
CASES = [
    dict(
        id="csto-pk-kaz-requested",
        role="csto",
        action="peacekeeping_deployment",
        params={"host": "KAZ", "force_size": 2500},
        facts={REQ: {("KAZ", "CSTO")}},
        kind="permitted_with_obligations",
        words=["Inform the UN Security Council"],
        cites=[("Agreement on Peacekeeping Activities of the CSTO", None)],
        obligations=["CSTO-PKA-2007/pk-in-member-state/inform-unsc"],
    ),
    dict(
        id="csto-pk-kaz-no-request",
        role="csto",
        action="peacekeeping_deployment",
        params={"host": "KAZ"},
        facts={},
        kind="outside_mandate",
        words=["Kazakhstan has not asked the CSTO for assistance"],
        cites=[("Charter of the Collective Security Treaty Organization", None)],
    ),
    dict(
        id="csto-pk-uzb-no-unsc",
        role="csto",
        action="peacekeeping_deployment",
        params={"host": "UZB"},
        facts={REQ: {("UZB", "CSTO")}},
        kind="outside_mandate",
        # The nearest power is the one beyond the CSTO area: membership cannot change in
        # the game, a Security Council decision can.
        words=["the UN Security Council has not authorised an operation in Uzbekistan"],
        cites=[("Agreement on Peacekeeping Activities of the CSTO", None)],
    ),
    dict(
        id="csto-strike-afg",
        role="csto",
        action="cross_border_strike",
        params={"target": "AFG", "against": "armed groups"},
        # "any" facts: even a request and a UNSC authorisation do not help.
        facts={REQ: {("TJK", "CSTO")}, AGG: {("AFG", "TJK")}, AUTH: {("UNSC", "AFG")}},
        kind="outside_mandate",
        words=["No interventions are envisaged beyond the borders", "Afghanistan lies outside"],
        cites=[("CSTO statements on the crisis in Afghanistan (reported by Interfax)", None)],
    ),
    dict(
        id="csto-cda-tjk-attacked",
        role="csto",
        action="collective_defence_assistance",
        params={"beneficiary": "TJK"},
        facts={REQ: {("TJK", "CSTO")}, AGG: {("AFG", "TJK")}},
        kind="permitted",
        words=["Collective Security Treaty 1992, art. 4"],
        cites=[("Collective Security Treaty", "art. 4")],
    ),
    dict(
        id="csto-cda-tjk-no-aggression",
        role="csto",
        action="collective_defence_assistance",
        params={"beneficiary": "TJK"},
        facts={REQ: {("TJK", "CSTO")}},
        kind="outside_mandate",
        words=["Tajikistan faces no aggression"],
        cites=[("Collective Security Treaty", "art. 4")],
    ),
    dict(
        id="csto-exercise-kgz",
        role="csto",
        action="joint_exercise",
        params={"host": "KGZ", "focus": "counter_terrorism"},
        facts={},
        kind="permitted",
        words=["Permitted"],
        cites=[("Charter of the Collective Security Treaty Organization", None)],
    ),
    dict(
        id="csto-exercise-tjk",
        role="csto",
        action="joint_exercise",
        params={"host": "TJK", "focus": "counter_terrorism", "personnel": 4000},
        facts={},
        kind="permitted",
        words=["Permitted"],
        cites=[("Charter of the Collective Security Treaty Organization", None)],
    ),
    dict(
        id="sco-peacekeepers-kaz",
        role="sco",
        action="peacekeeping_deployment",
        params={"host": "KAZ"},
        facts={REQ: {("KAZ", "SCO")}},
        kind="outside_mandate",
        words=["non-use of force", "it rules out every"],
        cites=[
            ("Charter of the Shanghai Cooperation Organisation", None),
            ("Charter of the Shanghai Cooperation Organisation", None),
        ],
    ),
    dict(
        id="sco-troops-afg",
        role="sco",
        action="military_deployment",
        params={"host": "AFG"},
        facts={AUTH: {("UNSC", "AFG")}},
        kind="outside_mandate",
        words=["non-use of force", "it rules out every"],
        cites=[("Charter of the Shanghai Cooperation Organisation", None)],
    ),
    dict(
        id="sco-rats-information",
        role="sco",
        action="information_sharing",
        params={"counterpart": "TJK"},
        facts={},
        kind="permitted",
        words=["Shanghai Convention"],
        cites=[("Shanghai Convention on Combating Terrorism, Separatism and Extremism", None)],
    ),
    dict(
        id="sco-contact-group",
        role="sco",
        action="convene_contact_group",
        params={},
        facts={},
        kind="permitted",
        words=["Contact Group"],
        cites=[("SCO positions on Afghanistan", None)],
    ),
    dict(
        id="rus-exercise-uzb",
        role="rus",
        action="joint_exercise",
        params={"host": "UZB", "partner": "UZB", "personnel": 1500},
        facts={},
        kind="permitted",
        words=["2001"],
        cites=[("Russia–Uzbekistan agreement on military cooperation", None)],
    ),
    dict(
        id="rus-deploy-tkm",
        role="rus",
        action="military_deployment",
        params={"host": "TKM"},
        facts={REQ: {("TKM", "RUS")}},
        kind="outside_mandate",
        words=["neutrality", "Turkmenistan has the status of permanent neutrality"],
        cites=[("Russia–Turkmenistan security treaty", None)],
    ),
    dict(
        id="rus-consult-tkm",
        role="rus",
        action="consultations",
        params={"counterpart": "TKM", "topic": "border risks"},
        facts={},
        kind="permitted",
        words=["consultations"],
        cites=[("Russia–Turkmenistan security treaty", None)],
    ),
    dict(
        id="rus-unilateral-peacekeeping",
        role="rus",
        action="peacekeeping_deployment",
        params={"host": "KGZ", "framework": "none"},
        # Even with a request the law's limit wins.
        facts={REQ: {("KGZ", "RUS")}},
        kind="outside_mandate",
        words=["only within a UN Security Council, regional-organisation or treaty framework"],
        cites=[("Federal Law No. 93 on peacekeeping personnel", None)],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case, pack, world, capsys, monkeypatch) -> None:
    verdict = check_action(
        pack,
        case["role"],
        ActionSpec(type=case["action"], params=case["params"]),
        case_facts(world, case),
    )
    assert verdict.kind == case["kind"], verdict.headline
    for words in case["words"]:
        assert words.lower() in verdict.headline.lower()
    cited = [(c.document, c.article) for c in verdict.citations]
    for want in case["cites"]:
        assert want in cited
    assert [d.key for d in verdict.obligations] == case.get("obligations", [])
    if verdict.kind == "outside_mandate":
        assert verdict.reasons, "a denial gives its reasons"
        assert verdict.basis is None
    else:
        assert verdict.basis is not None and verdict.basis.applies

    # The same case through the command line, text and JSON.
    monkeypatch.chdir(ROOT)
    assert main(check_argv(case)) == 0
    text = capsys.readouterr().out
    assert text.startswith(verdict.label.upper())
    assert verdict.headline in text
    for citation in verdict.citations:
        assert f"  - {cite(citation)}" in text
    for key in case.get("obligations", []):
        assert f"key: {key}" in text
    assert main([*check_argv(case), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == verdict.model_dump(mode="json")


def test_case_through_a_real_process() -> None:
    case = CASES[2]
    done = subprocess.run(
        [sys.executable, "-m", "tabletop", *check_argv(case)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("OUTSIDE MANDATE")
    assert "Uzbekistan is not a member of the CSTO" in done.stdout
    assert "Agreement on Peacekeeping Activities of the CSTO 2007" in done.stdout
