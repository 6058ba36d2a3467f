"""Benchmark: full pack load (checks + parse + merge + lint) against plain `json.loads`.

Generates a valid synthetic pack with 5,000 injects and 1,000 decision points (every
reference resolves), then prints the median of several runs of each, and their ratio.
Target: full load <= 5 x json.loads. Run: `python bench/pack_load.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import time
from collections.abc import Callable
from typing import Any

from _common import daily_phases, example_world
from tabletop.jsonloc.documents import parse_json
from tabletop.jsonloc.positions import Positions
from tabletop.jsonloc.schema_errors import schema_diagnostics
from tabletop.packs import parse_pack
from tabletop.schemas import SCHEMAS


def synthetic_pack(injects: int = 5000, decision_points: int = 1000) -> dict[str, Any]:
    """A valid pack built on the example pack's world, scaled up."""
    base, pack = example_world()
    phases = 10
    pack["phases"] = daily_phases(phases)
    inject_templates = base["injects"]
    dp_templates = base["decision_points"]
    dps = [copy.deepcopy(dp_templates[d % len(dp_templates)]) for d in range(decision_points)]
    follow_ons = sum(len(dp["options"]) for dp in dps)  # each option releases its own inject
    out_injects = []
    for i in range(injects):
        phase = i * phases // injects
        inj = copy.deepcopy(inject_templates[i % len(inject_templates)])
        inj.update(id=f"INJ-{i:05d}", phase=f"move-{phase}", time=f"2031-03-{phase + 1:02d}T09:00")
        inj["opens"] = []
        inj.pop("when", None)
        inj["release"] = "scheduled"
        if i < follow_ons:
            inj["release"] = "follow_on"
        elif i % 7 == 0:
            inj["release"] = "when"
            inj["when"] = inject_templates[3]["when"]
        out_injects.append(inj)
    out_dps = []
    released = 0
    for d, dp in enumerate(dps):
        opener = out_injects[follow_ons + d]
        opener["opens"].append(f"DP-{d:04d}")
        dp.update(id=f"DP-{d:04d}", phase=opener["phase"])
        for opt in dp["options"]:
            opt["follow_ons"] = [f"INJ-{released:05d}"]
            released += 1
        out_dps.append(dp)
    pack["injects"] = out_injects
    pack["decision_points"] = out_dps
    return pack


def timings(fn: Callable[[], object], runs: int) -> list[float]:
    """Wall times of `runs` calls, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    """Generate, time and print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    data = json.dumps(synthetic_pack(), indent=2, ensure_ascii=False).encode()
    result = parse_pack(data, "synthetic.json", lambda _id: None)
    problems = [d.render() for d in result.diagnostics]
    if not result.ok or problems:
        print("synthetic pack does not load cleanly:", *problems[:10], sep="\n  ")
        return 1
    loaded = result.loaded
    assert loaded is not None
    print(
        f"synthetic pack: {len(data) / 1e6:.1f} MB, {len(loaded.pack.injects)} injects, "
        f"{len(loaded.pack.decision_points)} decision points"
    )
    # Interleaved, so that a busy machine slows both alike.
    base_times: list[float] = []
    full_times: list[float] = []
    for _ in range(args.runs):
        base_times += timings(lambda: json.loads(data), 1)
        full_times += timings(lambda: parse_pack(data, "synthetic.json", lambda _id: None), 1)
    baseline, full = statistics.median(base_times), statistics.median(full_times)
    print(f"json.loads (baseline), median:        {baseline * 1000:8.1f} ms")
    print(f"full load (checks, parse, lint):      {full * 1000:8.1f} ms")
    print(f"ratio of medians:                     {full / baseline:8.2f}  (target <= 5)")
    best = min(full_times) / min(base_times)
    print(f"ratio of best runs:                   {best:8.2f}  (less sensitive to a busy machine)")

    # For information: what it would cost to run JSON Schema on every load.
    text = data.decode()
    schema = SCHEMAS["scenario-pack.schema.json"]()
    instance, _dups, _syntax = parse_json(text, "synthetic.json")

    def schema_path() -> None:
        schema_diagnostics(instance, schema, "synthetic.json", Positions(text))

    slow = statistics.median(timings(schema_path, max(1, args.runs // 3)))
    print(f"jsonschema path (error reporting):    {slow * 1000:8.1f} ms  (x{slow / baseline:.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
