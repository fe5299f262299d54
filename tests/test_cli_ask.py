"""`hearthside ask`: a question from a deck at a depth, and the favourites."""

from __future__ import annotations

from pathlib import Path

from hearthside.services import decks
from hearthside.store.store import Store
from hearthside.texts.library import Content
from tests.conftest import disk_state, run


def asked(*args: str) -> tuple[str, str]:
    """The question `ask` printed, and the line under it."""
    result = run("ask", *args)
    assert result.exit_code == 0, result.output
    question, about = result.output.splitlines()
    return question.strip("“”"), about.strip()


def test_ask_draws_from_the_deck_and_depth_named_by_their_start(
    private_home: Path, content: Content
) -> None:
    pool = {q.text: q for q in decks.matching(content, "little-things", "deep")}
    for _ in range(5):
        text, about = asked("--deck", "LITTLE", "--depth", "deep")
        assert text in pool
        assert about == f"The little things · deep · {pool[text].id}"
    anything, _about = asked()
    assert anything in {q.text for q in content.questions}


def test_a_deck_or_depth_not_known_is_refused_with_the_choices(private_home: Path) -> None:
    before = disk_state(private_home)
    result = run("ask", "--deck", "cards")
    assert result.exit_code == 2
    assert result.output == (
        "hearthside: 'cards' isn't one of the decks; use one of: dreams, memories, everyday, "
        "appreciation, feelings, future, fun, unspoken, support, meaning, little-things.\n"
    )
    result = run("ask", "--depth", "d")
    assert result.exit_code == 2
    assert "'d' could mean more than one of the depths; use one of: light, deeper, deep." in (
        result.output
    )
    assert disk_state(private_home) == before, "nothing written"


def test_favourites_are_listed_newest_first_and_by_deck(
    private_home: Path, content: Content
) -> None:
    assert "No favourites yet." in run("ask", "--favourites").output
    by_id = {q.id: q for q in content.questions}
    store = Store(private_home)
    for ref in ("fun-2", "dreams-9", "fun-13"):
        decks.toggle_favourite(store, by_id[ref])
    store.close()
    lines = run("ask", "--favourites").output.splitlines()
    assert lines[::2] == [f"“{by_id[r].text}”" for r in ("fun-13", "dreams-9", "fun-2")]
    assert lines[1].strip() == "Just for fun · deep · fun-13"
    only_fun = run("ask", "--favourites", "--deck", "fun", "--depth", "light").output
    assert only_fun == f"“{by_id['fun-2'].text}”\n  Just for fun · light · fun-2\n"
    none_there = run("ask", "--favourites", "--deck", "little").output
    assert none_there == "None of your favourites is in that deck at that depth.\n"


def test_ask_is_listed_with_the_practices_in_help(private_home: Path) -> None:
    help_text = run("--help").output
    practices = help_text.split("Practices:")[1].split("Notes:")[0]
    assert "ask" in practices and "A question to ask each other" in practices


def test_the_guide_names_a_strategys_decks_and_how_to_draw_from_them(
    private_home: Path, content: Content
) -> None:
    page = run("guide", "6").output
    served = decks.serving(content, 6)
    first, count = served.decks[0]
    assert f"Question decks for it: {first.title} ({count})," in page
    for question in served.few:
        assert f"  - {question.text} ({question.depth})" in page
    assert page.endswith(f"Draw one with: hearthside ask --deck {first.id}\n")
