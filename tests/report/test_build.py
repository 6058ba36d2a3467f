"""build_report: what the report says about decisions, obligations, compliance and objectives."""

from __future__ import annotations

from tabletop.engine import replay
from tabletop.mandates import check_action
from tabletop.report import AfterActionReport, render_markdown


def _dp(report: AfterActionReport, dp_id: str):
    return next(d for d in report.decisions if d.id == dp_id)


def _choice(report: AfterActionReport, dp_id: str, role: str):
    return next(c for c in _dp(report, dp_id).choices if c.role == role)


def test_amended_rationale_shows_the_correction_and_what_it_read(report) -> None:
    c = _choice(report, "DP-1", "arv_government")
    assert c.rationale.startswith("Consult the Compact partners first")
    (amendment,) = c.amendments
    assert amendment.rationale_before == "Consult first."
    assert amendment.reason == "The scribe missed a clause."


def test_override_carries_its_justification_and_the_refusal_before_it(report) -> None:
    c = _choice(report, "DP-3", "blk_defence")
    assert c.overridden and c.verdict is not None and c.verdict.kind == "outside_mandate"
    assert "unasked-deployment branch" in c.justification
    (refusal,) = c.rejections
    assert refusal.option == "battalion" and refusal.verdict.kind == "outside_mandate"
    assert refusal.note == "Arvenia has asked the Compact, not Belosk."


def test_obligation_is_shown_met_by_the_later_decision(report) -> None:
    (ob,) = _choice(report, "DP-3", "ncp_secretariat").obligations
    assert ob.met and "notify" in ob.met_how and ob.met_scenario_time is not None
    assert report.open_obligations == ()


def test_participant_is_who_sat_there_when_the_decision_was_taken(report) -> None:
    assert _choice(report, "DP-3", "blk_defence").participant == "Cdr. Mira Sell"
    seat = next(s for s in report.participants if s.role == "blk_defence")
    assert seat.participant == "Lt. Col. Pavel Ris" and seat.earlier == ("Cdr. Mira Sell",)


def test_compliance_counts_by_organisation(report) -> None:
    by_actor = {c.actor: c for c in report.compliance}
    ncp, blk, arv = by_actor["NCP"], by_actor["BLK"], by_actor["ARV"]
    assert (ncp.decisions, ncp.with_obligations, ncp.permitted) == (2, 1, 1)
    assert (ncp.obligations_met, ncp.obligations_open) == (1, 0)
    assert (blk.decisions, blk.overridden, blk.refused) == (1, 1, 1)
    assert (arv.decisions, arv.permitted) == (2, 2)


def test_objective_ratings_from_facilitator_then_worst_observation(report) -> None:
    by_id = {o.id: o for o in report.objectives}
    assert (by_id["OBJ-1"].rating, by_id["OBJ-1"].rating_source) == ("S", "facilitator")
    assert (by_id["OBJ-2"].rating, by_id["OBJ-2"].rating_source) == ("P", "observations")
    # OBJ-3 has an M and an S observation: the more severe one stands.
    assert (by_id["OBJ-3"].rating, by_id["OBJ-3"].rating_source) == ("M", "observations")
    assert len(by_id["OBJ-3"].improvements) == 2 and len(by_id["OBJ-2"].strengths) == 1
    assert [o.text for o in report.other_observations] == [
        "Players kept to their briefs under time pressure."
    ]


def test_improvement_plan_rows_in_log_order(report) -> None:
    assert [p.capability_element for p in report.improvement_plan] == ["planning", "training"]
    assert report.improvement_plan[0].objective == "OBJ-3"


def test_timeline_is_in_log_order_with_both_clocks(report) -> None:
    seqs = [t.seq for t in report.timeline]
    assert seqs == sorted(seqs)
    kinds = {t.kind for t in report.timeline}
    assert {"phase", "inject", "opened", "decision", "rejection", "ruling", "obligation"} <= kinds
    assert {"clock", "end"} <= kinds
    first_inject = next(t for t in report.timeline if t.kind == "inject")
    assert first_inject.title == "INJ-01: Shots at Tavrin crossing" and first_inject.text


def test_final_report_when_the_session_ended(report) -> None:
    assert report.status == "final" and report.notices == ()
    assert report.overview.ended_at is not None
    assert report.overview.end_note == "Hot wash held in plenary."


