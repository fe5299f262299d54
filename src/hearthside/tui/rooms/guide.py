"""The Guide room: the fifteen strategies, and the questions people ask."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from hearthside.errors import HearthsideError
from hearthside.services import decks
from hearthside.texts.items import Step
from hearthside.tui.rooms.base import Room
from hearthside.tui.widgets.keys_footer import KeysFooter
from hearthside.tui.widgets.markdown_text import MarkdownText

FAQ_ID = "faq"


class GuideScreen(Room):
    room_name = "the Guide"
    BINDINGS = [
        Binding("w", "write", "Write about this"),
        Binding("f", "faq", "Questions"),
        # The article scrolls from wherever the focus is (the list of strategies, usually,
        # which is short enough to need no paging of its own).
        Binding(
            "pagedown",
            "article(1)",
            "Scroll the article",
            key_display="PgDn",
            priority=True,
            show=False,
        ),
        Binding(
            "pageup", "article(-1)", "Scroll back", key_display="PgUp", priority=True, show=False
        ),
    ]

    def action_article(self, pages: int) -> None:
        body = self.query_one("#guide-body", VerticalScroll)
        body.scroll_relative(y=pages * max(1, body.size.height - 2), animate=False)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="guide"):
            with Vertical(id="guide-side"):
                yield OptionList(id="guide-steps")
                # Below the list, what is left of a short window; tab reaches it to scroll.
                with VerticalScroll(id="guide-links-scroll"):
                    yield Static("", id="guide-links")
            with VerticalScroll(id="guide-body"):
                yield MarkdownText("", id="guide-text")
        yield KeysFooter()

    def on_mount(self) -> None:
        steps = self.hearth.content.steps
        listing = self.query_one("#guide-steps", OptionList)
        listing.add_options(
            [Option(Content(f"{s.number:>2}. {s.title}"), id=str(s.number)) for s in steps]
        )
        listing.add_option(Option(Content(" ?  Questions people ask"), id=FAQ_ID))
        listing.highlighted = 0
        listing.focus()

    @on(OptionList.OptionHighlighted, "#guide-steps")
    def _chosen(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id == FAQ_ID:
            self._show_faq()
        elif event.option.id:
            self._show_step(self.hearth.content.step(int(event.option.id)))

    def current_step(self) -> Step | None:
        listing = self.query_one("#guide-steps", OptionList)
        if listing.highlighted is None:
            return None
        option_id = listing.get_option_at_index(listing.highlighted).id
        return None if option_id in (None, FAQ_ID) else self.hearth.content.step(option_id)

    def _show_step(self, step: Step) -> None:
        content = self.hearth.content
        self.query_one("#guide-text", MarkdownText).show(
            f"# {step.number}. {step.title}\n\n*{step.summary}*\n\n{step.body}"
        )
        lines: list[Content] = []
        if step.practices:
            lines.append(Content.styled("Practices it feeds", "bold"))
            lines += [Content(f"• {content.practice(p).name}") for p in step.practices]
            lines.append(Content(""))
        served = decks.serving(content, step.number)
        if served.decks:
            lines.append(Content.styled("Question decks for it", "bold"))
            lines.append(Content(" · ".join(f"{d.title} ({n})" for d, n in served.decks)))
            lines.append(Content(""))
            lines.append(Content.styled("To talk about", "bold"))
            lines += [Content(f"• {q.text} ({q.depth})") for q in served.few]
            lines.append(Content(""))
        try:
            link = content.lovemap_guide
        except HearthsideError as exc:  # a broken lovemap.md hides only its own line
            lines += [Content(str(exc)), Content("")]
        else:
            if step.number in link.steps:
                lines += [Content(link.line), Content("")]
        lines.append(Content.styled("Press w to write about this in your journal.", "dim"))
        self.query_one("#guide-links", Static).update(Content("\n").join(lines))
        self.query_one("#guide-links-scroll").display = True

    def _show_faq(self) -> None:
        self.query_one("#guide-text", MarkdownText).show(self.hearth.content.faq_markdown)
        self.query_one("#guide-links-scroll").display = False

    def action_faq(self) -> None:
        listing = self.query_one("#guide-steps", OptionList)
        listing.highlighted = listing.get_option_index(FAQ_ID)

    def action_write(self) -> None:
        step = self.current_step()
        if step is None:
            self.notify("Choose a strategy first, then press w.", markup=False)
            return
        self.hearth.in_journal(lambda journal: journal.action_new(steps=(step.number,)))
