"""The daily review in a real terminal, with the keyboard alone, then the dashboard counts it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hearthside.domain.records import Entry, Moment, Note, PracticeLog, Review
from tests.e2e.apps import App

pytestmark = pytest.mark.e2e


def test_a_full_daily_review_with_the_keyboard_only(app: App, welcomed: Path) -> None:
    screen = app.open()
    screen.wait_for("with Sam")
    screen.press("r")

    # 1. What we did: a hug, a compliment, time together, and how long.
    screen.wait_for("Step 1 of 6 · What you did")
    screen.press("h", "c", "d")
    screen.wait_for("Minutes together")  # shown once time together is ticked
    screen.type("90")  # digits go straight to the minutes
    screen.press("Enter")

    # 2. Three good moments and a hard one, each with a line.
    screen.wait_for("Step 2 of 6 · Moments")
    screen.press("Up", "Up", "Up")
    screen.wait_until(lambda s: bool(re.search(r"Good moments\s+3\b", s)), "3 good moments")
    screen.type("the cat")
    screen.press("Tab", "Up")
    screen.wait_until(lambda s: bool(re.search(r"Hard moments\s+1\b", s)), "1 hard moment")
    screen.type("dishes")
    screen.wait_for("dishes")
    screen.press("Enter")

    # 3. Today's question: we talked about it.
    screen.wait_for("Step 3 of 6 · Today's question")
    screen.press("t")

    # 4. A thank-you.
    screen.wait_for("Step 4 of 6 · A thank-you")
    screen.type("Thanks for the car")
    screen.wait_for("Thanks for the car")
    screen.press("Enter")

    # 5. How close we felt, and a line for the journal.
    screen.wait_for("Step 5 of 6 · Closeness")
    screen.press("4")
    screen.type("Easy evening.")
    screen.wait_for("Easy evening.")
    screen.press("Enter")

    # 6. The summary says it all back.
    screen.wait_for("Step 6 of 6 · Summary")
    # The headings show at once; the lines arrive when the last save has finished.
    summary = screen.wait_for("✓ Closeness 4 · close")
    assert "✓ Affection, Kind words, Time together (90 min)" in summary
    assert "✓ 3 good moments, 1 hard" in summary
    assert "you talked about it" in summary
    assert "✓ A thank-you: “Thanks for the car”" in summary
    assert "✓ Closeness 4 · close" in summary

    screen.press("Enter")  # back to Today
    today = screen.wait_for("Done for today")
    assert "You talked about it today." in today

    # The dashboard counts what the review logged.
    screen.press("4")
    shown = screen.wait_for("90 min this week")
    assert re.search(r"Affection · daily\s+1/\d days", shown)
    assert re.search(r"Kind words · daily\s+1/\d days", shown)
    assert re.search(r"Time together · weekly\s+done", shown)
    assert "3 good to 1 hard" in shown

    app.quit()
    with app.journal() as journal:
        logs = journal.all(PracticeLog)
        moments = journal.all(Moment)
        notes = journal.all(Note)
        entries = journal.all(Entry)
        reviews = journal.all(Review)
    # "We talked about it" on the question step logs the conversation too (issue 16).
    assert sorted((log.practice, log.minutes) for log in logs) == [
        ("affection", None),
        ("compliments", None),
        ("conversation", None),
        ("quality-time", 90),
    ]
    assert sorted(m.positive for m in moments) == [False, True, True, True]
    assert sorted(m.text for m in moments if m.text) == ["dishes", "the cat"]
    assert [(n.kind, n.status, n.text) for n in notes] == [
        ("gratitude", "drafted", "Thanks for the car")
    ]
    assert [(e.body, e.closeness) for e in entries] == [("Easy evening.", 4)]
    assert [(r.completed, r.answers.get("outcome")) for r in reviews] == [(True, "talked")]


def test_a_review_typed_in_bursts_keeps_every_word(app: App, welcomed: Path) -> None:
    """Text and Enter in one send-keys call, as a paste or fast typing delivers them."""
    screen = app.open()
    screen.wait_for("with Sam")
    screen.press("r")
    screen.wait_for("Step 1 of 6 · What you did")
    screen.burst("d", "45", "Enter")
    screen.wait_for("Step 2 of 6 · Moments")
    screen.burst("a long walk", "Tab", "late again", "Enter")
    screen.wait_for("Step 3 of 6 · Today's question")
    screen.press("l")
    screen.wait_for("Step 4 of 6 · A thank-you")
    screen.burst("the flowers", "Enter")
    screen.wait_for("Step 5 of 6 · Closeness")
    screen.burst("1", "3", "Tab", "2 hours of talk", "Enter")
    summary = screen.wait_for("✓ Closeness 3")
    assert "the flowers" in summary
    app.quit()
    with app.journal() as journal:
        logs = journal.all(PracticeLog)
        moments = journal.all(Moment)
        notes = journal.all(Note)
        entries = journal.all(Entry)
    assert [(log.practice, log.minutes) for log in logs] == [("quality-time", 45)]
    assert sorted((m.positive, m.text) for m in moments) == [
        (False, "late again"),
        (True, "a long walk"),
    ]
    assert [n.text for n in notes] == ["the flowers"]
    assert [(e.body, e.closeness) for e in entries] == [("2 hours of talk", 3)]
