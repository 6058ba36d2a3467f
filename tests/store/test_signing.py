"""The installation's signing key: made private on first need and kept, a key file others can
read refused, a fingerprint short enough to read out."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tabletop.hashchain.signature import fingerprint, raw_public_key
from tabletop.store import SigningKeyError, key_path, signing_key
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
