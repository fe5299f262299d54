"""Drawing a question from the decks in the app, and starring favourites."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import OptionList, Static

from hearthside.domain.records import FavouriteQuestion
from hearthside.paths import package_resource
from hearthside.services import decks
from hearthside.store.store import Store
from hearthside.texts.library import Content
from hearthside.tui.rooms.draw import DrawScreen, FavouritesScreen
from hearthside.tui.rooms.today import TodayScreen
from tests.conftest import run, stored
from tests.tui.conftest import (
    FRESH_TERMINAL,
    SIZE,
    Make,
    opened,
    record_notices,
    screen_text,
    settle,
)


def shown(screen: DrawScreen) -> str:
    return str(screen.query_one("#draw-text", Static).render()).strip("“”")


async def test_draw_from_a_deck_at_a_depth_again_and_star_it(
    make: Make, welcomed: Path, content: Content
) -> None:
    app = make()
    notices = record_notices(app)
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await pilot.pause()
        screen = await opened(pilot, ["ctrl+p", *"Draw a question", "enter"], DrawScreen)
        assert shown(screen) in {q.text for q in content.questions}
        # The fourth deck in the list (after any and favourites) is the second in content.
        await pilot.press("down", "down", "down")
        deck = content.decks[1]
        await pilot.press("tab", "down", "down", "down")  # any, light, deeper, deep
        await pilot.pause()
        deep = {q.text for q in content.questions if q.deck == deck.id and q.depth == "deep"}
        first = shown(screen)
        assert first in deep
        assert f"{deck.title} · deep" in screen_text(app)
        await pilot.press("space")
        await pilot.pause()
        assert shown(screen) in deep and shown(screen) != first, "drawn again, not the same"
        await pilot.press("f")
        await settle(pilot)
        assert notices[-1] == ": Starred: it's among your favourite questions now."
        assert "★ a favourite" in screen_text(app)
        starred = shown(screen)
        await opened(pilot, ["escape"], TodayScreen)
    (favourite,) = stored(welcomed, FavouriteQuestion)
    question = next(q for q in content.questions if q.id == favourite.question)
    assert question.text == starred and favourite.date == "2026-11-25"
    assert starred in run("ask", "--favourites").output


async def test_favourites_are_listed_drawn_from_and_unstarred(
    make: Make, welcomed: Path, content: Content
) -> None:
    app = make()
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await pilot.pause()
        screen = await opened(pilot, ["ctrl+p", *"Draw a question", "enter"], DrawScreen)
        await pilot.press("down")  # your favourites: none yet
        await pilot.pause()
        assert "No favourites here yet: press f on a question to star it." in screen_text(app)
        await pilot.press("up")
        await pilot.pause()
        starred = shown(screen)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("down")
        await pilot.pause()
        assert shown(screen) == starred, "the one favourite is the one drawn"
        await pilot.press("escape")
        await settle(pilot)
        listing = await opened(pilot, ["ctrl+p", *"Favourite questions", "enter"], FavouritesScreen)
        assert starred in screen_text(app)
        assert listing.query_one(OptionList).option_count == 1
        await pilot.press("f")
        await settle(pilot)
        assert "No favourites yet." in screen_text(app)
    assert stored(welcomed, FavouriteQuestion) == []


async def test_question_text_is_never_read_as_markup(
    make: Make, welcomed: Path, tmp_path: Path
) -> None:
    own = tmp_path / "content"
    shutil.copytree(package_resource("content"), own)
    path = own / "questions.md"
    path.write_text(path.read_text().replace("What silly thing", "[bold]What[/] silly thing"))
    store = Store(welcomed)
    store.add(FavouriteQuestion(question="fun-2", date="2026-11-20"))
    store.close()
    app = make(content_dir=own)
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await pilot.pause()
        screen = await opened(pilot, ["ctrl+p", *"Draw a question", "enter"], DrawScreen)
        await pilot.press("down")  # your favourites: that one alone
        await pilot.pause()
        assert shown(screen) == "[bold]What[/] silly thing never fails to make you laugh?"
        await pilot.press("escape")
        await opened(pilot, ["ctrl+p", *"Favourite questions", "enter"], FavouritesScreen)
        assert "[bold]What[/] silly thing" in screen_text(app)


async def test_f_on_today_stars_todays_question_and_again_unstars_it(
    make: Make, welcomed: Path
) -> None:
    app = make()
    notices = record_notices(app)
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await pilot.pause()
        question = app.screen.query_one("#today-question-text", Static)
        assert "★" not in str(question.render())
        await pilot.press("f")
        await settle(pilot)
        assert str(question.render()).endswith("” ★")
        assert notices[-1] == ": Starred: it's among your favourite questions now."
        assert len(stored(welcomed, FavouriteQuestion)) == 1
        shown_today = str(question.render()).removesuffix(" ★").strip("“”")
        assert run("ask", "--favourites").output.startswith(f"“{shown_today}”")
        await pilot.press("f")
        await settle(pilot)
        assert "★" not in str(question.render())
        assert notices[-1] == ": Unstarred: no longer among your favourites."
    assert stored(welcomed, FavouriteQuestion) == []


async def test_a_strategy_in_the_guide_shows_the_decks_and_questions_that_serve_it(
    make: Make, welcomed: Path, tmp_path: Path
) -> None:
    own = tmp_path / "content"
    shutil.copytree(package_resource("content"), own)
    path = own / "questions.md"
    # Linking one question to strategy 3 in the content puts its deck on that page.
    path.write_text(
        path.read_text().replace(
            "{id: fun-2, depth: light, steps: [14]", "{id: fun-2, depth: light, steps: [14, 3]"
        )
    )
    served = decks.serving(Content(own), 3)
    app = make(content_dir=own)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        await pilot.press("down", "down")
        await pilot.pause()
        links = str(app.screen.query_one("#guide-links", Static).render())
        assert "Question decks for it" in links
        assert "Just for fun (1)" in links and "Noticing each other (" in links
        for question in served.few:
            assert f"• {question.text} ({question.depth})" in links
