"""Synthetic packs for tests and benchmarks that need many decisions or many seats (the
benchmarks put this folder on their import path)."""

from __future__ import annotations

import json


def seat_id(n: int) -> str:
    """The id of the n-th seat (from 0) of a synthetic pack."""
    return "secretariat" if n == 0 else f"seat-{n + 1}"


def synthetic_pack(decisions: int, seats: int = 1) -> bytes:
    """A pack whose one inject opens `decisions` decision points, each with two options;
    `seats`: how many roles it has, decision point n decided by seat n modulo `seats`."""
    citation = {"document": "Bench Charter", "year": 2020, "article": "art. 1"}
    pack = {
        "format": 1,
        "meta": {
            "id": "bench-decisions",
            "title": "Benchmark",
            "version": "1.0.0",
            "summary": "Many decisions.",
            "authors": [{"name": "bench"}],
            "classification": "UNCLASSIFIED",
            "scenario_start": "2030-01-01T08:00",
        },
        "actors": [
            {"id": "ORG", "name": "Organisation", "kind": "organisation", "members": ["AAA"]},
            {"id": "AAA", "name": "State A", "kind": "state"},
        ],
        "facts": [
            {"id": "tension", "title": "Tension", "type": "int", "initial": 1, "min": 0},
            {"id": "talks", "title": "Talks held", "type": "int", "initial": 0, "min": 0},
        ],
        "action_types": [
            {
                "id": "consultations",
                "title": "Consultations",
                "params": [{"name": "host", "title": "Host", "type": "actor"}],
            }
        ],
        "instruments": [
            {
                "id": "CHARTER",
                "kind": "charter",
                "title": "Bench Charter",
                "year": 2020,
                "parties": ["ORG", "AAA"],
                "powers": [
                    {
                        "id": "consult",
                        "actions": ["consultations"],
                        "summary": "Consult members on any threat.",
                        "citation": citation,
                        "conditions": [
                            {"fact": "tension", "op": ">=", "value": 1},
                            {"member_of": "ORG", "actor": {"param": "host"}},
                        ],
                        "obligations": [
                            {
                                "id": "report",
                                "text": "Report the consultations.",
                                "discharged_by": [{"action": "consultations"}],
                            }
                        ],
                    }
                ],
            }
        ],
        "objectives": [{"id": "OBJ-1", "text": "Decide.", "capability": "Planning"}],
        "roles": [
            {
                "id": seat_id(n),
                "title": "Secretariat" if n == 0 else f"Seat {n + 1}",
                "actor": "ORG",
                "instruments": ["CHARTER"],
                "brief": "Decide." if n == 0 else f"The brief of seat {n + 1} only.",
            }
            for n in range(seats)
        ],
        "phases": [
            {"id": "p1", "title": "Phase", "starts_at": "2030-01-01T08:00", "summary": "All."}
        ],
        "injects": [
            {
                "id": "INJ-0",
                "phase": "p1",
                "time": "2030-01-01T08:00",
                "from": "Bench",
                "to": "all",
                "channel": "news",
                "title": "Everything at once",
                "body": "Decide on each.",
                "expected_actions": ["Decide."],
                "opens": [f"DP-{n}" for n in range(decisions)],
            }
        ],
        "decision_points": [
            {
                "id": f"DP-{n}",
                "phase": "p1",
                "title": f"Question {n}",
                "prompt": "Consult?",
                "deciders": [seat_id(n % seats)],
                "options": [
                    {
                        "id": "consult",
                        "label": "Consult",
                        "action": {"type": "consultations", "params": {"host": "AAA"}},
                        "effects": [{"fact": "talks", "increase": 1}],
                    },
                    {
                        "id": "wait",
                        "label": "Wait",
                        "action": {"type": "consultations", "params": {"host": "AAA"}},
                    },
                ],
            }
            for n in range(decisions)
        ],
    }
    return json.dumps(pack).encode()
