"""The QR code of an address, as PNG bytes for an `ft.Image` (segno: pure Python, no
network, no Pillow)."""

from __future__ import annotations

import io

import segno


def qr_png(text: str, *, scale: int = 5) -> bytes:
    """A QR code of `text` (error correction M, quiet zone of 2 modules) as PNG."""
    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=scale, border=2)
    return out.getvalue()
