"""The daily review's last step: what was recorded, today's streaks, an idea for tomorrow."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from hearthside.services.review.summary import ReviewSummary
from hearthside.texts import library
from hearthside.tui.widgets.day_lines import recorded_lines, streak_line


class SummaryView(VerticalScroll):
    """Shows "Saving…" until ``show`` is given the summary from ``review.finish``."""

    def compose(self) -> ComposeResult:
        yield Static("Today, recorded", classes="step-title")
        yield Static("Saving…", id="review-summary-recorded")
        yield Static("Streaks", classes="step-section")
        yield Static("", id="review-summary-streaks")
        yield Static("For tomorrow", classes="step-section")
        yield Static("", id="review-summary-suggestion")

    def show(self, summary: ReviewSummary, content: library.Content) -> None:
        question = summary.question.text if summary.question else None
        lines = recorded_lines(content, summary.answers, summary.figures, question=question)
        if not lines:
            lines = [Content("Nothing recorded today, and that's all right. Tomorrow is fresh.")]
        self.query_one("#review-summary-recorded", Static).update(Content("\n").join(lines))
        running = [streak_line(s) for s in summary.streaks if s.count]
        if not running:
            running = [Content("Every streak starts with one day. Tick one thing tomorrow.")]
        self.query_one("#review-summary-streaks", Static).update(Content("\n").join(running))
        idea = summary.suggestion
        if idea is None:
            text = Content("Every practice is on track lately. Keep doing what you're doing.")
        else:
            text = Content.assemble(
                Content(idea.text),
                (
                    f"\nfor {idea.practice.name.lower()}, from “{idea.step.number}. "
                    f"{idea.step.title}”",
                    "dim italic",
                ),
            )
        self.query_one("#review-summary-suggestion", Static).update(text)

    def show_problem(self, message: str) -> None:
        self.query_one("#review-summary-recorded", Static).update(Content(message))
