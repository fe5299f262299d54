"""The nudge's rule, over plain facts and a fixed time: each reason, the order, silence."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from hearthside.services.nudges import NudgeFacts, next_nudge

WEDNESDAY_NOON = datetime(2026, 11, 25, 12, 0)
WEDNESDAY_EVENING = datetime(2026, 11, 25, 20, 0)
SUNDAY_NOON = datetime(2026, 11, 29, 12, 0)
# A quiet day: the review done, a hug yesterday, the week's talk held.
CALM = NudgeFacts(review_done=True, last_affection=date(2026, 11, 24), weekly_talk_held=True)
CALM_SUNDAY = replace(CALM, last_affection=date(2026, 11, 28))


def test_nothing_to_say_is_silence() -> None:
    assert next_nudge(CALM, WEDNESDAY_EVENING) is None
    assert next_nudge(CALM_SUNDAY, SUNDAY_NOON) is None
    # A journal that never logged affection and has nothing due says nothing before 8 pm.
    assert next_nudge(NudgeFacts(), WEDNESDAY_NOON) is None


def test_a_promise_due_today() -> None:
    facts = replace(CALM, promises_today=("Fix the gate",))
    assert next_nudge(facts, WEDNESDAY_NOON) == "A promise for today: Fix the gate."
    two = replace(CALM, promises_today=("Fix the gate", "Book the table"))
    assert next_nudge(two, WEDNESDAY_NOON) == "A promise for today: Fix the gate (and 1 more)."


def test_a_milestone_tomorrow() -> None:
    facts = replace(CALM, milestones_tomorrow=("Sam's birthday",))
    assert next_nudge(facts, WEDNESDAY_NOON) == (
        "Tomorrow: Sam's birthday. There's still today to get ready."
    )


def test_the_review_waits_until_eight_in_the_evening() -> None:
    facts = replace(CALM, review_done=False)
    assert next_nudge(facts, datetime(2026, 11, 25, 19, 59)) is None
    said = next_nudge(facts, WEDNESDAY_EVENING)
    assert said is not None and said.startswith("Today's review is waiting")


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        (date(2026, 11, 25), None),  # today
        (date(2026, 11, 24), None),  # yesterday
        (date(2026, 11, 23), "No hug logged since Monday; one tonight, maybe?"),
        (date(2026, 11, 2), "No hug logged since 2 November; one tonight, maybe?"),
        (None, None),  # never logged: not a practice this person keeps here
    ],
)
def test_no_affection_in_two_days(last: date | None, expected: str | None) -> None:
    assert next_nudge(replace(CALM, last_affection=last), WEDNESDAY_NOON) == expected


def test_the_weekly_talk_on_the_last_day_of_the_week() -> None:
    not_held = replace(CALM_SUNDAY, weekly_talk_held=False)
    said = next_nudge(not_held, SUNDAY_NOON)
    assert said is not None and "this week's talk" in said
    assert next_nudge(not_held, WEDNESDAY_NOON) is None  # the week isn't over
    # A week that starts on Sunday ends on Saturday.
    assert (
        next_nudge(replace(CALM_SUNDAY, weekly_talk_held=False, week_start=6), SUNDAY_NOON) is None
    )
    saturday = datetime(2026, 11, 28, 10, 0)
    assert (
        next_nudge(replace(CALM_SUNDAY, weekly_talk_held=False, week_start=6), saturday) is not None
    )
    # Until the journal can say whether it was held, the slot stays None: no nudge.
    assert next_nudge(replace(CALM_SUNDAY, weekly_talk_held=None), SUNDAY_NOON) is None


def test_the_first_reason_in_order_wins() -> None:
    facts = NudgeFacts(
        promises_today=("Fix the gate",),
        milestones_tomorrow=("Anniversary",),
        weekly_talk_held=False,
        review_done=False,
        last_affection=date(2026, 11, 1),
    )
    sunday_evening = datetime(2026, 11, 29, 21, 0)
    heard = [next_nudge(facts, sunday_evening)]
    facts = replace(facts, promises_today=())
    heard.append(next_nudge(facts, sunday_evening))
    facts = replace(facts, milestones_tomorrow=())
    heard.append(next_nudge(facts, sunday_evening))
    facts = replace(facts, weekly_talk_held=True)
    heard.append(next_nudge(facts, sunday_evening))
    facts = replace(facts, review_done=True)
    heard.append(next_nudge(facts, sunday_evening))
    assert [str(line).split()[0] for line in heard] == [
        "A",
        "Tomorrow:",
        "There's",
        "Today's",
        "No",
    ]


def test_days_away_quiet_the_everyday_reminders_but_not_promises() -> None:
    away = NudgeFacts(
        away_today=True, weekly_talk_held=False, review_done=False, last_affection=date(2026, 1, 1)
    )
    assert next_nudge(away, datetime(2026, 11, 29, 21, 0)) is None
    promised = NudgeFacts(away_today=True, promises_today=("Call from the hotel",))
    assert next_nudge(promised, WEDNESDAY_NOON) == "A promise for today: Call from the hotel."


def test_a_title_is_one_short_printable_line() -> None:
    facts = replace(CALM, promises_today=("Fix\nthe\x1b[31m gate " + "and more " * 20,))
    said = next_nudge(facts, WEDNESDAY_NOON)
    assert said is not None
    assert "\n" not in said and "\x1b" not in said and len(said) < 80
