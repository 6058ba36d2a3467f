"""Load: 15 devices on one room while the facilitator records 30 decisions. Every device
shows every commit, 95 % of them within a second; the stored log verifies and holds each
decision once. (bench/room_latency.py prints the same figures against one device.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from room_load import measure


def test_fifteen_devices_see_thirty_decisions_within_a_second(browser: Any, tmp_path: Path):
    result = measure(browser, tmp_path, devices=15, decisions=30)
    assert not result.missing, f"commits never shown: {result.missing[:10]}"
    assert len(result.latencies) == 15 * 30
    p95 = result.percentile(95)
    print(f"15 devices, 30 decisions: p50 {result.median * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms")
    assert p95 < 1.0, f"p95 {p95:.2f} s"
    assert result.verified and result.decided == 30
