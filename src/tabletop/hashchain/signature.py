"""Signatures of exported logs: Ed25519 over the canonical JSON of the header.

The header holds the session's identity, the event count and the head hash, and the head
is the hash of every event before it; so one signature over the header vouches for the
whole chain. What is signed is the header as read (its model, dumped as canonical JSON)
minus the signature itself. Pure: keys come in as objects, the store keeps the files.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from typing import Literal

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from tabletop.hashchain.chain import canonical_json
from tabletop.model.sessionlog import LogHeader, LogSignature

SignatureState = Literal["verified", "unsigned", "mismatch"]


def raw_public_key(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    """The 32 raw bytes of a key's public half."""
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes(Encoding.Raw, PublicFormat.Raw)


def fingerprint(public_key: bytes) -> str:
    """A short name for a public key: SHA256: and the first 16 bytes of its SHA-256, in hex
    groups of four (easy to read out over the phone, which is how it is best checked)."""
    digits = hashlib.sha256(public_key).hexdigest()[:32]
    return "SHA256:" + "-".join(digits[i : i + 4] for i in range(0, 32, 4))


def signed_message(header: LogHeader) -> bytes:
    """The bytes a header's signature is over: its canonical JSON without the signature."""
    data = header.model_dump(mode="json", exclude={"signature"})
    return canonical_json(data).encode("utf-8")


def sign_header(header: LogHeader, key: Ed25519PrivateKey) -> LogHeader:
    """The header with a signature by `key` over everything else in it."""
    value = key.sign(signed_message(header))
    signature = LogSignature(
        algorithm="ed25519",
        public_key=base64.b64encode(raw_public_key(key)).decode("ascii"),
        value=base64.b64encode(value).decode("ascii"),
    )
    return header.model_copy(update={"signature": signature})


@dataclass(frozen=True)
class SignatureCheck:
    """The check of an export's signature: verified (by whom), absent, or not matching."""

    state: SignatureState
    fingerprint: str | None = None
    """The key the signature names (checked only when the state is verified)."""

    @property
    def ok(self) -> bool:
        """False only when a signature is there and does not match."""
        return self.state != "mismatch"

    def describe(self) -> str:
        """One line for a person."""
        return describe_signature(self.state, self.fingerprint)


def describe_signature(state: SignatureState, fingerprint: str | None) -> str:
    """A signature check in words: who signed, not signed, or the mismatch and what it means."""
    if state == "verified":
        return f"signed by {fingerprint} (verified)"
    if state == "unsigned":
        return "not signed"
    return (
        f"signature does NOT match: it names the key {fingerprint}, but that key did not sign "
        "this header (the header, its head or its events were changed after signing, or the "
        "signature is another log's)"
    )


def check_signature(header: LogHeader) -> SignatureCheck:
    """Whether a header's signature (if it has one) was made by the key it names, over it."""
    signature = header.signature
    if signature is None:
        return SignatureCheck("unsigned")
    # The model's patterns make both decode, to 32 and 64 bytes.
    public = base64.b64decode(signature.public_key, validate=True)
    name = fingerprint(public)
    try:
        key = Ed25519PublicKey.from_public_bytes(public)
        key.verify(base64.b64decode(signature.value, validate=True), signed_message(header))
    except (InvalidSignature, ValueError):  # ValueError: bytes the library refuses as a key
        return SignatureCheck("mismatch", name)
    return SignatureCheck("verified", name)
