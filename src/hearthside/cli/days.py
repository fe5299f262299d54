"""Commands about the days: today's question, answered as the app answers it."""

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
        say(review.talked_about(c.store, c.content, today=today).message)
    else:
        state = review.start(c.store, c.content, today=today)
        review.save_question(c.store, c.content, state, outcomes[0])
        say(prompts.OUTCOME_WORDS[outcomes[0]])


COMMANDS: list[click.Command] = [question]
