"""Benchmark: check_action and holds against a baseline measured in the same run.

The baseline is validating the finished Verdict again from its JSON (what the store and
the report do with every verdict anyway), so the ratio says how much dearer deciding is
than handling the answer. A verdict once given is remembered (per role and action type,
by parameters and the facts its rules read), so it is timed both ways: weighed afresh
(the memory cleared before every check) and asked again. Also times `holds` on an
inject-style trigger, which the session engine evaluates for every inject after every
event.
Run: `python bench/mandates_check.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from tabletop.mandates import check_action, forget_verdicts, holds
from tabletop.model import ActionSpec, Verdict
from tabletop.model.facts import initial_facts
from tabletop.packs import open_pack

ROOT = Path(__file__).resolve().parent.parent
PACK = open_pack(ROOT / "tests" / "data" / "mandate-cases.json").pack

CASES = [
    ("csto", "peacekeeping_deployment", {"host": "KAZ"}),
    ("csto", "peacekeeping_deployment", {"host": "UZB"}),
    ("csto", "cross_border_strike", {"target": "AFG"}),
    ("csto", "collective_defence_assistance", {"beneficiary": "TJK"}),
    ("sco", "peacekeeping_deployment", {"host": "KAZ"}),
    ("rus", "military_deployment", {"host": "TKM"}),
    ("rus", "peacekeeping_deployment", {"host": "KGZ", "framework": "treaty"}),
    ("rus", "public_statement", {}),
]


def median_seconds(fn: Callable[[], object], runs: int, repeat: int) -> float:
    """Median over runs of the time per call, each run timing `repeat` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(repeat):
            fn()
        times.append((time.perf_counter() - start) / repeat)
    return statistics.median(times)


def main() -> None:
    """Print per-call times and ratios."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    facts = initial_facts(PACK) | {
        "requests": frozenset({("KAZ", "CSTO"), ("TJK", "CSTO"), ("KGZ", "RUS")}),
        "aggression": frozenset({("AFG", "TJK")}),
    }
    actions = [(role, ActionSpec(type=t, params=p)) for role, t, p in CASES]
    verdicts = [check_action(PACK, role, action, facts) for role, action in actions]
    payloads = [v.model_dump_json() for v in verdicts]

    def checks() -> None:
        for role, action in actions:
            check_action(PACK, role, action, facts)

    def fresh_checks() -> None:
        for role, action in actions:
            forget_verdicts(PACK)
            check_action(PACK, role, action, facts)

    def baseline() -> None:
        for payload in payloads:
            Verdict.model_validate_json(payload)

    trigger = next(i for i in PACK.instruments if i.id == "CSTO-PKA-2007").powers[0].conditions[1]

    def trigger_holds() -> None:
        for _ in actions:
            holds(PACK, trigger, facts)

    base = median_seconds(baseline, args.runs, 200)
    fresh = median_seconds(fresh_checks, args.runs, 200)
    check = median_seconds(checks, args.runs, 200)
    hold = median_seconds(trigger_holds, args.runs, 200)
    n = len(actions)
    print(f"baseline  Verdict.model_validate_json: {base / n * 1e6:8.1f} us per verdict")
    print(
        f"check_action, weighed afresh:          {fresh / n * 1e6:8.1f} us per check "
        f"({fresh / base:.2f} x baseline)"
    )
    print(
        f"check_action, asked again:             {check / n * 1e6:8.1f} us per check "
        f"({check / base:.2f} x baseline)"
    )
    print(
        f"holds (one relation test):             {hold / n * 1e6:8.1f} us per call "
        f"({hold / base:.2f} x baseline)"
    )


if __name__ == "__main__":
    main()
