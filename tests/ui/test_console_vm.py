"""The console's view-model on a real workspace: what it shows, and each action as the
game's verb, with refusals kept as messages."""

from __future__ import annotations

from datetime import timedelta

from tabletop.app import Game, Workspace
from tabletop.app.explain import ConditionLine
from tabletop.ui.viewmodels.console_rows import facts, feed, log_lines, obligations
from tabletop.ui.viewmodels.console_vm import ConsoleModel


def _kinds(console: ConsoleModel) -> dict[str, str | None]:
    return {o.id: o.kind for o in console.options()}


def _pick(console: ConsoleModel, dp: str, role: str) -> None:
    console.choose_decision(dp)
    console.choose_role(role)


def test_a_fresh_console_shows_where_the_game_stands(console: ConsoleModel):
    s = console.situation
    assert s.phase is not None and s.clock.status == "running"
    assert console.dp == "DP-1" and console.role == "arv_government"
    assert [d.text for d in console.deciders()] == ["Government of Arvenia (to decide)"]
    assert _kinds(console) == {"reinforce": "permitted_with_obligations", "hold": "permitted"}
    shown = console.shown_inject()
    assert shown is not None and shown.id == "INJ-01" and shown.questions
    groups = {g.status: g for g in feed(console.situation)}
    assert [r.id for r in groups["delivered"].rows] == ["INJ-01"]
    assert groups["delivered"].rows[0].current
    conditional = {r.id: r for r in groups["conditional"].rows}
    assert conditional["INJ-02A"].detail == "if 'Reinforce the northern sector' at DP-1 is chosen"
    assert conditional["INJ-02A"].word == "Conditional"


def test_record_needs_a_rationale_then_commits_and_shows_it(console: ConsoleModel, game: Game):
    before = game.state.event_count
    console.choose_option("hold")
    assert not console.record()
    assert console.notice is not None and console.notice.error
    assert "rationale" in console.notice.text
    assert game.state.event_count == before  # nothing logged
    console.rationale = "Wait and see."
    assert console.record()
    assert game.state.decisions[("DP-1", "arv_government")].rationale == "Wait and see."
    assert console.notice is None  # recorded: the badge and the log line say it
    done = console.recorded()  # DP-1 closed, nothing else open: it stays shown
    assert done is not None and done.option == "Hold and consult" and done.kind == "permitted"
    assert console.options() == () and not console.is_open()
    newest = log_lines(console.situation)
    assert newest[0].startswith(f"{game.state.event_count}. ")
    assert any("chose 'Hold and consult' at DP-1" in line for line in newest[:3])


def test_the_options_carry_each_roles_live_verdict(at_dp3: Game):
    console = ConsoleModel(at_dp3)
    assert console.dp == "DP-3" and console.role == "ncp_secretariat"
    assert _kinds(console) == {"deploy": "permitted_with_obligations", "consult": "permitted"}
    console.choose_role("blk_defence")
    assert _kinds(console) == {"battalion": "outside_mandate", "consult": "permitted"}
    roles = {d.role: d for d in console.deciders()}
    assert roles["blk_defence"].participant == "empty seat" and not roles["blk_defence"].decided
    why = console.explain("battalion")
    assert why is not None and why.kind == "outside_mandate"
    assert "has not asked Belosk" in why.headline
    conditions = [c for g in why.grounds for c in g.conditions]
    assert (
        ConditionLine(
            False,
            "Arvenia has not asked Belosk for assistance",
            "Arvenia has asked Belosk for assistance",
        )
        in conditions
    )
    assert why.nearest.endswith("not met: Arvenia has not asked Belosk for assistance")
    assert why.citations


def test_outside_mandate_asks_a_justification_and_cancel_logs_nothing(at_dp3: Game):
    console = ConsoleModel(at_dp3)
    _pick(console, "DP-3", "blk_defence")
    console.choose_option("battalion")
    console.rationale = "Help them."
    before = at_dp3.state.event_count
    assert not console.record()
    pending = console.override
    assert pending is not None and pending.option == "battalion"
    assert pending.explanation is not None and pending.explanation.kind == "outside_mandate"
    console.cancel()
    assert console.override is None and at_dp3.state.event_count == before


