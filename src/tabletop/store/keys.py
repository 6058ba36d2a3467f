"""The installation's signing key: one Ed25519 key pair in the user's data folder.

HOME/keys/signing-key.pem holds the private key as unencrypted PKCS#8 PEM, like an ssh key
without a passphrase: a passphrase would be asked for on every signed export, and the
file's mode is what keeps the key private. It is made on first need with mode 0600 in a
folder of mode 0700; a key file other users can read or write is refused, as one of them
may hold a copy or have put their own key in its place.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    load_pem_private_key,
)

from tabletop.store.db import StoreError

KEY_DIR = "keys"
KEY_FILE = "signing-key.pem"
MAX_KEY_BYTES = 64 * 1024
"""Largest key file read (an Ed25519 PEM is 119 bytes)."""

# Windows keeps no owner/group/other bits (os.chmod sets only the read-only flag), so the
# modes are neither set nor checked there; the user's profile folder is private by default.
_POSIX = os.name != "nt"


class SigningKeyError(StoreError):
    """The signing key cannot be made, read or trusted; the message says how to put it right."""


def key_path(home: Path) -> Path:
    """Where an installation with this data folder keeps its private key."""
    return home / KEY_DIR / KEY_FILE


def signing_key(home: Path) -> Ed25519PrivateKey:
    """The installation's private key, made on first need."""
    path = key_path(home)
    key = existing_key(home)
    if key is None:
        _create(path)
        key = existing_key(home)
    if key is None:  # made, then removed at once by someone else
        raise SigningKeyError(f"the signing key {path} disappeared as it was made; try again")
    return key


def existing_key(home: Path) -> Ed25519PrivateKey | None:
    """The installation's private key, or None if it has none yet (nothing was signed)."""
    path = key_path(home)
    try:
        with open(path, "rb") as fh:
            # The mode of the file opened, not of whatever the name points to a moment later.
            _check_private(path, os.fstat(fh.fileno()).st_mode)
            data = fh.read(MAX_KEY_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SigningKeyError(f"cannot read the signing key {path}: {_reason(exc)}") from exc
    move_aside = (
        "move it aside and a new key is made on the next signed export (its fingerprint "
        "will differ from the one others know)"
    )
    if len(data) > MAX_KEY_BYTES:
        raise SigningKeyError(f"{path} is too big to be a signing key; {move_aside}")
    try:
        key = load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        # TypeError: the key is protected by a passphrase, which tabletop never asks for.
        raise SigningKeyError(f"{path} is not a usable signing key ({exc}); {move_aside}") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyError(f"{path} is not an Ed25519 key; {move_aside}")
    return key


def _check_private(path: Path, mode: int) -> None:
    """Refuse a key file other users can read or write."""
    if not _POSIX or not mode & 0o077:
        return
    can = "read" if mode & 0o044 else "change"
    raise SigningKeyError(
        f"the signing key {path} can be {can} by other users (mode "
        f"{stat.S_IMODE(mode):04o}); make it private with `chmod 600 {path}`, or, if someone "
        "may have copied it, move it aside so that a new key is made on the next signed export"
    )


def _create(path: Path) -> None:
    """Write a new key to `path` (mode 0600, folder 0700), unless one appears there first."""
    folder = path.parent
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    tmp = folder / f"{path.name}.{os.getpid()}.part"
    try:
        if not folder.is_dir():
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if _POSIX:
                os.chmod(folder, 0o700)  # whatever the umask
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            if _POSIX:
                os.fchmod(fh.fileno(), 0o600)  # whatever the umask
            fh.write(pem)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            # A hard link never replaces: of two processes making a key at once, one wins
            # and both go on with its key.
            os.link(tmp, path)
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links (FAT): rename into place
            if not path.exists():
                os.replace(tmp, path)
    except OSError as exc:
        raise SigningKeyError(f"cannot make a signing key in {folder}: {_reason(exc)}") from exc
    finally:
        tmp.unlink(missing_ok=True)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
