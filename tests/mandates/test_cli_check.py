"""`tabletop check`: output, exit codes and messages for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tabletop.cli import main

PACK = str(Path(__file__).resolve().parents[2] / "tests" / "data" / "mandate-cases.json")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["check", PACK, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_output_has_every_part(capsys) -> None:
    code, out, err = run(
        capsys,
        "--role=csto",
        "--action=peacekeeping_deployment",
        "--param=host=KAZ",
        "--param=force_size=2500",
        "--fact=requests=KAZ>CSTO",
    )
    assert code == 0 and err == ""
    assert out.splitlines()[0] == "PERMITTED WITH OBLIGATIONS"
    assert (
        "action:  Peacekeeping deployment (peacekeeping_deployment): host=KAZ, force_size=2500"
        in out
    )
    assert "granted by CSTO-PKA-2007/pk-in-member-state" in out
    assert "[met] Kazakhstan has asked the CSTO for assistance" in out
    assert "CSTO (2007). Agreement on Peacekeeping Activities" in out
    assert "met when the CSTO takes the action 'Notify the UN Security Council'" in out


def test_denial_shows_each_power_with_its_failed_condition(capsys) -> None:
    code, out, _ = run(
        capsys, "--role", "csto", "--action", "peacekeeping_deployment", "--param", "host=UZB"
    )
    assert code == 0
    assert "power CSTO-PKA-2007/pk-in-member-state (does not apply)" in out
    assert "[not met] Uzbekistan is not a member of the CSTO" in out
    assert "needed: Uzbekistan is a member of the CSTO" in out
    assert "[not met] the UN Security Council has not authorised an operation in Uzbekistan" in out
    # A refusal names the nearest power first, the instruments consulted only in the detail.
    assert "nearest power: CSTO-PKA-2007/pk-beyond-area" in out
    assert out.index("instruments consulted:") > out.index("considered, in order:")


def test_facts_not_given_keep_their_initial_values(capsys) -> None:
    code, out, _ = run(
        capsys, "--role", "rus", "--action", "military_deployment", "--param", "host=TKM"
    )
    assert code == 0 and out.startswith("OUTSIDE MANDATE")
    assert "Turkmenistan has the status of permanent neutrality" in out
    code, out, _ = run(
        capsys,
        "--role",
        "rus",
        "--action",
        "military_deployment",
        "--param",
        "host=TKM",
        "--fact",
        "neutral_states=",
    )
    # The limit's condition is not met (the statement beside it is true): it does not bite.
    assert code == 0 and "[not met] Turkmenistan is not a neutral state" in out
    assert "neutrality (does not bite)" in out


def test_json_output_is_the_verdict(capsys) -> None:
    code, out, _ = run(
        capsys, "--role", "sco", "--action", "convene_contact_group", "--format", "json"
    )
    assert code == 0
    data = json.loads(out)
    assert data["kind"] == "permitted"
    assert data["basis"]["instrument"] == "SCO-AFG-2021"


CONSULT = "--role csto --action consultations --param counterpart=KAZ"
EXERCISE = "--role csto --action joint_exercise --param host=KGZ"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ("--role nato --action consultations", "unknown role 'nato'; valid: csto, sco"),
        ("--role csto --action invade", "unknown action type 'invade'; valid: consultations"),
        (
            "--role csto --action consultations --param who=KAZ",
            "unknown parameter 'who' of action type 'consultations'; valid: counterpart, topic",
        ),
        ("--role csto --action consultations --param counterpart", "write --param as KEY=VALUE"),
        (f"{EXERCISE} --param personnel=many", "expected a whole number"),
        (f"{EXERCISE} --param focus=golf", "expected one of counter_terrorism, border_security"),
        (
            f"{CONSULT} --fact request=KAZ>CSTO",
            "unknown fact 'request'; did you mean 'requests'? valid: requests, unrest_level",
        ),
        (f"{CONSULT} --fact requests=KAZ", "pairs written FROM>TO"),
        (
            "--role csto --action consultations --param counterpart=Kazakhstan",
            "unknown actor 'Kazakhstan'",
        ),
    ],
)
def test_bad_input_exits_1_with_the_valid_names(capsys, argv, message) -> None:
    code, out, err = run(capsys, *argv.split())
    assert code == 1 and out == ""
    assert message in err
    assert "Traceback" not in err


def test_a_pack_that_does_not_load(capsys, tmp_path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": 1, "meta": {}', encoding="utf-8")
    code = main(["check", str(bad), "--role", "csto", "--action", "consultations"])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert str(bad) in err and "does not load" in err


def test_missing_options_are_usage_errors(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["check", PACK, "--action", "consultations"])
    assert exit_.value.code == 2
    assert "--role" in capsys.readouterr().err
