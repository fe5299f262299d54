"""Commands about the days: today's question, answered as the app answers it, and
looking back at a past day's review."""

from __future__ import annotations

import click

from hearthside.cli.context import app_context, home_option, say
from hearthside.errors import HearthsideError


@click.command()
@home_option
@click.option(
    "--talked", "outcomes", flag_value="talked", multiple=True, help="We talked about it."
)
@click.option("--skip", "outcomes", flag_value="skip", multiple=True, help="Skip it for today.")
@click.option("--later", "outcomes", flag_value="later", multiple=True, help="Keep it for later.")
def question(outcomes: tuple[str, ...]) -> None:
    """Today's question to talk about together; --talked also logs a real conversation."""
    from hearthside.services import prompts
    from hearthside.services.review import session as review

    if len(set(outcomes)) > 1:
        raise HearthsideError("Give one answer at a time: --talked, --skip or --later.")
    c = app_context()
    today = c.today()
    if outcomes == ():
        state = review.start(c.store, c.content, today=today)
        if state.question is None:
            say("There are no questions in the content folder yet.")
            return
        say(f"Today's question ({state.question.theme}):")
        say(f"  “{state.question.text}”")
        answered = review.answered(state)
        say(prompts.OUTCOME_WORDS.get(answered, "Answer it with --talked, --skip or --later."))
    elif outcomes[0] == prompts.TALKED:
        talked = review.talked_about(c.store, c.content, today=today)
        say(talked.message)
        asked = review.start(c.store, c.content, today=today).question
        if talked.before != prompts.TALKED and asked is not None:
            say(f'Learned something about them? hearthside learned {asked.topic} "…"')
    else:
        state = review.start(c.store, c.content, today=today)
        review.save_question(c.store, c.content, state, outcomes[0])
        say(prompts.OUTCOME_WORDS[outcomes[0]])


@click.command()
@home_option
@click.option(
    "--day", "-d", metavar="DATE", help="The day to look back on (the latest by default)."
)
def review(day: str | None) -> None:
    """A past day's daily review, and the reviewed days either side of it."""
    from hearthside.domain import date_words, validation
    from hearthside.services.review import past

    c = app_context()
    today = c.today()
    if day is None:
        when = past.latest_day(c.store, today=today)
    else:
        when = validation.user_date(day, c.store.settings(), today=today)
    shown = past.past_day(c.store, c.content, when, today=today)
    say(shown.title)
    for line in shown.words:
        say(line)
    for label, other in (("Earlier", shown.earlier), ("Later", shown.later)):
        if other is not None:
            say(f"{label}: {date_words.full_day(other)} (--day {other.isoformat()})")


COMMANDS: list[click.Command] = [question, review]
