"""The hash chain: canonical bodies, links, and naming the first damage and its kind."""

from __future__ import annotations

import hashlib
import itertools
import json
from datetime import timedelta

import pytest

from tabletop.engine import advance_clock, record_decision
from tabletop.hashchain.chain import GENESIS, Row, chain, link, verify_and_read, verify_chain


@pytest.fixture
def rows(game) -> list[Row]:
    game.do(record_decision, "DP-1", "arv_government", "hold", "Wait.")
    game.do(advance_clock, by=timedelta(days=2))
    rows = chain(game.events)
    assert len(rows) >= 10
    return rows


def check(rows, count):
    return verify_chain(rows, expected_count=count, expected_head=None)


def test_hash_is_sha256_of_prev_and_canonical_body(rows):
    first = rows[0]
    assert first.prev == GENESIS
    assert first.hash == hashlib.sha256((GENESIS + first.body).encode()).hexdigest()
    body = json.loads(first.body)
    assert first.body == json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    for before, after in itertools.pairwise(rows):
        assert after.prev == before.hash and after.seq == before.seq + 1


def test_an_intact_chain_verifies_and_reads(rows):
    report, events = verify_and_read(rows, expected_count=len(rows), expected_head=rows[-1].hash)
    assert report.ok and report.events == len(rows) and report.head == rows[-1].hash
    assert [e.type for e in events] == [r.type for r in rows]


def test_an_edited_body_is_named(rows):
    bad = list(rows)
    bad[4] = rows[4]._replace(body=rows[4].body.replace('"at":"', '"at":"1'))
    report = check(bad, len(rows))
    assert (report.damage, report.seq) == ("edited", 5)


def test_an_edit_that_rehashes_is_still_caught(rows):
    bad = list(rows)
    body = rows[4].body.replace("2031", "2032", 1)
    bad[4] = rows[4]._replace(body=body, hash=link(rows[4].prev, body))
    report = check(bad, len(rows))
    assert (report.damage, report.seq) == ("edited", 5)


def test_a_missing_event_is_named(rows):
    report = check(rows[:3] + rows[4:], len(rows))
    assert (report.damage, report.seq) == ("missing", 4)
    assert "event 4 is not in the log" in report.detail


def test_a_missing_last_event_is_caught_by_the_recorded_count(rows):
    report = check(rows[:-1], len(rows))
    assert (report.damage, report.seq) == ("missing", len(rows))


def test_two_swapped_events_are_named_as_reordered(rows):
    swapped = [*rows[:3], rows[4], rows[3], *rows[5:]]
    report = check(swapped, len(rows))
    assert report.damage == "reordered"
    assert report.seq == 5
    renumbered = [r._replace(seq=i) for i, r in enumerate(swapped, start=1)]
    report = check(renumbered, len(rows))
    assert (report.damage, report.seq) == ("reordered", 4)


def test_an_inserted_event_is_named(rows):
    fake = rows[2]._replace(body=rows[2].body.replace("Tester", "Intruder"))
    fake = fake._replace(hash=link(rows[2].hash, fake.body), prev=rows[2].hash)
    inserted = [*rows[:3], fake, *rows[3:]]
    renumbered = [r._replace(seq=i) for i, r in enumerate(inserted, start=1)]
    report = check(renumbered, len(rows))
    assert (report.damage, report.seq) == ("inserted", 4)
    duplicate = [*rows[:5], rows[2], *rows[5:]]
    report = check(duplicate, len(rows))
    assert (report.damage, report.seq) == ("inserted", 3)
    appended = [*rows, rows[-1]._replace(seq=len(rows) + 1, prev=rows[-1].hash)]
    report = check(appended, len(rows))
    assert report.damage == "inserted" and report.seq == len(rows) + 1


def test_a_changed_type_column_is_caught(rows):
    bad = list(rows)
    bad[1] = rows[1]._replace(type="session_ended")
    assert check(bad, len(rows)).damage == "edited"


def test_describe_names_event_and_kind(rows):
    report = check(rows[:3] + rows[4:], len(rows))
    assert report.describe().startswith("damaged: event 4 missing")
    assert check(rows, len(rows)).describe().startswith(f"intact: {len(rows)} events")
