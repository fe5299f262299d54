"""The footer every screen shows: its keys from the left, and ``? Keys`` always on the right.

Textual's footer lists the keys in binding order, the app's last, so on a narrow window
the way to the rest (``?``) was the first to fall off the edge. Here it is docked right,
where the command palette's key would go, and whatever does not fit is still listed by
``?``.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

HELP_ACTION = "keys"


class KeysFooter(Footer):
    # The docked key reaches the last column (no margin), or a letter of the keys under it shows.
    DEFAULT_CSS = """
    KeysFooter.-compact FooterKey.-command-palette {
        margin-right: 0;
        padding-right: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(compact=True, show_command_palette=False, id=id)

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if not self._is_help(widget):
                yield widget
        help_key = next(
            (
                (binding, enabled)
                for _node, binding, enabled, _tip in self.screen.active_bindings.values()
                if binding.action == HELP_ACTION
            ),
            None,
        )
        if help_key is not None:
            binding, enabled = help_key
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                disabled=not enabled,
                classes="-command-palette",
            ).data_bind(compact=Footer.compact)

    @staticmethod
    def _is_help(widget: Widget) -> bool:
        return isinstance(widget, FooterKey) and widget.action == HELP_ACTION
