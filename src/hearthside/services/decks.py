"""The questions as decks: drawing one by deck and depth, the favourites, and which
decks and questions serve each strategy (for the Guide)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from hearthside.domain import dates
from hearthside.domain.records import FavouriteQuestion
from hearthside.errors import HearthsideError
from hearthside.store.store import Store
from hearthside.texts.items import DEPTHS, Deck, Question
from hearthside.texts.library import Content
from hearthside.texts.questions import find_deck, find_depth


def matching(content: Content, deck: str | None = None, depth: str | None = None) -> list[Question]:
    """The questions of a deck and a depth (by id or the start of one; None for any)."""
    deck_id = find_deck(content.decks, deck).id if deck else None
    depth_id = find_depth(depth) if depth else None
    return [
        q for q in content.questions if deck_id in (None, q.deck) and depth_id in (None, q.depth)
    ]


def draw(pool: list[Question], rng: random.Random, *, after: str | None = None) -> Question:
    """One question from ``pool`` at random; never ``after`` (the one just shown) twice
    running while there is another to show."""
    others = [q for q in pool if q.id != after] or pool
    if not others:
        raise HearthsideError("There are no questions to draw from in the content folder.")
    return rng.choice(others)


# -- favourites -------------------------------------------------------------------


def favourite_ids(store: Store) -> set[str]:
    return {f.question for f in store.all(FavouriteQuestion)}


def favourites(store: Store, content: Content) -> list[Question]:
    """The starred questions still in the content folder, most recently starred first."""
    by_id = {q.id: q for q in content.questions}
    # Reversed after sorting, not sorted in reverse: two starred in the same second
    # still come newest (last stored) first.
    starred = sorted(store.all(FavouriteQuestion), key=lambda f: f.created)[::-1]
    return [by_id[f.question] for f in starred if f.question in by_id]


def set_favourite(
    store: Store, question: Question, starred: bool, *, today: date | None = None
) -> bool:
    """Star or unstar the question; whether that changed anything.

    Unstarring removes the record outright: starring again is the way back."""
    with store.writing():
        mine = [
            f
            for f in store.all(FavouriteQuestion, include_deleted=True)
            if f.question == question.id
        ]
        if any(not f.deleted for f in mine) == starred:
            return False
        for found in mine:
            store.purge(found)
        if starred:
            day = dates.iso(today or date.today())
            store.add(FavouriteQuestion(question=question.id, date=day))
        return True


def toggle_favourite(store: Store, question: Question, *, today: date | None = None) -> bool:
    """Star the question, or unstar it if it was; whether it is a favourite now."""
    with store.writing():
        starred = question.id not in favourite_ids(store)
        set_favourite(store, question, starred, today=today)
        return starred


# -- the Guide -------------------------------------------------------------------------


@dataclass(frozen=True)
class Serving:
    """What a strategy's page shows: the decks with questions that serve it (with how
    many, most first) and a few of those questions, one of each depth, lightest first."""

    decks: tuple[tuple[Deck, int], ...]
    few: tuple[Question, ...]


def serving(content: Content, step: int) -> Serving:
    found = [q for q in content.questions if step in q.steps]
    counts = [(d, sum(q.deck == d.id for q in found)) for d in content.decks]
    decks = sorted(((d, n) for d, n in counts if n), key=lambda pair: -pair[1])
    firsts = (next((q for q in found if q.depth == depth), None) for depth in DEPTHS)
    return Serving(tuple(decks), tuple(q for q in firsts if q is not None))
