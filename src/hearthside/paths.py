"""Where Hearthside keeps things on disk.

Every other module asks here, so tests (and users) can move the whole home with
one environment variable or one ``--home`` flag.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from hearthside.errors import HearthsideError

HOME_ENV = "HEARTHSIDE_HOME"
CONTENT_ENV = "HEARTHSIDE_CONTENT"
DB_NAME = "hearthside.json"

# The journal is private: only its owner may list or read the folder.
DIR_MODE = 0o700
FILE_MODE = 0o600


def default_home() -> Path:
    # platformdirs is imported here so that commands given --home never pay for it.
    from platformdirs import user_data_path

    return user_data_path("hearthside", appauthor=False)


def resolve_home(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The journal folder: ``--home`` first, then ``HEARTHSIDE_HOME``, then the user data dir."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env).expanduser()
    return default_home()


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed, and make sure only its owner can enter it."""
    try:
        path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
        if path.stat().st_mode & 0o777 != DIR_MODE:
            path.chmod(DIR_MODE)
    except OSError as exc:
        raise HearthsideError(
            f"Couldn't create the folder {path} ({exc.strerror or exc}). "
            "Check that you can write there, or choose another with --home."
        ) from None
    return path


def database_path(home: Path) -> Path:
    return home / DB_NAME


def part_path(home: Path, part: str) -> Path:
    """The file of one part of the journal: a year's records of one kind, e.g. ``2026-entries``."""
    return home / f"hearthside-{part}.json"


# A part's file: a year (format 2) or a year and a kind (format 3). Nothing else in the
# home is a journal file, however it is named (an export, say, hearthside-2026-11-25.json).
PART_NAME = re.compile(r"hearthside-\d{4}(-[a-z_]+)?\.json")


def journal_files(home: Path) -> list[Path]:
    """The main file (settings, format) and every part's file there, in order.

    Anything by a part's name counts, a folder in its place too: it is damage to
    report, not something to pass over.
    """
    try:
        # Names first, paths for the few that match: pathlib's glob made a path of each.
        with os.scandir(home) as entries:
            names = sorted(e.name for e in entries if PART_NAME.fullmatch(e.name))
    except FileNotFoundError:
        names = []
    except OSError as exc:
        raise HearthsideError(
            f"Couldn't look in the folder {home} ({exc.strerror or exc}). "
            "Check who owns it and its permissions, or choose another with --home."
        ) from None
    return [database_path(home), *(home / n for n in names)]


def backups_dir(home: Path) -> Path:
    return home / "backups"


def exports_dir(home: Path) -> Path:
    return home / "exports"


def drafts_dir(home: Path) -> Path:
    return home / "drafts"


def lock_path(home: Path) -> Path:
    return home / ".lock"


def package_resource(name: str) -> Path:
    """A folder shipped with Hearthside (``content`` or ``themes``).

    Inside a wheel the folders sit in the package; in a source checkout (editable
    install, tests) they sit at the top of the repository.
    """
    here = Path(__file__).resolve().parent
    bundled = here / name
    if bundled.is_dir():
        return bundled
    return here.parents[1] / name


def content_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(CONTENT_ENV)
    if env:
        return Path(env).expanduser()
    return package_resource("content")


def content_folder(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The content folder in use, which must exist (a HearthsideError saying so)."""
    root = content_dir(explicit)
    if not root.is_dir():
        raise HearthsideError(
            f"The content folder {root} doesn't exist. Unset {CONTENT_ENV} to "
            "use the content that ships with Hearthside."
        )
    return root
