"""One journal on two computers: what a sync tool must leave alone in the journal folder.

The journal files travel; some files beside them belong to one computer only: the
lock (it can't span computers), the notes of what this computer wrote and checked,
an unfinished save, drafts, daily backups, kept conflict versions, crash reports
and restore's set-aside copies. Synced, they would lock, confuse or overwrite the
other computer's. ``hearthside sync-setup`` writes them into Syncthing's
``.stignore`` and lists them for other tools; ``doctor`` asks for it when the
folder looks synced without it.
"""

from __future__ import annotations

from pathlib import Path

from hearthside.paths import backups_dir, drafts_dir, lock_path
from hearthside.services.crash_reports import REPORTS
from hearthside.store.atomic_storage import TEMP_PREFIX, TEMP_SUFFIX, TRANSACTION, write_atomically
from hearthside.store.checked import CHECKED
from hearthside.store.conflicts import FOLDER as CONFLICTS
from hearthside.store.conflicts import WRITTEN
from hearthside.store.restore import REPLACED
from hearthside.store.sync_copies import copies

STIGNORE = ".stignore"
BEGIN = "// Hearthside: files that belong to one computer only (written by `hearthside sync-setup`)"
END = "// End of Hearthside's list."


def per_computer(home: Path) -> list[tuple[str, str]]:
    """Each file or folder that must not sync (a pattern) and why, in plain words."""
    return [
        (f"/{lock_path(home).name}", "the lock that lets one save at a time on this computer"),
        (f"/{WRITTEN}", "which journal files this computer wrote"),
        (f"/{CHECKED}", "which journal files this computer checked"),
        (f"/{TRANSACTION}", "a save this computer was in the middle of"),
        (f"{TEMP_PREFIX}*{TEMP_SUFFIX}", "files a save is still writing"),
        (f"/{drafts_dir(home).name}", "words typed here and not saved yet"),
        (f"/{backups_dir(home).name}", "this computer's daily backups"),
        (f"/{CONFLICTS}", "versions kept when two computers' changes were merged"),
        (f"/{REPORTS}", "crash reports"),
        (f"/{REPLACED}*", "files a restore set aside"),
    ]


def stignore_block(home: Path) -> str:
    return "\n".join([BEGIN, *(pattern for pattern, _why in per_computer(home)), END]) + "\n"


def write_stignore(home: Path) -> bool:
    """Put Hearthside's list in the folder's ``.stignore``, keeping any lines of the
    person's own. False when it was there already, as it is: nothing written."""
    path = home / STIGNORE
    try:
        before = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        before = ""
    block = stignore_block(home)
    if block in before:
        return False
    start, end = before.find(BEGIN), before.find(END)
    if start != -1 and end > start:
        # An older Hearthside's list: replaced where it stands.
        after = before[:start] + block + before[end + len(END) :].removeprefix("\n")
    else:
        after = before + ("\n" if before and not before.endswith("\n") else "") + block
    write_atomically(path, after.encode())
    return True


def has_stignore(home: Path) -> bool:
    try:
        return stignore_block(home) in (home / STIGNORE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


# Signs of a sync tool, in the journal folder or a folder above it.
_HERE = {".stfolder": "Syncthing", ".stversions": "Syncthing"}
_ABOVE = {
    ".dropbox": "Dropbox",
    ".dropbox.cache": "Dropbox",
    ".nextcloudsync.log": "Nextcloud",
    ".owncloudsync.log": "ownCloud",
}


def sync_signs(home: Path) -> list[str]:
    """Which sync tools seem to share the journal folder (by the files they leave)."""
    found = [tool for name, tool in _HERE.items() if (home / name).exists()]
    if copies(home):
        found.append("a sync tool's conflict copy")
    for folder in [home, *home.parents]:
        found += [tool for name, tool in _ABOVE.items() if (folder / name).exists()]
        if any(folder.glob("._sync_*.db")) or any(folder.glob(".sync_*.db")):
            found.append("Nextcloud")
    return sorted(set(found))


def syncthing_above(home: Path) -> Path | None:
    """A folder above the journal that Syncthing shares: its ``.stignore`` is the one read."""
    return next((p for p in home.parents if (p / ".stfolder").exists()), None)
