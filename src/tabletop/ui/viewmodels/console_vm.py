"""The game console's state and actions: what is selected (decision point, role, option,
the inject shown), and every action as a call to a `Game` verb (the forms' are in
`notes_vm`).

The Game decides and commits; this model only calls it and keeps what to tell the user:
every refusal and every AppError becomes a `Notice`, never a traceback. An outside-mandate
choice recorded without a justification leaves an `Override` pending: the view asks for
the justification (`justify`), or refuses the choice (`refuse`), or drops it (`cancel`).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import timedelta

from tabletop.app import AppError, Applied, Game, Refusal, Result, Room
from tabletop.app.explain import VerdictExplanation, explain_verdict
from tabletop.app.situation import InjectView
from tabletop.ui.viewmodels import console_rows as rows
from tabletop.ui.viewmodels.console_rows import (
    DeciderRow,
    DecisionChoice,
    Notice,
    OptionRow,
    RecordedRow,
)
from tabletop.ui.viewmodels.notes_vm import NotesModel

LOG_LENGTH = 50
"""Events the log panel narrates."""


@dataclass(frozen=True)
class SearchHit:
    """An inject or a decision point whose words match a search."""

    kind: str
    """'inject' or 'decision'."""
    id: str
    title: str


@dataclass(frozen=True)
class Override:
    """An outside-mandate choice waiting for its written justification."""

    dp: str
    role: str
    option: str
    label: str
    rationale: str
    explanation: VerdictExplanation | None
    proposal: str | None = None
    """The player's proposal this records, if it came from a seat."""


def sentence(text: str) -> str:
    """A message from the game as a sentence: a capital first, a full stop last."""
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


