"""The last step before the screen reaches the terminal: no control character goes raw.

Journal text can come from anyone's file. Textual writes a widget's text to the
terminal as it is, so an ESC in a title would reach the terminal and could write
the clipboard (OSC 52), retitle the window or clear the screen. Every line of every
widget passes through this filter, which writes such characters out (``\\x1b``) with
the same sanitiser as the CLI: one place for the whole app, whatever widget shows
the text, now or later.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from hearthside.domain.printable import has_controls, printable


class ControlCharacters(LineFilter):
    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(
            has_controls(s.text) or (s.style is not None and has_controls(s.style.link or ""))
            for s in segments
            if not s.control
        ):
            return segments
        width = Segment.get_line_length(segments)
        shown = [
            segment
            if segment.control
            else Segment(
                printable(segment.text),
                # A link is written into an escape sequence of its own: drop a spoiled one.
                segment.style.update_link(None)
                if segment.style is not None and has_controls(segment.style.link or "")
                else segment.style,
            )
            for segment in segments
        ]
        # Written out, a character takes four cells instead of none: the line keeps its
        # width (its end is cut) so the layout around it stays as it was.
        return list(Segment.adjust_line_length(shown, width))
