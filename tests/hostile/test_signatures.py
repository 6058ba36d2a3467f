"""Forged signed exports: events edited and the chain and header recomputed with the old
signature kept, another key's signature swapped in, another log's signature, a signature
that is garbage. The chain alone cannot see the first; verify, import and the report can."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import docx
import jsonschema
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tabletop.app import Workspace
from tabletop.cli import main
from tabletop.hashchain.chain import GENESIS, canonical_json, link
from tabletop.hashchain.signature import sign_header
from tabletop.model.sessionlog import LogHeader
from tabletop.packs import LoadedPack
from tabletop.paths import schemas_dir
from tabletop.store import verify_log

RATIONALE = "Wait and see."
EXAMPLE_PACK = Path(__file__).resolve().parents[1] / "data" / "example-pack.json"


@pytest.fixture
def workspace(home: Path, tmp_path: Path, clock) -> Iterator[Workspace]:
    """The workspace the CLI opens: TABLETOP_HOME (the `home` fixture) and a database."""
    with Workspace(home, sessions=tmp_path / "sessions.sqlite", clock=clock) as ws:
        yield ws


@pytest.fixture
def game_id(workspace: Workspace, example: LoadedPack) -> str:
    """A short game of the example pack, with a decision and its rationale."""
    game = workspace.start(example, facilitator="F", exercise="Signatures")
    game.decide("DP-1", "arv_government", "hold", RATIONALE)
    game.advance(by=timedelta(hours=28))
    game.decide("DP-2", "arv_government", "ask-compact", "")
    return game.id


@pytest.fixture
def signed(workspace: Workspace, game_id: str, tmp_path: Path) -> Path:
    """The game exported with `--sign`."""
    path = tmp_path / "signed.jsonl"
    db = str(workspace.sessions_path)
    assert main(["export", game_id, "-o", str(path), "--sign", "--session", db]) == 0
    return path


def lines_of(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    lines = path.read_text("utf-8").splitlines()
    return json.loads(lines[0]), [json.loads(line) for line in lines[1:]]


def write(path: Path, header: dict[str, Any], events: list[dict[str, Any]]) -> Path:
    text = "\n".join(json.dumps(x, ensure_ascii=False) for x in [header, *events]) + "\n"
    path.write_text(text, encoding="utf-8")
    return path


def rechained(header: dict[str, Any], events: list[dict[str, Any]]) -> dict[str, Any]:
    """Every hash recomputed and the header's head with them, as a careful forger would."""
    prev = GENESIS
    for line in events:
        line["prev"] = prev
        line["hash"] = prev = link(prev, canonical_json(line["event"]))
    return {**header, "head": prev}


def forge(signed: Path, tmp_path: Path) -> Path:
    """The signed export with a rationale rewritten, re-chained, the signature kept."""
    header, events = lines_of(signed)
    edited = [e for e in events if e["event"].get("rationale") == RATIONALE]
    assert len(edited) == 1
    edited[0]["event"]["rationale"] = "Strike first."
    return write(tmp_path / "forged.jsonl", rechained(header, events), events)


