"""The screens of a player's and an evaluator's own device, drawn from their boards only
(`tabletop.app.seat_boards`): what the board does not hold, the screen cannot show.

Fields keep their controls across redraws, so a commit elsewhere never wipes what a
player is typing. Text from the pack and from other people is shown as plain text.

Accessible names, player: for each open decision, radios named by the option's label,
buttons "Why: <label>", textbox "Rationale for <DP id>", buttons "Propose <DP id>" and
"Withdraw <proposal id>". Evaluator: radios "Strength" / "Area for improvement", textbox
"Observation", dropdowns "Objective" and "Rating", button "Add observation".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar

import flet as ft

from tabletop.app.room import MAX_NOTE, MAX_RATIONALE, Proposal, SeatNote
from tabletop.app.seat_boards import AskedOfSeat, InjectShown, OptionShown
from tabletop.app.situation import ClockView, PhaseView
from tabletop.ui import theme
from tabletop.ui.viewmodels import console_rows as rows
from tabletop.ui.viewmodels.seat_vm import REVOKED, EvaluatorModel, PlayerModel, SeatModel
from tabletop.ui.views import console_parts as parts
from tabletop.ui.views.following import Following, guarded, sent_text
from tabletop.ui.widgets import body, heading, message, panel, small, verdict_badge

if TYPE_CHECKING:
    from tabletop.ui.shell import AppShell

S = theme.LAPTOP

_STATUS = {
    "pending": "waiting for the facilitator",
    "recorded": "recorded by the facilitator",
    "sent_back": "sent back",
    "withdrawn": "withdrawn",
}


def _where(phase: PhaseView | None, clock: ClockView, event_count: int) -> ft.Control:
    style = theme.CLOCK[clock.status]
    return ft.Row(
        [
            parts.mark(style, style.word, S),
            body(f"{phase.title if phase else 'Before the first phase'}"),
            body(f"Scenario time {rows.when(clock.time, year=True)}"),
            small(f"Up to date with log entry {event_count}"),
        ],
        spacing=theme.GAP * 2,
        wrap=True,
    )


def _inject(i: InjectShown) -> ft.Control:
    return ft.Column(
        [
            ft.Text(i.title, size=S.title, weight=ft.FontWeight.BOLD, color=theme.INK),
            small(f"{i.id} · {rows.when(i.time, year=True)} · from {i.sender} · {i.channel}"),
            body(i.body),
        ],
        spacing=4,
    )


def _noted(n: SeatNote) -> ft.Control:
    kind = "Strength" if n.kind == "strength" else "Area for improvement"
    about = f" ({n.objective})" if n.objective else ""
    rated = f" rated {n.rating}" if n.rating else ""
    return body(f"#{n.seq} {kind}{about}{rated}: {n.text}")


def _revoked(shell: AppShell) -> list[ft.Control]:
    return [
        message(REVOKED, error=True),
        ft.FilledButton("Join again", icon=ft.Icons.LOGIN, on_click=lambda _e: shell.join()),
    ]


M = TypeVar("M", bound=SeatModel)


class _Seat(Following, Generic[M]):
    """What a player's and an evaluator's screens share: built from their panels, drawn
    again by parts, and, once the seat's code is revoked, only the news of it."""

    shell: AppShell
    model: M

    def build(self) -> ft.Control:
        """The seat, as it stands; from now on it follows the game."""
        self.root.controls = self.layout()
        self.draw()
        self.follow()
        return self.root

    def changed(self) -> bool:
        """Whether the board moved (or the code was revoked)."""
        return self.model.refresh() or not self.model.valid

    def draw(self) -> list[ft.Control]:
        """The parts whose contents changed (or the news that the code was revoked)."""
        if not self.model.valid:
            self.close()
            return self.replaced(_revoked(self.shell))
        return self.parts()

    def layout(self) -> list[ft.Control]:
        """The screen's panels."""
        raise NotImplementedError

    def parts(self) -> list[ft.Control]:
        """Fill the parts whose contents changed; those to send."""
        raise NotImplementedError


