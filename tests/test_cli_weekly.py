"""``hearthside weekly``: the agenda, the talk marked held (once a week, however often
it is said), the agenda saved to print with the user's words shown as typed, and bad
input refused with nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from hearthside.domain.records import Commitment, PracticeLog, WeeklyTalk
from tests.conftest import Clock, disk_state, run, stored
from tests.trust.hostile import PAYLOADS

MARKUP = "[bold]x[/] <b>loud</b> **shout** & #1"


def test_the_agenda_shows_the_four_parts(clock: Clock, private_home: Path) -> None:
    # `moment` and `log` read the wall's clock for today, so they are given the day.
    run("moment", "+", "Laughed over dinner", "--date", "2026-11-25")
    run("moment", "-", "Snapped about the bins", "--date", "2026-11-25")
    run("log", "compliments", "--note", "Said the garden looks lovely", "--date", "2026-11-25")
    shown = run("weekly")
    assert shown.exit_code == 0, shown.output
    lines = shown.output.splitlines()
    assert lines[0] == "A weekly talk · The week of 23–29 November 2026"
    for part in ("1. Appreciations", "2. What went well", "3. One thing", "4. Closing"):
        assert any(line.startswith(part) for line in lines), part
    assert "  · Wed 25 Nov · A good moment: Laughed over dinner" in lines
    assert "  · Wed 25 Nov · Kind words: Said the garden looks lovely" in lines
    assert "  · Wed 25 Nov · A hard moment: Snapped about the bins" in lines
    assert "No close days or kept promises written down this week." in shown.output
    assert "  What would make you feel loved in the coming week?" in lines
    assert 'hearthside weekly --held --issue "…" --answer "…"' in shown.output


def test_held_logs_the_conversation_once_however_often_it_is_said(
    clock: Clock, private_home: Path
) -> None:
    held = run("weekly", "--held", "--issue", "Money", "--answer", "Breakfast in bed")
    assert held.exit_code == 0, held.output
    assert held.output.splitlines()[:2] == [
        "Held on Wednesday 25 November: it counts as the week's real conversation.",
        "  Talked through: Money",
    ]
    assert "Your promise, by Wednesday 2 December: Breakfast in bed" in held.output
    again = run("weekly", "--held", "--answer", "Breakfast, with tea", "--date", "yesterday")
    assert again.exit_code == 0, again.output
    (talk,) = stored(private_home, WeeklyTalk)
    assert (talk.held, talk.issue, talk.answer) == ("2026-11-24", "Money", "Breakfast, with tea")
    (log,) = stored(private_home, PracticeLog)
    assert (log.practice, log.date) == ("conversation", "2026-11-24")
    assert [c.title for c in stored(private_home, Commitment)] == ["Breakfast, with tea"]
    assert "Real conversation    done" in run("stats").output
    assert "Held on Tuesday 24 November." in run("weekly").output


def test_escapes_in_the_weeks_words_reach_the_terminal_as_harmless_text(
    clock: Clock, private_home: Path
) -> None:
    run("moment", "-", f"Bins {PAYLOADS['title']}", "--date", "2026-11-25")
    before = run("weekly")
    held = run("weekly", "--held", "--issue", f"Money {PAYLOADS['clear']}")
    after = run("weekly")
    for printed in (before.output, held.output, after.output):
        assert "\x1b" not in printed
    assert "Bins \\x1b]0;PWNED\\x07" in before.output
    assert "To talk through: Money \\x1b[2J\\x1b[H" in after.output


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_printed_agenda_shows_the_users_words_as_typed(
    clock: Clock, private_home: Path, tmp_path: Path, fmt: str
) -> None:
    run("moment", "-", MARKUP, "--date", "2026-11-25")
    run("weekly", "--held", "--answer", MARKUP)
    out = tmp_path / f"agenda.{fmt}"
    saved = run("weekly", "--print", fmt, "-o", str(out))
    assert saved.exit_code == 0, saved.output
    assert saved.output == f"Saved the agenda to {out}.\n"
    text = out.read_text(encoding="utf-8")
    assert "<b>loud</b>" not in text
    html = text if fmt == "html" else MarkdownIt("commonmark").render(text)
    assert html.count("[bold]x[/] &lt;b&gt;loud&lt;/b&gt; **shout** &amp; #1") == 2
    assert "What would make you feel loved in the coming week?" in html
    assert out.stat().st_mode & 0o777 == 0o600
    # The same file again needs --force.
    assert run("weekly", "--print", fmt, "-o", str(out)).exit_code == 2
    assert run("weekly", "--print", fmt, "-o", str(out), "--force").exit_code == 0


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--issue", "Money"], "--issue go with --held"),
        (["--answer", "A walk", "--date", "today"], "--answer and --date go with --held"),
        (["--held", "--print", "md"], "Use --held or --print, one at a time"),
        (["-o", "agenda.md"], "-o and --force go with --print"),
        (["--held", "--date", "next friday"], "is in the future"),
        (["--held", "--date", "the day after never"], "date"),
        (["--print", "pdf"], "'pdf' is not one of 'md', 'html'"),
    ],
)
def test_bad_input_exits_2_and_writes_nothing(
    clock: Clock, private_home: Path, args: list[str], said: str
) -> None:
    run("add", "Already here.")
    before = disk_state(private_home)
    result = run("weekly", *args)
    assert result.exit_code == 2, result.output
    assert said in result.output and "Traceback" not in result.output
    assert disk_state(private_home) == before
    assert not (private_home / "exports").exists()
