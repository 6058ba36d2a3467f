"""The .docx package around the Word report: its document properties, nothing left over from
python-docx's template, and the same bytes for the same log."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from docx.opc.constants import RELATIONSHIP_TYPE as RT

from tabletop.report.safetext import shortened, visible

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

    from tabletop.report.model import AfterActionReport

PROPERTY_LIMIT = 255
"""python-docx refuses a core property (title, keywords) longer than this."""
CATEGORY = "After-Action Report / Improvement Plan"
APP_PROPERTIES = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'extended-properties"><Application>tabletop</Application></Properties>'
)
"""docProps/app.xml: python-docx's template names another application and counts."""
TEMPLATE_LEFTOVERS = {RT.THUMBNAIL, RT.CUSTOM_XML}
"""Parts of python-docx's template that are not the report's: a thumbnail of another
document (shown by file browsers) and an empty bibliography."""


def session_label(report: AfterActionReport) -> str:
    """The session id, for the document's properties and its title page."""
    return report.overview.session_id or "unknown"


def log_stamp(report: AfterActionReport) -> datetime:
    """The wall clock of the log's last event: the document's only date."""
    return report.overview.last_event_at or datetime(2000, 1, 1, tzinfo=UTC)


def _property(text: str) -> str:
    """A document property: made safe like the body's text, then cut to the limit (the
    body keeps the whole text)."""
    return shortened(visible(text), PROPERTY_LIMIT)


def set_properties(doc: DocxDocument, report: AfterActionReport) -> None:
    """Title, author (the facilitator), subject (exercise and pack), keywords, category and
    a comment naming the session; dated with the log, not the clock."""
    o = report.overview
    props = doc.core_properties
    props.title = _property(report.title)
    props.subject = _property(f"{o.exercise}: {o.pack_title} ({o.pack_id} {o.pack_version})")
    props.keywords = _property(  # the handling first: a cut keeps it
        f"{report.classification}; after-action report; improvement plan; HSEEP; {o.pack_title}"
    )
    stamp = log_stamp(report)
    props.created = props.modified = stamp.replace(tzinfo=None)
    props.author = _property(o.facilitator or "tabletop")
    props.last_modified_by = "tabletop"
    props.comments = _property(
        f"Written by tabletop from the log of session {session_label(report)}."
    )
    props.category = CATEGORY
    props.revision = 1
    for rels in (doc.part.package.rels, doc.part.rels):
        for key, rel in list(rels.items()):
            if rel.reltype in TEMPLATE_LEFTOVERS:
                rels.pop(key)


def stable_zip(data: bytes, stamp: datetime) -> bytes:
    """The .docx (a zip) with every entry dated `stamp` (the log's last event), not the
    clock: python-docx writes the time of saving into each entry, so two exports of the
    same log differed in their bytes."""
    when = max(stamp.replace(tzinfo=None), datetime(1980, 1, 1))  # zip dates start in 1980
    date_time = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = entry.external_attr
            body = source.read(entry.filename)
            if entry.filename == "docProps/app.xml":
                body = APP_PROPERTIES
            target.writestr(info, body)
    return out.getvalue()
