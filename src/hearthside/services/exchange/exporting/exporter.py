"""Writing one export: the request checked, the records collected, the format rendered
and the file written whole.

The formats' renderers live beside this module (``text``, ``page``, ``ics``,
``archive``) and are imported only for the format asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from hearthside.domain.records import Commitment, Milestone, Record
from hearthside.domain.wording import plural
from hearthside.errors import HearthsideError
from hearthside.services.exchange.exporting.files import (
    default_stem,
    file_target,
    folder_target,
    write_all,
    write_private,
)
from hearthside.services.exchange.exporting.selection import (
    ExportData,
    Selection,
    collect,
    count_phrase,
    span_of,
)

if TYPE_CHECKING:
    from hearthside.store.store import Store
    from hearthside.texts.library import Content

FORMATS = ("md", "txt", "json", "html", "ics")


@dataclass(frozen=True)
class ExportResult:
    path: Path  # the file written, or the folder for a split Markdown export
    format: str
    counts: dict[str, int]  # records written, by table name ("entries", "notes", …)
    private_left_out: int
    files: tuple[Path, ...]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def summary(self) -> str:
        return f"Wrote {count_phrase(self.counts)} to {self.path}."


def export(
    store: Store,
    content: Content | None,
    fmt: str,
    selection: Selection | None = None,
    *,
    output: Path | None = None,
    split: bool = False,
    force: bool = False,
    today: date | None = None,
) -> ExportResult:
    """Write the selected records in ``fmt`` and say what was written.

    Raises HearthsideError, writing nothing, for an unknown format, filters that
    don't fit the format, nothing to export, or a file in the way (OutputExists,
    which the app answers by asking and calling again with ``force=True``).
    """
    selection = selection or Selection()
    if fmt not in FORMATS:
        raise HearthsideError(f"{fmt[:10]!r} isn't an export format; choose {', '.join(FORMATS)}.")
    if split and fmt != "md":
        raise HearthsideError(
            "Only Markdown can be split into one file per entry; use --format md."
        )
    if selection.step is not None and content is not None:
        content.step(selection.step)
    data = _collect(store, content, fmt, selection)
    if not data.counts:
        raise _nothing_to_export(data, fmt)
    stem = default_stem(today)
    if split:
        from hearthside.services.exchange.exporting.text import markdown_files

        folder = folder_target(store.home, output, stem)
        files = tuple(write_all(folder, markdown_files(data), force=force))
        return ExportResult(folder, fmt, data.counts, data.private_left_out, files)
    path = file_target(store.home, output, stem, f".{fmt}", force=force)
    write_private(path, _render(store, fmt, data))
    return ExportResult(path, fmt, data.counts, data.private_left_out, (path,))


def _collect(store: Store, content: Content | None, fmt: str, selection: Selection) -> ExportData:
    if fmt == "ics":
        from hearthside.services.exchange.exporting.ics import (
            CALENDAR_KINDS,
            check_calendar_selection,
        )

        check_calendar_selection(tag=selection.tag, step=selection.step, kind=selection.kind)
        # A repeating event that began before --since still falls inside it, so only
        # one-off events are held to the start date.
        data = collect(store, replace(selection, since=None), CALENDAR_KINDS, content=content)
        if selection.since:
            start = selection.since.isoformat()
            data.keep(lambda r: _repeats(r) or span_of(r)[0] >= start)
        return data
    if fmt == "json":
        # JSON is the moving-house format: every kind, trash included, nothing lost.
        kinds = selection.kinds(every_kind=True)
        return collect(store, selection, kinds, content=content, include_deleted=True)
    return collect(store, selection, selection.kinds(every_kind=False), content=content)


def _repeats(record: Record) -> bool:
    if isinstance(record, Milestone):
        return record.yearly
    return isinstance(record, Commitment) and bool(record.every)


def _render(store: Store, fmt: str, data: ExportData) -> str | bytes:
    if fmt == "md":
        from hearthside.services.exchange.exporting.text import markdown_document

        return markdown_document(data)
    if fmt == "txt":
        from hearthside.services.exchange.exporting.text import plain_text

        return plain_text(data)
    if fmt == "html":
        from hearthside.services.exchange.exporting.page import journal_page

        return journal_page(data)
    if fmt == "ics":
        from hearthside.services.exchange.exporting.ics import calendar

        return calendar(data)
    from hearthside.services.exchange.exporting.archive import archive, encoded

    settings = store.settings() if data.selection.kind == "all" else None
    # Bytes as orjson writes them: a decade's export need not become text and back.
    return encoded(archive(data, settings))


def _nothing_to_export(data: ExportData, fmt: str) -> HearthsideError:
    left_out = data.private_left_out
    if left_out:
        return HearthsideError(
            f"Nothing to export: the {plural('matching record', left_out)} "
            f"{'is' if left_out == 1 else 'are'} private. Nothing was written; include "
            "private records to export them (--include-private)."
        )
    if fmt == "ics" and not data.selection.filtered:
        return HearthsideError(
            "There are no milestones or commitments to put in a calendar yet; nothing was "
            "written. Add a milestone or a commitment first."
        )
    what = data.selection.describe()
    found = f"nothing matches {what}" if what else "the journal has nothing of that kind yet"
    return HearthsideError(
        f"Nothing to export: {found}. Nothing was written; widen the dates or drop a filter."
    )
