"""The evening of 36 questions in content: three sets of twelve, and a broken file
refused with its name and line, by the loader and by doctor."""

from __future__ import annotations

from pathlib import Path

import pytest

from hearthside.texts.checks import check_all
from hearthside.texts.front_matter import ContentError, line_of
from hearthside.texts.library import Content
from tests.conftest import run


def test_thirty_six_questions_in_three_sets_of_twelve(content: Content) -> None:
    evening = content.thirty_six
    assert [len(s.questions) for s in evening.sets] == [12, 12, 12]
    assert len(set(evening.questions)) == 36
    assert all(q.endswith("?") for q in evening.questions)
    assert evening.minutes == 45
    assert "1997" in evening.intro and "Aron" in evening.intro
    assert "eye contact" in evening.intro and "optional" in evening.intro
    # The project's own words: none of the study's best-known lines.
    words = " ".join(evening.questions).lower()
    for theirs in ("dinner guest", "perfect day", "crystal ball", "telephone call", "famous"):
        assert theirs not in words


def test_a_set_short_of_a_question_is_refused_with_its_line(own_copy: Path) -> None:
    path = own_copy / "thirty-six.md"
    text = path.read_text(encoding="utf-8")
    dropped = "      - What does home mean to you?\n"
    assert dropped in text
    path.write_text(text.replace(dropped, ""), encoding="utf-8")
    second_set = line_of(path, "title: Letting each other in")
    assert second_set is not None
    with pytest.raises(ContentError) as info:
        _ = Content().thirty_six
    assert str(info.value) == (
        f"Content file {path}, line {second_set + 1}: set 2: 'questions' should be 12 "
        "questions with words; found 11."
    )
    # doctor says the same, and the command line refuses rather than shows a traceback.
    assert any("found 11" in p for p in check_all(Content()))
    sick = run("doctor")
    assert "thirty-six.md, line" in sick.output and "Traceback" not in sick.output


def test_a_fourth_set_is_refused_at_the_sets_line(own_copy: Path) -> None:
    path = own_copy / "thirty-six.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "  - title: Going deeper",
            "  - title: Extra\n    questions: [a]\n  - title: Going deeper",
        ),
        encoding="utf-8",
    )
    with pytest.raises(ContentError, match=r"thirty-six\.md, line \d+: 'sets' should hold 3 sets"):
        _ = Content().thirty_six
