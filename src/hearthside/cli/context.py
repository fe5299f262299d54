"""What every command shares: the lazily opened store and content, ``--home``, input."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from hearthside.domain.printable import printable
from hearthside.errors import HearthsideError
from hearthside.paths import drafts_dir, ensure_private_dir, resolve_home
from hearthside.store.encryption.keys import Keyring, is_encrypted

if TYPE_CHECKING:
    from hearthside.store.store import Store
    from hearthside.texts.library import Content

F = TypeVar("F", bound=Callable[..., Any])

SHARED_MEMORY = Path("/dev/shm")


class Context:
    """What every command needs, opened only when a command asks for it."""

    def __init__(self, home: str | None) -> None:
        self.home_arg = home
        self._store: Store | None = None
        self._content: Content | None = None
        # Editor files whose words this command saves: removed once it has.
        self.edits: list[Path] = []
        # An encrypted journal's passphrase is asked for when first needed, once.
        self.keys = Keyring(asker=ask_passphrase)

    @property
    def home(self) -> Path:
        return resolve_home(self.home_arg)

    @property
    def store(self) -> Store:
        if self._store is None:
            from hearthside.store.store import Store

            self._store = Store(self.home, self.keys)
        return self._store

    @property
    def content(self) -> Content:
        if self._content is None:
            from hearthside.texts.library import Content

            self._content = Content()
        return self._content

    def today(self) -> date:
        return date.today()

    def now(self) -> datetime:
        """The local time of day, on the day ``today`` says (so tests that fix it fix both)."""
        return datetime.combine(self.today(), datetime.now().time())

    def finished(self) -> None:
        """The command succeeded: the words it took from an editor are saved."""
        for path in self.edits:
            with contextlib.suppress(OSError):
                path.unlink()
        self.edits.clear()

    def close(self) -> None:
        if self._store is not None:
            from hearthside.services.opening import changed_elsewhere

            notice = changed_elsewhere(self._store)
            if notice:
                say(f"hearthside: {notice}", err=True)
            for bad in self._store.take_bad_records():
                say(f"hearthside: {bad.notice()}", err=True)
            self._store.close()


def ask_passphrase(home: Path) -> str:
    """The terminal's answer, never echoed (on stderr, so stdout stays clean for scripts)."""
    return str(click.prompt(f"Passphrase for the journal at {home}", hide_input=True, err=True))


def _set_home(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value:
        ctx.find_root().ensure_object(dict)["home"] = value


def home_option(func: F) -> F:
    """``--home DIR``, accepted before or after the subcommand."""
    return click.option(
        "--home",
        metavar="DIR",
        callback=_set_home,
        expose_value=False,
        is_eager=True,
        help="Use this folder for the journal instead of the default.",
    )(func)


def app_context() -> Context:
    ctx = click.get_current_context()
    root = ctx.find_root()
    state = root.ensure_object(dict)
    if "context" not in state:
        state["context"] = Context(state.get("home"))
        root.call_on_close(state["context"].close)
    context: Context = state["context"]
    return context


def stdin_is_interactive() -> bool:
    return sys.stdin.isatty()


def confirm(question: str, *, without_terminal: str) -> bool:
    """The person's yes or no, asked in a terminal. Without one there is no one to ask:
    ``without_terminal`` is the refusal (exit 2), saying how to go ahead from a script."""
    if not stdin_is_interactive():
        raise HearthsideError(without_terminal)
    return click.confirm(question, default=False)


# What to run to pick up a kept edit of each kind (see drafts.py).
_RESUME = {"entry": "hearthside add", "note": "hearthside note KIND"}


def read_text(text: str | None, *, initial: str = "", kind: str = "entry") -> str:
    """TEXT from the argument, else piped stdin, else the user's $EDITOR.

    ``kind`` (entry or note) names an editor's file, so that words kept from an edit
    that didn't finish are offered back by the same command. Windows (CRLF) and old
    Mac (CR) line ends become plain newlines here, at the door.
    """
    if text is None and stdin_is_interactive():
        text = edit_in_editor(initial, kind)
    else:
        from hearthside.services.drafts import kept_edit_files

        if text is None:
            text = sys.stdin.read()
        kept = kept_edit_files(app_context().home, kind)
        if kept:
            click.echo(
                f"hearthside: words from an earlier edit that didn't finish are kept in "
                f"{kept[0].parent}; run `{_RESUME[kind]}` without text to pick them up.",
                err=True,
            )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _editing_folder(home: Path) -> Path:
    """Where the editor's file goes: the private home, or memory for an encrypted journal."""
    if not is_encrypted(home):
        return ensure_private_dir(drafts_dir(home))
    # An editor needs a file, and an encrypted journal's words never touch the disk in
    # the clear: a private folder in shared memory (as `pass edit` does), or not at all.
    if SHARED_MEMORY.is_dir() and os.access(SHARED_MEMORY, os.W_OK):
        # Imported here, with shutil below: only an encrypted journal's editor needs them.
        import tempfile

        return Path(tempfile.mkdtemp(prefix="hearthside-", dir=SHARED_MEMORY))
    raise HearthsideError(
        "The journal is encrypted, and an editor could only work on an unencrypted file "
        "on disk. Pass the text as an argument or pipe it in instead."
    )


def edit_in_editor(initial: str, kind: str = "entry") -> str:
    """The words written in ``$EDITOR``, starting from ``initial`` or from a kept edit.

    The file lives in the private home (never a shared /tmp) and stays until the words
    are saved (``Context.finished``): if Hearthside dies meanwhile, it is offered back.
    """
    import shlex
    import subprocess

    from hearthside.services.drafts import kept_edits, new_edit_file

    context = app_context()
    kept = kept_edits(context.home, kind, context.keys)
    if kept:
        when = kept[0].saved_at[:16].replace("T", " at ")
        click.echo(
            f"hearthside: words from an earlier edit that didn't finish were kept (last "
            f"changed {when}); they open in the editor now.",
            err=True,
        )
        initial = kept[0].text
        context.edits.append(kept[0].path)
    folder = _editing_folder(context.home)
    in_memory = folder.parent == SHARED_MEMORY
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    path = new_edit_file(folder, kind, initial)
    try:
        try:
            result = subprocess.run([*shlex.split(editor), str(path)], check=False)
        except OSError:
            raise HearthsideError(
                f"Couldn't start the editor {editor!r}. Set $EDITOR, or pass the text "
                "as an argument."
            ) from None
        if result.returncode != 0:
            raise HearthsideError(
                f"The editor exited with an error ({result.returncode}); nothing was saved."
            )
        text = path.read_text(encoding="utf-8")
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise
    finally:
        if in_memory:
            import shutil

            shutil.rmtree(folder, ignore_errors=True)
    if not in_memory:
        context.edits.append(path)
    return text


def say(message: str, *, err: bool = False) -> None:
    """Print a line. Everything the CLI prints comes through here, so a control character
    from any record is written out (``\\x1b``) instead of reaching the terminal raw."""
    click.echo(printable(message), err=err)
