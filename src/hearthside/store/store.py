"""The journal store: records in and out of the journal's files, one table per kind.

The files themselves (opening, migrating, the lock, writing a change whole, keeping
in step with another process) are ``files.JournalFiles``; the store adds the
records. ``update`` applies a change to the record as it is on disk at that moment,
so what another process saved is never written over.

Every record is checked (``record_checks``) before it is saved, however it came:
typed or imported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from operator import itemgetter
from typing import Any, cast

from tinydb.table import Document

from hearthside.domain import dates
from hearthside.domain.record_base import R, Record, fields_of
from hearthside.domain.settings import Settings
from hearthside.errors import HearthsideError
from hearthside.store.files import JournalFiles
from hearthside.store.layout import SETTINGS_TABLE
from hearthside.store.parts import MAIN, Part, cold, kind_of, part_key
from hearthside.store.where import Where


class Store(JournalFiles):
    """All reading and writing of the journal goes through here."""

    # -- records ---------------------------------------------------------------

    def _where(self, kind: str) -> dict[str, tuple[str, int]]:
        index = self._index.get(kind)
        if index is None:
            index = {}
            self._ensure(kind)
            for key, part in self._parts.items():
                if key != MAIN and kind_of(key) == kind:
                    for doc_id, doc in self._records(part, kind):
                        index[doc["id"]] = (key, int(doc_id))
            self._index[kind] = index
        return index

    def all(
        self,
        cls: type[R],
        *,
        include_deleted: bool = False,
        where: Where | None = None,
    ) -> list[R]:
        """Records of one kind. ``where`` picks them by a field as stored, before they
        become records, so asking for one day's logs doesn't build fifty thousand."""
        return list(self.each(cls, include_deleted=include_deleted, where=where))

    def each(
        self,
        cls: type[R],
        *,
        include_deleted: bool = False,
        where: Where | None = None,
    ) -> Iterator[R]:
        """As ``all``, a file at a time: a decade of logs counted one by one is never in
        memory all at once, and a past year of a kind with many records is let go of
        once read (``parts.cold``) and, for a ``where`` with days, read again only when
        it holds some of them."""
        if where is not None and where.field not in cls.__dataclass_fields__:
            raise ValueError(f"a {cls.LABEL} has no field {where.field!r}")
        for key, part in self._parts_of(cls.KIND):
            with self._mutex:
                if where is not None and not part.may_hold(cls.KIND, where):
                    continue
                self._read(part)
                # The cached tables themselves, not TinyDB's Document copies: from_doc copies.
                docs = [
                    doc
                    for _key, doc in self._records(part, cls.KIND)
                    if where is None or where.picks(doc)
                ]
                if where is not None and where.bounded:
                    part.span(cls.KIND, where.field)
                if cold(key) and not self._depth:
                    part.let_go()
            for doc in docs:
                if include_deleted or doc.get("deleted_at") is None:
                    yield cls.from_doc(doc)

    def documents(self, cls: type[R]) -> list[dict[str, Any]]:
        """Every usable stored document of one kind, trash included, as stored: for a
        reader that writes them out as they are (a JSON export) without building a
        record of each. They are the store's own copies: read them, never change them."""
        with self._mutex:
            return [
                doc
                for part in self._ensure(cls.KIND)
                for _key, doc in self._records(part, cls.KIND)
            ]

    def newest_first(
        self, cls: type[R], picks: Callable[[dict[str, Any]], bool] | None = None
    ) -> Iterator[R]:
        """Records of one kind not in the trash, newest first (by date, then by when they
        were written). The stored documents are sorted first and each becomes a record
        only when asked for, so the ten newest of ten thousand cost little more than ten.
        With ``picks``, only those whose fields (``fields_of``) it picks: a search builds
        the records it finds, not every one it looks at.

        A year's file is read only once it may hold the next record: one unchanged since
        its newest day was noted (checked.py) waits while the records still to give are
        newer than that day, so the ten newest usually need only the latest year.
        """
        with self._mutex:
            parts = [p for k, p in self._parts.items() if k != MAIN and kind_of(k) == cls.KIND]
            known = {id(p): day for p in parts if (day := self._newest_day(p)) is not None}
        # Unknown ones are read at once; the others wait, the newest day last.
        waiting = sorted((p for p in parts if id(p) in known), key=lambda p: known[id(p)])
        # Still to give, newest first: (date, when written, the part's place, the place
        # in its file, the document), so equals come in the order of the files, as they
        # would sorting every file at once.
        pool: list[tuple[str, str, int, int, dict[str, Any]]] = []
        self._pool_up(pool, [(n, p) for n, p in enumerate(parts) if id(p) not in known], cls.KIND)
        given = 0
        fields = fields_of(cls)
        while True:
            if given < len(pool) and (not waiting or pool[given][0] > known[id(waiting[-1])]):
                doc = pool[given][4]
                given += 1
                if doc.get("deleted_at") is None and (picks is None or picks(fields(doc))):
                    yield cls.from_doc(doc)
                continue
            if not waiting:
                return
            # Those given are newer than anything in it, so they stay given.
            del pool[:given]
            given = 0
            part = waiting.pop()
            self._pool_up(pool, [(parts.index(part), part)], cls.KIND)

    def _pool_up(
        self,
        pool: list[tuple[str, str, int, int, dict[str, Any]]],
        adding: list[tuple[int, Part]],
        kind: str,
    ) -> None:
        """Add the documents of ``adding`` (parts with their places) to ``pool``, newest first."""
        with self._mutex:
            pool += [
                (d.get("date", ""), d.get("created", ""), place, number, d)
                for place, part in adding
                for number, (_key, d) in enumerate(self._records(part, kind))
            ]
        pool.sort(key=itemgetter(2, 3))
        pool.sort(key=itemgetter(0, 1), reverse=True)

    def _newest_day(self, part: Part) -> str | None:
        """The newest day among an unread part's records, when it was noted for the file
        as it is on disk (checked.py); None when only reading it can tell."""
        name = part.path.name
        day = self._newest.get(name)
        if day is None or part.loaded or not part.known_clean:
            return None
        return day

    def get(self, cls: type[R], ref: str, *, include_deleted: bool = True) -> R:
        """A record by full id or by an unambiguous prefix of at least four characters.

        Any case: ids are typed in lower case, and another tool's may not be.
        """
        record = self.find(cls, ref, include_deleted=include_deleted)
        if record is None:
            where_listed = f" `{cls.LISTED_BY}` shows the ids." if cls.LISTED_BY else ""
            raise HearthsideError(f"No {cls.LABEL} has the id {ref.strip()[:40]!r}.{where_listed}")
        return record

    def find(self, cls: type[R], ref: str, *, include_deleted: bool = True) -> R | None:
        """As ``get``, but None when no record has that id; more than one is still refused."""
        ref = ref.strip().lower()
        with self._mutex:
            where = self._where(cls.KIND)
            matches = [i for i in where if i.lower() == ref]
            if not matches and len(ref) >= 4:
                matches = [i for i in where if i.lower().startswith(ref)]
            if len(matches) == 1:
                key, doc_id = where[matches[0]]
                doc = self._parts[key].db.table(cls.KIND).get(doc_id=doc_id)
                record = cls.from_doc(cast(dict[str, Any], doc))
                return record if include_deleted or not record.deleted else None
        if len(matches) > 1:
            raise HearthsideError(
                f"More than one {cls.LABEL} starts with {ref[:12]!r}; type a few more characters."
            )
        return None

    def add(self, record: R) -> R:
        return self.add_many([record])[0]

    def add_many(self, records: Iterable[R]) -> list[R]:
        added = list(records)
        now = dates.now_iso()
        for record in added:
            record.created = record.created or now
            record.updated = record.updated or now
            _check(record)
        by_part: dict[str, list[R]] = {}
        for record in added:
            by_part.setdefault(part_key(record.created, record.KIND), []).append(record)
        with self.writing():
            for key, group in by_part.items():
                # All at once: TinyDB goes over the whole table for each insert.
                table = self._part(key).db.table(kind_of(key))
                doc_ids = table.insert_multiple(record.to_doc() for record in group)
                # Keep an index that exists up to date; never read every year just to add.
                index = self._index.get(kind_of(key))
                if index is not None:
                    index.update(
                        (r.id, (key, doc_id)) for r, doc_id in zip(group, doc_ids, strict=True)
                    )
        return added

    def update(self, cls: type[R], record_id: str, change: Callable[[R], object]) -> R:
        """Apply ``change`` to the record as stored right now, under the lock, and save it.

        What another process saved since this one last read is never written over:
        ``change`` sees the fresh copy. It may raise HearthsideError to refuse, and
        then nothing is written. Returns the record as saved.
        """
        with self.writing():
            key, doc_id = self._located(cls.KIND, record_id)
            stored = self._parts[key].db.table(cls.KIND).get(doc_id=doc_id)
            fresh = cls.from_doc(cast(dict[str, Any], stored))
            change(fresh)
            return self.save(fresh)

    def save(self, record: R) -> R:
        """Write back a changed record (matched by id), stamping ``updated``.

        For a record read inside the same ``writing()``; otherwise use ``update``.
        """
        record.updated = dates.now_iso()
        _check(record)
        with self.writing():
            key, doc_id = self._located(record.KIND, record.id)
            self._parts[key].db.table(record.KIND).upsert(Document(record.to_doc(), doc_id=doc_id))
        return record

    def _located(self, kind: str, record_id: str) -> tuple[str, int]:
        found = self._where(kind).get(record_id)
        if found is None:
            raise HearthsideError(
                "That record is no longer in the journal (was it purged from the trash?)."
            )
        return found

    def delete(self, record: R) -> R:
        """Move to the trash; returns the record as saved."""
        when = dates.now_iso()
        return self.update(
            type(record), record.id, lambda fresh: setattr(fresh, "deleted_at", when)
        )

    def restore(self, record: R) -> R:
        """Bring back from the trash; returns the record as saved."""
        return self.update(
            type(record), record.id, lambda fresh: setattr(fresh, "deleted_at", None)
        )

    def purge(self, record: Record) -> None:
        with self.writing():
            found = self._where(record.KIND).pop(record.id, None)
            if found is not None:
                key, doc_id = found
                self._parts[key].db.table(record.KIND).remove(doc_ids=[doc_id])

    # -- settings --------------------------------------------------------------

    def settings(self) -> Settings:
        with self._mutex:
            doc = self._parts[MAIN].read().get(SETTINGS_TABLE, {}).get("1")
        return Settings.from_doc(dict(doc) if doc else {})

    def save_settings(self, settings: Settings) -> Settings:
        settings.validate()
        with self.writing():
            table = self._parts[MAIN].db.table(SETTINGS_TABLE)
            # Stamped like a record, so that of two computers' settings the newer wins
            # a merge (merging.py); Settings itself never reads the stamp.
            doc = {**settings.to_doc(), "updated": dates.now_iso()}
            table.upsert(Document(doc, doc_id=1))
        return settings

    def counts(self) -> dict[str, int]:
        """How many records of each kind are stored, trash included."""
        totals: dict[str, int] = {}
        with self._mutex:
            for key, part in self._parts.items():
                if key != MAIN:
                    for name, table in self._read(part).items():
                        totals[name] = totals.get(name, 0) + len(table)
        return totals

    def has_any(self, cls: type[Record]) -> bool:
        """Whether a record of this kind was ever stored, without reading them all."""
        return any(kind_of(key) == cls.KIND for key in self._parts if key != MAIN)


def _check(record: Record) -> None:
    """The last word before a record is saved, however it came: typed or imported."""
    # Imported here: reading the journal needs none of the rules (nor their dateutil).
    from hearthside.domain import record_checks

    problem = record_checks.record_problem(record)
    if problem is not None:
        raise HearthsideError(f"This {record.LABEL} can't be saved: {problem}. Nothing was saved.")
