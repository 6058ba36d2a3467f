"""The Word report opened back with python-docx: headings, tables, picture, banners."""

from __future__ import annotations

import io
import time
import zipfile

import docx
import pytest

from tabletop.report import AfterActionReport, render_docx
from tabletop.report.sections import all_sections
from tabletop.report.word import TABLE_TYPE


@pytest.fixture(scope="module")
def document(report: AfterActionReport):
    return docx.Document(io.BytesIO(render_docx(report)))


def _table_with(document, *header: str):
    def head(table) -> list[str]:
        return [c.text for c in table.rows[0].cells][: len(header)]

    return next(t for t in document.tables if head(t) == list(header))


def test_real_headings_for_every_section(document, report: AfterActionReport) -> None:
    level1 = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert level1 == list(all_sections(report).values())
    level2 = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert "DP-3: The Compact's answer (decided)" in level2
    assert any(t.startswith("OBJ-1: ") for t in level2)
    assert document.paragraphs[0].style.name == "Title"


def test_improvement_plan_is_a_word_table_with_one_row_per_plan_entry(
    document, report: AfterActionReport
) -> None:
    table = _table_with(document, "No.", "Core capability / objective")
    header = [c.text for c in table.rows[0].cells]
    assert header[2:] == ["Issue / area for improvement", "Corrective action",
                          "Capability element", "Responsible organisation", "Point of contact",
                          "Start", "Completion"]  # fmt: skip
    body = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert len(body) == len(report.improvement_plan)
    assert [row[0] for row in body[:2]] == ["IP-1", "IP-2"]
    assert body[0][3] == "Add the Council notification to the deployment checklist."
    assert body[1][4:] == [
        "Training",
        "Arvenian Security Council",
        "Secretary of the Security Council",
        "2031-05-01",
        "2031-09-30",
    ]


def test_objective_ratings_are_a_word_table(document) -> None:
    table = _table_with(document, "Id", "Objective", "Core capability", "Rating")
    ratings = {row.cells[0].text: row.cells[3].text for row in table.rows[1:]}
    assert ratings == {
        "OBJ-1": "[S: PERFORMED WITH SOME CHALLENGES] ",
        "OBJ-2": "[P: PERFORMED WITHOUT CHALLENGES] ",
        "OBJ-3": "[M: PERFORMED WITH MAJOR CHALLENGES] ",
    }


def test_timeline_chart_is_two_pictures(document) -> None:
    assert len(document.inline_shapes) == 2  # the timeline, then the time-box panel
    blobs = [r.target_part.blob for r in document.part.rels.values() if "image" in r.reltype]
    assert len(blobs) == 2 and all(b.startswith(b"\x89PNG") for b in blobs)


def test_classification_in_header_and_footer(document, report: AfterActionReport) -> None:
    section = document.sections[0]
    assert report.classification in section.header.paragraphs[0].text
    assert report.classification in section.footer.paragraphs[0].text


def test_verdicts_are_written_out(document) -> None:
    text = "\n".join(p.text for p in document.paragraphs)
    assert "[OUTSIDE MANDATE, OVERRIDDEN]" in text and "[PERMITTED WITH OBLIGATIONS]" in text
    assert "Override, let stand by the facilitator: " in text


def test_interim_report_says_so_on_every_page(player, script_of, example) -> None:
    game = player(script_of({"advance": {"by_minutes": 0}}), example)
    document = docx.Document(io.BytesIO(render_docx(game.report())))
    assert "INTERIM" in document.sections[0].header.paragraphs[0].text
    assert "INTERIM" in document.paragraphs[0].text


def test_hostile_text_lands_as_plain_text(hostile_report: AfterActionReport, hostile) -> None:
    document = docx.Document(io.BytesIO(render_docx(hostile_report)))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert hostile["rationale"] in text
    assert hostile["plan_issue"] in cells


def test_control_characters_do_not_break_the_document(player, script_of, example) -> None:
    game = player(
        script_of({"decide": {"decision": "DP-1", "role": "arv_government", "option": "hold",
                              "rationale": "bell\x07 and vertical tab\x0b"}}),
        example,
    )  # fmt: skip
    document = docx.Document(io.BytesIO(render_docx(game.report())))
    # Shown as markers, not dropped (see report/safetext.py; tests/hostile has the rest).
    text = "bell[U+0007] and vertical tab[U+000B]"
    assert any(text in p.text for p in document.paragraphs)


def test_tables_span_the_text_width_in_a_fixed_layout(document) -> None:
    # Left to autofit, LibreOffice shrank the timeline's event column and the report ran to
    # half again as many pages: every table now spans the margins with fixed columns.
    def span(section) -> int:
        return section.page_width - section.left_margin - section.right_margin

    portrait, landscape = span(document.sections[0]), max(map(span, document.sections))
    assert landscape > portrait  # the decision log has a landscape page, the timeline too
    timeline = _table_with(document, "#", "Scenario time")
    log = _table_with(document, "#", "Scenario", "Wall")
    plan = _table_with(document, "No.", "Core capability / objective")
    # Nine columns each: landscape pages of their own; the timeline follows its chart there.
    wide = (log._tbl, plan._tbl, timeline._tbl)
    for table in document.tables:
        assert not table.autofit
        widths = [col.w for col in table._tbl.tblGrid.gridCol_lst]
        width = landscape if table._tbl in wide else portrait
        assert abs(sum(widths) - width) <= 635 * len(widths)  # stored in twips
    event = [col.w for col in timeline._tbl.tblGrid.gridCol_lst][-1]
    assert event > portrait / 2  # the event text gets the room


def test_options_not_taken_lead_with_their_verdict_badge(document) -> None:
    table = _table_with(document, "Option", "Verdict it would have had")
    cell = table.rows[1].cells[1].paragraphs[0]
    badge, headline = cell.runs[0], cell.runs[1]
    assert badge.bold and badge.text.startswith("[") and badge.text.endswith("] ")
    assert headline.text and not headline.bold
    assert badge.font.size == headline.font.size == TABLE_TYPE


def test_the_same_log_gives_the_same_word_bytes(report: AfterActionReport, monkeypatch) -> None:
    # python-docx dates every zip entry with the time of saving: two exports of the same
    # log a few seconds apart differed. Now each entry carries the log's last event time.
    first = render_docx(report)
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 3_600)  # an hour later by the clock
    monkeypatch.setattr(time, "localtime", lambda t=None: time.gmtime(now + 3_600))
    second = render_docx(report)
    assert first == second
    last = report.overview.last_event_at
    assert last is not None
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        dates = {entry.date_time for entry in z.infolist()}
    assert dates == {(last.year, last.month, last.day, last.hour, last.minute, last.second)}
    assert docx.Document(io.BytesIO(first)).core_properties.title == report.title


def test_the_document_properties_are_the_reports_own(report: AfterActionReport) -> None:
    data = render_docx(report)
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.author == report.overview.facilitator
    assert "python-docx" not in props.comments and report.overview.session_id in props.comments
    assert props.category == "After-Action Report / Improvement Plan"
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        app = z.read("docProps/app.xml").decode()
    assert "Microsoft" not in app and "<Application>tabletop</Application>" in app
