"""A scenario pack: metadata, the people at the table, the timeline and the decisions."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, StringConstraints

from tabletop.model.base import Id, Model, ScenarioTime, Text, documented
from tabletop.model.conditions import Condition, Scalar
from tabletop.model.effects import Effect
from tabletop.model.world import (
    ActionType,
    Actor,
    FactSpec,
    Figure,
    Instrument,
    Limit,
    Power,
    Source,
)

SEMVER = r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$"
FORMAT_VERSION = 1


def _not_float(value: Any) -> Any:
    # A Literal accepts 1.0 for 1 even in strict mode; the schema (type integer) does not.
    if isinstance(value, float):
        raise ValueError("the format version is a whole number: 1")
    return value


FormatVersion = Annotated[Literal[1], BeforeValidator(_not_float)]

Channel = Literal[
    "news",
    "cable",
    "phone",
    "email",
    "intelligence",
    "briefing",
    "social_media",
    "video",
    "meeting",
]


class Author(Model):
    """Someone who wrote the pack."""

    name: Text = documented("Author's name.", ["Exercise design cell"])
    affiliation: str | None = documented("Organisation, if any.", ["Staff college"], default=None)


MissionArea = Literal["prevention", "protection", "mitigation", "response", "recovery"]
"""HSEEP's mission areas (the National Preparedness Goal's five)."""


class Acronym(Model):
    """An acronym and what it stands for."""

    short: Text = documented("The acronym.", ["CSTO"])
    long: Text = documented("What it stands for.", ["Collective Security Treaty Organization"])


class Meta(Model):
    """Who wrote the pack, what it is about and what it rests on."""

    id: Id = documented("Pack id, stable across versions.", ["kazakh-unrest-2022"])
    title: Text = documented(
        "Title shown in the app and the report.", ["January 2022: unrest in Kazakhstan"]
    )
    version: Annotated[str, StringConstraints(pattern=SEMVER)] = documented(
        "Semantic version of the pack.", ["1.0.0", "0.3.1-draft"]
    )
    summary: Text = documented(
        "The scenario in a paragraph: situation, threat, scope.",
        ["Fuel-price protests turn violent."],
    )
    scope: str = documented(
        "What the exercise covers and leaves out.", ["Strategic decisions only."], default=""
    )
    authors: tuple[Author, ...] = documented(
        "Who wrote it.", [[{"name": "Design cell"}]], min_length=1
    )
    classification: Text = documented(
        "Banner shown on every screen and page.", ["UNCLASSIFIED // FOR EXERCISE USE ONLY"]
    )
    scenario_start: ScenarioTime = documented(
        "Scenario time when the game starts.", ["2022-01-02T08:00:00"]
    )
    sources: tuple[Source, ...] = documented("Documents the pack rests on.", [[]], default=())
    sponsor: str = documented(
        "Who sponsors exercises on this pack (the report's overview; a facilitator may give "
        "another).",
        ["Staff college, department of security studies"],
        default="",
    )
    mission_areas: tuple[MissionArea, ...] = documented(
        "HSEEP mission areas the exercise covers.", [["prevention", "response"]], default=()
    )
    threat: str = documented(
        "The threat or hazard, in a few words.", ["Armed incursion from Afghanistan"], default=""
    )
    acronyms: tuple[Acronym, ...] = documented(
        "Acronyms the pack's text uses, for the report's appendix (the catalogue's are added).",
        [[{"short": "CSTO", "long": "Collective Security Treaty Organization"}]],
        default=(),
    )


class Role(Model):
    """A seat at the table: acts for one actor and draws on named instruments."""

    id: Id = documented("Role id.", ["csto_secretariat"])
    title: Text = documented("Seat name.", ["CSTO Secretariat / Collective Security Council"])
    short: str | None = documented(
        "A short name for where room is tight (the lanes of the report's timeline chart), "
        "at most 18 characters; without it one is made from the title and the actor.",
        ["CSTO Secretariat"],
        default=None,
        min_length=1,
        max_length=18,
    )
    actor: Id = documented("Actor the role acts for.", ["CSTO"])
    instruments: tuple[Id, ...] = documented(
        "Instruments the role may draw on.", [["CST-1992", "CSTO-PKA-2007"]], default=()
    )
    brief: Text = documented(
        "Private brief handed to the player.", ["You speak for the Secretary General."]
    )
    objectives: tuple[Text, ...] = documented(
        "What the role wants out of the game.", [["Keep the alliance united."]], default=()
    )


class Objective(Model):
    """An exercise objective, HSEEP style, with the core capability it tests."""

    id: Id = documented("Objective id.", ["OBJ-1"])
    text: Text = documented(
        "SMART objective text.", ["Assess the legal basis for a CSTO deployment."]
    )
    capability: Text = documented("Core capability tested.", ["Operational Coordination"])


class QuestionGroup(Model):
    """Discussion questions for one role, or for the whole table."""

    role: Id | None = documented(
        "Role the questions are for; null for the whole table.",
        ["csto_secretariat", None],
        default=None,
    )
    questions: tuple[Text, ...] = documented(
        "The questions.", [["Who must be told, and when?"]], min_length=1
    )


class Phase(Model):
    """A move of the game."""

    id: Id = documented("Phase id.", ["move-1"])
    title: Text = documented("Title.", ["Move 1: protests"])
    starts_at: ScenarioTime = documented(
        "Scenario time at which the phase begins.", ["2022-01-02T08:00:00"]
    )
    summary: Text = documented(
        "Situation at the start of the phase.", ["Protests spread from Zhanaozen."]
    )
    discussion_questions: tuple[QuestionGroup, ...] = documented(
        "Questions for the phase, grouped by role.",
        [[{"questions": ["What do we know?"]}]],
        default=(),
    )


class Inject(Model):
    """An event delivered to players: one row of the master scenario events list."""

    id: Id = documented("Inject id (MSEL number).", ["INJ-01"])
    phase: Id = documented("Phase the inject belongs to.", ["move-1"])
    time: ScenarioTime = documented(
        "Scenario time: when it is due, or the earliest it may arrive if released later.",
        ["2022-01-02T09:00:00"],
    )
    release: Literal["scheduled", "when", "follow_on"] = documented(
        "'scheduled': at its time; 'when': once its condition holds; "
        "'follow_on': when a chosen option releases it.",
        ["scheduled"],
        default="scheduled",
    )
    when: Condition | None = documented(
        "Condition for release 'when'.",
        [{"fact": "unrest_level", "op": "==", "value": "violent"}],
        default=None,
    )
    from_: Text = documented(
        "Who the inject comes from in the fiction.", ["Ministry of Internal Affairs"], alias="from"
    )
    to: Literal["all"] | tuple[Id, ...] = documented(
        "Role ids it goes to, or 'all'.", ["all", ["kaz_presidency"]]
    )
    channel: Channel = documented("How it arrives.", ["news", "cable"])
    title: Text = documented("Headline.", ["Protests in Zhanaozen"])
    body: Text = documented(
        "Full text read or shown to players.", ["Residents protest the doubling of gas prices."]
    )
    expected_actions: tuple[Text, ...] = documented(
        "Player actions the designers expect.", [["Convene the Security Council."]], min_length=1
    )
    objectives: tuple[Id, ...] = documented(
        "Objectives the inject addresses.", [["OBJ-1"]], default=()
    )
    facilitator_notes: str = documented(
        "Notes for the facilitator only.", ["Let players debate the framing."], default=""
    )
    discussion_questions: tuple[Text, ...] = documented(
        "Questions to put after delivery.", [["Is this internal or external?"]], default=()
    )
    effects: tuple[Effect, ...] = documented(
        "Fact changes on delivery.", [[{"fact": "unrest_level", "set": "protests"}]], default=()
    )
    opens: tuple[Id, ...] = documented(
        "Decision points opened on delivery.", [["DP-1"]], default=()
    )
    sources: tuple[Id, ...] = documented(
        "Source ids for the figures and dates it uses.", [["RBC-2022b"]], default=()
    )
    ending: bool = documented(
        "One of the scenario's endings: the report's key findings list the endings a game reached.",
        [False],
        default=False,
    )


class ActionSpec(Model):
    """An action: an action type and its parameters."""

    type: Id = documented("Action type id.", ["peacekeeping_deployment"])
    params: dict[Id, Scalar] = documented(
        "Parameter values by name.",
        [{"host": "KAZ", "force_size": 2500}],
        default_factory=dict,
        # Keys that are not ids are refused by the model; say so in the schema too.
        json_schema_extra={"additionalProperties": False},
    )


class Option(Model):
    """One answer to a decision point: an action, its effects and follow-on injects."""

    id: Id = documented("Option id, unique within the decision point.", ["deploy"])
    label: Text = documented("Short label.", ["Deploy CSTO peacekeepers"])
    description: str = documented(
        "What choosing it means.", ["Send about 2,500 peacekeepers."], default=""
    )
    action: ActionSpec = documented(
        "The action the option stands for, checked against the decider's mandate.",
        [{"type": "peacekeeping_deployment", "params": {"host": "KAZ", "force_size": 2500}}],
        title="Action",
    )
    for_roles: tuple[Id, ...] = documented(
        "Roles that may choose it; empty means every decider.", [["csto_secretariat"]], default=()
    )
    effects: tuple[Effect, ...] = documented(
        "Fact changes when chosen.", [[{"fact": "csto_deployed", "set": True}]], default=()
    )
    follow_ons: tuple[Id, ...] = documented(
        "Injects released when chosen.", [["INJ-07"]], default=()
    )
    outcome: str = documented(
        "What happens, told to the table after the choice.",
        ["Contingents land within days."],
        default="",
    )


class Fallback(Model):
    """The option that takes effect when a consensus is not reached."""

    fallback: Id = documented(
        "Id of an option of the same decision point: its effects and follow-on injects take "
        "effect instead.",
        ["consult"],
    )


class Consensus(Model):
    """A decision taken by consensus: several deciders must choose the same option."""

    of: tuple[Id, ...] = documented(
        "Deciders who must all choose the same option; empty means every decider.",
        [["arm_government", "kgz_government", "rus_leadership"]],
        default=(),
    )
    otherwise: Literal["no_decision"] | Fallback = documented(
        "What happens when they do not all choose the same option: 'no_decision' (the "
        "decision point closes with no effect) or a fallback option.",
        ["no_decision", {"fallback": "consult"}],
        default="no_decision",
    )


class DecisionPoint(Model):
    """A question put to one or more roles."""

    id: Id = documented("Decision point id.", ["DP-1"])
    phase: Id = documented("Phase it belongs to.", ["move-1"])
    title: Text = documented("Short title.", ["Answer the request"])
    prompt: Text = documented(
        "The question as put to the players.", ["Does the CSTO answer Kazakhstan's request?"]
    )
    deciders: tuple[Id, ...] = documented(
        "Roles that decide; each records one choice.", [["csto_secretariat"]], min_length=1
    )
    options: tuple[Option, ...] = documented("The choices.", [[]], min_length=1)
    rationale_required: bool = documented(
        "Whether a decision needs a written rationale.", [True], default=True
    )
    time_box_minutes: int | None = documented(
        "Wall-clock minutes allowed for discussion.", [15], default=None, ge=1, le=600
    )
    open_when: Condition | None = documented(
        "Condition that opens it, besides injects that open it.", [None], default=None
    )
    objectives: tuple[Id, ...] = documented("Objectives it tests.", [["OBJ-2"]], default=())
    consensus: Consensus | None = documented(
        "Decided by consensus: the choices of the deciders it names take effect only when "
        "they all chose the same option (once, when the last of them chooses); without it, "
        "each decider's choice takes effect on its own.",
        [{"of": ["arm_government", "kgz_government"], "otherwise": {"fallback": "consult"}}],
        title="Consensus",
        default=None,
    )

    @property
    def consensus_of(self) -> tuple[str, ...]:
        """The deciders whose consensus it needs (none for a decision point without one)."""
        if self.consensus is None:
            return ()
        return self.consensus.of or self.deciders


class ExtraConditions(Model):
    """Conditions a pack adds to one power or limit of a catalogue instrument."""

    rule: Id = documented("Id of the power or limit in the instrument.", ["pk-in-member-state"])
    conditions: tuple[Condition, ...] = documented(
        "Conditions added after the rule's own (a power's 'conditions', a limit's 'applies_when').",
        [[{"fact": "council_consensus", "op": "==", "value": True}]],
        min_length=1,
    )


class InstrumentExtension(Model):
    """What a pack adds to an instrument it takes from a catalogue, by the instrument's id,
    without copying it: more powers, more limits, more conditions on existing ones."""

    instrument: Id = documented("Id of a catalogue instrument.", ["CSTO-PKA-2007"])
    powers: tuple[Power, ...] = documented("Powers added.", [[]], default=())
    limits: tuple[Limit, ...] = documented("Limits added.", [[]], default=())
    conditions: tuple[ExtraConditions, ...] = documented(
        "Conditions added to existing powers or limits.", [[]], default=()
    )


class Catalogue(Model):
    """A shared mandate catalogue: instruments and what they need, used by several packs."""

    schema_: str | None = documented(
        "Path or URL of the JSON Schema.",
        ["../../schemas/mandate-catalogue.schema.json"],
        alias="$schema",
        default=None,
    )
    format: FormatVersion = documented("Format version of the file.", [1])
    id: Id = documented("Catalogue id, named by packs in 'catalogues'.", ["central-asia-security"])
    title: Text = documented("Title.", ["Security instruments of Russia and Central Asia"])
    version: Annotated[str, StringConstraints(pattern=SEMVER)] = documented(
        "Semantic version.", ["1.0.0"]
    )
    sources: tuple[Source, ...] = documented("Documents cited.", [[]], default=())
    actors: tuple[Actor, ...] = documented("Actors the instruments name.", [[]], default=())
    facts: tuple[FactSpec, ...] = documented(
        "Facts the instruments' conditions read.", [[]], default=()
    )
    action_types: tuple[ActionType, ...] = documented(
        "Action types the instruments govern.", [[]], default=()
    )
    instruments: tuple[Instrument, ...] = documented("The instruments.", [[]], default=())
    figures: tuple[Figure, ...] = documented(
        "Numbers the instruments and sources state (sizes of forces, durations).",
        [[]],
        default=(),
    )
    acronyms: tuple[Acronym, ...] = documented(
        "Acronyms the instruments use (for the report's appendix of every pack using them).",
        [[{"short": "SCO", "long": "Shanghai Cooperation Organisation"}]],
        default=(),
    )


class Pack(Model):
    """A scenario pack. Items from the catalogues it names are merged in by the loader."""

    schema_: str | None = documented(
        "Path or URL of the JSON Schema.",
        ["../schemas/scenario-pack.schema.json"],
        alias="$schema",
        default=None,
    )
    format: FormatVersion = documented("Format version of the file.", [1])
    meta: Meta = documented(
        "Who wrote the pack, what it is about and what it rests on.",
        [
            {
                "id": "kazakh-unrest-2022",
                "title": "January 2022: unrest in Kazakhstan",
                "version": "1.0.0",
                "summary": "Fuel-price protests turn violent.",
                "authors": [{"name": "Design cell"}],
                "classification": "UNCLASSIFIED // FOR EXERCISE USE ONLY",
                "scenario_start": "2022-01-02T08:00",
            }
        ],
        title="Meta",
    )
    catalogues: tuple[Id, ...] = documented(
        "Mandate catalogues to merge in, by id.", [["central-asia-security"]], default=()
    )
    actors: tuple[Actor, ...] = documented(
        "States, organisations and groups in play.", [[]], default=()
    )
    instruments: tuple[Instrument, ...] = documented(
        "Instruments defined by the pack itself.", [[]], default=()
    )
    action_types: tuple[ActionType, ...] = documented(
        "Action types defined by the pack itself.", [[]], default=()
    )
    facts: tuple[FactSpec, ...] = documented("World facts.", [[]], default=())
    figures: tuple[Figure, ...] = documented(
        "Numbers the instruments and sources state, added to the catalogues' figures.",
        [[]],
        default=(),
    )
    extends: tuple[InstrumentExtension, ...] = documented(
        "Powers, limits and conditions added to instruments taken from a catalogue.",
        [[]],
        default=(),
    )
    objectives: tuple[Objective, ...] = documented("Exercise objectives.", [[]], min_length=1)
    roles: tuple[Role, ...] = documented("Seats at the table.", [[]], min_length=1)
    phases: tuple[Phase, ...] = documented("Moves of the game, in order.", [[]], min_length=1)
    injects: tuple[Inject, ...] = documented("Master scenario events list.", [[]], default=())
    decision_points: tuple[DecisionPoint, ...] = documented(
        "Questions put to players.", [[]], default=()
    )
