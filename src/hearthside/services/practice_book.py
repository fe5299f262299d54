"""Every practice a person keeps: the ones in ``content/``, the "six hours" set when it
is switched on in Settings, and their own, kept in the journal.

The Dashboard, the daily review, ``stats`` and ``log`` all ask here, so a practice made
in the app or with ``hearthside practice add`` is counted everywhere the seed's are. An
archived practice leaves the book but keeps its logs and its name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from hearthside.domain import dates, validation
from hearthside.domain.records import OwnPractice
from hearthside.domain.targets import parse_target
from hearthside.errors import HearthsideError
from hearthside.store.store import Store
from hearthside.texts.items import Practice
from hearthside.texts.library import Content
from hearthside.texts.practices import SixHours, find_practice

MAX_KEY = 40
_NOT_KEY = re.compile(r"[^a-z0-9]+")


def as_practice(own: OwnPractice) -> Practice:
    return Practice(
        id=own.key,
        name=own.name,
        why=own.why,
        target=parse_target(own.target),
        aliases=tuple(own.aliases),
        minutes=own.minutes,
    )


def _given(store: Store, content: Content) -> tuple[Practice, ...]:
    if store.settings().six_hours:
        return (*content.practices, *content.six_hours.practices)
    return content.practices


def practices(store: Store, content: Content) -> tuple[Practice, ...]:
    """The practices in use, in order: content's, the six hours' two, then one's own."""
    own = [as_practice(p) for p in store.all(OwnPractice) if p.archived is None]
    return (*_given(store, content), *own)


def six_hours(store: Store, content: Content) -> SixHours | None:
    """The six hours' parts, when they are switched on in Settings."""
    return content.six_hours if store.settings().six_hours else None


def every_practice(store: Store, content: Content) -> tuple[Practice, ...]:
    """Every practice a log may name, archived ones and the six hours' included."""
    given = (*content.practices, *content.six_hours.practices)
    return (*given, *(as_practice(p) for p in store.all(OwnPractice)))


def find(store: Store, content: Content, ref: str) -> Practice:
    """The practice in use that ``ref`` names (by id, name, alias or a clear start)."""
    try:
        return find_practice(practices(store, content), ref)
    except HearthsideError as not_in_use:
        away = [as_practice(p) for p in store.all(OwnPractice) if p.archived is not None]
        try:
            put_away = find_practice(away, ref)
        except HearthsideError:
            raise not_in_use from None
    raise HearthsideError(
        f"{put_away.name} is put away. Bring it back first: "
        f"hearthside practice archive {put_away.id} --undo"
    )


def name_of(store: Store, content: Content, practice_id: str) -> str:
    """A practice's name for a log, archived or not; a log whose practice is gone
    (content changed) shows its id, which still says what it was."""
    found = {p.id: p.name for p in every_practice(store, content)}
    return found.get(practice_id, practice_id)


# -- one's own practices --------------------------------------------------------------


@dataclass(frozen=True)
class OwnDraft:
    """What a person typed for a practice of their own, before it is checked."""

    name: str
    target: str
    minutes: bool = False
    aliases: Sequence[str] = ()
    why: str = ""


def own_practices(store: Store, *, archived: bool = False) -> list[OwnPractice]:
    """One's own practices, in the order they were made; archived ones only if asked."""
    found = sorted(store.all(OwnPractice), key=lambda p: p.created)
    return [p for p in found if archived or p.archived is None]


def find_own(store: Store, ref: str) -> OwnPractice:
    """One's own practice by its key, name or alias (archived ones too)."""
    mine = own_practices(store, archived=True)
    if not mine:
        raise HearthsideError(
            "You haven't made a practice of your own yet; add one with "
            '`hearthside practice add "NAME" --target "3 per week"`.'
        )
    wanted = find_practice([as_practice(p) for p in mine], ref).id
    return next(p for p in mine if p.key == wanted)


def add_own(store: Store, content: Content, draft: OwnDraft) -> OwnPractice:
    name, target, aliases = _checked(store, content, draft, keep=None)
    key = _new_key(name, {p.id for p in every_practice(store, content)})
    own = OwnPractice(
        key=key,
        name=name,
        target=target,
        minutes=draft.minutes,
        aliases=aliases,
        why=draft.why.strip(),
    )
    return store.add(own)


def edit_own(store: Store, content: Content, own: OwnPractice, draft: OwnDraft) -> OwnPractice:
    name, target, aliases = _checked(store, content, draft, keep=own.key)

    def change(stored: OwnPractice) -> None:
        stored.name, stored.target, stored.aliases = name, target, aliases
        stored.minutes, stored.why = draft.minutes, draft.why.strip()

    return store.update(OwnPractice, own.id, change)


def archive_own(
    store: Store, own: OwnPractice, *, undo: bool = False, today: date | None = None
) -> OwnPractice:
    """Put a practice away (its logs stay and keep its name), or bring it back."""
    day = None if undo else dates.iso(today or date.today())

    def change(stored: OwnPractice) -> None:
        stored.archived = day

    return store.update(OwnPractice, own.id, change)


def draft_of(own: OwnPractice) -> OwnDraft:
    return OwnDraft(own.name, own.target, own.minutes, tuple(own.aliases), own.why)


def _checked(
    store: Store, content: Content, draft: OwnDraft, *, keep: str | None
) -> tuple[str, str, list[str]]:
    """The name, target and aliases to store, or a message saying what to change.

    No name or alias may be another practice's id, name or alias, or a log typed with
    it could mean either.
    """
    name = " ".join(draft.name.split())
    if not name:
        raise HearthsideError("A practice needs a name, like “Evening walk”.")
    problem = validation.name_problem(name)
    if problem is not None:
        raise HearthsideError(problem.replace("That name", "A practice's name"))
    target = parse_target(draft.target).label
    aliases = _aliases(draft.aliases)
    validation.check_size(draft.why, "why")
    taken = _names_taken(p for p in every_practice(store, content) if p.id != keep)
    for word in (name.lower(), *aliases):
        if word in taken:
            raise HearthsideError(
                f"“{word}” already names {taken[word]}; choose another word so a log "
                "can't mean either."
            )
    return name, target, aliases


def _aliases(typed: Sequence[str]) -> list[str]:
    """Other names, one plain word each, lower-cased, each once; commas or spaces part them."""
    found: list[str] = []
    for part in " ".join(typed).replace(",", " ").split():
        word = part.lower()
        if validation.tag_problem(word) is not None:
            raise HearthsideError(
                f"“{part[:30]}” can't be another name for a practice; use plain words of "
                f"up to {validation.MAX_TAG_LENGTH} letters, parted by commas."
            )
        if word not in found:
            found.append(word)
    return found


def _names_taken(practices: Iterable[Practice]) -> dict[str, str]:
    return {word: p.name for p in practices for word in (p.id, p.name.lower(), *p.aliases)}


def _new_key(name: str, taken: set[str]) -> str:
    base = _NOT_KEY.sub("-", name.lower()).strip("-")[:MAX_KEY].strip("-") or "practice"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key
