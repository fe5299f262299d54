"""Record documents written under an older record schema, brought up to this one.

The store's migration runs this over a journal's files once; the importer runs it
over each record of an older export. It never raises: a value it can't read is left
as it was, for the record checks to judge.
"""

from __future__ import annotations

from typing import Any

from hearthside.domain import validation
from hearthside.domain.records import SCHEMA_VERSION, Note, NoteStatus, Record

# Schema 1 kept a received note's sender in its delivered_how, as "from NAME".
_FROM = "from "


def upgrade_doc(cls: type[Record], doc: Any) -> Any:
    """``doc`` (a document of ``cls``) in this schema's shape; changed in place."""
    if cls is Note and isinstance(doc, dict) and isinstance(doc.get("status", ""), str):
        _sender_of_received(doc)
        if isinstance(doc.get("schema", 0), int) and doc.get("schema", 0) < SCHEMA_VERSION:
            doc["schema"] = SCHEMA_VERSION
    return doc


def _sender_of_received(doc: dict[str, Any]) -> None:
    """Schema 2: the sender has a field of its own. Only a plain name moves there."""
    doc.setdefault("sender", None)
    how = doc.get("delivered_how")
    if (
        doc["sender"] is not None
        or doc.get("status") != NoteStatus.RECEIVED
        or not isinstance(how, str)
    ):
        return
    if not how.startswith(_FROM):
        return
    name = " ".join(how[len(_FROM) :].split())
    if name and validation.name_problem(name) is None and validation.plain_line(how):
        doc["sender"], doc["delivered_how"] = name, None
