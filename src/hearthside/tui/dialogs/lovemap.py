"""Noting something learned about them: from the love map, or offered after a talk."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App
from textual.widget import Widget
from textual.widgets import Input

from hearthside.domain.printable import one_line
from hearthside.domain.records import Learned
from hearthside.errors import HearthsideError
from hearthside.services import lovemap
from hearthside.texts.lovemap import LoveMapTopic
from hearthside.tui.dialogs.form import FormDialog
from hearthside.tui.hearth import Hearth


class LearnedDialog(FormDialog):
    """Something learned under ``topic``, or a change to ``item``; dismisses with the
    saved Learned, or None when escaped (nothing is written then)."""

    def __init__(
        self, topic: LoveMapTopic, item: Learned | None = None, *, offered: bool = False
    ) -> None:
        super().__init__()
        self.topic, self.item = topic, item
        if offered:
            self.title_words = "Did you learn something about them?"
            self.note_words = (
                f"It goes in the love map, under “{topic.title}”. Escape if not this time."
            )
        else:
            verb = "Change what you learned" if item else "Something you learned"
            self.title_words = f"{verb} · {topic.title}"
            self.note_words = f"Listen for: {topic.listen}"

    def fields(self) -> list[tuple[str, Widget]]:
        text = self.item.text if self.item else ""
        return [("What you learned", Input(text, id="learned-text", compact=True))]

    def job(self) -> Callable[[], Learned]:
        h = self.hearth
        store, content, today = h.store, h.content, h.today()
        text, topic = self.value("learned-text"), self.topic.id
        if self.item is None:
            return lambda: lovemap.learn(store, content, topic, text, today=today)
        ref = self.item.id
        return lambda: lovemap.change_text(store, ref, text)


def offer_learned(app: App[object], hearth: Hearth, topic_id: str) -> None:
    """After "we talked about it": offer to note what was learned under the question's topic."""
    try:
        topic = hearth.content.lovemap_topic(topic_id)
    except HearthsideError:
        return  # a content folder that dropped the topic: nothing to offer

    def kept(item: Learned | None) -> None:
        if item is not None:
            app.notify(
                f"Kept in the love map under “{topic.title}”: {one_line(item.text, 50)}",
                markup=False,
            )

    app.push_screen(LearnedDialog(topic, offered=True), kept)