class PlayerScreen(_Seat[PlayerModel]):
    """A player's seat."""

    def __init__(self, shell: AppShell, model: PlayerModel) -> None:
        super().__init__(shell.page, model.room.game, model.room)
        self.shell = shell
        self.model = model
        self._rationale: dict[str, ft.TextField] = {}
        self._why: set[tuple[str, str]] = set()
        self.said = ft.Column()
        self.head, self.decide = ft.Column(spacing=4), ft.Column(spacing=theme.GAP * 2)
        self.injects, self.brief = ft.Column(spacing=theme.GAP), ft.Column(spacing=4)
        self.decided, self.proposed = ft.Column(spacing=4), ft.Column(spacing=4)

    def layout(self) -> list[ft.Control]:
        """The seat's panels, each around a part."""
        return [
            self.head,
            self.said,
            panel("Decide", [self.decide], scroll=False),
            panel("Injects for you, newest first", [self.injects], scroll=False),
            panel("Your brief", [self.brief], scroll=False),
            panel("Your decisions", [self.decided], scroll=False),
            panel("Your proposals", [self.proposed], scroll=False),
        ]

    def parts(self) -> list[ft.Control]:
        """The parts of the seat whose contents changed."""
        b = self.model.board
        who = b.seat.participant or "nobody seated yet"
        return [
            *self.part(
                "head",
                (b.seat, b.phase, b.clock, b.event_count),
                self.head,
                lambda: [
                    ft.Text(
                        b.seat.title, size=S.heading, weight=ft.FontWeight.BOLD, color=theme.INK
                    ),
                    small(f"For {b.seat.actor_name} · {who}"),
                    _where(b.phase, b.clock, b.event_count),
                ],
            ),
            *self.part(
                "decide",
                (b.asked, frozenset(self._why)),
                self.decide,
                lambda: (
                    [self._asked(a) for a in b.asked]
                    or [
                        body(
                            "Nothing to decide right now: this page updates by itself.", muted=True
                        )
                    ]
                ),
            ),
            *self.part(
                "injects",
                b.injects,
                self.injects,
                lambda: (
                    [_inject(i) for i in b.injects]
                    or [body("No inject has reached your seat yet.", muted=True)]
                ),
            ),
            *self.part(
                "brief",
                (b.brief, b.objectives),
                self.brief,
                lambda: [body(b.brief), *[body(f"• {o}") for o in b.objectives]],
            ),
            *self.part(
                "decided",
                b.decided,
                self.decided,
                lambda: self._decided() or [body("None yet.", muted=True)],
            ),
            *self.part(
                "proposals",
                b.proposals,
                self.proposed,
                lambda: [self._proposal(p) for p in b.proposals] or [body("None yet.", muted=True)],
            ),
        ]

    def _asked(self, a: AskedOfSeat) -> ft.Control:
        q = a.question
        field = self._rationale.get(q.id)
        if field is None:
            field = ft.TextField(
                label=f"Rationale for {q.id}",
                multiline=True,
                min_lines=2,
                max_length=MAX_RATIONALE,
            )
            self._rationale[q.id] = field
        group = ft.RadioGroup(
            ft.Column([self._option(q.id, o) for o in a.options], spacing=2),
            value=self.model.choice.get(q.id),
            on_change=lambda e, dp=q.id: self.model.choice.__setitem__(
                dp, sent_text(e.control.value)
            ),
        )
        lines: list[ft.Control] = [
            ft.Text(f"{q.id} {q.title}", size=S.title, weight=ft.FontWeight.BOLD),
            body(q.prompt),
            small("Decides: " + ", ".join(q.deciders)),
            *([small(q.consensus)] if q.consensus else []),
            group,
            field,
            ft.Row(
                [
                    ft.FilledButton(
                        f"Propose {q.id}",
                        icon=ft.Icons.SEND,
                        on_click=lambda _e, dp=q.id: self.on_propose(dp),
                    )
                ]
            ),
        ]
        if a.proposal is not None:
            lines.append(self._proposal(a.proposal))
        return ft.Column(lines, spacing=6)

    def _option(self, dp: str, o: OptionShown) -> ft.Control:
        kind = o.verdict.kind if o.verdict else None
        out: list[ft.Control] = [
            ft.Row(
                [
                    ft.Container(ft.Radio(value=o.id, label=o.label), expand=True),
                    verdict_badge(kind, scale=S),
                    ft.TextButton(
                        f"Why: {o.label}",
                        on_click=lambda _e, k=(dp, o.id): self.on_why(k),
                        tooltip="Why this verdict",
                    ),
                ],
                spacing=theme.GAP,
            )
        ]
        if o.description:
            out.append(small(o.description))
        if (dp, o.id) in self._why:
            if o.verdict is not None:
                out += parts.explanation(o.verdict, S)
            else:
                out.append(small(o.problem))
        return ft.Column(out, spacing=2)

    def _decided(self) -> list[ft.Control]:
        return [
            ft.Row(
                [
                    body(f"{d.decision_point} {d.title}: {d.option}"),
                    verdict_badge(d.kind, overridden=d.overridden, scale=S),
                ],
                wrap=True,
            )
            for d in self.model.board.decided
        ]

    def _proposal(self, p: Proposal) -> ft.Control:
        label = next(
            (
                o.label
                for a in self.model.board.asked
                for o in a.options
                if a.question.id == p.decision_point and o.id == p.option
            ),
            p.option,
        )
        text = f"{p.id}: '{label}' at {p.decision_point}, {_STATUS[p.status]}"
        line: list[ft.Control] = [body(text + (f": {p.note}" if p.note else ""))]
        if p.status == "pending":
            line.append(
                ft.TextButton(
                    f"Withdraw {p.id}", on_click=lambda _e, pid=p.id: self.on_withdraw(pid)
                )
            )
        return ft.Row(line, wrap=True)

    # --- handlers -------------------------------------------------------------------------

    def _after(self) -> None:
        notice = self.model.notice
        self.said.controls = [message(notice.text, error=notice.error)] if notice else []
        self.page.update(self.said, *self.draw())

    @guarded
    def on_choose(self, dp: str, value: object) -> None:
        """Keep the option chosen (nothing to redraw)."""
        parts.quiet()
        self.model.choice[dp] = sent_text(value)

    @guarded
    def on_why(self, key: tuple[str, str]) -> None:
        """Show (or hide) why an option gets its verdict."""
        self._why ^= {key}
        self._after()

    @guarded
    def on_propose(self, dp: str) -> None:
        """Send the chosen option with the rationale to the facilitator."""
        field = self._rationale.get(dp)
        if self.model.propose(dp, sent_text(field.value) if field else ""):
            self._rationale.pop(dp, None)
        self._after()

    @guarded
    def on_withdraw(self, proposal_id: str) -> None:
        """Take a waiting proposal back."""
        self.model.withdraw(proposal_id)
        self._after()


