"""A small skeleton pack for `tabletop new`: valid, and explained by its own text fields."""

from __future__ import annotations

from typing import Any

from tabletop.model import Catalogue
from tabletop.model.world import ParamSpec

SHIPPED_CATALOGUE = "central-asia-security"


def _param_value(spec: ParamSpec, actors: list[dict[str, Any]]) -> Any:
    if spec.type == "int":
        return max(spec.min or 0, min(spec.max if spec.max is not None else 100, 100))
    if spec.type == "bool":
        return False
    if spec.type == "enum":
        return spec.values[0]
    if spec.type == "actor":
        fits = [a["id"] for a in actors if not spec.kinds or a["kind"] in spec.kinds]
        return fits[0] if fits else actors[0]["id"]
    return "Replace with the text the action needs."


def _own_world() -> dict[str, Any]:
    """Actors, an instrument and action types written into the pack itself."""
    return {
        "catalogues": [],
        "actors": [
            {
                "id": "STATE_A",
                "name": "State A",
                "kind": "state",
                "description": "Replace with a real or invented state.",
            },
            {
                "id": "ALLIANCE",
                "name": "The Alliance",
                "kind": "organisation",
                "members": ["STATE_A"],
                "description": "An organisation; list its member states.",
            },
        ],
        "instruments": [
            {
                "id": "ALLIANCE-TREATY",
                "kind": "treaty",
                "title": "Treaty of the Alliance",
                "year": 2000,
                "parties": ["ALLIANCE", "STATE_A"],
                "summary": "An instrument grants powers (what an actor may do, and when) and "
                "sets limits. Cite the article each rests on.",
                "powers": [
                    {
                        "id": "assist-on-request",
                        "actions": ["send_help"],
                        "holders": ["ALLIANCE"],
                        "summary": "The Alliance may help a member state that asks for help.",
                        "citation": {
                            "document": "Treaty of the Alliance",
                            "year": 2000,
                            "article": "art. 1",
                        },
                        "conditions": [
                            {"member_of": "ALLIANCE", "actor": {"param": "host"}},
                            {"relation": "requests", "from": {"param": "host"}, "to": "ALLIANCE"},
                        ],
                    },
                    {
                        "id": "talk",
                        "actions": ["consult"],
                        "summary": "Any party may call for consultations.",
                        "citation": {
                            "document": "Treaty of the Alliance",
                            "year": 2000,
                            "article": "art. 2",
                        },
                    },
                ],
            }
        ],
        "action_types": [
            {
                "id": "send_help",
                "title": "Send help",
                "category": "military",
                "params": [
                    {"name": "host", "title": "Host state", "type": "actor", "kinds": ["state"]}
                ],
            },
            {"id": "consult", "title": "Consult", "params": []},
        ],
        "facts": [
            {
                "id": "requests",
                "title": "Requests for help",
                "type": "relation",
                "says": "{from} has asked {to} for help",
            },
        ],
        "role": {"actor": "ALLIANCE", "instruments": ["ALLIANCE-TREATY"]},
        "options": [
            ({"type": "send_help", "params": {"host": "STATE_A"}}, "Send help to State A"),
            ({"type": "consult", "params": {}}, "Consult first"),
        ],
        "request": {"from": "STATE_A", "to": "ALLIANCE"},
    }


def _catalogue_world(cat: Catalogue) -> dict[str, Any] | None:
    """The same shape of world drawn from a catalogue: a power held by an organisation."""
    actors = [a.model_dump(mode="json") for a in cat.actors]
    specs = {a.id: a for a in cat.action_types}
    known = {a.id for a in cat.actors}
    choices = []
    for inst in cat.instruments:
        for power in inst.powers:
            holder = next((h for h in power.holders or inst.parties if h in known), None)
            if holder is None or power.actions[0] not in specs:
                continue
            spec = specs[power.actions[0]]
            params = {p.name: _param_value(p, actors) for p in spec.params}
            choices.append((holder, inst.id, {"type": spec.id, "params": params}, spec.title))
    relation = next((f.id for f in cat.facts if f.type == "relation"), None)
    if len(choices) < 2 or relation is None:
        return None
    (actor, inst_id, action, title), second = (
        choices[0],
        next((c for c in choices[1:] if c[0] == choices[0][0]), choices[1]),
    )
    instruments = sorted({inst_id, second[1]})
    member = next((a.id for a in cat.actors if a.kind == "state"), actor)
    return {
        "catalogues": [cat.id],
        "actors": [],
        "instruments": [],
        "action_types": [],
        "facts": [],
        "role": {"actor": actor, "instruments": instruments},
        "options": [(action, title), (second[2], second[3])],
        "request": {"from": member, "to": actor},
        "relation": relation,
    }