def test_a_justified_override_is_recorded_overridden(at_dp3: Game):
    console = ConsoleModel(at_dp3)
    _pick(console, "DP-3", "blk_defence")
    console.choose_option("battalion")
    console.rationale = "Help them."
    console.record()
    assert not console.justify("  ")  # an empty justification is refused, still pending
    assert console.override is not None and console.notice is not None and console.notice.error
    assert console.justify("The exercise needs the branch played.")
    d = at_dp3.state.decisions[("DP-3", "blk_defence")]
    assert d.overridden and d.justification == "The exercise needs the branch played."
    assert console.override is None
    # On to the role still to decide at DP-3.
    assert console.dp == "DP-3" and console.role == "ncp_secretariat"
    console.choose_role("blk_defence")
    done = console.recorded()
    assert done is not None and done.overridden and done.kind == "outside_mandate"


def test_refuse_logs_the_choice_and_the_role_still_decides(at_dp3: Game, workspace: Workspace):
    console = ConsoleModel(at_dp3)
    _pick(console, "DP-3", "blk_defence")
    console.choose_option("consult")
    assert not console.refuse("Within mandate.")  # only an outside-mandate choice is refused
    assert console.notice is not None and "within" in console.notice.text
    console.choose_option("battalion")
    before = at_dp3.state.event_count
    assert console.refuse("Arvenia has not asked.")
    assert at_dp3.state.event_count == before + 1
    assert ("DP-3", "blk_defence") not in at_dp3.state.decisions
    assert "blk_defence" in next(d.waiting for d in console.situation.open_decisions)
    assert console.role == "blk_defence" and console.option is None


def test_the_override_dialog_can_refuse_instead(at_dp3: Game):
    console = ConsoleModel(at_dp3)
    _pick(console, "DP-3", "blk_defence")
    console.choose_option("battalion")
    console.record()
    assert console.refuse("Refused at the table.")
    assert console.override is None
    assert ("DP-3", "blk_defence") not in at_dp3.state.decisions


def test_amend_a_recorded_rationale(at_dp3: Game):
    console = ConsoleModel(at_dp3)
    assert [c.id for c in console.decisions()] == ["DP-3", "DP-1", "DP-2"]
    console.choose_decision("DP-1")
    assert console.dp == "DP-1" and console.role == "arv_government"
    assert not console.amend("Wait, and consult the Compact.", "")
    assert console.notice is not None and console.notice.error
    assert console.amend("Wait, and consult the Compact.", "The scribe missed half.")
    d = at_dp3.state.decisions[("DP-1", "arv_government")]
    assert d.rationale == "Wait, and consult the Compact." and len(d.amendments) == 1
    done = console.recorded()
    assert done is not None and done.amendments == 1
    assert console.dp == "DP-1"  # picked to amend: it stays while DP-3 is open


def test_observation_rating_and_plan_row(console: ConsoleModel, game: Game):
    f = console.notes.observation
    f.kind, f.text, f.objective, f.rating = (
        "area_for_improvement",
        "Slow legal advice.",
        "OBJ-2",
        "M",
    )
    assert console.notes.add_observation()
    assert game.state.observation_count == 1
    assert console.notes.observation.text == "" and console.notes.observation.objective == "OBJ-2"
    console.notes.observation.text = ""
    assert not console.notes.add_observation()  # the game refuses an empty note: a message
    assert console.notice is not None and console.notice.error
    assert not console.notes.rate_objective()
    console.notes.rating.objective, console.notes.rating.rating = "OBJ-1", "S"
    assert console.notes.rate_objective()
    assert game.state.ratings["OBJ-1"].rating == "S"
    p = console.notes.plan
    p.issue, p.corrective_action, p.organisation, p.contact = (
        "No legal cell.",
        "Stand one up.",
        "Ministry of Justice",
        "Ms. Lind",
    )
    p.start, p.completion = "2031-04-01", "next spring"
    assert not console.notes.add_plan_row()
    assert console.notice is not None and "2026-12-03" in console.notice.text
    p.completion = "2031-06-30"
    assert console.notes.add_plan_row()
    assert game.state.plan_count == 1 and console.notes.plan.issue == ""