def verify(path: Path, capsys) -> tuple[int, str, str]:
    code = main(["verify", str(path)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_signed_export_verifies_and_names_its_signer(signed, workspace, capsys):
    code, out, _ = verify(signed, capsys)
    fp = workspace.key_fingerprint()
    assert fp is not None and fp.startswith("SHA256:")
    assert code == 0
    assert f"signed by {fp} (verified); this installation's own key" in out


def test_a_signed_export_from_elsewhere_is_not_this_installations(
    signed, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("TABLETOP_HOME", str(tmp_path / "analyst"))
    code, out, _ = verify(signed, capsys)
    assert code == 0 and "(verified); not this installation's key" in out


def test_an_unsigned_export_says_not_signed(workspace, game_id, tmp_path, capsys):
    path = tmp_path / "plain.jsonl"
    db = str(workspace.sessions_path)
    assert main(["export", game_id, "-o", str(path), "--session", db]) == 0
    code, out, _ = verify(path, capsys)
    assert code == 0 and out.splitlines()[-1].endswith(": not signed")


def test_a_stored_session_reports_its_chain_alone(workspace, game_id, capsys):
    assert main(["verify", game_id, "--session", str(workspace.sessions_path)]) == 0
    out = capsys.readouterr().out
    assert "intact" in out and "sign" not in out


def test_a_rechained_forgery_keeps_an_intact_chain_but_fails_the_signature(
    signed, tmp_path, capsys
):
    forged = forge(signed, tmp_path)
    _, chain = verify_log(forged.read_bytes(), "forged.jsonl")
    assert chain.ok  # the chain alone is fooled: that is what the signature is for
    code, out, _ = verify(forged, capsys)
    assert code == 1
    assert "intact" in out and "signature does NOT match" in out
    db = str(tmp_path / "other.sqlite")
    assert main(["import", str(forged), "--session", db]) == 1
    assert "is not imported: signature does NOT match" in capsys.readouterr().err


def test_a_header_edited_under_its_signature_fails(signed, tmp_path, capsys):
    header, events = lines_of(signed)
    header["facilitator"] = "Someone else"
    code, out, _ = verify(write(tmp_path / "edited.jsonl", header, events), capsys)
    assert code == 1 and "signature does NOT match" in out


def test_another_keys_signature_fails(signed, tmp_path, capsys):
    header, events = lines_of(signed)
    theirs = sign_header(LogHeader.model_validate_json(json.dumps(header)), _new_key())
    assert theirs.signature is not None
    header["signature"]["value"] = theirs.signature.value  # our key named, their signature
    code, out, _ = verify(write(tmp_path / "swapped.jsonl", header, events), capsys)
    assert code == 1 and "signature does NOT match" in out


def test_a_forger_signing_with_their_own_key_is_named_as_themselves(
    signed, workspace, tmp_path, capsys
):
    header, events = lines_of(signed)
    header = rechained(header, events)
    theirs = sign_header(LogHeader.model_validate_json(json.dumps(header)), _new_key())
    header["signature"] = theirs.model_dump(mode="json")["signature"]
    code, out, _ = verify(write(tmp_path / "resigned.jsonl", header, events), capsys)
    # The file is consistent: what gives the forger away is the fingerprint, theirs not ours.
    assert code == 0
    assert str(workspace.key_fingerprint()) not in out
    assert "(verified); not this installation's key" in out


def test_another_logs_signature_fails(signed, workspace, example, tmp_path, capsys):
    other = workspace.start(example, facilitator="F", exercise="Another game")
    path = tmp_path / "other.jsonl"
    db = str(workspace.sessions_path)
    assert main(["export", other.id, "-o", str(path), "--sign", "--session", db]) == 0
    header, events = lines_of(signed)
    header["signature"] = lines_of(path)[0]["signature"]  # same key, a different header
    code, out, _ = verify(write(tmp_path / "moved.jsonl", header, events), capsys)
    assert code == 1 and "signature does NOT match" in out


@pytest.mark.parametrize(
    "garbage",
    [
        "xyz",
        42,
        {"algorithm": "rsa"},
        {"algorithm": "ed25519", "public_key": "short", "value": "short"},
        {"algorithm": "ed25519", "public_key": "A" * 43 + "=", "value": "!" * 86 + "=="},
        {"algorithm": "ed25519", "public_key": "A" * 43 + "=", "value": "A" * 86 + "==", "x": 1},
    ],
)
def test_a_garbage_signature_is_an_error_naming_the_line(signed, tmp_path, capsys, garbage):
    header, events = lines_of(signed)
    header["signature"] = garbage
    path = write(tmp_path / "garbage.jsonl", header, events)
    code, out, err = verify(path, capsys)
    assert code == 1 and out == ""
    assert err.startswith(f"tabletop: error: {path}:1: the header's signature cannot be read")
    assert "Traceback" not in err


def test_a_signature_of_bytes_that_are_no_key_does_not_match(signed, tmp_path, capsys):
    header, events = lines_of(signed)
    header["signature"]["public_key"] = base64.b64encode(b"\xff" * 32).decode()
    code, out, _ = verify(write(tmp_path / "nokey.jsonl", header, events), capsys)
    assert code == 1 and "signature does NOT match" in out


def _report(path: Path, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["report", str(path), "--pack", str(EXAMPLE_PACK), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_report_of_a_signed_export_states_its_signer(signed, workspace, capsys):
    fp = workspace.key_fingerprint()
    code, out, err = _report(signed, capsys)
    assert code == 0 and "error" not in err  # the game has not ended: an interim report
    assert f"- Signature: signed by {fp} (verified)" in out
    assert f"Signed by {fp}." in out.split("## 2.")[0]  # in the report status, first
    code, out, _ = _report(signed, capsys, "--format", "json")
    integrity = json.loads(out)["integrity"]
    assert (integrity["status"], integrity["signature"], integrity["signer"]) == (
        "intact",
        "verified",
        fp,
    )
    schema = json.loads((schemas_dir() / "after-action-report.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(json.loads(out))


def test_the_report_of_an_unsigned_export_says_not_signed(workspace, game_id, tmp_path, capsys):
    path = tmp_path / "plain.jsonl"
    db = str(workspace.sessions_path)
    assert main(["export", game_id, "-o", str(path), "--session", db]) == 0
    code, out, _ = _report(path, capsys)
    assert code == 0 and "- Signature: not signed" in out


def test_the_report_of_a_forged_export_is_flagged(signed, tmp_path, capsys):
    forged = forge(signed, tmp_path)
    code, out, err = _report(forged, capsys)
    status = out.split("## 2.")[0]
    assert code == 1
    assert "**THE SIGNATURE DOES NOT MATCH.**" in status
    assert "DAMAGED: the signature does not match the header" in status
    assert "tabletop report: error: the signature does not match" in err
    code, out, _ = _report(forged, capsys, "--format", "html")
    assert code == 1 and "<th>Signature</th><td>signature does NOT match" in out
    assert "The signature does not match</strong>" in out
    code, out, _ = _report(forged, capsys, "--format", "json")
    integrity = json.loads(out)["integrity"]
    assert code == 1 and (integrity["status"], integrity["signature"]) == ("damaged", "mismatch")
    word = tmp_path / "forged.docx"
    assert _report(forged, capsys, "-o", str(word))[0] == 1
    document = docx.Document(str(word))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert any(c.startswith("signature does NOT match") for c in cells)


def _new_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()
