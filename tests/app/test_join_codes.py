"""Join codes, the throttle on wrong ones, and the lobby's door: a code typed on a device
opens its seat, wrong codes are slowed, and a revoked or reissued code stops at once."""

from __future__ import annotations

import re
from itertools import chain, count

import pytest
from roomgame import open_for_two_roles

from tabletop.app import JoinRefused, Lobby
from tabletop.app.join_codes import ALPHABET, LENGTH, MAX_INPUT, Throttle, new_code, normalise

GROUP = f"[{re.escape(ALPHABET)}]{{4}}"
CODE = re.compile(f"^{GROUP}-{GROUP}$")


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now

    def tick(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def lobby(tmp_path, fake_clock) -> Lobby:
    """A lobby keeping its rooms in a temporary folder, throttled on the fake clock."""
    return Lobby(tmp_path / "rooms", throttle=Throttle(fake_clock))


# --- codes -----------------------------------------------------------------------------------


def test_the_alphabet_is_crockfords_base32():
    assert len(ALPHABET) == 32 and len(set(ALPHABET)) == 32
    assert not set("ILOU") & set(ALPHABET)


def test_a_new_code_is_two_groups_of_four_crockford_symbols():
    for _ in range(200):
        code = new_code()
        assert CODE.match(code), code
        assert normalise(code) == code


def test_codes_are_distinct_over_many_draws():
    drawn = [new_code() for _ in range(20_000)]
    assert len(set(drawn)) == len(drawn)


@pytest.mark.parametrize(
    "typed",
    [
        "K7QM-4TZP",
        "k7qm-4tzp",
        "K7QM4TZP",
        " k7qm 4tzp ",
        "K7-QM-4T-ZP",
        "k\t7 q-m4TZP",
    ],
)
def test_a_code_is_read_back_whatever_its_case_spaces_and_dashes(typed):
    assert normalise(typed) == "K7QM-4TZP"


def test_o_i_and_l_read_as_the_digits_they_look_like():
    assert normalise("OIL0-1ilo") == "0110-1110"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "K7QM-4TZ",  # seven symbols
        "K7QM-4TZPX",  # nine
        "K7QM-4TZU",  # U is not in the alphabet
        "K7QM-4TZ!",
        "K7QM_4TZP",
        "K7QM-4TZP" + " " * MAX_INPUT,  # blank padding past the limit is not a code
    ],
)
def test_what_cannot_be_a_code_is_refused(typed):
    assert normalise(typed) is None


def test_input_is_looked_at_up_to_the_limit_only():
    assert normalise("K7QM-4TZP".ljust(MAX_INPUT)) == "K7QM-4TZP"
    assert normalise("K7QM-4TZP".ljust(MAX_INPUT + 1)) is None
    assert len(normalise("K7QM-4TZP") or "") == LENGTH + 1


# --- the throttle ----------------------------------------------------------------------------


