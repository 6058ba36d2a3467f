"""The world a pack describes: sources, actors, instruments, action types and facts."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, model_validator

from tabletop.model.base import ActorKind, Id, Model, Text, documented
from tabletop.model.conditions import Condition, Pair

SourceKind = Literal[
    "treaty",
    "charter",
    "agreement",
    "national_law",
    "decree",
    "official_statement",
    "press_report",
    "scholarship",
    "other",
    "law",
    "official",
    "news",
]
"""What sort of document a source is (the last three are older spellings)."""

BINDING_KINDS: frozenset[str] = frozenset(
    {"treaty", "charter", "agreement", "national_law", "decree", "law"}
)
"""Source kinds that bind the parties; the others support or illustrate a reading."""

SOURCE_KIND_WORDS: dict[str, str] = {
    "treaty": "treaty",
    "charter": "charter",
    "agreement": "agreement",
    "national_law": "national law",
    "decree": "decree",
    "official_statement": "official statement",
    "press_report": "press report",
    "scholarship": "study",
    "other": "other source",
    "law": "national law",
    "official": "official statement",
    "news": "press report",
}
"""A source kind as it reads in a sentence."""


class Source(Model):
    """A document the pack rests on, with its citation text."""

    id: Id = documented("Citation key used by instruments and injects.", ["CSTO-2007", "RBC-2022b"])
    citation: Text = documented(
        "Full citation as it should appear in a bibliography.",
        ["CSTO (2007). Agreement on Peacekeeping Activities of the CSTO. Dushanbe, 6 Oct 2007."],
    )
    kind: SourceKind = documented(
        "What sort of document this is. Treaties, charters, agreements, national laws and "
        "decrees bind; official statements, press reports and scholarship support or "
        "illustrate a reading and are labelled as such in verdicts. 'law', 'official' and "
        "'news' are older spellings of national_law, official_statement and press_report.",
        ["treaty", "press_report"],
        default="other",
    )
    notes: str = documented(
        "What the pack takes from this source, in the author's own words, with the article "
        "numbers the source gives (a citation's article must appear here or in 'citation').",
        ["Article 4: aggression against one member is aggression against all."],
        default="",
    )
    url: str | None = documented(
        "Where the document can be read, if public.", ["https://en.odkb-csto.org/"], default=None
    )


class Citation(Model):
    """Where a power, limit or obligation is written down."""

    document: Text = documented("Title of the document.", ["Collective Security Treaty"])
    year: int = documented("Year the document was signed or adopted.", [1992], ge=1800, le=2200)
    article: str | None = documented(
        "Article, section or paragraph, if it can be named.", ["art. 4", "art. 3(2)"], default=None
    )
    source: Id | None = documented(
        "Id of the entry in the pack's sources.", ["CSTO-1992"], default=None
    )


class Actor(Model):
    """A state, an international organisation or a non-state group."""

    id: Id = documented("Short id; for states the ISO 3166 alpha-3 code.", ["KAZ", "CSTO", "UNSC"])
    name: Text = documented(
        "Name shown to players.", ["Kazakhstan", "Collective Security Treaty Organization"]
    )
    short_name: str | None = documented("Short form used in sentences.", ["the CSTO"], default=None)
    kind: ActorKind = documented(
        "What sort of actor this is: a state, an organisation, a group of states acting "
        "together, or a non-state (armed) group.",
        ["state", "organisation", "non_state_group"],
    )
    members: tuple[Id, ...] = documented(
        "Member states (organisations only).",
        [["RUS", "KAZ", "KGZ", "TJK", "ARM", "BLR"]],
        default=(),
    )
    observers: tuple[Id, ...] = documented(
        "Observer states (organisations only).", [["AFG"]], default=()
    )
    description: str = documented(
        "One or two sentences on the actor.", ["Russia-led military alliance."], default=""
    )


class PowerBase(Model):
    """Fields shared by powers and limits."""

    id: Id = documented("Id, unique within the instrument.", ["art4-collective-defence"])
    actions: tuple[Id, ...] = documented(
        "Action types this applies to.", [["collective_defence_assistance"]], min_length=1
    )
    holders: tuple[Id, ...] = documented(
        "Actors that hold it; empty means every role drawing on the instrument.",
        [["CSTO"]],
        default=(),
    )
    summary: Text = documented(
        "What it says, in one plain sentence.",
        ["Members assist a member that suffers aggression, at its request."],
    )
    citation: Citation = documented(
        "Where it is written down: document, year, article.",
        [{"document": "Collective Security Treaty", "year": 1992, "article": "art. 4"}],
        title="Citation",
    )


class Discharge(Model):
    """What meets an obligation: a later action of a type, or a condition becoming true."""

    # Exactly one of the two, not null: what the validator below checks, said in the schema.
    model_config = ConfigDict(
        json_schema_extra={
            "oneOf": [
                {"required": ["action"], "properties": {"action": {"type": "string"}}},
                {"required": ["when"], "properties": {"when": {"type": "object"}}},
            ]
        }
    )

    action: Id | None = documented(
        "An action type whose later use meets it.", ["notify_unsc"], default=None
    )
    when: Condition | None = documented(
        "A condition on facts that, once true, meets it.",
        [{"fact": "unsc_informed", "op": "==", "value": True}],
        default=None,
    )

    @model_validator(mode="after")
    def _exactly_one(self) -> Discharge:
        if (self.action is None) == (self.when is None):
            raise ValueError("give exactly one of 'action' or 'when'")
        return self


class Obligation(Model):
    """Something an action makes the actor owe (e.g. informing the UN Security Council)."""

    id: Id = documented("Id, unique within the power.", ["inform-unsc"])
    text: Text = documented(
        "What is owed, in plain words.", ["Inform the UN Security Council of the operation."]
    )
    discharged_by: tuple[Discharge, ...] = documented(
        "Any one of these meets the obligation.", [[{"action": "notify_unsc"}]], min_length=1
    )
    citation: Citation | None = documented(
        "Where it is written, if not with the power.", [None], default=None, title="Citation"
    )
    within_hours: int | None = documented(
        "Scenario hours after the action by which it must be met (0: at once, before the "
        "clock moves on); absent: no deadline. Past it, an open obligation is late.",
        [24],
        default=None,
        ge=0,
        le=24 * 365,
    )
    deadline_note: str | None = documented(
        "Where the deadline comes from: the instrument's words, or the pack's reading of them.",
        ["The agreement asks that the Council be told of planned operations; read as 24 hours."],
        default=None,
    )


class Power(PowerBase):
    """An action the instrument permits, the conditions on it and what it then owes."""

    conditions: tuple[Condition, ...] = documented(
        "All must hold for the power to apply; checked and explained in this order.",
        [[{"member_of": "CSTO", "actor": {"param": "host"}}]],
        default=(),
    )
    obligations: tuple[Obligation, ...] = documented("What the action then owes.", [[]], default=())


class Limit(PowerBase):
    """An action the instrument rules out when its conditions hold (always, if none), or,
    with effect 'caution', one it lets stand with a warning the facilitator reads."""

    effect: Literal["rules_out", "caution"] = documented(
        "'rules_out': the action is outside mandate when the limit bites. 'caution': the "
        "verdict stands but carries this limit as a caution (e.g. a force larger than the "
        "stated size of the force).",
        ["rules_out", "caution"],
        default="rules_out",
    )

    applies_when: tuple[Condition, ...] = documented(
        "All must hold for the limit to bite; empty means it always does.",
        [[{"not": {"within": "CSTO", "territory": {"param": "target"}}}]],
        default=(),
    )


class Instrument(Model):
    """A charter, treaty, agreement, law or policy line that gives or limits powers."""

    id: Id = documented("Id, e.g. issuer and year.", ["CST-1992", "RUS-UZB-2001"])
    kind: Literal["charter", "treaty", "agreement", "convention", "concept", "law", "policy"] = (
        documented("What sort of instrument.", ["treaty", "law"])
    )
    title: Text = documented("Full title.", ["Collective Security Treaty"])
    year: int = documented("Year signed or adopted.", [1992], ge=1800, le=2200)
    parties: tuple[Id, ...] = documented(
        "Actors bound by it.", [["CSTO", "RUS", "KAZ"]], min_length=1
    )
    source: Id | None = documented("Id of the entry in sources.", ["CSTO-1992"], default=None)
    summary: str = documented(
        "What the instrument is for.", ["Founding treaty of collective defence."], default=""
    )
    powers: tuple[Power, ...] = documented("Actions it permits.", [[]], default=())
    limits: tuple[Limit, ...] = documented("Actions it rules out.", [[]], default=())


class Figure(Model):
    """A number an instrument or a source states (the size of a force, a contingent, a
    duration), compared with an action's parameters by conditions as {"figure": id}."""

    id: Id = documented("Figure id, used as {'figure': id} in conditions.", ["csto-pk-force"])
    title: Text = documented(
        "What the number is, as it reads in a sentence.",
        ["the CSTO peacekeeping force (3,000 military and 600 police)"],
    )
    value: int = documented("The number.", [3600])
    unit: str = documented("Unit, in words.", ["personnel", "days"], default="")
    source: Id | None = documented("Id of the source that states it.", ["CSTO-2007"], default=None)


