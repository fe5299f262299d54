"""Closing without losing a word: quitting, a closed terminal, a kill, or a crash.

Every screen holding unsaved words is registered in ``open_work``; whichever way the
app ends, their words are saved or kept as drafts first, and a crash writes a report
that says where, never what was written.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from pathlib import Path

from textual.css.query import NoMatches
from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver

from hearthside.services.crash_reports import write_report
from hearthside.tui.driver import TerminalDriver
from hearthside.tui.hearth import OpenWork
from hearthside.tui.pending import after_pending_keys
from hearthside.tui.writing import WritingApp


class KeepingApp(WritingApp):
    open_work: set[OpenWork]
    crashed = False
    crash_report: Path | None = None
    kept_on_quit: list[str] = []
    quitting = False

    def get_driver_class(self) -> type[Driver]:
        chosen = super().get_driver_class()
        # Textual's own in a terminal; textual-serve's (``hearthside serve``) is kept.
        return TerminalDriver if chosen is LinuxDriver else chosen

    def keep_drafts_now(self) -> None:
        """Write every open editor's unsaved words to its draft, right now, on this thread."""
        for work in list(self.open_work):
            with contextlib.suppress(Exception):
                work.keep_draft_now()

    def keep_open_work(self) -> list[str]:
        """Queue a save of every screen's unsaved words; what each kept, in plain words."""
        kept = []
        for work in list(self.open_work):
            said = work.keep_before_quit()
            if said:
                kept.append(said)
        return kept

    async def keys_delivered(self) -> None:
        """Until the keys already sent to the focused field have reached it (see pending)."""
        delivered = asyncio.get_running_loop().create_future()
        after_pending_keys(self.focused, lambda: delivered.set_result(None))
        await delivered

    def _catch_signals(self) -> None:
        # A closed terminal (SIGHUP) or a polite kill (SIGTERM) keeps drafts, then exits.
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signum, self._on_signal, signum)

    def _on_signal(self, signum: int) -> None:
        self.keep_drafts_now()
        self.keep_open_work()  # the writer finishes these before the process ends
        self.call_next(self._leave_once_built, 128 + signum)

    async def _leave_once_built(self, return_code: int) -> None:
        # A screen closed while still being built fails in its on_mount (its widgets
        # are gone): a signal during start-up became a crash report. Start-up is short.
        for screen in self.screen_stack:
            await screen._mounted_event.wait()
        self.exit(return_code=return_code)

    def _handle_exception(self, error: Exception) -> None:
        """Any exception nobody caught: keep drafts, write a report, close quietly.

        Textual's own handler prints a traceback with local variables, which can
        hold journal text; this one prints a short message and where the report is.
        """
        if (self.quitting or self._exit) and isinstance(error, NoMatches):
            # A screen opened in the moment the app closed was torn down before it was
            # built; everything was kept before closing began, so there is nothing to do.
            return
        self.keep_drafts_now()
        try:
            self.crash_report = write_report(self.home, error)
        except Exception:
            self.crash_report = None
        self._return_code = 1
        if self._exception is None:
            # Pilot re-raises this at the end of a test, so tests still see the failure.
            self._exception = error
            self._exception_event.set()
        self.crashed = True
        # Nothing for Textual to print: the CLI says it once the terminal is restored.
        self.panic()

    async def action_quit(self) -> None:
        """Close, keeping every word: what isn't saved yet is saved or kept as a draft."""
        if self.quitting:
            return
        self.quitting = True
        await self.keys_delivered()
        # The CLI says what was kept once the terminal is back (see cli.run_app).
        self.kept_on_quit = self.keep_open_work()
        await self.wait_for_writes()
        self.exit()

    def on_unmount(self) -> None:
        # Anything still queued is finished before the process ends: nothing typed is lost.
        self._writer.shutdown(wait=True)
