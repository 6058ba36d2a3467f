"""The HSEEP parts of the AAR/IP on the golden game, and on the same game with what a
facilitator adds (exercise details, an area's reference and analysis, a plan row naming
the area it answers): key findings, overview, numbering, plan links and drafts, staff,
acronyms, sources."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tabletop.hashchain.chain import chain
from tabletop.model import events as ev
from tabletop.report import AfterActionReport, build_report, check_log, render_markdown
from tabletop.report.aar_text import OVERRIDE_LEAD, findings_groups, plan_cells

AFI_TEXT = "The Council of Nations was informed two scenario days late."


def _with(game, *extra: ev.Event) -> AfterActionReport:
    """The golden game's report with more events after its last."""
    last = game.events[-1]
    more = [
        e.model_copy(update={"at": last.at, "scenario_time": last.scenario_time}) for e in extra
    ]
    events, integrity = check_log(chain([*game.events, *more]), source="test log")
    return build_report(game.pack, events, integrity)


def _seq_of(game, text: str) -> int:
    return next(
        n
        for n, e in enumerate(game.events, start=1)
        if isinstance(e, ev.ObservationNoted) and e.text == text
    )


def _event(kind: type[ev.EventBase], data: dict) -> ev.Event:
    """An event as a log file would hold it (the models are strict about Python values)."""
    return kind.model_validate_json(json.dumps(data))  # type: ignore[return-value]


AT = {"at": "2031-03-01T09:00:00Z", "scenario_time": "2031-03-01T08:00"}


@pytest.fixture(scope="module")
def detailed(game) -> AfterActionReport:
    details = _event(
        ev.ExerciseDetailsRecorded,
        {
            **AT,
            "exercise_type": "tabletop",
            "location": "Staff college, seminar room 4",
            "sponsor": "Arvenian Ministry of Defence",
            "points_of_contact": [
                {"name": "Col. Ada Brenn", "role": "Exercise director", "contact": "ext. 401"}
            ],
            "evaluators": ["Dr N. Ivanova"],
            "controllers": ["Maj. S. Orlov", "Capt. L. Berg"],
        },
    )
    area = _event(
        ev.ObservationNoted,
        {
            **AT,
            "kind": "area_for_improvement",
            "text": "Nobody checked the notification deadline.",
            "objective": "OBJ-3",
            "reference": "Agreement on Peacekeeping Operations (2005), notification",
            "analysis": "The deployment checklist names no office for the notification.",
        },
    )
    row = _event(
        ev.ImprovementPlanned,
        {
            **AT,
            "issue": "Deadline unchecked.",
            "corrective_action": "Name the legal office in the checklist.",
            "capability_element": "organization",
            "responsible_org": "Compact Secretariat",
            "point_of_contact": "Head of the legal office",
            "start_date": "2031-04-01",
            "completion_date": "2031-05-01",
            "objective": "OBJ-3",
            "addresses": len(game.events) + 2,  # the area above
        },
    )
    return _with(game, details, area, row)


def test_title_is_hseeps(report: AfterActionReport) -> None:
    assert report.title == "After-Action Report / Improvement Plan: Quiet Pass staff seminar"


def test_key_findings_list_the_override_with_its_justification_and_consequence(
    report: AfterActionReport,
) -> None:
    (found,) = report.key_findings.overrides
    assert found.decision_point == "DP-3: The Compact's answer"
    assert found.option == "Send a Belosk battalion" and found.role == "Belosk Ministry of Defence"
    assert found.justification == "The design cell asked to play the unasked-deployment branch."
    assert found.citation  # what the decision was outside of
    text = render_markdown(report).split("## 2.")[0]
    assert f"**{OVERRIDE_LEAD.strip()}** " not in text  # the list item has its own lead
    assert OVERRIDE_LEAD + found.justification in text.replace("\\", "")


def test_key_findings_list_the_refusal(report: AfterActionReport) -> None:
    (refused,) = report.key_findings.refusals
    assert (refused.decision_point, refused.option) == (
        "DP-3: The Compact's answer",
        "Send a Belosk battalion",
    )


def test_end_state_in_words(report: AfterActionReport) -> None:
    end = report.key_findings.end_state
    assert end.clock.startswith("The game ended in ") and "(3 of 3 phases reached)" in end.clock
    # Facts that ended other than they started, with the start value, in display names.
    assert "Situation on the border: tense (at the start: calm)" in end.facts_changed
    assert (
        "Requests for assistance: Arvenia → the Compact (at the start: none)" in end.facts_changed
    )
    assert any("(INJ-02B)" in b and "chose 'Hold and consult' at DP-1" in b for b in end.branches)


def test_unrated_objectives_and_unplanned_areas(report: AfterActionReport) -> None:
    k = report.key_findings
    rated = {o.id for o in report.objectives if o.rating}
    assert {x.split(":")[0] for x in k.not_rated} == {o.id for o in report.objectives} - rated
    # OBJ-3's plan row names no area, so it answers every area of OBJ-3: none is unplanned.
    assert k.unplanned == ()
    obj3 = next(o for o in report.objectives if o.id == "OBJ-3")
    assert [a.number for a in obj3.improvements] == [
        "Area for improvement 3.1",
        "Area for improvement 3.2",
    ]
    assert all(a.plan_rows == ("IP-1",) for a in obj3.improvements)


