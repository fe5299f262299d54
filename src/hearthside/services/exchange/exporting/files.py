"""Putting exported files on disk: readable names, private modes, no silent overwrites.

Only new paths and regular files are written (never a device, a pipe or a link,
even with ``force``), and never among the journal's own files: inside the journal
folder, only under ``exports/``.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from hearthside.errors import HearthsideError
from hearthside.paths import ensure_private_dir, exports_dir
from hearthside.store.atomic_storage import refuse_unless_regular, write_atomically

_NOT_WORD = re.compile(r"[^\w]+")
SLUG_LENGTH = 40


class OutputExists(HearthsideError):
    """The chosen file is already there. The app asks before retrying with ``force=True``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"{path} already exists. Nothing was written; choose another name, "
            "or use --force to replace it."
        )


def slug(text: str, fallback: str = "untitled") -> str:
    """A file-name-safe form of a headline: letters (any script), digits and dashes."""
    words = _NOT_WORD.sub("-", text.casefold()).replace("_", "-").strip("-")
    cut = words[:SLUG_LENGTH].rstrip("-")
    return cut or fallback


def unique_name(folder: Path, stem: str, suffix: str) -> Path:
    """``stem + suffix`` in ``folder``, numbered -2, -3… past names already on disk."""
    number = 1
    while True:
        name = f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}"
        if not (folder / name).exists():
            return folder / name
        number += 1


def default_stem(today: date | None = None) -> str:
    return f"hearthside-{(today or date.today()).isoformat()}"


def file_target(home: Path, output: Path | None, stem: str, suffix: str, *, force: bool) -> Path:
    """Where one exported file goes.

    No ``output``: a new name under the home's exports folder, so nothing is ever
    replaced. An existing folder: a new name inside it. Otherwise the path itself,
    which must not exist unless ``force``.
    """
    if output is None:
        return unique_name(ensure_private_dir(exports_dir(home)), stem, suffix)
    output = output.expanduser()
    if output.is_dir():
        output = unique_name(output, stem, suffix)
    _outside_journal(home, output)
    _check_parent(output)
    refuse_unless_regular(output)
    if output.exists() and not force:
        raise OutputExists(output)
    return output


def folder_target(home: Path, output: Path | None, stem: str) -> Path:
    """A folder for several files: a new one under exports, or the one given."""
    if output is None:
        return unique_name(ensure_private_dir(exports_dir(home)), stem, "")
    output = output.expanduser()
    if output.exists() and not output.is_dir():
        raise HearthsideError(
            f"{output} is a file, not a folder. Choose a folder to write into (it may be new)."
        )
    _outside_journal(home, output)
    _check_parent(output)
    return output


def _outside_journal(home: Path, target: Path) -> None:
    """A file among the journal's own would be taken for one of them (and for damage)."""
    where, journal = target.resolve(), home.resolve()
    if where.is_relative_to(journal) and not where.is_relative_to(exports_dir(journal)):
        raise HearthsideError(
            f"{target} is inside the journal folder ({home}). Nothing was written: exports "
            f"go in {exports_dir(home)} (the default) or anywhere outside the journal folder."
        )


def _check_parent(path: Path) -> None:
    if not path.parent.is_dir():
        raise HearthsideError(
            f"The folder {path.parent} doesn't exist. Nothing was written; create it "
            "first, or choose another place."
        )


def write_private(path: Path, text: str | bytes) -> Path:
    """Write ``text`` (as UTF-8) or bytes, mode 0600, whole or not at all."""
    write_atomically(path, text.encode("utf-8") if isinstance(text, str) else text)
    return path


def write_all(folder: Path, files: dict[str, str], *, force: bool) -> list[Path]:
    """Write several files into ``folder``, refusing before writing any if one is in the way."""
    for name in files:
        refuse_unless_regular(folder / name)
    clashes = [folder / name for name in files if (folder / name).exists()]
    if clashes and not force:
        raise OutputExists(clashes[0])
    # An existing folder keeps its modes: it is the person's own, and may be shared on purpose.
    if not folder.is_dir():
        ensure_private_dir(folder)
    return [write_private(folder / name, text) for name, text in files.items()]
