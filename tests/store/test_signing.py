"""The installation's signing key and signed exports: the key made private on first need and
kept, a key file others can read refused, exports signed and checked through the Workspace."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tabletop.app import AppError, Workspace
from tabletop.cli import main
from tabletop.hashchain.signature import fingerprint, raw_public_key
from tabletop.store import (
    BadSignature,
    SessionStore,
    SigningKeyError,
    export_text,
    import_log,
    key_path,
    signing_key,
)
from tabletop.store.keys import _create


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_key_is_made_private_on_first_need_and_then_reused(tmp_path):
    home = tmp_path / "home"
    path = key_path(home)
    assert path == home / "keys" / "signing-key.pem" and not path.exists()
    old = os.umask(0)  # the most open umask: the modes must not come from it
    try:
        first = signing_key(home)
    finally:
        os.umask(old)
    assert _mode(path) == 0o600 and _mode(path.parent) == 0o700
    data = path.read_bytes()
    again = signing_key(home)
    assert raw_public_key(again) == raw_public_key(first)
    assert path.read_bytes() == data
    assert sorted(p.name for p in path.parent.iterdir()) == ["signing-key.pem"]  # no .part


def test_a_key_being_made_never_replaces_one_already_there(tmp_path):
    home = tmp_path / "home"
    first = raw_public_key(signing_key(home))
    _create(key_path(home))  # a second process that lost the race
    assert raw_public_key(signing_key(home)) == first


@pytest.mark.parametrize(("mode", "can"), [(0o644, "read"), (0o640, "read"), (0o620, "change")])
def test_a_key_others_can_use_is_refused_saying_how_to_fix_it(tmp_path, mode, can):
    home = tmp_path / "home"
    signing_key(home)
    path = key_path(home)
    os.chmod(path, mode)
    with pytest.raises(SigningKeyError) as caught:
        signing_key(home)
    message = str(caught.value)
    assert f"can be {can} by other users (mode {mode:04o})" in message
    assert f"chmod 600 {path}" in message
    os.chmod(path, 0o600)
    signing_key(home)  # the fix works


NOT_A_KEY = b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"


@pytest.mark.parametrize("content", [b"not a key\n", b"", NOT_A_KEY])
def test_a_key_file_that_is_not_a_key_is_refused(tmp_path, content):
    home = tmp_path / "home"
    path = key_path(home)
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    os.chmod(path, 0o600)
    with pytest.raises(SigningKeyError, match=r"is not a usable signing key.*move it aside"):
        signing_key(home)


def test_a_fingerprint_is_short_and_readable():
    key = Ed25519PrivateKey.generate()
    name = fingerprint(raw_public_key(key))
    assert re.fullmatch(r"SHA256:([0-9a-f]{4}-){7}[0-9a-f]{4}", name), name
    other = fingerprint(raw_public_key(Ed25519PrivateKey.generate()))
    assert other != name


def test_an_unsigned_export_is_written_as_before_signatures(played, workspace, store):
    _, text = workspace.export(played.id)
    assert text == export_text(store.info(played.id), store.rows(played.id))
    header = json.loads(text.splitlines()[0])
    assert "signature" not in header
    assert not key_path(workspace.home).exists()  # no key made for an unsigned export


def test_a_signed_export_differs_only_by_the_header_signature(played, workspace):
    _, plain = workspace.export(played.id)
    _, signed = workspace.export(played.id, sign=True)
    plain_lines, signed_lines = plain.splitlines(), signed.splitlines()
    assert signed_lines[1:] == plain_lines[1:]
    header = json.loads(signed_lines[0])
    signature = header.pop("signature")
    assert header == json.loads(plain_lines[0])
    assert signature["algorithm"] == "ed25519"
    assert list(header)[-1] == "head"  # the field comes last, the rest in its old order


def test_a_signed_export_verifies_naming_this_installations_key(played, workspace, tmp_path):
    _, text = workspace.export(played.id, sign=True)
    path = tmp_path / "signed.jsonl"
    path.write_text(text, encoding="utf-8")
    checked = workspace.verify(str(path))
    assert checked.ok and checked.chain.ok
    assert checked.signature is not None and checked.signature.state == "verified"
    assert checked.signature.fingerprint == workspace.key_fingerprint()
    assert checked.own_key is True
    with Workspace(tmp_path / "elsewhere", sessions=tmp_path / "other.sqlite") as other:
        there = other.verify(str(path))
        assert there.ok and there.own_key is False
        assert there.signature == checked.signature
        assert other.key_fingerprint() is None  # verifying makes no key


def test_a_stored_session_has_no_signature_to_check(played, workspace):
    checked = workspace.verify(played.id)
    assert checked.ok and checked.signature is None and checked.own_key is None


def test_a_signed_export_imports_and_a_forged_one_does_not(played, workspace, tmp_path):
    _, text = workspace.export(played.id, sign=True)
    with SessionStore(tmp_path / "laptop2.sqlite") as other:
        info = import_log(other, text.encode(), "signed.jsonl")
        assert info.id == played.id
    lines = text.splitlines()
    header = json.loads(lines[0])
    header["exercise"] = "Another exercise"  # the header edited, the signature kept
    forged = "\n".join([json.dumps(header), *lines[1:]]) + "\n"
    with SessionStore(tmp_path / "laptop3.sqlite") as other:
        with pytest.raises(BadSignature, match="is not imported: signature does NOT match"):
            import_log(other, forged.encode(), "forged.jsonl")
        assert other.sessions() == []


def test_a_damaged_session_is_never_signed(played, workspace, store):
    con = sqlite3.connect(store.path)
    con.execute(
        "UPDATE events SET body = replace(body, 'Wait and see.', 'Strike first.') "
        "WHERE session_id = ? AND seq = 5",
        (played.id,),
    )
    con.commit()
    con.close()
    with pytest.raises(AppError, match=f"session {played.id} is not signed: damaged: event 5"):
        workspace.export(played.id, sign=True)
    workspace.export(played.id)  # unsigned, it can still be taken away and examined


def test_export_sign_refuses_a_world_readable_key_in_words(played, store, home, tmp_path, capsys):
    signing_key(home)
    os.chmod(key_path(home), 0o644)
    out = tmp_path / "signed.jsonl"
    code = main(["export", played.id, "-o", str(out), "--sign", "--session", str(store.path)])
    err = capsys.readouterr().err
    assert code == 1 and not out.exists()
    assert err.startswith("tabletop: error: the signing key ") and "chmod 600" in err
    assert "Traceback" not in err


def test_verify_still_checks_a_signature_when_the_own_key_is_unusable(
    played, store, home, tmp_path, capsys
):
    out = tmp_path / "signed.jsonl"
    assert main(["export", played.id, "-o", str(out), "--sign", "--session", str(store.path)]) == 0
    os.chmod(key_path(home), 0o644)
    capsys.readouterr()
    assert main(["verify", str(out)]) == 0
    captured = capsys.readouterr()
    assert "(verified)" in captured.out and "own key" not in captured.out
    assert "tabletop: warning: the signing key" in captured.err and "chmod 600" in captured.err
