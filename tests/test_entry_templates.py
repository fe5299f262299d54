"""Journal entry templates: written in content/entry-templates, found by name, and a
broken one refused with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from hearthside.errors import HearthsideError
from hearthside.texts.checks import check_all
from hearthside.texts.entry_templates import find_template
from hearthside.texts.front_matter import ContentError
from hearthside.texts.library import Content


def test_the_shipped_templates_each_have_a_name_a_title_and_prompts(content: Content) -> None:
    templates = content.entry_templates
    assert [t.id for t in templates] == [
        "hard-moment",
        "good-day",
        "before-a-hard-talk",
        "appreciated-this-week",
    ]
    assert all(t.name and t.title and len(t.prompts) >= 3 for t in templates)
    hard = templates[0]
    assert [p.heading for p in hard.prompts] == [
        "What happened",
        "My part",
        "The bid I missed",
        "The repair I'll offer",
    ]
    # The body starts with the prompts as headings; writing starts under the first.
    lines = hard.body.splitlines()
    assert lines[0] == "## What happened" and lines[hard.first_place] == ""
    assert "## The repair I'll offer" in hard.body


def test_a_template_is_found_by_id_name_or_the_start_of_either(content: Content) -> None:
    templates = content.entry_templates
    assert find_template(templates, "good-day").name == "A good day"
    assert find_template(templates, "before").id == "before-a-hard-talk"
    assert find_template(templates, "what i appr").id == "appreciated-this-week"
    with pytest.raises(HearthsideError, match=r"There is no entry template 'fight'.*hard-moment"):
        find_template(templates, "fight")
    with pytest.raises(HearthsideError, match="could mean"):
        find_template(templates, "a")  # "A good day", "After a hard moment"...


def test_a_broken_template_is_refused_with_its_name_and_line(own_copy: Path) -> None:
    path = own_copy / "entry-templates" / "good-day.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(n for n, line in enumerate(lines, 1) if line.startswith("title:"))
    path.write_text(path.read_text().replace("title: A good day", "title: [a, good, day]"))
    with pytest.raises(ContentError, match=rf"good-day\.md, line {at}: .*'title'"):
        _ = Content().entry_templates
    # Doctor says the same, among the other checks.
    assert any(f"good-day.md, line {at}" in p for p in check_all(Content()))


def test_words_before_the_first_prompt_are_refused_not_lost(own_copy: Path) -> None:
    path = own_copy / "entry-templates" / "good-day.md"
    text = path.read_text(encoding="utf-8").replace(
        "---\n\n## What we did", "---\n\nWrite about the day.\n\n## What we did"
    )
    path.write_text(text)
    at = text.splitlines().index("Write about the day.") + 1
    with pytest.raises(ContentError, match=rf"good-day\.md, line {at}: text before"):
        _ = Content().entry_templates


def test_a_template_without_prompts_or_a_name_is_refused(own_copy: Path) -> None:
    path = own_copy / "entry-templates" / "good-day.md"
    front = path.read_text(encoding="utf-8").split("\n---\n")[0]
    path.write_text(front + "\n---\n")
    with pytest.raises(ContentError, match=r"good-day\.md: expected the prompts as '## '"):
        _ = Content().entry_templates
    path.write_text("---\ntitle: A good day\n---\n\n## What we did\n")
    with pytest.raises(ContentError, match=r"good-day\.md, line 1: .*'name' is missing"):
        _ = Content().entry_templates
