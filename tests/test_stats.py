"""The dashboard's numbers, told as weeks in one person's life, with fixed dates."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from hearthside.domain import periods
from hearthside.domain.records import Checkin, Entry, Moment, Note, NoteStatus, Pause, PracticeLog
from hearthside.errors import HearthsideError
from hearthside.paths import package_resource
from hearthside.services.habits import period_start
from hearthside.services.pauses import add_pause, list_pauses
from hearthside.services.practices import log_practice
from hearthside.services.stats import (
    DashboardView,
    PracticeProgress,
    StatsIndex,
    build_index,
    dashboard_view,
    load_index,
)
from hearthside.store.store import Store
from hearthside.texts.checks import check_all
from hearthside.texts.front_matter import ContentError
from hearthside.texts.library import Content
from tests.conftest import TODAY


def day(text: str) -> date:
    return date.fromisoformat(text)


def every_day(first: str, last: str) -> list[str]:
    start, end = day(first), day(last)
    return [(start + timedelta(days=n)).isoformat() for n in range((end - start).days + 1)]


def logs(practice: str, days: Iterable[str], minutes: int | None = None) -> list[PracticeLog]:
    return [PracticeLog(practice=practice, date=d, minutes=minutes) for d in days]


def view_of(
    content: Content,
    *,
    on: date = TODAY,
    today: date = TODAY,
    week_start: int = 0,
    **records: Sequence[Any],
) -> DashboardView:
    index = build_index(content.practices, **records)
    return dashboard_view(index, content, on, today=today, week_start=week_start)


def progress(view: DashboardView, practice: str) -> PracticeProgress:
    return next(p for p in view.practices if p.practice.id == practice)


@pytest.fixture
def edited_content(tmp_path: Path) -> Callable[..., Content]:
    """A private copy of the shipped content with practices.md edited as a user might."""
    root = tmp_path / "content"
    shutil.copytree(package_resource("content"), root)

    def edit(*changes: tuple[str, str]) -> Content:
        path = root / "practices.md"
        text = path.read_text(encoding="utf-8")
        for old, new in changes:
            assert old in text, old
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
        return Content(root)

    return edit


FORTNIGHTLY_TALKS = (
    "    target: weekly\n    aliases: [talk",
    "    target: every 2 weeks\n    aliases: [talk",
)
THREE_HUGS_A_WEEK = (
    "    target: daily\n    aliases: [hug",
    "    target: 3 per week\n    aliases: [hug",
)


# -- targets -----------------------------------------------------------------------


def test_daily_practices_count_days_done_out_of_the_days_so_far(content: Content) -> None:
    hugs = logs("affection", ["2026-11-23", "2026-11-25", "2026-11-25"])
    midweek = progress(view_of(content, logs=hugs), "affection")
    assert (midweek.done, midweek.needed, midweek.label) == (2, 3, "2/3 days")
    assert midweek.status == "open"
    assert (midweek.start, midweek.end) == (day("2026-11-23"), day("2026-11-29"))

    looking_back = progress(view_of(content, today=day("2026-12-02"), logs=hugs), "affection")
    assert (looking_back.label, looking_back.status) == ("2/7 days", "missed")


def test_weekly_practices_are_done_or_not_yet(content: Content) -> None:
    talks = logs("conversation", ["2026-11-23", "2026-11-24"])
    view = view_of(content, logs=talks)
    talked = progress(view, "conversation")
    assert talked.met and talked.label == "done ×2"
    together = progress(view, "quality-time")
    assert (together.label, together.status) == ("not yet", "open")


def test_targets_come_from_content(edited_content: Callable[..., Content]) -> None:
    content = edited_content(THREE_HUGS_A_WEEK)
    hugs = progress(
        view_of(content, logs=logs("affection", ["2026-11-23", "2026-11-24"])), "affection"
    )
    assert (hugs.label, hugs.unit, hugs.status) == ("2/3 times", "times", "open")


def test_a_monthly_practice_looks_at_the_whole_month(content: Content) -> None:
    gifts = logs("surprise", ["2026-11-03"])
    surprise = progress(view_of(content, logs=gifts), "surprise")
    assert surprise.met and (surprise.start, surprise.end) == (day("2026-11-01"), day("2026-11-30"))


# -- streaks and strength ------------------------------------------------------------


def test_a_streak_counts_days_in_a_row_and_today_does_not_break_it(content: Content) -> None:
    ten_days = logs("affection", every_day("2026-11-15", "2026-11-24"))
    assert progress(view_of(content, logs=ten_days), "affection").streak == 10
    hugged_today = ten_days + logs("affection", ["2026-11-25"])
    counted = progress(view_of(content, logs=hugged_today), "affection")
    assert (counted.streak, counted.streak_label) == (11, "11 days in a row")
    # Once the day is over without a hug, the streak starts again.
    next_day = progress(view_of(content, today=day("2026-11-26"), logs=ten_days), "affection")
    assert (next_day.streak, next_day.streak_label) == (0, "")


def test_strength_rises_with_practice(content: Content) -> None:
    hugs = logs("affection", every_day("2026-11-01", "2026-11-25"))
    index = build_index(content.practices, logs=hugs)
    strengths = [
        progress(dashboard_view(index, content, d, today=d, week_start=0), "affection").strength
        for d in map(day, every_day("2026-11-01", "2026-11-25"))
    ]
    assert strengths == sorted(strengths) and strengths[0] < strengths[-1]
    assert 0 < strengths[0] < 10 and strengths[-1] > 70


def test_a_long_streak_survives_one_miss_with_strength_still_high(content: Content) -> None:
    four_months = [d for d in every_day("2026-07-20", "2026-11-25") if d != "2026-11-24"]
    index = build_index(content.practices, logs=logs("affection", four_months))

    def opened_on(d: str) -> PracticeProgress:
        view = dashboard_view(index, content, day(d), today=day(d), week_start=0)
        return progress(view, "affection")

    before, forgot, next_day = (
        opened_on("2026-11-23"),
        opened_on("2026-11-24"),
        opened_on(TODAY.isoformat()),
    )
    assert before.strength >= 99 and before.streak == 127
    # While the forgotten day is still going, nothing is lost yet.
    assert (forgot.strength, forgot.streak) == (before.strength, before.streak)
    # Once it is over the streak starts again, but months of practice still show.
    assert next_day.streak == 1 and next_day.strength >= 90


def test_strength_fades_slowly_about_half_in_two_weeks(content: Content) -> None:
    three_months = logs("affection", every_day("2026-08-01", "2026-11-11"))
    faded = progress(view_of(content, logs=three_months), "affection")
    assert 40 <= faded.strength <= 55


def test_a_weekly_habit_survives_a_missed_week(content: Content) -> None:
    mondays = [d for d in every_day("2026-05-25", "2026-11-23")[::7] if d != "2026-11-16"]
    talked = progress(view_of(content, logs=logs("conversation", mondays)), "conversation")
    assert talked.streak == 1 and talked.strength >= 80


def test_this_weeks_open_period_does_not_lower_strength_or_break_the_streak(
    content: Content,
) -> None:
    mondays = every_day("2026-09-07", "2026-11-16")[::7]
    index = build_index(content.practices, logs=logs("conversation", mondays))
    last_week = dashboard_view(index, content, day("2026-11-16"), today=TODAY, week_start=0)
    this_week = dashboard_view(index, content, TODAY, today=TODAY, week_start=0)
    assert progress(this_week, "conversation").status == "open"
    assert progress(this_week, "conversation").streak == progress(last_week, "conversation").streak
    assert (
        progress(this_week, "conversation").strength == progress(last_week, "conversation").strength
    )


# -- paused days -----------------------------------------------------------------------


def test_paused_days_neither_break_streaks_nor_lower_strength(content: Content) -> None:
    hugs = logs("affection", [*every_day("2026-11-09", "2026-11-22"), "2026-11-25"])
    trip = [Pause(start="2026-11-23", end="2026-11-24", reason="work trip")]
    index = build_index(content.practices, logs=hugs, pauses=trip)

    def opened_on(d: str) -> PracticeProgress:
        view = dashboard_view(index, content, day(d), today=day(d), week_start=0)
        return progress(view, "affection")

    home_again = opened_on("2026-11-25")
    assert home_again.strength > opened_on("2026-11-24").strength
    assert opened_on("2026-11-24").strength == opened_on("2026-11-22").strength
    assert (home_again.label, home_again.status, home_again.streak) == ("1/1 days", "met", 15)
    assert [cell.paused for cell in home_again.heatmap[-7:]] == [True, True] + [False] * 5


def test_a_week_paused_throughout_is_skipped(content: Content) -> None:
    mondays = [d for d in every_day("2026-10-05", "2026-11-23")[::7] if d != "2026-11-16"]
    away = [Pause(start="2026-11-16", end="2026-11-22", reason="hospital")]
    view = view_of(content, logs=logs("conversation", mondays), pauses=away)
    talked = progress(view, "conversation")
    assert talked.streak == 7
    paused_week = view_of(content, on=day("2026-11-18"), pauses=away)
    assert progress(paused_week, "conversation").status == "paused"
    assert paused_week.paused_days == 7


def test_a_partly_paused_week_asks_for_less(edited_content: Callable[..., Content]) -> None:
    content = edited_content(THREE_HUGS_A_WEEK)
    away = [Pause(start="2026-11-26", end="2026-11-29")]
    hugs = progress(view_of(content, pauses=away), "affection")
    # Three a week, with four of seven days paused: ceil(3 x 3/7) = 2.
    assert hugs.label == "0/2 times"


def test_something_done_on_a_paused_day_still_counts(content: Content) -> None:
    away = [Pause(start="2026-11-23", end="2026-11-25")]
    hugs = progress(
        view_of(content, logs=logs("affection", ["2026-11-24"]), pauses=away), "affection"
    )
    assert (hugs.label, hugs.status, hugs.streak) == ("1/1 days", "met", 1)


# -- time together, the ratio, closeness and check-ins ----------------------------------------


def test_minutes_this_week_against_the_floor_and_aim(content: Content) -> None:
    dates_together = logs("quality-time", ["2026-11-23"], 70) + logs(
        "quality-time", ["2026-11-25"], 30
    )
    earlier = logs("quality-time", ["2026-11-04"], 45)
    minutes = view_of(content, logs=dates_together + earlier).minutes
    assert minutes is not None
    assert (minutes.total, minutes.floor, minutes.aim) == (100, 60, 120)
    assert minutes.verdict == "floor reached"
    assert len(minutes.series) == 12
    assert minutes.series[-1] == 100 and minutes.series[-4] == 45 and sum(minutes.series) == 145


def test_the_ratio_points_kindly_to_repair_when_hard_moments_outweigh_the_aim(
    content: Content,
) -> None:
    def moments(good: int, hard: int) -> list[Moment]:
        return [Moment(date="2026-11-24", positive=True, conflict=True) for _ in range(good)] + [
            Moment(date="2026-11-24", positive=False, conflict=True) for _ in range(hard)
        ]

    short = view_of(content, moments=moments(9, 2)).conflict_ratio
    assert (short.positive, short.negative, short.aim, short.met) == (9, 2, 5, False)
    assert short.label == "4.5:1"
    assert short.repair is not None and "apology" in short.repair.hint
    assert [s.number for s in short.repair.steps] == [8, 2]
    assert short.repair.steps[0].title == content.step(8).title

    balanced = view_of(content, moments=moments(10, 2)).conflict_ratio
    assert balanced.met and balanced.repair is None


def test_the_ratio_aim_comes_from_content(edited_content: Callable[..., Content]) -> None:
    content = edited_content(("  aim: 5", "  aim: 3"), ("everyday_aim: 20", "everyday_aim: 4"))
    good_and_hard = (True,) * 6 + (False,) * 2
    moments = [Moment(date="2026-11-24", positive=p, conflict=True) for p in good_and_hard]
    ratio = view_of(content, moments=moments).conflict_ratio
    assert ratio.aim == 3 and ratio.met
    everyday = [Moment(date="2026-11-24", positive=p) for p in (True,) * 7 + (False,) * 2]
    ratio = view_of(content, moments=everyday).ratio
    assert ratio.aim == 4 and not ratio.met


def test_content_without_an_everyday_aim_holds_the_one_aim_for_both(
    edited_content: Callable[..., Content],
) -> None:
    content = edited_content(("  everyday_aim: 20\n", ""))
    assert (content.ratio.aim, content.ratio.everyday_aim) == (5, 5)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("ratio:\n", "balance:\n"), "'ratio' is missing"),
        (("  aim: 5", "  aim: 0"), "'aim' must be 1 or more"),
        (("everyday_aim: 20", "everyday_aim: 0"), "'everyday_aim' must be 1 or more"),
        (("everyday_aim: 20", "everyday_aim: lots"), "'everyday_aim' is missing or not a whole"),
        (("  aim: 5", "  aim: lots"), "'aim' is missing or not a whole number"),
        (("repair_steps: [8, 2]", "repair_steps: eight"), "list of whole numbers"),
    ],
)
def test_a_broken_ratio_names_the_file_and_the_problem(
    edited_content: Callable[..., Content], change: tuple[str, str], message: str
) -> None:
    with pytest.raises(ContentError, match=message) as info:
        _ = edited_content(change).ratio
    assert "practices.md" in str(info.value)


def test_a_repair_step_that_does_not_exist_is_caught(
    edited_content: Callable[..., Content],
) -> None:
    content = edited_content(("repair_steps: [8, 2]", "repair_steps: [8, 99]"))
    assert any("strategy 99" in problem for problem in check_all(content))
    with pytest.raises(ContentError, match=r"practices\.md.*strategy 99"):
        view_of(content, moments=[Moment(date="2026-11-24", positive=False)])


def test_closeness_is_a_weekly_average_over_twelve_weeks(content: Content) -> None:
    entries = [
        Entry(date="2026-11-23", body="a", closeness=4),
        Entry(date="2026-11-24", body="b", closeness=2),
        Entry(date="2026-11-24", body="no rating"),
        Entry(date="2026-11-10", body="c", closeness=5),
    ]
    view = view_of(content, entries=entries)
    assert len(view.closeness) == 12 and view.weeks[-1] == day("2026-11-23")
    assert view.closeness[-1] == 3.0 and view.closeness[-3] == 5.0
    assert view.closeness[-2] is None


def test_the_check_in_trend_shows_weeks_with_a_check_in(content: Content) -> None:
    checkins = [
        Checkin(date="2026-11-22", ratings={"frequent-friction": 1, "thin-talk": 3}),
        Checkin(date="2026-11-15", ratings={"frequent-friction": 4, "thin-talk": 9}),
    ]
    trend = view_of(content, checkins=checkins).checkins
    # Weeks run Monday to Sunday, so the 22nd closes last week; 9 is off the scale.
    assert trend[-1] is None and trend[-2] == 2.0 and trend[-3] == 4.0
    assert trend[:-3] == (None,) * 9


# -- notes that count ---------------------------------------------------------------------


def test_delivered_gratitude_and_compliments_count_as_kind_words_on_the_day_given(
    content: Content,
) -> None:
    notes = [
        Note(
            kind="gratitude",
            text="t",
            date="2026-11-20",
            status=NoteStatus.DELIVERED,
            delivered_at="2026-11-23T21:05:00+01:00",
        ),
        Note(
            kind="compliment",
            text="c",
            date="2026-11-24",
            status=NoteStatus.DELIVERED,
            delivered_at="2026-11-24T08:00:00-05:00",
        ),
        Note(kind="compliment", text="still a draft", date="2026-11-25"),
        Note(
            kind="apology",
            text="a",
            date="2026-11-25",
            status=NoteStatus.DELIVERED,
            delivered_at="2026-11-25T09:00:00+01:00",
        ),
    ]
    kind_words = progress(view_of(content, notes=notes), "compliments")
    assert kind_words.label == "2/3 days"
    assert [cell.count for cell in kind_words.heatmap[-7:-4]] == [1, 1, 0]


def test_which_notes_count_is_up_to_content(edited_content: Callable[..., Content]) -> None:
    content = edited_content(
        ("counts_from_notes: [gratitude, compliment]", "counts_from_notes: []")
    )
    thanks = Note(
        kind="gratitude",
        text="t",
        date="2026-11-23",
        status=NoteStatus.DELIVERED,
        delivered_at="2026-11-23T21:05:00+01:00",
    )
    assert progress(view_of(content, notes=[thanks]), "compliments").done == 0


# -- the calendar -----------------------------------------------------------------------


def test_the_first_weekday_comes_from_settings(content: Content) -> None:
    hugs = logs("affection", ["2026-11-22"])
    sunday_first = view_of(content, week_start=6, logs=hugs)
    assert (sunday_first.start, sunday_first.end) == (day("2026-11-22"), day("2026-11-28"))
    assert progress(sunday_first, "affection").label == "1/4 days"
    monday_first = view_of(content, week_start=0, logs=hugs)
    assert progress(monday_first, "affection").label == "0/3 days"


def test_a_week_across_a_month_and_a_year_counts_all_seven_days(content: Content) -> None:
    new_year = every_day("2026-12-28", "2027-01-03")
    view = view_of(
        content, on=day("2026-12-31"), today=day("2027-01-10"), logs=logs("affection", new_year)
    )
    assert (view.start, view.end) == (day("2026-12-28"), day("2027-01-03"))
    assert progress(view, "affection").label == "7/7 days"
    assert progress(view, "affection").streak == 7
    # A past week that spans two months is judged in the month it ends in.
    surprise = progress(view, "surprise")
    assert (surprise.start, surprise.end) == (day("2027-01-01"), day("2027-01-31"))


def test_a_leap_day_is_a_day_like_any_other(content: Content) -> None:
    leap_week = every_day("2028-02-28", "2028-03-05")
    view = view_of(
        content, on=day("2028-02-29"), today=day("2028-03-05"), logs=logs("affection", leap_week)
    )
    assert progress(view, "affection").label == "7/7 days"
    assert [c.day.day for c in progress(view, "affection").heatmap[-7:]] == [28, 29, 1, 2, 3, 4, 5]
    february = view_of(
        content,
        on=day("2028-02-29"),
        today=day("2028-02-29"),
        logs=logs("surprise", ["2028-02-29"]),
    )
    assert progress(february, "surprise").end == day("2028-02-29")


def test_a_daylight_saving_week_still_has_seven_days(content: Content) -> None:
    # Europe moved its clocks on Sunday 29 March 2026; the stamps carry both offsets.
    week = every_day("2026-03-23", "2026-03-29")
    notes = [
        Note(
            kind="gratitude",
            text="t",
            date="2026-03-28",
            status=NoteStatus.DELIVERED,
            delivered_at="2026-03-29T01:30:00+01:00",
        ),
        Note(
            kind="compliment",
            text="c",
            date="2026-03-29",
            status=NoteStatus.DELIVERED,
            delivered_at="2026-03-29T23:30:00+02:00",
        ),
    ]
    view = view_of(
        content,
        on=day("2026-03-29"),
        today=day("2026-03-30"),
        logs=logs("affection", week) + logs("quality-time", ["2026-03-29"], 120),
        notes=notes,
    )
    assert progress(view, "affection").label == "7/7 days"
    assert progress(view, "compliments").heatmap[-1].count == 2
    assert view.minutes is not None and view.minutes.total == 120


def test_every_two_weeks_is_anchored_to_a_fixed_start_not_to_today(
    edited_content: Callable[..., Content],
) -> None:
    content = edited_content(FORTNIGHTLY_TALKS)
    talk = logs("conversation", ["2026-11-17"])
    seen = {
        progress(view_of(content, on=day("2026-11-17"), today=t, logs=talk), "conversation").start
        for t in map(day, ["2026-11-17", "2026-11-20", "2026-12-30", "2027-06-01"])
    }
    assert seen == {periods.period_bounds(day("2026-11-17"), "fortnight")[0]}
    (start,) = seen
    assert (start - periods.DEFAULT_ANCHOR).days % 14 == 0


def test_every_period_agrees_with_the_calendar_maths(content: Content) -> None:
    for ws in range(7):
        for period in ("day", "week", "fortnight", "month"):
            for d in map(day, every_day("2027-12-20", "2028-03-10")):
                expected = periods.period_bounds(d, period, week_start=ws)[0]
                assert period_start(d.toordinal(), period, ws) == expected.toordinal()


def test_a_log_for_a_past_day_counts_in_that_days_week_and_a_future_one_is_refused(
    store: Store, content: Content
) -> None:
    log_practice(store, content, "hug", day="2026-11-20", today=TODAY)
    with pytest.raises(HearthsideError, match="in the future"):
        log_practice(store, content, "hug", day="2026-11-26", today=TODAY)
    index = load_index(store, content)
    last_week = dashboard_view(index, content, day("2026-11-20"), today=TODAY, week_start=0)
    assert progress(last_week, "affection").done == 1
    assert (
        progress(dashboard_view(index, content, TODAY, today=TODAY, week_start=0), "affection").done
        == 0
    )


# -- moving through weeks -----------------------------------------------------------------


def test_moving_back_and_forward_returns_the_same_week(content: Content) -> None:
    index = build_index(
        content.practices, logs=logs("affection", every_day("2026-11-01", "2026-11-25"))
    )
    now = dashboard_view(index, content, TODAY, today=TODAY, week_start=0)
    back = dashboard_view(index, content, now.previous_week, today=TODAY, week_start=0)
    assert back.start == now.start - timedelta(weeks=1) and not back.is_current
    again = dashboard_view(index, content, back.next_week, today=TODAY, week_start=0)
    assert again == now and again.is_current


def test_the_heatmap_covers_twelve_weeks_and_knows_the_future(content: Content) -> None:
    cells = progress(view_of(content, logs=logs("affection", ["2026-09-07"])), "affection").heatmap
    assert len(cells) == 84
    assert (cells[0].day, cells[0].count) == (day("2026-09-07"), 1)
    assert cells[-1].day == day("2026-11-29")
    assert [c.future for c in cells[-7:]] == [False] * 3 + [True] * 4


def test_a_log_added_after_the_index_shows_at_once(content: Content) -> None:
    index = build_index(content.practices, logs=logs("affection", ["2026-11-23"]))
    before = progress(dashboard_view(index, content, TODAY, today=TODAY, week_start=0), "affection")
    index.add(PracticeLog(practice="affection", date="2026-11-25"))
    after = progress(dashboard_view(index, content, TODAY, today=TODAY, week_start=0), "affection")
    assert (before.done, after.done) == (1, 2)
    assert after.heatmap[-5].count == 1 and after.strength > before.strength


def test_the_index_refuses_records_it_does_not_count() -> None:
    from hearthside.domain.records import Milestone

    with pytest.raises(TypeError, match="milestones"):
        StatsIndex(()).add(Milestone(title="Anniversary", date="2026-06-01"))


def test_deleted_and_hand_mangled_records_are_left_out(content: Content) -> None:
    gone = PracticeLog(
        practice="affection", date="2026-11-24", deleted_at="2026-11-24T10:00:00+00:00"
    )
    mangled = PracticeLog(practice="affection", date="someday")
    odd_rating = Entry(date="2026-11-24", body="x", closeness=True)
    view = view_of(content, logs=[gone, mangled], entries=[odd_rating])
    assert progress(view, "affection").done == 0
    assert progress(view, "affection").strength == 0
    assert view.closeness[-1] is None


# -- pauses -------------------------------------------------------------------------------


def test_a_pause_is_saved_and_listed_latest_first(store: Store) -> None:
    add_pause(store, "2026-11-02", "2026-11-08", reason="  visiting\nmum  ", today=TODAY)
    add_pause(store, "2026-12-20", "2026-12-27", today=TODAY)
    found = list_pauses(store)
    assert [(p.start, p.end) for p in found] == [
        ("2026-12-20", "2026-12-27"),
        ("2026-11-02", "2026-11-08"),
    ]
    assert found[1].reason == "visiting mum"


@pytest.mark.parametrize(
    ("start", "end", "reason", "message"),
    [
        ("2026-11-08", "2026-11-02", "", "before it starts on 2026-11-08"),
        ("2026-01-01", "2027-06-01", "", "longer than a year"),
        ("flurb", "2026-11-02", "", 'Couldn\'t read "flurb"'),
        ("2026-11-02", "2026-11-03", "x" * 1_000_001, "over 1 MB"),
    ],
)
def test_a_bad_pause_says_what_to_fix_and_saves_nothing(
    store: Store, start: str, end: str, reason: str, message: str
) -> None:
    with pytest.raises(HearthsideError, match=message):
        add_pause(store, start, end, reason=reason, today=TODAY)
    assert list_pauses(store) == []