def skeleton_pack(
    catalogue: Catalogue | None = None, schema_ref: str = "scenario-pack.schema.json"
) -> dict[str, Any]:
    """A skeleton pack as JSON-ready data; drawn on `catalogue` when one is given and usable.

    `schema_ref` is what goes in "$schema" (`tabletop new` gives the installed schema's
    file:// URI).
    """
    world = (_catalogue_world(catalogue) if catalogue else None) or _own_world()
    relation = world.get("relation", "requests")
    (first, first_label), (second, second_label) = world["options"]
    return {
        "$schema": schema_ref,
        "format": 1,
        "meta": {
            "id": "my-scenario",
            "title": "My scenario (replace this title)",
            "version": "0.1.0",
            "summary": "Replace with the scenario in one paragraph: the situation, the threat "
            "and what the players must decide. Run `tabletop validate` on this file after "
            "every change; it names the line, column and JSON pointer of each problem.",
            "scope": "Say what the exercise covers and what it leaves out.",
            "authors": [{"name": "Your name"}],
            "classification": "UNCLASSIFIED // FOR EXERCISE USE ONLY",
            "scenario_start": "2030-01-01T08:00",
            "sources": [],
        },
        "catalogues": world["catalogues"],
        "actors": world["actors"],
        "instruments": world["instruments"],
        "action_types": world["action_types"],
        "facts": [
            *world["facts"],
            {
                "id": "crisis",
                "title": "Crisis declared",
                "description": "Facts are the variables of the game world. Injects and "
                "decision options change them; conditions read them.",
                "type": "bool",
                "initial": False,
            },
        ],
        "objectives": [
            {
                "id": "OBJ-1",
                "text": "Replace with a SMART exercise objective.",
                "capability": "Operational Coordination",
            }
        ],
        "roles": [
            {
                "id": "lead",
                "title": "Lead seat (rename it)",
                "actor": world["role"]["actor"],
                "instruments": world["role"]["instruments"],
                "brief": "The private brief handed to the player of this seat. A role acts "
                "for one actor and may draw on the instruments listed here; every decision "
                "it takes is checked against their powers and limits.",
                "objectives": ["What this seat wants out of the game."],
            }
        ],
        "phases": [
            {
                "id": "move-1",
                "title": "Move 1",
                "starts_at": "2030-01-01T08:00",
                "summary": "The situation at the start of the first move.",
                "discussion_questions": [{"questions": ["What do we know?"]}],
            },
            {
                "id": "move-2",
                "title": "Move 2",
                "starts_at": "2030-01-02T08:00",
                "summary": "Phases (moves) follow each other in time.",
            },
        ],
        "injects": [
            {
                "id": "INJ-01",
                "phase": "move-1",
                "time": "2030-01-01T08:00",
                "release": "scheduled",
                "from": "News agency",
                "to": "all",
                "channel": "news",
                "title": "Something happens",
                "body": "Injects are the events of the game. This one is delivered at its "
                "time, declares a crisis and opens decision point DP-1.",
                "expected_actions": ["Discuss the situation."],
                "objectives": ["OBJ-1"],
                "effects": [
                    {"fact": "crisis", "set": True},
                    {"fact": relation, "add": world["request"]},
                ],
                "opens": ["DP-1"],
            },
            {
                "id": "INJ-02",
                "phase": "move-2",
                "time": "2030-01-02T08:00",
                "release": "follow_on",
                "from": "Field report",
                "to": ["lead"],
                "channel": "cable",
                "title": "What the first option led to",
                "body": "A follow-on inject is delivered only when a chosen option names it.",
                "expected_actions": ["Take stock."],
            },
            {
                "id": "INJ-03",
                "phase": "move-2",
                "time": "2030-01-02T12:00",
                "release": "when",
                "when": {"fact": "crisis", "op": "==", "value": True},
                "from": "Facilitator",
                "to": "all",
                "channel": "briefing",
                "title": "A conditional inject",
                "body": "Delivered once its 'when' condition holds and its time has come.",
                "expected_actions": ["Review the decisions taken."],
            },
        ],
        "decision_points": [
            {
                "id": "DP-1",
                "phase": "move-1",
                "title": "First decision",
                "prompt": "Each option is an action checked against the role's mandate. "
                "What does the lead seat do?",
                "deciders": ["lead"],
                "rationale_required": True,
                "time_box_minutes": 15,
                "objectives": ["OBJ-1"],
                "options": [
                    {
                        "id": "act",
                        "label": first_label,
                        "action": first,
                        "effects": [{"fact": "crisis", "set": False}],
                        "follow_ons": ["INJ-02"],
                        "outcome": "What the table is told after this choice.",
                    },
                    {"id": "wait", "label": second_label, "action": second},
                ],
            }
        ],
    }
