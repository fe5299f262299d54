"""The shipped content loads, links up, and broken files say exactly what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from hearthside.domain.targets import Target, parse_target
from hearthside.errors import HearthsideError
from hearthside.texts.checks import check_all
from hearthside.texts.front_matter import ContentError, line_of
from hearthside.texts.library import Content


def test_the_shipped_content_is_complete(content: Content) -> None:
    assert [s.number for s in content.steps] == list(range(1, 16))
    assert [p.id for p in content.practices] == [
        "affection",
        "compliments",
        "quality-time",
        "conversation",
        "surprise",
    ]
    assert len(content.signs) == 5
    assert len(content.questions) >= 60
    assert len(content.faq) >= 5
    assert {k.id for k in content.note_kinds} >= {
        "gratitude",
        "compliment",
        "apology",
        "encouragement",
    }
    assert check_all(content) == []


def test_every_note_kind_has_eight_templates_that_pass_its_own_hints(content: Content) -> None:
    from hearthside.services.notes import gentle_hints

    assert [k.id for k in content.note_kinds] == [
        "gratitude",
        "compliment",
        "apology",
        "encouragement",
        "need",
    ]
    for kind in content.note_kinds:
        assert len(kind.templates) >= 8, kind.id
        for template in kind.templates:
            # A template is the project's own example: it shouldn't earn its own hint.
            assert [h for h in kind.hints if h.pattern.search(template.text)] == [], template.name
            assert "{" not in template.text.replace("{spouse}", "").replace("{me}", "").replace(
                "{date}", ""
            ), template.name
    need = content.note_kind("need")
    assert gentle_hints(need, need.templates[0].text) == []


@pytest.mark.parametrize(
    ("text", "caught"),
    [
        ("You always leave the dishes for me and I'm tired of it", "You always"),
        ("YOU ALWAYS work late on Fridays", "You always"),
        ("You never ask me how my day was, and I miss that", "You never"),
        ("I feel like you never listen when I talk about work", "You never"),
        # Warm words aren't a verdict.
        ("You always make me laugh, and I'd love more evenings like that", None),
        ("You never fail to cheer me up; I'd love a walk with you tonight", None),
        ("I feel lonely in the evenings; I'd love us to eat together more", None),
    ],
)
def test_need_hints_catch_always_and_never(content: Content, text: str, caught: str | None) -> None:
    need = content.note_kind("need")
    found = [h.message for h in need.hints if h.pattern.search(text)]
    if caught is None:
        assert found == []
    else:
        [message] = found
        assert message.startswith(f'"{caught}"') and "one" in message and "love" in message


def test_targets_come_from_content(content: Content) -> None:
    quality = content.practice("quality-time")
    assert quality.target == Target("week", 1)
    assert (quality.minutes_floor, quality.minutes_aim) == (60, 120)
    assert content.practice("affection").target == Target("day", 1)


def test_practices_resolve_by_alias_and_prefix(content: Content) -> None:
    assert content.practice("hug").id == "affection"
    assert content.practice("KISS").id == "affection"
    assert content.practice("qual").id == "quality-time"
    with pytest.raises(HearthsideError, match="Choose one of"):
        content.practice("juggling")


def test_apology_hints_live_in_content(content: Content) -> None:
    apology = content.note_kind("apology")
    assert any(h.pattern.search("sorry, but") for h in apology.hints)
    assert any(h.pattern.search("If you hadn't") for h in apology.hints)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("daily", Target("day", 1)),
        ("weekly", Target("week", 1)),
        ("every 2 weeks", Target("fortnight", 1)),
        ("3 per week", Target("week", 3)),
        ("Monthly", Target("month", 1)),
    ],
)
def test_target_forms(text: str, expected: Target) -> None:
    assert parse_target(text) == expected


def test_unknown_target_is_refused() -> None:
    with pytest.raises(HearthsideError, match="not a target"):
        parse_target("whenever")


def test_hearthside_content_points_at_a_users_copy(own_copy: Path) -> None:
    practices = own_copy / "practices.md"
    practices.write_text(practices.read_text().replace("target: monthly", "target: 2 per month"))
    assert Content().practice("surprise").target == Target("month", 2)


def test_bad_yaml_names_the_file_and_line(own_copy: Path) -> None:
    path = own_copy / "signs.md"
    lines = path.read_text().splitlines()
    lines[3] = "  - id: [unclosed"
    path.write_text("\n".join(lines))
    with pytest.raises(ContentError) as info:
        _ = Content().signs
    assert "signs.md" in str(info.value) and "line" in str(info.value)


def test_a_missing_field_names_the_field(own_copy: Path) -> None:
    path = own_copy / "practices.md"
    path.write_text(path.read_text().replace("target: daily", "tempo: daily", 1))
    with pytest.raises(ContentError, match="practice 1: 'target' is missing") as info:
        _ = Content().practices
    assert "practices.md" in str(info.value)


def test_a_bad_target_says_what_forms_work(own_copy: Path) -> None:
    path = own_copy / "practices.md"
    path.write_text(path.read_text().replace("target: weekly", "target: sometimes", 1))
    with pytest.raises(ContentError, match="N per day"):
        _ = Content().practices


def test_no_front_matter_is_refused(own_copy: Path) -> None:
    (own_copy / "faq.md").write_text("# Just a heading\n")
    with pytest.raises(ContentError, match="front matter"):
        _ = Content().faq


def test_a_missing_file_is_named(own_copy: Path) -> None:
    (own_copy / "questions.md").unlink()
    with pytest.raises(ContentError, match=r"questions\.md: the file is missing"):
        _ = Content().questions


def test_a_bad_hint_pattern_is_refused(own_copy: Path) -> None:
    path = own_copy / "templates" / "apology.md"
    path.write_text(path.read_text().replace('pattern: "\\\\bbut\\\\b"', 'pattern: "(unclosed"'))
    with pytest.raises(ContentError, match="not a valid pattern"):
        _ = Content().note_kinds


def test_a_missing_content_folder_is_explained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HEARTHSIDE_CONTENT", str(tmp_path / "nowhere"))
    with pytest.raises(HearthsideError, match="doesn't exist"):
        Content()


def test_every_milestone_kind_has_suggestions_of_its_own(content: Content) -> None:
    kinds = {k.id: k.suggestions for k in content.milestone_kinds}
    assert set(kinds) == {"anniversary", "birthday", "event"}
    assert all(kinds.values())
    texts = [text for words in kinds.values() for text in words]
    assert len(set(texts)) == len(texts)


def test_a_milestone_kind_without_suggestions_is_refused_with_its_line(own_copy: Path) -> None:
    path = own_copy / "milestones.md"
    lines = path.read_text().splitlines()
    birthday = next(n for n, line in enumerate(lines, 1) if "id: birthday" in line)
    text = path.read_text()
    start = text.index("  - id: birthday")
    path.write_text(text[:start] + text[start:].replace("    suggestions:", "    ideas:", 1))
    with pytest.raises(ContentError) as info:
        _ = Content().milestone_kinds
    assert "milestones.md" in str(info.value) and "kind 2: 'suggestions'" in str(info.value)
    assert info.value.line == birthday


def test_an_unknown_placeholder_in_a_suggestion_is_refused(own_copy: Path) -> None:
    path = own_copy / "milestones.md"
    text = path.read_text().replace("{title} is tomorrow. Take on", "{name} is tomorrow. Take on")
    path.write_text(text)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "{name}" in row)
    with pytest.raises(ContentError, match=r"\{name\}") as info:
        _ = Content().milestone_kinds
    assert info.value.line == line and "milestones.md" in str(info.value)


def test_a_milestone_kind_with_an_empty_suggestion_list_is_refused(own_copy: Path) -> None:
    path = own_copy / "milestones.md"
    text = path.read_text()
    start = text.index("  - id: event")
    event = text[start : text.index("---", start)]
    path.write_text(text.replace(event, "  - id: event\n    label: Event\n    suggestions: []\n"))
    with pytest.raises(ContentError, match="kind 3: 'suggestions'"):
        _ = Content().milestone_kinds


def test_every_question_belongs_to_a_love_map_topic(content: Content) -> None:
    topics = {t.id for t in content.lovemap_topics}
    assert len(topics) >= 10
    assert {q.topic for q in content.questions} <= topics
    assert content.lovemap_topic("Their fav").id == "favourites"


def test_a_question_naming_an_unknown_topic_is_refused_with_its_line(own_copy: Path) -> None:
    path = own_copy / "questions.md"
    path.write_text(path.read_text().replace("topic: dreams", "topic: hobbies", 1))
    with pytest.raises(ContentError, match=r"questions\.md.*line \d+.*'hobbies'.*favourites"):
        _ = Content().questions


def test_a_question_deep_in_its_deck_without_a_depth_is_refused_at_its_own_line(
    own_copy: Path,
) -> None:
    path = own_copy / "questions.md"
    path.write_text(path.read_text().replace("{id: fun-7, depth: light, ", "{id: fun-7, "))
    with pytest.raises(ContentError, match="question 7: 'depth' is missing") as info:
        _ = Content().questions
    assert info.value.line == line_of(path, "id: fun-7")


def test_an_ambiguous_or_unknown_topic_lists_the_topics(content: Content) -> None:
    with pytest.raises(HearthsideError, match="isn't a love-map topic; use one of: on-their-mind"):
        content.lovemap_topic("f")


def test_a_six_hours_part_naming_no_practice_is_refused_with_its_line(own_copy: Path) -> None:
    path = own_copy / "six-hours.md"
    path.write_text(path.read_text().replace("practice: reunions", "practice: reunion", 1))
    with pytest.raises(ContentError, match="part 2 counts practice 'reunion'") as info:
        _ = Content().six_hours
    assert info.value.line == line_of(path, "practice: reunion")
    assert any("six-hours.md" in p for p in check_all(Content()))


def test_a_six_hours_practice_that_clashes_with_the_seed_is_refused(own_copy: Path) -> None:
    path = own_copy / "six-hours.md"
    path.write_text(path.read_text().replace("[goodbye, parting, leaving]", "[goodbye, hug]"))
    with pytest.raises(ContentError, match="answers to 'hug'"):
        _ = Content().six_hours
