"""Tampering: edit, delete, reorder or insert one event, in the database or in an export;
verify names the first bad event and the kind of damage, import refuses the log."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tabletop.app import AppError
from tabletop.cli import main
from tabletop.hashchain.chain import link
from tabletop.store import (
    DamagedLog,
    SessionStore,
    export_text,
    import_log,
    verify_log,
)

SEQ = 5  # the fifth event: DP-1's decision in the played game


def tamper_db(path, session_id, kind):
    con = sqlite3.connect(path)
    where = "session_id = ? AND seq = ?"
    if kind == "edited":
        con.execute(
            f"UPDATE events SET body = replace(body, 'Wait and see.', 'Strike first.') "
            f"WHERE {where}",
            (session_id, SEQ),
        )
    elif kind == "missing":
        con.execute(f"DELETE FROM events WHERE {where}", (session_id, SEQ))
    elif kind == "reordered":
        for old, new in ((SEQ, -1), (SEQ + 1, SEQ), (-1, SEQ + 1)):
            con.execute(f"UPDATE events SET seq = ? WHERE {where}", (new, session_id, old))
    elif kind == "inserted":
        con.execute(
            "UPDATE events SET seq = seq + 100000 WHERE session_id = ? AND seq >= ?",
            (session_id, SEQ),
        )
        con.execute(
            "UPDATE events SET seq = seq - 99999 WHERE session_id = ? AND seq > 100000",
            (session_id,),
        )
        prev = con.execute(
            f"SELECT hash FROM events WHERE {where}", (session_id, SEQ - 1)
        ).fetchone()[0]
        body = con.execute(f"SELECT body FROM events WHERE {where}", (session_id, 2)).fetchone()[0]
        body = body.replace("Maj.", "Gen.").replace('"at":"2031', '"at":"2030')
        con.execute(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)",
            (session_id, SEQ, json.loads(body)["type"], body, prev, link(prev, body)),
        )
    con.commit()
    con.close()


KINDS = ["edited", "missing", "reordered", "inserted"]


@pytest.mark.parametrize("kind", KINDS)
def test_verify_names_damage_in_the_database(played, store, kind, capsys):
    rows = store.rows(played.id)
    assert rows[SEQ - 1].type == "decision_recorded"
    assert main(["verify", played.id, "--session", str(store.path)]) == 0
    capsys.readouterr()
    tamper_db(store.path, played.id, kind)
    assert main(["verify", played.id, "--session", str(store.path)]) == 1
    out = capsys.readouterr().out
    assert f"damaged: event {SEQ} {kind}" in out, out


@pytest.mark.parametrize("kind", KINDS)
def test_a_damaged_session_does_not_open(played, store, workspace, kind):
    tamper_db(store.path, played.id, kind)
    with pytest.raises(AppError, match=f"event {SEQ} {kind}"):
        workspace.open(played.id)


def tamper_lines(text, kind):
    lines = text.splitlines()
    n = SEQ  # line 0 is the header, so line n is event n
    if kind == "edited":
        lines[n] = lines[n].replace("Wait and see.", "Strike first.")
    elif kind == "missing":
        del lines[n]
    elif kind == "reordered":
        lines[n], lines[n + 1] = lines[n + 1], lines[n]
    elif kind == "inserted":
        lines.insert(n, lines[2])
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("kind", KINDS)
def test_verify_names_damage_in_an_export(played, store, tmp_path, kind, capsys):
    path = tmp_path / "game.jsonl"
    assert main(["export", played.id, "-o", str(path), "--session", str(store.path)]) == 0
    assert main(["verify", str(path)]) == 0
    capsys.readouterr()
    path.write_text(tamper_lines(path.read_text("utf-8"), kind), "utf-8")
    assert main(["verify", str(path)]) == 1
    out = capsys.readouterr().out
    # Lines keep their numbers: the first out of place is event 6 (moved before 5), and the
    # inserted line is a copy of event 2.
    seq = {"reordered": SEQ + 1, "inserted": 2}.get(kind, SEQ)
    assert f"damaged: event {seq} {kind}" in out, out


@pytest.mark.parametrize("kind", KINDS)
def test_import_refuses_a_damaged_export(played, store, tmp_path, kind):
    text = tamper_lines(export_text(store.info(played.id), store.rows(played.id)), kind)
    with SessionStore(tmp_path / "other.sqlite") as other:
        with pytest.raises(DamagedLog, match=f"is not imported: damaged: event \\d+ {kind}"):
            import_log(other, text.encode(), "game.jsonl")
        assert other.sessions() == []


def test_an_export_with_a_fabricated_inserted_line_is_caught(played, store):
    text = export_text(store.info(played.id), store.rows(played.id))
    lines = text.splitlines()
    header = json.loads(lines[0])
    event = json.loads(lines[SEQ])["event"]
    event["rationale"] = "A decision nobody took."
    body = json.dumps(event, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    prev = json.loads(lines[SEQ - 1])["hash"]
    fake = {"seq": SEQ, "prev": prev, "hash": link(prev, body), "event": event}
    renumbered = []
    for line in lines[SEQ:]:
        row = json.loads(line)
        row["seq"] += 1
        renumbered.append(json.dumps(row))
    header["events"] += 1
    forged = [json.dumps(header), *lines[1:SEQ], json.dumps(fake), *renumbered]
    _header, report = verify_log(("\n".join(forged) + "\n").encode(), "forged.jsonl")
    assert (report.damage, report.seq) == ("inserted", SEQ)