def test_end_then_only_observations(console: ConsoleModel, game: Game):
    assert console.end("Good game.")
    assert console.ended and game.state.ended
    assert console.situation.clock.status == "ended"
    assert console.options() == () and not console.is_open()
    assert not console.advance(15)
    assert console.notice is not None and "ended" in console.notice.text
    assert not console.toggle_clock() and not console.next_due()
    console.notes.observation.text = "Strong chairing."
    assert console.notes.add_observation()
    assert game.state.observation_count == 1


def test_advance_next_due_and_the_clock(console: ConsoleModel, game: Game):
    start = game.state.clock.time
    assert console.advance(15)
    assert game.state.clock.time == start + timedelta(minutes=15)
    assert console.notice is not None and "Scenario clock at" in console.notice.text
    assert console.next_due()
    assert game.state.clock.time > start + timedelta(minutes=15)
    assert console.toggle_clock() and console.situation.clock.status == "paused"
    assert console.toggle_clock() and console.situation.clock.status == "running"


def test_deliver_out_of_the_timeline(console: ConsoleModel, game: Game):
    console.show_inject("INJ-04")
    shown = console.shown_inject()
    assert shown is not None and shown.id == "INJ-04" and shown.status == "upcoming"
    assert console.deliver("INJ-04", "Early, for pace.")
    assert "INJ-04" in game.state.delivered_ids
    shown = console.shown_inject()
    assert shown is not None and shown.id == "INJ-04" and shown.status == "delivered"
    assert shown.how == "out_of_timeline"
    assert not console.deliver("INJ-04")  # twice: the game says why
    assert console.notice is not None and console.notice.error


def test_facts_and_obligations_in_words(at_dp3: Game):
    console = ConsoleModel(at_dp3)
    console.choose_option("deploy")
    console.rationale = "Arvenia asked."
    assert console.record()
    rows = {f.title: f for f in facts(console.situation)}
    assert rows["Requests for assistance"].value == "Arvenia to the Compact"
    assert (
        rows["Requests for assistance"].changed
        and rows["Requests for assistance"].initial == "none"
    )
    assert not rows["Council of Nations informed"].changed
    (owed,) = obligations(console.situation)
    assert owed.text.startswith("Inform the Council of Nations")
    assert owed.owed_by == "the Compact" and "Notify the Council of Nations" in owed.met_by


def test_assign_a_seat_left_empty(console: ConsoleModel, game: Game):
    console.notes.seat_role, console.notes.seat_name = "blk_defence", "  Gen. Ostrow "
    assert console.notes.assign()
    assert game.state.seats["blk_defence"].participant == "Gen. Ostrow"
    assert console.notes.seat_name == ""
    assert not console.notes.assign()  # no name typed
    assert console.notice is not None and console.notice.error


def test_the_console_follows_changes_made_elsewhere(at_dp3: Game):
    console = ConsoleModel(at_dp3)
    assert not console.refresh()
    at_dp3.decide("DP-3", "ncp_secretariat", "deploy", "From another tab.")
    assert console.refresh()
    assert console.role == "blk_defence"  # the decided role gives way to the one waiting
    assert next(d for d in console.deciders() if d.role == "ncp_secretariat").decided


def test_a_store_failure_is_a_message(console: ConsoleModel, workspace: Workspace):
    workspace.store.close()
    console.notes.observation.text = "Lost?"
    assert not console.notes.add_observation()
    assert console.notice is not None and console.notice.error
    assert "nothing was recorded" in console.notice.text.lower()


def test_a_released_follow_on_is_named_in_words(console: ConsoleModel, game: Game):
    console.choose_option("hold")
    console.rationale = "Wait."
    assert console.record()
    released = {r.id: r for g in feed(console.situation) for r in g.rows}["INJ-02B"]
    assert released.status == "upcoming" and released.detail == "follow-on of a decision"
