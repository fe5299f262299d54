"""A row of numbers to choose one from with a digit key (closeness 1–5, a sign 0–4)."""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

CHOOSE = Binding.Group("Choose", compact=True)


def digit_bindings(low: int, high: int) -> list[BindingType]:
    """Digits in range choose; the others are caught quietly (not passed to the room keys)."""
    return [
        Binding(str(n), f"choose({n})", str(n), group=CHOOSE)
        if low <= n <= high
        else Binding(str(n), "ignore", "", show=False)
        for n in range(10)
    ]


class Scale(Static, can_focus=True):
    """Digits pick a value (their bindings win over the app's room keys while focused).

    Use a subclass with ``LOW``/``HIGH`` and matching digit bindings. ``words`` name
    each value, lowest first; ``inline`` shows every word beside its number,
    otherwise only the chosen one's word follows the row.
    """

    LOW, HIGH = 0, 4

    DEFAULT_CSS = """
    Scale {
        width: auto;
        height: 1;
        padding: 0 1;
    }
    Scale:focus {
        background: $primary 18%;
    }
    """

    BINDINGS = [
        Binding("left", "nudge(-1)", "Less", show=False),
        Binding("right", "nudge(1)", "More", show=False),
        Binding("backspace,delete", "clear", "Clear", show=False),
    ]
    value: reactive[int | None] = reactive(None, init=False)

    class Changed(Message):
        def __init__(self, scale: Scale, value: int | None, by_digit: bool) -> None:
            super().__init__()
            self.scale = scale
            self.value = value
            self.by_digit = by_digit

        @property
        def control(self) -> Scale:
            return self.scale

    def __init__(
        self,
        *,
        words: Sequence[str] = (),
        inline: bool = False,
        value: int | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.low, self.high = self.LOW, self.HIGH
        self.words = tuple(words)
        self.inline = inline
        self._by_digit = False
        in_range = value is not None and self.low <= value <= self.high
        self.set_reactive(Scale.value, value if in_range else None)
        self.update(self._describe())

    # -- showing -------------------------------------------------------------------

    def word(self, value: int | None) -> str:
        if value is None or not self.words:
            return ""
        return self.words[value - self.low] if 0 <= value - self.low < len(self.words) else ""

    def _describe(self) -> Content:
        cells: list[Content] = []
        for n in range(self.low, self.high + 1):
            text = f" {n} {self.word(n)} " if self.inline and self.words else f" {n} "
            chosen = n == self.value
            cells.append(
                Content.styled(
                    text, "bold $background on $primary" if chosen else "dim" if self.inline else ""
                )
            )
        row = Content(" ").join(cells)
        if not self.inline:
            row = Content.assemble(row, "  ", (self.word(self.value) or "–", "italic"))
        return row

    def watch_value(self, value: int | None) -> None:
        self.update(self._describe())
        self.post_message(self.Changed(self, value, self._by_digit))
        self._by_digit = False

    # -- keys ------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        # Digits are taken here, not only by the bindings (which the footer shows): a
        # binding is looked up along the focus of the moment the key is handled, and in a
        # burst of keys the focus may already have moved on.
        char = event.character
        if event.is_printable and char is not None and char.isdigit():
            event.stop()
            event.prevent_default()
            if self.low <= int(char) <= self.high:
                self.action_choose(int(char))

    def action_choose(self, value: int) -> None:
        self._by_digit = True
        if self.value == value:
            # Choosing the same value again still counts as an answer (it may move focus on).
            self.post_message(self.Changed(self, value, True))
            self._by_digit = False
        else:
            self.value = value

    def action_nudge(self, step: int) -> None:
        start = self.value if self.value is not None else (self.low if step > 0 else self.high + 1)
        self.value = max(self.low, min(self.high, start + step))

    def action_clear(self) -> None:
        self.value = None

    def action_ignore(self) -> None:
        """A digit outside the scale: nothing happens (rather than leaving the screen)."""


class RatingScale(Scale):
    """0 (not at all) to 4 (very much)."""

    LOW, HIGH = 0, 4
    BINDINGS = digit_bindings(0, 4)


class ClosenessScale(Scale):
    """1 (far apart) to 5 (very close)."""

    LOW, HIGH = 1, 5
    BINDINGS = digit_bindings(1, 5)