def test_options_not_taken_are_checked_on_the_facts_when_the_decision_was_taken(
    player, script_of, example
) -> None:
    # Belosk consults at DP-3 while Arvenia has asked only the Compact: a battalion would
    # have been outside its mandate then. A later ruling adds Arvenia's request to Belosk,
    # after which the same battalion would be permitted; the report must keep the verdict
    # of the moment of the decision.
    game = player(
        script_of(
            {"decide": {"decision": "DP-1", "role": "arv_government", "option": "hold",
                        "rationale": "Wait."}},
            {"advance": {"to": "2031-03-02T12:00"}},
            {"decide": {"decision": "DP-2", "role": "arv_government", "option": "ask-compact"}},
            {"decide": {"decision": "DP-3", "role": "blk_defence", "option": "consult",
                        "rationale": "Talk first."}},
            {"adjudicate": {"text": "Arvenia also writes to Belosk.",
                            "effects": [{"fact": "requests",
                                         "add": {"from": "ARV", "to": "BLK"}}]}},
        ),
        example,
    )  # fmt: skip
    report = game.report()
    (alt,) = _choice(report, "DP-3", "blk_defence").alternatives
    assert alt.option == "battalion" and alt.verdict is not None
    assert alt.verdict.kind == "outside_mandate"
    battalion = next(
        o for d in example.pack.decision_points for o in d.options if o.id == "battalion"
    )
    facts_at_end = replay(game.events).facts
    now = check_action(example.pack, "blk_defence", battalion.action, facts_at_end)
    assert now.kind != "outside_mandate"


def test_session_not_ended_is_interim_everywhere(player, script_of, example) -> None:
    game = player(
        script_of({"decide": {"decision": "DP-1", "role": "arv_government", "option": "hold",
                              "rationale": "Wait and see."}}),
        example,
    )  # fmt: skip
    report = game.report()
    assert report.status == "interim"
    assert [n.title for n in report.notices] == ["Interim report"]
    assert report.overview.ended_at is None
    assert "INTERIM REPORT" in render_markdown(report).split("## 1.")[0]
    unrated = {o.id: o for o in report.objectives}["OBJ-3"]
    assert (unrated.rating, unrated.rating_label) == (None, "Not rated")
    dp3 = _dp(report, "DP-3")
    assert dp3.status == "not reached" and dp3.choices[0].alternatives == ()
    assert _dp(report, "DP-2").status == "not reached"


def test_open_decision_lists_every_option_on_the_final_facts(player, script_of, example) -> None:
    game = player(script_of({"advance": {"by_minutes": 0}}), example)
    dp1 = _dp(game.report(), "DP-1")
    assert dp1.status == "open"
    (c,) = dp1.choices
    assert not c.decided
    assert {a.option for a in c.alternatives} == {"reinforce", "hold"}
    assert "end of the log" in c.alternatives_on


def test_changed_pack_is_named_at_the_top(game) -> None:
    report = game.report(pack_hash="sha256:" + "0" * 64)
    notice = report.notices[0]
    assert notice.level == "warning" and "changed" in notice.title
    assert game.loaded.content_hash in notice.text and "0" * 64 in notice.text


def test_open_obligation_is_listed_at_the_end(player, script_of, example) -> None:
    game = player(
        script_of(
            {"decide": {"decision": "DP-1", "role": "arv_government", "option": "reinforce",
                        "rationale": "Close the sector."}},
            {"end": {}},
        ),
        example,
    )  # fmt: skip
    report = game.report()
    (ob,) = report.open_obligations
    assert not ob.met and ob.owed_by == "Republic of Arvenia"
    assert ob.role_title == "Government of Arvenia" and ob.decision_point == "DP-1"
    arv = next(c for c in report.compliance if c.actor == "ARV")
    assert arv.obligations_open == 1


def test_a_follow_on_inject_names_the_decision_that_released_it(report) -> None:
    by_seq = {t.seq: t for t in report.timeline}
    released = {t.ref: by_seq[t.released_by] for t in report.timeline if t.released_by}
    assert {k: (d.kind, d.ref, d.lane) for k, d in released.items()} == {
        "INJ-02B": ("decision", "DP-1", "ARV Government"),
        "INJ-05": ("decision", "DP-2", "ARV Government"),
        "INJ-07": ("decision", "DP-3", "NCP Secretariat"),
        "INJ-09": ("decision", "DP-3", "BLK Ministry"),
    }
    for t in report.timeline:
        if t.released_by:
            assert f"#{t.released_by})" in t.detail  # the table says it too
    scheduled = [t for t in report.timeline if t.kind == "inject" and "; released" not in t.detail]
    assert scheduled and all(t.released_by is None for t in scheduled)