def test_the_first_free_failures_cost_no_wait(fake_clock):
    throttle = Throttle(fake_clock, free=3)
    assert [throttle.failed("10.0.0.5") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert throttle.wait("10.0.0.5") == 0.0


def test_further_failures_double_the_wait_up_to_the_cap(fake_clock):
    throttle = Throttle(fake_clock, free=3, cap=60.0)
    for _ in range(3):
        throttle.failed("10.0.0.5")
    waits = [throttle.failed("10.0.0.5") for _ in range(9)]
    assert waits == [1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 60.0, 60.0, 60.0]
    assert throttle.wait("10.0.0.5") == 60.0


def test_a_wait_elapses_with_time(fake_clock):
    throttle = Throttle(fake_clock, free=0)
    throttle.failed("10.0.0.5")
    assert throttle.failed("10.0.0.5") == 2.0
    fake_clock.tick(1.5)
    assert throttle.wait("10.0.0.5") == pytest.approx(0.5)
    fake_clock.tick(0.5)
    assert throttle.wait("10.0.0.5") == 0.0


def test_the_count_is_forgotten_only_after_a_quiet_spell(fake_clock):
    throttle = Throttle(fake_clock, free=2, forget=600)
    for _ in range(4):
        throttle.failed("10.0.0.5")
    fake_clock.tick(10)
    assert throttle.wait("10.0.0.5") == 0.0
    assert throttle.failed("10.0.0.5") == 4.0, "the count goes on after the wait"
    fake_clock.tick(601)
    assert [throttle.failed("10.0.0.5") for _ in range(3)] == [0.0, 0.0, 1.0]


def test_one_clients_failures_do_not_slow_another(fake_clock):
    throttle = Throttle(fake_clock, free=1)
    for _ in range(5):
        throttle.failed("10.0.0.5")
    assert throttle.wait("10.0.0.5") > 0
    assert throttle.wait("10.0.0.6") == 0.0


def test_too_many_failures_in_the_room_slow_every_client(fake_clock):
    throttle = Throttle(fake_clock, free=100, room_limit=5)
    for n in range(5):
        assert throttle.wait(f"10.0.1.{n}") == 0.0
        throttle.failed(f"10.0.1.{n}")  # each from its own device, each its first
        fake_clock.tick(1.0)
    # five failures within the minute: everyone waits until the oldest is a minute old
    assert throttle.wait("10.0.0.99") == pytest.approx(55.0)
    assert throttle.wait("10.0.1.0") == pytest.approx(55.0)
    fake_clock.tick(55.0)
    assert throttle.wait("10.0.0.99") == 0.0


def test_a_client_that_keeps_failing_stays_at_the_cap(fake_clock):
    # 2.0 ** 1024 overflows a float: the wait must stay at the cap however long it goes on
    throttle = Throttle(fake_clock, free=0, cap=60.0, room_limit=10**9)
    for _ in range(1_100):
        wait = throttle.failed("10.0.0.5")
    assert wait == 60.0
    assert throttle.wait("10.0.0.5") == 60.0


# --- the lobby -------------------------------------------------------------------------------


def test_a_right_code_admits_to_its_seat(lobby, table):
    room = lobby.room(table)
    seat = room.seats()[0]
    admission = lobby.admit(seat.code, "10.0.0.5")
    assert admission.room is room and admission.key == seat.key and admission.code == seat.code
    assert admission.valid and admission.seat == seat


def test_a_code_is_admitted_as_typed_on_a_phone(lobby, table):
    seat = lobby.room(table).seats()[1]
    typed = " " + seat.code.lower().replace("-", " ") + " "
    assert lobby.admit(typed, "10.0.0.5").key == seat.key


def test_a_wrong_code_is_refused_and_says_what_to_do(lobby, table):
    lobby.room(table)
    with pytest.raises(JoinRefused) as refused:
        lobby.admit("ZZZZ-ZZZZ", "10.0.0.5")
    assert "does not open any seat" in str(refused.value)
    assert "facilitator" in str(refused.value)
    assert refused.value.wait == 0.0


def test_an_empty_lobby_refuses_every_code(lobby):
    with pytest.raises(JoinRefused):
        lobby.admit(new_code(), "10.0.0.5")


def test_repeated_wrong_codes_make_a_client_wait_even_with_the_right_code(lobby, table, fake_clock):
    seat = lobby.room(table).seats()[0]
    for _ in range(3):
        with pytest.raises(JoinRefused) as refused:
            lobby.admit("ZZZZ-ZZZZ", "10.0.0.5")
        assert refused.value.wait == 0.0
    with pytest.raises(JoinRefused) as refused:
        lobby.admit("not a code at all", "10.0.0.5")
    assert refused.value.wait > 0 and "Too many wrong codes" in str(refused.value)
    with pytest.raises(JoinRefused) as refused:
        lobby.admit(seat.code, "10.0.0.5")  # the right code, too soon
    assert refused.value.wait > 0 and "wait" in str(refused.value)
    assert lobby.admit(seat.code, "10.0.0.6").valid  # another device is not slowed
    fake_clock.tick(refused.value.wait)
    assert lobby.admit(seat.code, "10.0.0.5").valid
    with pytest.raises(JoinRefused) as refused:  # a right code does not reset the count
        lobby.admit("ZZZZ-ZZZZ", "10.0.0.5")
    assert refused.value.wait > 0


def test_a_refusal_while_waiting_does_not_lengthen_the_wait(lobby, table, fake_clock):
    lobby.room(table)
    for _ in range(4):
        with pytest.raises(JoinRefused):
            lobby.admit("ZZZZ-ZZZZ", "10.0.0.5")
    for _ in range(5):
        with pytest.raises(JoinRefused) as refused:
            lobby.admit("ZZZZ-ZZZZ", "10.0.0.5")
        assert refused.value.wait == 1.0


def test_a_revoked_code_stops_at_once(lobby, table):
    room = lobby.room(table)
    seat = room.seats()[0]
    admission = lobby.admit(seat.code, "10.0.0.5")
    room.revoke(seat.key)
    assert not admission.valid
    assert admission.seat is not None and admission.seat.code is None
    with pytest.raises(JoinRefused):
        lobby.admit(seat.code, "10.0.0.5")


def test_a_reissued_code_replaces_the_old_one_at_once(lobby, table):
    room = lobby.room(table)
    seat = room.seats()[0]
    admission = lobby.admit(seat.code, "10.0.0.5")
    fresh = room.reissue(seat.key)
    assert fresh.code != seat.code and not admission.valid
    with pytest.raises(JoinRefused):
        lobby.admit(seat.code, "10.0.0.5")
    again = lobby.admit(fresh.code, "10.0.0.5")
    assert again.valid and again.key == seat.key


def test_codes_are_unique_across_the_rooms(tmp_path, workspace, shipped, table):
    # a source that deals the second room the first room's codes again: they must be skipped
    seats = len(shipped.pack.roles) + 2
    dealt = (f"{n:04d}-0000" for n in chain(range(seats), count()))
    lobby = Lobby(tmp_path / "rooms", codes=lambda: next(dealt))
    other = workspace.start(shipped, facilitator="Facilitator", exercise="Second room")
    first, second = lobby.room(table), lobby.room(open_for_two_roles(other))
    codes = [s.code for r in (first, second) for s in r.seats()]
    assert len(codes) == len(set(codes))
    assert lobby.admit(second.seats()[0].code, "10.0.0.5").room is second
    assert lobby.admit(first.seats()[0].code, "10.0.0.5").room is first
    reissued = second.reissue(second.seats()[0].key)
    assert reissued.code not in codes


def test_a_games_room_is_made_once_and_kept_in_the_lobbys_folder(lobby, table, tmp_path):
    room = lobby.room(table)
    assert lobby.room(table) is room
    path = tmp_path / "rooms" / f"{table.id}.json"
    assert path.exists()
    lobby.forget(table.id)
    assert not path.exists()
    with pytest.raises(JoinRefused):
        lobby.admit(room.seats()[0].code, "10.0.0.5")


def test_the_console_key_is_checked_exactly(lobby):
    key = lobby.console_key
    assert len(key) >= 20
    assert lobby.is_console_key(key)
    assert not lobby.is_console_key("")
    assert not lobby.is_console_key(key[:-1])
    assert not lobby.is_console_key(key + "x")
    if key.swapcase() != key:
        assert not lobby.is_console_key(key.swapcase())
    assert Lobby().console_key != key


def test_a_value_that_is_not_text_is_no_code():
    for crafted in (12345, None, ["K7QM-4TZP"], {"code": "K7QM-4TZP"}):
        assert normalise(crafted) is None  # type: ignore[arg-type]


def test_an_ended_game_admits_its_evaluators_only(lobby, table):
    room = lobby.room(table)
    player = next(s for s in room.seats() if s.kind == "player")
    evaluator = next(s for s in room.seats() if s.kind == "evaluator")
    projector = next(s for s in room.seats() if s.kind == "projector")
    table.end("Done.")
    for seat in (player, projector):
        with pytest.raises(JoinRefused, match="ended") as refused:
            lobby.admit(seat.code, "10.0.0.5")
        assert refused.value.wait == 0.0, "not counted as a wrong code"
    assert lobby.admit(evaluator.code, "10.0.0.5").valid


def test_forgetting_a_room_takes_every_device_out_of_it(lobby, table, tmp_path):
    room = lobby.room(table)
    seat = room.seats()[0]
    admission = lobby.admit(seat.code, "10.0.0.5")
    told: list[bool] = []
    room.subscribe(lambda: told.append(True))
    lobby.forget(table.id)
    assert not admission.valid and told
    assert not (tmp_path / "rooms" / f"{table.id}.json").exists()
    with pytest.raises(JoinRefused):
        lobby.admit(seat.code, "10.0.0.5")
