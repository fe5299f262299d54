"""Commands about keeping the practices going: logging one, noting a good or hard
moment, the week's figures, and pausing for travel or illness."""

from __future__ import annotations

import click

from hearthside.cli.context import app_context, home_option, say
from hearthside.domain import date_parsing
from hearthside.domain.printable import one_line
from hearthside.domain.wording import plural


@click.command()
@home_option
@click.argument("practice")
@click.option("--minutes", "-m", type=int, help="How long, for quality time.")
@click.option("--date", "-d", "day", metavar="DATE")
@click.option("--note", default="", help="A few words about it.")
def log(practice: str, minutes: int | None, day: str | None, note: str) -> None:
    """Record a practice: affection (hug, kiss), compliments, quality time, …"""
    from hearthside.services import practice_book
    from hearthside.services.practices import log_practice

    c = app_context()
    entry = log_practice(
        c.store, c.content, practice, minutes=minutes, day=day, note=note, today=c.today()
    )
    name = practice_book.name_of(c.store, c.content, entry.practice)
    extra = f", {entry.minutes} min" if entry.minutes else ""
    say(f"Logged {name.lower()} for {entry.date}{extra}.")


@click.command()
@home_option
@click.argument("sign", type=click.Choice(["+", "-"]))
@click.argument("text", required=False, default="")
@click.option("--date", "-d", "day", metavar="DATE")
@click.option(
    "--conflict",
    is_flag=True,
    help="It happened during a disagreement (it counts toward that ratio).",
)
def moment(sign: str, text: str, day: str | None, conflict: bool) -> None:
    """Record a positive (+) or negative (-) moment between you."""
    from hearthside.services.practices import add_moment, name_of

    c = app_context()
    record = add_moment(c.store, sign == "+", text, day=day, conflict=conflict, today=c.today())
    noted = f"Noted {name_of(c.store, c.content, record).lower()} on {record.date}."
    if not record.positive:
        noted += " Hard moments happen; a warm word later helps more than a perfect day."
    say(noted)


@click.command()
@home_option
@click.option("--week", "day", metavar="DATE", help="Any day in the week to show, or 'last week'.")
def stats(day: str | None) -> None:
    """This week's practices against their targets: the dashboard's numbers, as text."""
    import textwrap

    from hearthside.services.bids import rate_lines, study_line, week_of_bids
    from hearthside.services.stats import dashboard_view, load_index

    c = app_context()
    settings = c.store.settings()
    today = c.today()
    # A span's last day, so "last week" and "until nov 10" both land where meant.
    when = (
        date_parsing.parse_span(
            day, today=today, date_order=settings.date_order, week_start=settings.week_start
        )[1]
        if day
        else today
    )
    view = dashboard_view(
        load_index(c.store, c.content),
        c.content,
        when,
        today=today,
        week_start=settings.week_start,
    )
    say(f"Week of {view.start.isoformat()} to {view.end.isoformat()}")
    width = max(len(p.practice.name) for p in view.practices)
    for p in view.practices:
        mark = "✓" if p.met else "·"
        target = f"target: {p.practice.target.label}"
        say(
            f"  {mark} {p.practice.name:<{width}}  {p.label:<10} {target:<21} "
            f"strength {p.strength:>3}  {p.streak_label}".rstrip()
        )
    if view.paused_days:
        say(f"  Paused this week: {view.paused_days} of 7 days; streaks and strength wait for you.")
    if view.minutes:
        m = view.minutes
        say(f"  Time together: {m.total} min (floor {m.floor}, aim {m.aim}): {m.verdict}")
    if view.closeness[-1] is not None:
        say(f"  Closeness in your entries: {view.closeness[-1]:.1f} of 5")
    if view.checkins[-1] is not None:
        say(f"  Check-in: signs of drift at {view.checkins[-1]:.1f} of 4 (lower is calmer)")
    if view.six_hours:
        say(f"  Six hours: {view.six_hours.verdict}")
        say("    " + " · ".join(f"{p.part.name} {p.label}" for p in view.six_hours.parts))
    for r in (view.ratio, view.conflict_ratio):
        say(
            f"  Good to hard moments, {r.name.lower()}: {r.positive} to {r.negative} "
            f"({r.label}; aim {r.aim}:1) {r.verdict(this_week=view.is_current)}"
        )
    repair = view.conflict_ratio.repair or view.ratio.repair
    if repair:
        say(textwrap.fill(repair.hint, width=88, initial_indent="  ", subsequent_indent="  "))
        for step in repair.steps:
            say(f"    {step.number}. {step.title}  (hearthside guide {step.number})")
    bids = week_of_bids(c.store, when, week_start=settings.week_start)
    for line in rate_lines(bids, view.which_week):
        say(f"  {line}")
    say(textwrap.fill(study_line(), width=88, initial_indent="  ", subsequent_indent="  "))


@click.command()
@home_option
@click.argument("first", metavar="FROM")
@click.argument("last", metavar="TO")
@click.option("--reason", default="", help="A few words: travel, illness, a hard week…")
def pause(first: str, last: str, reason: str) -> None:
    """Pause the days FROM to TO: they won't break streaks or lower strength."""
    from hearthside.services.pauses import add_pause, pause_days

    added = add_pause(app_context().store, first, last, reason=reason)
    days = pause_days(added)
    why = f" ({one_line(added.reason, 60)})" if added.reason else ""
    say(
        f"Paused {added.start} to {added.end}, {plural('day', days)}{why}. "
        "Your streaks and strength will be waiting when you're back."
    )


@click.command()
@home_option
def pauses() -> None:
    """List the paused spans, the latest first."""
    from hearthside.services.pauses import list_pauses, pause_days

    found = list_pauses(app_context().store)
    if not found:
        say("No paused days yet. `hearthside pause FROM TO` sets some aside for travel or illness.")
        return
    for item in found:
        days = pause_days(item)
        plural = "s" if days != 1 else " "
        say(
            f"{item.start} to {item.end}  {item.short_id}  {days:>3} day{plural}  "
            f"{one_line(item.reason, 60)}".rstrip()
        )


COMMANDS: list[click.Command] = [log, moment, stats, pause, pauses]
