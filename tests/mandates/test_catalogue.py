"""The shipped central-asia-security catalogue: complete, consistent and faithful to the study."""

from __future__ import annotations

import json
import re
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
from tabletop.packs.loader import open_pack

ROOT = Path(__file__).resolve().parents[2]
PATH = ROOT / "scenarios" / "catalogues" / "central-asia-security.json"
RAW = json.loads(PATH.read_text(encoding="utf-8"))
CAT = Catalogue.model_validate_json(PATH.read_bytes())
ACTORS = {a.id: a for a in CAT.actors}
FACTS = {f.id: f for f in CAT.facts}
TYPES = {t.id: t for t in CAT.action_types}
INSTRUMENTS = {i.id: i for i in CAT.instruments}

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


def _article_number(article: str) -> str:
    """'art. 51' -> '51', 'art. 3(2)' -> '3(2)'."""
    return re.sub(r"^(art\.|article)\s*", "", article.strip(), flags=re.IGNORECASE)


def test_every_citation_points_to_a_source_and_cites_only_articles_the_source_gives() -> None:
    # "Cite articles only where the study gives them": an article cited must appear in the
    # text of its source (the citation or the notes that say what the pack takes from it).
    sources = {s.id: s for s in CAT.sources}
    for inst in CAT.instruments:
        assert inst.source in sources, inst.id
    citations = [rule.citation for _, rule, _ in rules()]
    citations += [ob.citation for i in CAT.instruments for p in i.powers for ob in p.obligations]
    cited = 0
    for citation in filter(None, citations):
        assert citation.source in sources, citation
        if citation.article is not None:
            source = sources[citation.source]
            text = f"{source.citation} {source.notes}"
            number = _article_number(citation.article)
            assert re.search(rf"\b(article|art\.)\s*{re.escape(number)}\b", text, re.I), (
                f"{citation.document}, {citation.article}: not in the text of {source.id}"
            )
            cited += 1
    assert cited >= 2  # article 4 of the treaty, article 51 of the UN Charter


def test_an_article_the_source_does_not_give_fails_the_check() -> None:
    # The rule above can fail: the CSTO Charter's notes give no article.
    source = next(s for s in CAT.sources if s.id == "CSTO-2002")
    assert not re.search(r"\b(article|art\.)\s*5\b", f"{source.citation} {source.notes}", re.I)


def test_every_source_says_what_kind_of_document_it_is() -> None:
    for source in CAT.sources:
        assert source.kind not in ("other", "law", "official", "news"), source.id
    kinds = {s.id: s.kind for s in CAT.sources}
    assert kinds["CSTO-1992"] == "treaty" and kinds["CSTO-2002"] == "charter"
    assert kinds["CSTO-2007"] == "agreement" and kinds["FL93-1995"] == "national_law"
    assert kinds["Interfax-2021"] == "press_report" and kinds["TASS-2022"] == "press_report"
    assert kinds["CSTO-2021f"] == "official_statement"
    assert kinds["Decree-400-2021"] == "decree"


def test_figures_come_from_the_study_with_their_source() -> None:
    figures = {f.id: f for f in CAT.figures}
    # "With 20,000 personnel in its Collective Rapid Reaction Forces, 5,000 in the Collective
    # Rapid Deployment Forces, and a peacekeeping force of 3,000 military and 600 law
    # enforcement personnel".
    assert figures["csto-crrf"].value == 20_000
    assert figures["csto-crdf"].value == 5_000
    assert figures["csto-pk-force"].value == 3_000 + 600
    sources = {s.id: s for s in CAT.sources}
    for figure in figures.values():
        assert f"{figure.value:,}" in sources[figure.source].notes or figure.id == "csto-pk-force"


def test_obligations_carry_deadlines_with_where_they_come_from() -> None:
    for inst in CAT.instruments:
        for power in inst.powers:
            for ob in power.obligations:
                assert ob.within_hours is not None, (inst.id, power.id, ob.id)
                assert ob.deadline_note, (inst.id, power.id, ob.id)


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


@pytest.mark.parametrize("name", ["afghan-border-incursion", "kazakh-unrest-2022"])
def test_a_shipped_pack_cites_only_articles_its_sources_give(name: str) -> None:
    loaded = open_pack(ROOT / "scenarios" / f"{name}.json").pack
    sources = {s.id: s for s in loaded.meta.sources}
    for source in loaded.meta.sources:
        assert source.kind not in ("other", "law", "official", "news"), source.id
    for inst in loaded.instruments:
        for rule in (*inst.powers, *inst.limits):
            article = rule.citation.article
            if article is None:
                continue
            source = sources[rule.citation.source or inst.source or ""]
            number = _article_number(article)
            assert re.search(
                rf"\b(article|art\.)\s*{re.escape(number)}\b",
                f"{source.citation} {source.notes}",
                re.I,
            ), (inst.id, rule.id, article)