class ParamBase(Model):
    """Fields shared by all parameter specs."""

    name: Id = documented("Parameter name, unique in the action type.", ["host"])
    title: Text = documented("Label shown to the facilitator.", ["Host state"])
    description: str = documented(
        "What the parameter means.", ["State on whose territory it happens."], default=""
    )
    required: bool = documented(
        "Whether every action of this type must give it.", [True], default=True
    )


class ActorParam(ParamBase):
    """A parameter naming an actor (host state, target territory, requesting party)."""

    type: Literal["actor"] = documented("Parameter type.", ["actor"])
    kinds: tuple[ActorKind, ...] = documented(
        "Kinds of actor allowed; empty allows any.", [["state"]], default=()
    )


class IntParam(ParamBase):
    """A whole-number parameter (force size, days)."""

    type: Literal["int"] = documented("Parameter type.", ["int"])
    min: int | None = documented("Smallest allowed value.", [0], default=None)
    max: int | None = documented("Largest allowed value.", [100000], default=None)


class BoolParam(ParamBase):
    """A yes/no parameter."""

    type: Literal["bool"] = documented("Parameter type.", ["bool"])


class EnumParam(ParamBase):
    """A parameter taking one of a fixed list of values."""

    type: Literal["enum"] = documented("Parameter type.", ["enum"])
    values: tuple[Id, ...] = documented(
        "Allowed values.", [["none", "unsc_mandate", "csto"]], min_length=1
    )


