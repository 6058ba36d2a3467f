"""The shipped central-asia-security catalogue: complete, consistent and faithful to the study."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest

from tabletop.model import Catalogue
from tabletop.model.conditions import (
    FactTest,
    MemberOf,
    Pair,
    ParamRef,
    ParamTest,
    PartyTo,
    RelationTest,
    Within,
    conditions_in,
)

ROOT = Path(__file__).resolve().parents[2]
PATH = ROOT / "scenarios" / "catalogues" / "central-asia-security.json"
RAW = json.loads(PATH.read_text(encoding="utf-8"))
CAT = Catalogue.model_validate_json(PATH.read_bytes())
ACTORS = {a.id: a for a in CAT.actors}
FACTS = {f.id: f for f in CAT.facts}
TYPES = {t.id: t for t in CAT.action_types}
INSTRUMENTS = {i.id: i for i in CAT.instruments}

# Articles the study names (or that are beyond doubt); everything else cites no article.
KNOWN_ARTICLES = {
    ("Collective Security Treaty", "art. 4"),
    ("Charter of the Collective Security Treaty Organization", "art. 3"),
    ("Charter of the Collective Security Treaty Organization", "art. 5"),
    ("Charter of the Shanghai Cooperation Organisation", "art. 1"),
    ("Charter of the Shanghai Cooperation Organisation", "art. 2"),
    ("Charter of the United Nations", "art. 2(1)"),  # sovereign equality of the members
    ("Charter of the United Nations", "art. 51"),
}

STUDY_KEYS = [
    "CSTO-1992", "CSTO-2002", "CSTO-2004", "CSTO-2007", "CSTO-2021f", "Interfax-2021",
    "SCO-2001", "SCO-2002", "SCO-2021a", "SCO-2021b", "FL30-2001", "FL180-2004", "FL64-2006",
    "FL67-2017", "FL135-2002", "FL355-2020", "FL93-1995", "TASS-2022",
]  # fmt: skip


def rules():
    for inst in CAT.instruments:
        for power in inst.powers:
            yield inst, power, power.conditions
        for limit in inst.limits:
            yield inst, limit, limit.applies_when


def refs(node) -> Iterator[object]:
    """Actor references and values a leaf names."""
    for name in ("actor", "territory", "from_", "to", "value"):
        value = getattr(node, name, None)
        if isinstance(value, Pair):
            yield value.from_
            yield value.to
        elif value is not None:
            yield value


def test_matches_its_schema() -> None:
    schema = json.loads((ROOT / "schemas" / "mandate-catalogue.schema.json").read_text())
    jsonschema.validate(RAW, schema)
    assert RAW["$schema"] == "../../schemas/mandate-catalogue.schema.json"


def test_members_as_the_study_gives_them() -> None:
    assert set(ACTORS["CSTO"].members) == {"RUS", "ARM", "BLR", "KAZ", "KGZ", "TJK"}
    assert set(ACTORS["SCO"].members) == {"RUS", "CHN", "IND", "PAK", "KAZ", "KGZ", "TJK", "UZB"}
    assert ACTORS["SCO"].observers == ("AFG",)
    assert "UZB" not in ACTORS["CSTO"].members and "TKM" not in ACTORS["CSTO"].members
    assert "TKM" not in ACTORS["SCO"].members
    assert FACTS["neutral_states"].initial == ("TKM",)
    assert ACTORS["UNSC"].kind == "organisation"


def test_sources_carry_the_study_citation_keys() -> None:
    ids = [s.id for s in CAT.sources]
    assert len(ids) == len(set(ids))
    for key in STUDY_KEYS:
        assert key in ids


def test_every_citation_points_to_a_source_and_names_only_known_articles() -> None:
    sources = {s.id for s in CAT.sources}
    for inst in CAT.instruments:
        assert inst.source in sources, inst.id
    citations = [rule.citation for _, rule, _ in rules()]
    citations += [ob.citation for i in CAT.instruments for p in i.powers for ob in p.obligations]
    for citation in filter(None, citations):
        assert citation.source in sources, citation
        if citation.article is not None:
            assert (citation.document, citation.article) in KNOWN_ARTICLES, citation


def test_every_reference_resolves() -> None:
    ids = [i.id for i in CAT.instruments] + [a.id for a in CAT.actors] + list(TYPES) + list(FACTS)
    assert len(ids) == len(set(ids)), "ids are unique"
    for inst, rule, conditions in rules():
        where = f"{inst.id}/{rule.id}"
        assert set(inst.parties) <= set(ACTORS), where
        assert set(rule.holders) <= set(ACTORS), where
        for action in rule.actions:
            assert action in TYPES, where
        for cond in conditions:
            for node in conditions_in(cond):
                params = [r.param for r in refs(node) if isinstance(r, ParamRef)]
                if isinstance(node, ParamTest):
                    params.append(node.param)
                for action in rule.actions:
                    names = {p.name for p in TYPES[action].params}
                    assert set(params) <= names, (where, action, params)
                if isinstance(node, FactTest | RelationTest):
                    fact = node.fact if isinstance(node, FactTest) else node.relation
                    assert fact in FACTS, where
                if isinstance(node, RelationTest):
                    assert FACTS[node.relation].type == "relation", where
                if isinstance(node, MemberOf | Within):
                    org = node.member_of if isinstance(node, MemberOf) else node.within
                    assert org in ACTORS, where
                if isinstance(node, PartyTo):
                    assert node.party_to in INSTRUMENTS, where
                if isinstance(node, MemberOf | Within | PartyTo | RelationTest):
                    for r in refs(node):
                        assert isinstance(r, ParamRef) or r in ACTORS, (where, r)


def test_every_instrument_gives_or_limits_something() -> None:
    for inst in CAT.instruments:
        assert inst.powers or inst.limits, inst.id
        assert inst.summary, inst.id


@pytest.mark.parametrize(
    "instrument",
    [
        "CST-1992", "CSTO-Charter-2002", "CSTO-PKC-2004", "CSTO-PKA-2007", "CSTO-2021",
        "SCO-Charter-2002", "SCO-Convention-2001", "SCO-AFG-2021", "RUS-UZB-2001",
        "RUS-UZB-2004", "RUS-UZB-2006", "RUS-UZB-2017", "RUS-TKM-2002", "RUS-TKM-2020",
        "RUS-FL93-1995",
    ],
)  # fmt: skip
def test_the_issue_lists_this_instrument(instrument: str) -> None:
    assert instrument in INSTRUMENTS


def test_action_types_the_packs_need() -> None:
    wanted = {
        "consultations", "information_sharing", "humanitarian_aid", "joint_exercise",
        "border_reinforcement", "peacekeeping_deployment", "collective_defence_assistance",
        "cross_border_strike", "military_deployment", "military_technical_assistance",
        "capacity_building", "request_assistance", "notify_unsc", "convene_contact_group",
        "public_statement", "withdrawal_of_forces", "contingent_contribution",
    }  # fmt: skip
    assert wanted <= set(TYPES)
    framework = next(p for p in TYPES["peacekeeping_deployment"].params if p.name == "framework")
    assert "none" in framework.values
