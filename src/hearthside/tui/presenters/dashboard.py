"""The Dashboard's words: a week's figures put into the lines its panes show.

Each function takes figures the services worked out (``DashboardView`` and its
parts) and returns styled text; the room only puts it on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.content import Content

from hearthside.domain import date_words, periods
from hearthside.services.plans import FollowThrough
from hearthside.services.stats import DashboardView, Minutes
from hearthside.tui.widgets.gauge import spark

DIM = "$foreground 60%"


def day_phrase(day: date, today: date, *, short: bool = False) -> str:
    if day == today:
        return "today"
    return date_words.short_day(day) if short else date_words.long_day(day)


def on_day(day: date, today: date) -> str:
    """'today', or 'on Tuesday 3 November': when a log will count, asked in a sentence."""
    phrase = day_phrase(day, today)
    return phrase if phrase == "today" else f"on {phrase}"


def logged_notice(name: str, when: str, minutes: int | None) -> str:
    extra = f", {minutes} min" if minutes else ""
    return f"Logged {name.lower()} for {when}{extra}. u takes it back; L lists the week's."


def moment_notice(positive: bool, when: str) -> str:
    if positive:
        return f"Noted a good moment for {when}."
    return (
        f"Noted a hard moment for {when}. Hard moments happen; "
        "a warm word later helps more than a perfect day."
    )


def week_heading(view: DashboardView, today: date, week_start: int) -> str:
    weeks = (periods.week_start_of(today, week_start) - view.start).days // 7
    when = "This week" if weeks == 0 else "Last week" if weeks == 1 else f"{weeks} weeks ago"
    return f"{when} · {date_words.long_span(view.start, view.end)}"


def minutes_line(m: Minutes, which_week: str) -> Content:
    reached = m.total >= m.floor
    return Content.assemble(
        (f"{m.total} min", "bold"),
        (f" {which_week}  ", DIM),
        (m.verdict, "$success" if reached else "$accent"),
    )


def minutes_marks(m: Minutes) -> tuple[tuple[int, str], ...]:
    """The floor and the aim, where the gauge marks them (none at zero)."""
    marks = {m.floor: f"floor {m.floor}", m.aim: f"aim {m.aim}"}
    return tuple((at, label) for at, label in sorted(marks.items()) if at)


def minutes_spark(m: Minutes, rows: int = 1) -> Content:
    lines = spark(m.series, low=0, high=max(m.aim, *m.series), rows=rows)
    return beside(Content.styled(f"{len(m.series)} weeks  ", DIM), lines)


def beside(label: Content, lines: list[Content], after: Content | None = None) -> Content:
    """A spark of one or more lines with the label (and ``after``) on its last line."""
    pad = Content(" " * label.cell_length)
    shown = [pad + line for line in lines[:-1]]
    shown.append(label + lines[-1] + (after or Content()))
    return Content("\n").join(shown)


def trend_line(
    label: str,
    series: Sequence[float | None],
    scale: int,
    which_week: str,
    low: int = 1,
    rows: int = 1,
) -> Content:
    """The weeks shown of a rating as a spark, and the week in view's figure."""
    now = series[-1]
    figure = Content.assemble(
        "  ",
        (f"{now:.1f} of {scale} " if now is not None else "none ", DIM),
        (which_week, DIM),
    )
    lines = spark(series, low=low, high=scale, rows=rows)
    return beside(Content.styled(f"{label:<16}", "bold"), lines, figure)


def closeness_line(view: DashboardView, rows: int = 1) -> Content:
    if any(v is not None for v in view.closeness):
        return trend_line("Closeness", view.closeness, 5, view.which_week, rows=rows)
    return Content.assemble(
        (f"{'Closeness':<16}", "bold"),
        ("Rate closeness (1–5) in a journal entry and it shows here.", DIM),
    )


def drift_line(view: DashboardView, rows: int = 1) -> Content | None:
    """None when no check-in falls in the weeks shown."""
    if all(v is None for v in view.checkins):
        return None
    calmer = Content.styled("  (lower is calmer)", DIM)
    return trend_line("Signs of drift", view.checkins, 4, view.which_week, 0, rows) + calmer


def promises_line(kept: FollowThrough) -> Content | None:
    """None when no promise has been due yet."""
    if kept.rate is None:
        return None
    return Content.assemble(
        (f"{'Promises kept':<16}", "bold"),
        (f"{kept.done} of {kept.due}", "bold $primary"),
        (f"  ({kept.rate:.0%}) over the last 8 weeks", DIM),
    )