class TextParam(ParamBase):
    """A free-text parameter."""

    type: Literal["text"] = documented("Parameter type.", ["text"])


ParamSpec = Annotated[
    ActorParam | IntParam | BoolParam | EnumParam | TextParam,
    Field(
        discriminator="type",
        description="A typed parameter.",
        examples=[{"name": "host", "title": "Host state", "type": "actor"}],
    ),
]


class ActionType(Model):
    """Something a role can do, with typed parameters."""

    id: Id = documented("Id used by powers and options.", ["peacekeeping_deployment"])
    title: Text = documented("Name shown to players.", ["Peacekeeping deployment"])
    description: str = documented(
        "What it involves.", ["Send a peacekeeping contingent."], default=""
    )
    category: Literal[
        "political", "information", "humanitarian", "military", "law_enforcement", "economic"
    ] = documented("Broad kind of action.", ["military"], default="political")
    params: tuple[ParamSpec, ...] = documented("Typed parameters.", [[]], default=())


class FactBase(Model):
    """Fields shared by all fact specs."""

    id: Id = documented("Fact id used by conditions and effects.", ["unrest_level"])
    title: Text = documented("Name shown to the facilitator.", ["Level of unrest"])
    description: str = documented(
        "What the fact means.", ["How violent the unrest has become."], default=""
    )
    says: str | None = documented(
        "Wording when it holds; {value}, {from}, {to} are filled in.",
        ["{from} has asked {to} for assistance"],
        default=None,
    )
    says_not: str | None = documented(
        "Wording when it does not hold.", ["{from} has not asked {to} for assistance"], default=None
    )


class BoolFact(FactBase):
    """A yes/no fact."""

    type: Literal["bool"] = documented("Fact type.", ["bool"])
    initial: bool = documented("Value at the start.", [False])


Monotone = Literal["rising", "falling"]
"""Which way an ordered fact only ever moves: up ('rising') or down ('falling')."""


def _monotone(example: str) -> Any:
    return documented(
        "Which way the fact only ever moves ("
        + example
        + "): 'rising' or 'falling'. A promise the lint holds the pack's effects to "
        "(warning monotone-overwrite); absent: it may move either way.",
        ["rising"],
        default=None,
    )


class IntFact(FactBase):
    """A whole-number fact."""

    type: Literal["int"] = documented("Fact type.", ["int"])
    initial: int = documented("Value at the start.", [0])
    min: int | None = documented("Smallest value.", [0], default=None)
    max: int | None = documented("Largest value.", [10], default=None)
    monotone: Monotone | None = _monotone("by number, as a count of incidents only grows")


class EnumFact(FactBase):
    """A fact taking one of a fixed list of values."""

    type: Literal["enum"] = documented("Fact type.", ["enum"])
    values: tuple[Id, ...] = documented(
        "Allowed values, in order.", [["calm", "protests", "violent"]], min_length=1
    )
    initial: Id = documented("Value at the start.", ["calm"])
    monotone: Monotone | None = _monotone("along 'values', as an escalation ladder only climbs")


class TextFact(FactBase):
    """A free-text fact."""

    type: Literal["text"] = documented("Fact type.", ["text"])
    initial: str = documented("Value at the start.", [""])


class ActorSetFact(FactBase):
    """A set of actors (e.g. states under aggression)."""

    type: Literal["actor_set"] = documented("Fact type.", ["actor_set"])
    initial: tuple[Id, ...] = documented("Actors in the set at the start.", [["TJK"]], default=())


class RelationFact(FactBase):
    """A set of actor pairs (requests, notifications, authorisations)."""

    consent: bool = documented(
        "A pair from A to B is A's consent to B acting on A's territory (a request for help "
        "is one): read by 'consent_of' conditions.",
        [True],
        default=False,
    )

    type: Literal["relation"] = documented("Fact type.", ["relation"])
    initial: tuple[Pair, ...] = documented(
        "Pairs at the start.", [[{"from": "KAZ", "to": "CSTO"}]], default=()
    )


FactSpec = Annotated[
    BoolFact | IntFact | EnumFact | TextFact | ActorSetFact | RelationFact,
    Field(
        discriminator="type",
        description="A typed world fact.",
        examples=[
            {"id": "unsc_informed", "title": "UNSC informed", "type": "bool", "initial": False}
        ],
    ),
]
