"""Every broken pack in tests/data/bad/ gives exactly the expected diagnostics, located."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tabletop.model import Pack
from tabletop.model.json_schemas import schema_for
from tabletop.packs import MAX_BYTES, MAX_DEPTH, load_document, load_pack

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"

# file -> expected errors (or warnings, for the warn-* files) in order:
# (code, file if not the pack itself, JSON pointer, line, column)
EXPECTED = {
    "bad-catalogue.json": (
        ("bad-value", "broken.json", "/actors/0/kind", 11, 15),
        ("bad-catalogue", "", "/catalogues/0", 14, 18),
    ),
    "bad-date.json": (("bad-format", "", "/injects/1/time", 92, 15),),
    "bad-enum.json": (("bad-value", "", "/injects/1/channel", 96, 18),),
    "bad-id-format.json": (("bad-format", "", "/objectives/0/id", 64, 25),),
    "bad-op.json": (("bad-op", "", "/injects/2/when/op", 106, 40),),
    "trailing-comma.json": (("json-syntax", "", "", 87, 33),),
    "equals-op.json": (("bad-value", "", "/injects/2/when/op", 106, 40),),
    "catalogue-dangling-reference.json": (
        ("unknown-actor", "dangling.json", "/instruments/0/parties/1", 15, 9),
    ),
    "duplicate-id.json": (("duplicate-id", "", "/actors/1/id", 16, 12),),
    "duplicate-key.json": (("duplicate-key", "", "/meta/title", 8, 5),),
    "duplicate-option-id.json": (("duplicate-id", "", "/decision_points/0/options/1/id", 131, 16),),
    "effect-type.json": (
        ("effect-type", "", "/decision_points/0/options/0/effects/0/increase", 128, 54),
    ),
    "fact-type.json": (("fact-type", "", "/injects/2/when/value", 106, 55),),
    "effect-bound-type.json": (
        ("effect-type", "", "/decision_points/0/options/0/effects/0/at_least", 128, 54),
    ),
    # A rising fact set back to a lower value warns; the same set guarded by only_if does not.
    "warn-monotone-overwrite.json": (
        ("monotone-overwrite", "", "/decision_points/0/options/0/effects/1/set", 129, 84),
    ),
    "follow-on-loop.json": (
        ("follow-on-loop", "", "/decision_points/0/options/0/follow_ons/0", 130, 26),
    ),
    "for-roles-not-decider.json": (
        ("for-roles-not-decider", "", "/decision_points/0/options/0/for_roles/0", 126, 25),
    ),
    "inject-never-fires-when.json": (("inject-never-fires", "", "/injects/2", 101, 5),),
    "inject-never-fires.json": (("inject-never-fires", "", "/injects/1", 89, 5),),
    "missing-field.json": (("missing-key", "", "/roles/1", 67, 5),),
    "missing-param-option.json": (
        ("missing-param", "", "/decision_points/0/options/0/action/params", 127, 53),
    ),
    "misspelt-condition-key.json": (
        ("missing-key", "", "/instruments/0/powers/0/conditions/2", 36, 13),
        ("unknown-key", "", "/instruments/0/powers/0/conditions/2/opp", 36, 31),
    ),
    "nan-value.json": (("json-syntax", "", "", 23, 15),),
    "not-an-organisation.json": (
        ("not-an-organisation", "", "/instruments/0/powers/0/conditions/0/member_of", 34, 27),
    ),
    "not-follow-on.json": (
        ("not-follow-on", "", "/decision_points/0/options/0/follow_ons/1", 129, 35),
    ),
    "not-utf8.json": (("not-utf8", "", "", 81, 19),),
    "param-outside-power.json": (("param-outside-power", "", "/injects/2/when/param", 106, 25),),
    "param-type-option.json": (
        ("param-type", "", "/decision_points/0/options/0/action/params/mode", 127, 91),
    ),
    "syntax-error.json": (("json-syntax", "", "", 7, 5),),
    "top-level-array.json": (("wrong-type", "", "", 1, 1),),
    "unknown-action-type-option.json": (
        ("unknown-action-type", "", "/decision_points/0/options/1/action/type", 131, 60),
    ),
    "unknown-action-type-power.json": (
        ("unknown-action-type", "", "/instruments/0/powers/1/actions/0", 41, 23),
    ),
    "unknown-actor-effect.json": (("unknown-actor", "", "/injects/0/effects/1/add/from", 85, 89),),
    "unknown-actor.json": (("unknown-actor", "", "/roles/1/actor", 67, 46),),
    "unknown-catalogue.json": (("unknown-catalogue", "", "/catalogues/0", 14, 18),),
    "unknown-citation-source.json": (
        ("unknown-source", "", "/instruments/0/powers/0/citation/source", 32, 107),
    ),
    "unknown-decider.json": (("unknown-role", "", "/decision_points/0/deciders/2", 121, 36),),
    "unknown-decision-point.json": (("unknown-decision-point", "", "/injects/0/opens/1", 86, 25),),
    "unknown-discharge-action.json": (
        (
            "unknown-action-type",
            "",
            "/instruments/0/powers/0/obligations/0/discharged_by/0/action",
            32,
            95,
        ),
    ),
    "unknown-fact-effect.json": (
        ("unknown-fact", "", "/decision_points/0/options/0/effects/0/fact", 128, 32),
    ),
    "unknown-fact.json": (("unknown-fact", "", "/injects/2/when/fact", 106, 24),),
    "unknown-holder.json": (("unknown-actor", "", "/instruments/0/powers/0/holders/0", 30, 23),),
    "unknown-inject.json": (
        ("unknown-inject", "", "/decision_points/0/options/0/follow_ons/1", 129, 35),
    ),
    "unknown-instrument-party-to.json": (
        ("unknown-instrument", "", "/instruments/0/powers/0/conditions/0/party_to", 34, 26),
    ),
    "unknown-instrument-source.json": (("unknown-source", "", "/instruments/0/source", 25, 17),),
    "unknown-instrument.json": (("unknown-instrument", "", "/roles/1/instruments/1", 67, 80),),
    "unknown-key.json": (("unknown-key", "", "/phases/0/sumary", 70, 99),),
    "unknown-member.json": (("unknown-actor", "", "/actors/1/members/1", 16, 88),),
    "unknown-objective.json": (("unknown-objective", "", "/injects/0/objectives/0", 84, 22),),
    "unknown-param-condition.json": (
        ("unknown-param", "", "/instruments/0/powers/0/conditions/2/param", 36, 23),
    ),
    "unknown-param-option.json": (
        ("unknown-param", "", "/decision_points/0/options/0/action/params/speed", 127, 107),
    ),
    "unknown-phase.json": (("unknown-phase", "", "/injects/2/phase", 103, 16),),
    "unknown-question-role.json": (
        ("unknown-role", "", "/phases/0/discussion_questions/0/role", 70, 133),
    ),
    "unknown-role.json": (("unknown-role", "", "/injects/1/to/1", 95, 22),),
    "unknown-source.json": (("unknown-source", "", "/injects/0/sources/0", 87, 19),),
    "unreachable-decision-point.json": (
        ("inject-never-fires", "", "/injects/1", 89, 5),
        ("unreachable-decision-point", "", "/decision_points/0", 116, 5),
    ),
    "warn-fact-never-set.json": (("fact-never-set", "", "/facts/0/id", 61, 12),),
    "warn-phases-out-of-order.json": (
        ("phases-out-of-order", "", "/phases/1/starts_at", 71, 54),
        # Its injects are dated in move 1's window, which starts after move 2's.
        ("inject-outside-phase", "", "/injects/1/time", 92, 15),
        ("inject-outside-phase", "", "/injects/2/time", 104, 15),
    ),
    "warn-unused-fact.json": (
        ("fact-never-read", "", "/facts/2/id", 63, 12),
        ("fact-never-set", "", "/facts/2/id", 63, 12),
    ),
    "when-missing.json": (("when-missing", "", "/injects/2/release", 105, 18),),
    "when-unexpected.json": (("when-unexpected", "", "/injects/2/when", 105, 21),),
    "wrong-fact-kind.json": (("bad-value", "", "/facts/1/type", 62, 49),),
    "warn-inject-outside-phase.json": (("inject-outside-phase", "", "/injects/1/time", 92, 15),),
    # Move 1's title names the day it starts; move 2 starts a month before its title's dates.
    "warn-phase-title-dates.json": (("phase-title-dates", "", "/phases/1/title", 71, 31),),
    "warn-decision-outside-phase.json": (
        ("decision-outside-phase", "", "/decision_points/0/phase", 118, 16),
    ),
    "wrong-type.json": (("wrong-type", "", "/instruments/0/year", 23, 15),),
    # Extensions of catalogue instruments (the catalogue is catalogues/extendable.json):
    # every problem in what a pack adds is located in the pack, under /extends.
    "extends-dangling-references.json": (
        ("unknown-action-type", "", "/extends/0/powers/0/actions/0", 68, 37),
        ("unknown-actor", "", "/extends/0/powers/0/holders/0", 68, 63),
        ("unknown-source", "", "/extends/0/powers/0/citation/source", 69, 92),
        ("unknown-param", "", "/extends/0/conditions/0/conditions/0/param", 77, 65),
        ("unknown-fact", "", "/extends/0/powers/0/conditions/0/fact", 70, 34),
        ("unknown-figure", "", "/extends/0/limits/0/applies_when/0/value/figure", 75, 76),
    ),
    "extends-duplicate-rule.json": (
        ("duplicate-id", "", "/extends/0/powers/0/id", 68, 16),
        ("duplicate-id", "", "/extends/0/powers/1/id", 71, 16),
    ),
    "extends-own-instrument.json": (
        ("extends-own-instrument", "", "/extends/0/instrument", 66, 20),
    ),
    "extends-twice.json": (("duplicate-id", "", "/extends/1/instrument", 68, 20),),
    "extends-unknown-instrument.json": (
        ("unknown-instrument", "", "/extends/0/instrument", 66, 20),
    ),
    "extends-unknown-rule.json": (("unknown-rule", "", "/extends/0/conditions/0/rule", 67, 30),),
    # Figures, consent, agreements and relations from anyone of some kinds.
    "figure-bad-op.json": (("bad-op", "", "/instruments/0/powers/0/conditions/2/op", 36, 37),),
    "figure-not-number.json": (
        ("param-type", "", "/instruments/0/powers/0/conditions/2/value", 36, 52),
        ("fact-type", "", "/injects/2/when/value", 109, 55),
    ),
    "unknown-figure.json": (
        ("unknown-figure", "", "/instruments/0/powers/0/conditions/2/value/figure", 36, 63),
    ),
    "unknown-figure-source.json": (("unknown-source", "", "/figures/0/source", 65, 126),),
    "effect-figure.json": (
        ("effect-type", "", "/decision_points/0/options/0/effects/0/set", 131, 49),
    ),
    "no-consent-fact.json": (
        ("no-consent-fact", "", "/instruments/0/powers/0/conditions/1/consent_of", 35, 28),
    ),
    "consent-of-references.json": (
        ("unknown-actor", "", "/instruments/0/powers/0/conditions/1/consent_of", 35, 28),
        ("param-type", "", "/instruments/0/powers/0/conditions/1/to/param", 35, 53),
    ),
    "consent-outside-power.json": (
        ("param-outside-power", "", "/injects/2/when/consent_of", 106, 30),
    ),
    "agreement-between-references.json": (
        ("unknown-actor", "", "/instruments/0/powers/0/conditions/0/agreement_between/1", 34, 55),
        ("unknown-action-type", "", "/instruments/0/powers/0/conditions/0/covering/0", 34, 78),
    ),
    "from-kinds-with-from.json": (
        ("from-kinds-with-from", "", "/instruments/0/powers/0/conditions/1/from_kinds", 35, 79),
    ),
}


def test_the_table_covers_every_file_in_the_corpus() -> None:
    files = {p.name for p in BAD.glob("*.json")}
    assert files == set(EXPECTED)
    assert len([f for f in files if not f.startswith("warn-")]) >= 25


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_pack_gives_exactly_the_expected_diagnostics(name: str) -> None:
    path = BAD / name
    result = load_pack(path)
    warning_only = name.startswith("warn-")
    assert result.ok is warning_only
    shown = result.warnings if warning_only else result.errors
    got = tuple(
        (
            d.code,
            "" if Path(d.file) == path else Path(d.file).name,
            d.pointer,
            d.line,
            d.column,
        )
        for d in shown
    )
    assert got == EXPECTED[name]
    for d in shown:
        assert d.hint, f"{d.code} has no hint"
        assert d.message


def test_oversized_document_is_refused_unread_and_fast(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as fh:  # 50 MB of valid-looking JSON, written in chunks
        fh.write(b'{"x": "')
        chunk = b"a" * 1_048_576
        for _ in range(50):
            fh.write(chunk)
        fh.write(b'"}')
    start = time.perf_counter()
    result = load_pack(big)
    elapsed = time.perf_counter() - start
    assert [d.code for d in result.diagnostics] == ["file-too-large"]
    assert "20 MB" in result.diagnostics[0].message
    assert elapsed < 0.5
    # The pure pipeline refuses bytes over the limit before parsing them, too.
    data = b" " * (MAX_BYTES + 1)
    start = time.perf_counter()
    model, diags = load_document(data, "big.json", Pack, schema_for("scenario-pack.schema.json"))
    assert model is None and [d.code for d in diags] == ["file-too-large"]
    assert time.perf_counter() - start < 0.5


@pytest.mark.parametrize("opener", [b"[", b'{"a":'])
def test_nesting_100000_deep_is_refused_fast(opener: bytes) -> None:
    closer = b"]" if opener == b"[" else b"}"
    data = opener * 100_000 + b"1" + closer * 100_000
    start = time.perf_counter()
    model, diags = load_document(data, "deep.json", Pack, schema_for("scenario-pack.schema.json"))
    elapsed = time.perf_counter() - start
    assert model is None
    assert [d.code for d in diags] == ["nesting-too-deep"]
    step = len(opener)
    assert (diags[0].line, diags[0].column) == (1, MAX_DEPTH * step + 1)
    assert str(MAX_DEPTH) in diags[0].hint
    assert elapsed < 0.5


def test_nesting_at_the_limit_is_not_refused_for_depth() -> None:
    data = b"[" * MAX_DEPTH + b"]" * MAX_DEPTH
    _model, diags = load_document(data, "ok.json", Pack, schema_for("scenario-pack.schema.json"))
    assert "nesting-too-deep" not in [d.code for d in diags]
    assert [d.code for d in diags] == ["wrong-type"]


def test_a_trailing_comma_is_called_one() -> None:
    (d,) = load_pack(BAD / "trailing-comma.json").errors
    assert d.message.startswith("trailing comma") and "Remove the comma" in d.hint


def test_a_single_equals_sign_suggests_the_double() -> None:
    (d,) = load_pack(BAD / "equals-op.json").errors
    assert d.hint.startswith('Did you mean "=="?')