def test_strengths_are_numbered_per_objective(report: AfterActionReport) -> None:
    obj2 = next(o for o in report.objectives if o.id == "OBJ-2")
    assert [s.number for s in obj2.strengths] == ["Strength 2.1"]
    assert obj2.strengths[0].decision_point_title == "The Compact's answer"


def test_a_plan_row_names_the_area_it_answers(detailed: AfterActionReport) -> None:
    obj3 = next(o for o in detailed.objectives if o.id == "OBJ-3")
    third = obj3.improvements[2]
    assert third.number == "Area for improvement 3.3"
    assert third.reference.startswith("Agreement on Peacekeeping Operations")
    assert third.analysis.startswith("The deployment checklist")
    assert third.plan_rows == ("IP-3",)
    # Once a row of OBJ-3 names an area, the others answer only what they name.
    assert [a.plan_rows for a in obj3.improvements[:2]] == [(), ()]
    assert {x.split(":")[0] for x in detailed.key_findings.unplanned} == {
        "Area for improvement 3.1",
        "Area for improvement 3.2",
    }
    row = next(p for p in detailed.improvement_plan if p.number == "IP-3")
    assert row.answers == "Area for improvement 3.3"
    assert row.capability == obj3.capability
    cells = plan_cells(row)
    assert cells[0] == "IP-3" and cells[2].startswith("Area for improvement 3.3: ")


def test_exercise_details_fill_the_overview_and_the_staff(detailed: AfterActionReport) -> None:
    o = detailed.overview
    assert o.exercise_type == "Tabletop exercise"
    assert o.location == "Staff college, seminar room 4"
    assert o.sponsor == "Arvenian Ministry of Defence"  # the facilitator's, over the pack's
    assert [c.name for c in o.points_of_contact] == ["Col. Ada Brenn"]
    assert o.controllers == ("Maj. S. Orlov", "Capt. L. Berg")
    assert o.evaluators == ("Dr N. Ivanova",)
    text = render_markdown(detailed)
    assert "| Location | Staff college, seminar room 4 |" in text
    assert "| Controller | Maj. S. Orlov |" in text and "| Evaluator | Dr N. Ivanova |" in text
    assert "| Facilitator | Col. Ada Brenn |" in text


def test_what_nobody_gave_reads_not_recorded(report: AfterActionReport) -> None:
    text = render_markdown(report)
    assert "| Location | not recorded |" in text
    assert "| Exercise type | not recorded |" in text


def test_draft_rows_for_m_and_u_ratings_and_owed_obligations(game) -> None:
    rate = _event(ev.ObjectiveRated, {**AT, "objective": "OBJ-2", "rating": "U"})
    report = _with(game, rate)
    drafts = [p for p in report.improvement_plan if p.draft]
    # OBJ-2 is rated U and no logged row serves it; OBJ-3 (M) has IP-1; every obligation
    # of the golden game was met.
    assert [(d.number, d.objective, d.prompted_by) for d in drafts] == [
        ("D-1", "OBJ-2", "OBJ-2 rated U: Unable to be Performed")
    ]
    assert drafts[0].start_date is None and plan_cells(drafts[0])[0] == "D-1 (draft)"
    assert plan_cells(drafts[0])[2].startswith("DRAFT (OBJ-2 rated U: Unable to be Performed).")
    groups = {g.title: g for g in findings_groups(report)}
    assert (
        "proposes 1 draft row"
        in groups["Areas for improvement without an improvement-plan row"].empty
    )


def test_rating_scale_and_acronyms(report: AfterActionReport) -> None:
    assert [r.rating for r in report.rating_scale] == ["P", "S", "M", "U"]
    assert all(r.definition for r in report.rating_scale)
    shorts = [a.short for a in report.acronyms]
    assert shorts == sorted(shorts, key=str.casefold)


def test_sources_are_sorted_and_keyed(report: AfterActionReport) -> None:
    keys = [s.split("]")[0].lstrip("[") for s in report.sources]
    assert keys and keys == sorted(keys, key=str.casefold)


def test_details_may_be_recorded_after_the_end(game) -> None:
    assert ev.ExerciseDetailsRecorded.model_fields["type"].default in ev.EVALUATION_EVENTS
    details = _event(ev.ExerciseDetailsRecorded, {**AT, "location": "Room 2"})
    assert _with(game, details).overview.location == "Room 2"
    assert date(2031, 3, 1) == game.events[0].exercise_date


def test_a_refusal_for_want_of_a_power_is_summed_up_without_its_list() -> None:
    from tabletop.report.words import short_headline

    long = (
        "Outside mandate: no instrument the Russian MoD draws on gives Russia a power to take "
        "this action (military deployment); for this kind of action they provide joint "
        "exercise (Charter 2002) instead."
    )
    assert short_headline(long) == (
        "Outside mandate: no instrument the Russian MoD draws on gives Russia a power to take "
        "this action (military deployment)."
    )
    kept = "Outside mandate: the law allows it only in a framework; it applies because none."
    assert short_headline(kept) == kept