class EvaluatorScreen(_Seat[EvaluatorModel]):
    """An evaluator's / note-taker's seat."""

    def __init__(self, shell: AppShell, model: EvaluatorModel) -> None:
        super().__init__(shell.page, model.room.game, model.room)
        self.shell = shell
        self.model = model
        self.said = ft.Column()
        self.head, self.now, self.notes = ft.Column(spacing=4), ft.Column(), ft.Column()
        self.text = ft.TextField(
            label="Observation", multiline=True, min_lines=3, max_length=MAX_NOTE
        )
        self.kind = ft.RadioGroup(
            ft.Row(
                [
                    ft.Radio(value="strength", label="Strength"),
                    ft.Radio(value="area_for_improvement", label="Area for improvement"),
                ]
            ),
            value="strength",
        )
        b = model.board
        self.objective = ft.Dropdown(
            label="Objective",
            tooltip="Objective",
            options=[ft.DropdownOption(key="", text="None")]
            + [ft.DropdownOption(key=i, text=f"{i}: {t}") for i, t in b.objectives],
            value="",
        )
        self.rating = ft.Dropdown(
            label="Rating",
            tooltip="Rating",
            options=[ft.DropdownOption(key="", text="None")]
            + [ft.DropdownOption(key=k, text=w) for k, w in rows.RATINGS.items()],
            value="",
        )

    def layout(self) -> list[ft.Control]:
        """The seat's panels, each around a part."""
        b = self.model.board
        form = [
            self.kind,
            self.text,
            ft.Row([self.objective, self.rating], wrap=True),
            ft.Row(
                [ft.FilledButton("Add observation", icon=ft.Icons.NOTE_ADD, on_click=self.on_add)]
            ),
        ]
        return [
            self.head,
            self.said,
            panel("Observe", form, scroll=False),
            panel("Now", [self.now], scroll=False),
            panel("Your observations, newest first", [self.notes], scroll=False),
            panel("Objectives", [body(f"{i}: {t}") for i, t in b.objectives], scroll=False),
        ]

    def parts(self) -> list[ft.Control]:
        """The parts of the seat whose contents changed."""
        b = self.model.board
        return [
            *self.part(
                "head",
                (b.name, b.phase, b.clock, b.event_count),
                self.head,
                lambda: [
                    ft.Text(
                        f"Evaluator: {b.name}",
                        size=S.heading,
                        weight=ft.FontWeight.BOLD,
                        color=theme.INK,
                    ),
                    _where(b.phase, b.clock, b.event_count),
                ],
            ),
            *self.part(
                "now",
                (b.inject, b.questions),
                self.now,
                lambda: [
                    heading(b.inject.title if b.inject else "No inject yet", S),
                    *[
                        small(f"Open: {q.id} {q.title} (decides: {', '.join(q.deciders)})")
                        for q in b.questions
                    ],
                ],
            ),
            *self.part(
                "notes",
                b.notes,
                self.notes,
                lambda: [_noted(n) for n in b.notes] or [body("None yet.", muted=True)],
            ),
        ]

    @guarded
    def on_add(self, _e: object) -> None:
        """Log the observation."""
        d = self.model.draft
        d.kind = sent_text(self.kind.value) or "strength"
        d.objective = sent_text(self.objective.value) or None
        d.rating = rows.rating(sent_text(self.rating.value))
        if self.model.observe(sent_text(self.text.value)):
            self.text.value = ""
            self.rating.value = ""
        notice = self.model.notice
        self.said.controls = [message(notice.text, error=notice.error)] if notice else []
        self.page.update(self.said, self.text, self.rating, *self.draw())