class ConsoleModel:
    """One console's view of a game, and what it does to it."""

    def __init__(self, game: Game, room: Room | None = None) -> None:
        self.game = game
        self.room = room
        """The game's room (seats on other devices), when the console has one."""
        self.state = game.state
        self.situation = game.situation_of(self.state, LOG_LENGTH)
        self.dp: str | None = None
        self.role: str | None = None
        self.option: str | None = None
        self.rationale = ""
        self.inject: str | None = None
        """The inject shown; None: the current one."""
        self.override: Override | None = None
        self.notice: Notice | None = None
        self.notes = NotesModel(self)
        """The forms: observations, ratings, plan rows, seats."""
        self._pinned_dp = False
        """True when the facilitator picked a closed decision point (to amend): it stays."""
        self._pinned_role = False
        """True when the facilitator picked the role: it stays once it has decided."""
        self._settle()

    # --- reading --------------------------------------------------------------------------

    @property
    def ended(self) -> bool:
        """True once the session has ended (then only observations, ratings, plan rows)."""
        return self.situation.ended

    def refresh(self) -> bool:
        """Re-read the game; True if it moved since the last read."""
        state = self.game.state
        if state is self.state:
            return False
        self.state = state
        self.situation = self.game.situation_of(state, LOG_LENGTH)
        self._settle()
        return True

    def shown_inject(self) -> InjectView | None:
        """The inject in the large panel: the one picked in the feed, or the current one."""
        s = self.situation
        picked = next((i for i in s.injects if i.id == self.inject), None)
        return picked or s.current_inject

    def decisions(self) -> tuple[DecisionChoice, ...]:
        """The open decision points, then the closed ones with decisions to amend."""
        return rows.decisions(self.situation, self.game.pack, set(self.state.decisions))

    def deciders(self) -> tuple[DeciderRow, ...]:
        """The roles asked at the chosen decision point, who sits there, who has decided."""
        if self.dp is None:
            return ()
        return rows.deciders(self.situation, self.game.pack, self.dp, set(self.state.decisions))

    def is_open(self) -> bool:
        """True when the chosen decision point is open and the chosen role still decides."""
        return (
            not self.ended
            and any(d.id == self.dp for d in self.situation.open_decisions)
            and self.role is not None
            and (self.dp, self.role) not in self.state.decisions
        )

    def options(self) -> tuple[OptionRow, ...]:
        """The options for the chosen role, each with the verdict it would get now."""
        if not self.is_open() or self.dp is None or self.role is None:
            return ()
        return tuple(rows.option_row(p) for p in self.game.preview(self.dp, self.role))

    def search(self, text: str, limit: int = 30) -> tuple[SearchHit, ...]:
        """Injects and decision points whose id, title or text hold every word typed."""
        words = text.casefold().split()
        if not words:
            return ()
        hits = [
            SearchHit("inject", i.id, i.title)
            for i in self.situation.injects
            if all(w in f"{i.id} {i.title} {i.body} {i.sender}".casefold() for w in words)
        ] + [
            SearchHit("decision", d.id, d.title)
            for d in self.game.pack.decision_points
            if all(w in f"{d.id} {d.title} {d.prompt}".casefold() for w in words)
        ]
        return tuple(hits[:limit])

    def explain(self, option: str) -> VerdictExplanation | None:
        """Why an option of the chosen role gets its verdict."""
        if self.dp is None or self.role is None:
            return None
        return rows.explanation(self.game, self.dp, self.role, option)

    def recorded(self) -> RecordedRow | None:
        """The decision the chosen role recorded at the chosen point, if any."""
        d = self.state.decisions.get((self.dp or "", self.role or ""))
        if d is None:
            return None
        return RecordedRow(
            option=self.option_label(d.decision_point, d.option),
            kind=d.verdict.kind,
            overridden=d.overridden,
            rationale=d.rationale,
            justification=d.justification,
            amendments=len(d.amendments),
        )

    # --- choosing -------------------------------------------------------------------------

    def choose_decision(self, dp: str | None) -> None:
        """Show a decision point (its first role still to decide)."""
        if dp != self.dp:
            self.dp, self.role, self.option, self.rationale = dp, None, None, ""
        self._pinned_dp = not any(d.id == dp for d in self.situation.open_decisions)
        self._pinned_role = False
        self._settle()

    def choose_role(self, role: str | None) -> None:
        """Show a deciding role's options."""
        if role != self.role:
            self.role, self.option = role, None
        self._pinned_role = True
        self._settle()

    def choose_option(self, option: str | None) -> None:
        """Pick the option to record."""
        self.option = option if option in {o.id for o in self.options()} else None

    def show_inject(self, inject: str | None) -> None:
        """Show an inject of the feed in the large panel (None: the current one)."""
        self.inject = inject

    def _settle(self) -> None:
        """Keep the selections valid after the game moved: a closed point or a decided role
        gives way to what is still open, unless the facilitator picked it (to amend)."""
        choices = self.decisions()
        chosen = next((c for c in choices if c.id == self.dp), None)
        if chosen is None or (not chosen.open and not self._pinned_dp):
            first = next(
                (c for c in choices if c.open), chosen or (choices[0] if choices else None)
            )
            if first is not chosen:
                self.dp, self.role, self.option, self._pinned_role = (
                    first.id if first else None,
                    None,
                    None,
                    False,
                )
        deciders = self.deciders()
        role = next((d for d in deciders if d.role == self.role), None)
        if role is None or (role.decided and not self._pinned_role):
            waiting = next((d for d in deciders if not d.decided), None)
            first_role = waiting or role or (deciders[0] if deciders else None)
            if first_role is not role:
                self.role, self.option = (first_role.role if first_role else None), None
        if self.option is not None and self.option not in {o.id for o in self.options()}:
            self.option = None

    # --- the verbs ------------------------------------------------------------------------

    def toggle_clock(self) -> bool:
        """Pause the clock if it runs, restart it if it is paused."""
        if self.situation.clock.running:
            return isinstance(self.run(self.game.pause, "Clock paused."), Applied)
        return isinstance(self.run(self.game.resume, "Clock running."), Applied)

    def advance(self, minutes: int) -> bool:
        """Move the scenario clock on, delivering what falls due."""
        return self._moved(self.run(lambda: self.game.advance(by=timedelta(minutes=minutes))))

    def next_due(self) -> bool:
        """Move the clock to the next inject or phase on the timeline."""
        return self._moved(self.run(self.game.advance_to_next))

    def deliver(self, inject: str, note: str = "") -> bool:
        """Deliver an inject now, out of the timeline; it becomes the current inject."""
        title = next((i.title for i in self.situation.injects if i.id == inject), inject)
        done = self.run(lambda: self.game.deliver(inject, note.strip()), f"Delivered '{title}'.")
        if isinstance(done, Applied):
            self.inject = None
        return isinstance(done, Applied)

    def record(self) -> bool:
        """Record the chosen option with the rationale; outside mandate leaves an
        `Override` pending instead."""
        dp, role, option = self.dp, self.role, self.option
        if dp is None or role is None or option is None:
            self.notice = Notice("Choose an option to record.", error=True)
            return False
        label, rationale = self.option_label(dp, option), self.rationale
        # No notice when recorded: the badge and the log line say it (and a notice costs
        # the browser a redraw of the whole page, a third of the time a click takes).
        result = self.run(lambda: self.game.decide(dp, role, option, rationale))
        if isinstance(result, Refusal) and result.code == "outside-mandate":
            verdict = result.verdict
            why = explain_verdict(self.game.pack, verdict) if verdict else None
            self.override = Override(dp, role, option, label, rationale, why)
            self.notice = None
            return False
        return self._decided(result)

    def justify(self, justification: str) -> bool:
        """Record the pending outside-mandate choice as overridden, with its justification."""
        o = self.override
        if o is None:
            return False
        room, proposal = self.room, o.proposal
        result = self.run(
            (lambda: room.record(proposal, justification=justification))
            if room is not None and proposal is not None
            else lambda: self.game.decide(
                o.dp, o.role, o.option, o.rationale, justification=justification
            ),
            f"Recorded '{o.label}' for {self.title(o.role)}, overriding the mandate.",
        )
        if not (isinstance(result, Refusal) and result.code == "no-justification"):
            self.override = None
        return self._decided(result)

    def cancel(self) -> None:
        """Drop the pending outside-mandate choice: nothing is logged."""
        self.override = None
        self.notice = Notice("Nothing recorded.")

    def refuse(self, note: str = "") -> bool:
        """Log the pending (or the chosen) outside-mandate choice as refused; the role still
        has to decide."""
        o = self.override
        dp, role, option = (o.dp, o.role, o.option) if o else (self.dp, self.role, self.option)
        if dp is None or role is None or option is None:
            self.notice = Notice("Choose the option to refuse.", error=True)
            return False
        label = self.option_label(dp, option)
        result = self.run(
            lambda: self.game.reject(dp, role, option, note.strip()),
            f"Logged '{label}' as refused: {self.title(role)} still has to decide.",
        )
        if isinstance(result, Applied):
            if o is not None and o.proposal is not None and self.room is not None:
                # The refusal is logged; the seat may have withdrawn the proposal (or
                # proposed again) while the dialog was open: then there is nothing to return.
                with suppress(AppError):
                    self.room.send_back(o.proposal, note.strip() or "Refused: outside mandate.")
            self.override, self.option = None, None
        return isinstance(result, Applied)

    def record_proposal(self, proposal_id: str) -> bool:
        """Record a player's proposal as their role's decision; outside mandate leaves an
        `Override` pending, as for a choice made here."""
        room = self.room
        proposal = next((p for p in room.pending() if p.id == proposal_id), None) if room else None
        if room is None or proposal is None:
            self.notice = Notice("That proposal is no longer waiting.", error=True)
            return False
        label = self.option_label(proposal.decision_point, proposal.option)
        result = self.run(
            lambda: room.record(proposal_id),
            f"Recorded '{label}' for {self.title(proposal.role)}, as {proposal.by} proposed.",
        )
        if isinstance(result, Refusal) and result.code == "outside-mandate":
            verdict = result.verdict
            why = explain_verdict(self.game.pack, verdict) if verdict else None
            self.override = Override(
                proposal.decision_point,
                proposal.role,
                proposal.option,
                label,
                proposal.rationale,
                why,
                proposal=proposal_id,
            )
            self.notice = None
            return False
        return self._decided(result)

    def send_back(self, proposal_id: str, note: str) -> bool:
        """Return a player's proposal to their seat, with a note they see."""
        if self.room is None:
            return False
        try:
            self.room.send_back(proposal_id, note.strip())
        except AppError as exc:
            self.notice = Notice(sentence(str(exc)), error=True)
            return False
        self.notice = Notice("Sent back to the player's seat.")
        return True

    def amend(self, rationale: str, reason: str) -> bool:
        """Correct the rationale of the chosen role's recorded decision, saying why."""
        dp, role = self.dp, self.role
        if dp is None or role is None:
            return False
        done = self.run(
            lambda: self.game.amend(dp, role, rationale.strip(), reason.strip()),
            f"Amended the rationale of {self.title(role)} at {dp}.",
        )
        return isinstance(done, Applied)

    def end(self, note: str = "") -> bool:
        """End the session; observations, ratings and plan rows can still be added."""
        done = self.run(
            lambda: self.game.end(note.strip()),
            "Session ended: observations, ratings, plan rows and the exercise details can "
            "still be added.",
        )
        return isinstance(done, Applied)

    # --- helpers --------------------------------------------------------------------------

    def run(self, verb: Callable[[], Result], done: str = "") -> Result | None:
        """Run a verb; keep its refusal (or the store's error) as the notice; re-read."""
        self.notice = None
        try:
            result = verb()
        except AppError as exc:
            self.notice = Notice(sentence(str(exc)), error=True)
            return None
        if isinstance(result, Refusal):
            self.notice = Notice(sentence(result.message), error=True)
        else:
            self.refresh()
            self.notice = Notice(done) if done else None
        return result

    def _moved(self, result: Result | None) -> bool:
        if not isinstance(result, Applied):
            return False
        delivered = sum(1 for e in result.events if e.type == "inject_delivered")
        clock = rows.when(self.situation.clock.time, year=True)
        more = f"; {delivered} inject{'s' if delivered != 1 else ''} delivered" if delivered else ""
        self.notice = Notice(f"Scenario clock at {clock}{more}.")
        self.inject = None
        return True

    def _decided(self, result: Result | None) -> bool:
        if isinstance(result, Applied):
            # On to whoever still has to decide here, or to the next open point.
            self.option, self.rationale = None, ""
            self._pinned_dp = self._pinned_role = False
            self._settle()
        return isinstance(result, Applied)

    def option_label(self, dp: str, option: str) -> str:
        """The label of an option of a decision point (its id if the pack lacks it)."""
        for p in self.game.pack.decision_points:
            if p.id == dp:
                return next((o.label for o in p.options if o.id == option), option)
        return option

    def title(self, role: str) -> str:
        """A role's title."""
        return next((s.title for s in self.situation.seats if s.role == role), role)
