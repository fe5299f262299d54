"""Files that are not what Hearthside left there: a link, a device, a folder, a hand edit,
a read-only disk. Each gets a plain message and exit status 2, and nothing is written
through it."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner, Result

from hearthside.cli.main import cli
from hearthside.domain.records import Entry, Note
from hearthside.paths import database_path, lock_path
from hearthside.store.encryption import keys as crypto
from hearthside.store.store import Store
from tests.conftest import disk_state, run, stored


def refused(result: Result, *words: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    for word in words:
        assert word in result.output, result.output


def entries_file(home: Path) -> Path:
    return next(home.glob("hearthside-*-entries.json"))


@pytest.fixture
def journal(private_home: Path) -> Path:
    store = Store(private_home)
    store.add(Entry(date="2026-11-20", body="an entry"))
    store.add(Note(kind="gratitude", text="thank you", date="2026-11-20"))
    store.close()
    return private_home


# -- item 4: the lock file as a link ---------------------------------------------------


def test_a_lock_file_that_is_a_link_is_never_written_through(journal: Path, tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("someone's own file\n")
    lock = lock_path(journal)
    lock.unlink(missing_ok=True)
    lock.symlink_to(precious)
    before = disk_state(journal)
    refused(run("add", "words"), str(lock), "link")
    refused(run("log", "hug"), str(lock))
    assert precious.read_text() == "someone's own file\n"
    assert disk_state(journal) == before
    assert lock.is_symlink()


# -- item 5: exports only ever write regular files ------------------------------------------


def special_file(path: Path, kind: str) -> None:
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device" and os.geteuid() == 0:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 3))  # a /dev/null of our own
    elif kind == "device":
        pytest.skip("only root can make a device node")
    else:
        path.symlink_to(path.with_name("elsewhere.txt"))
        path.with_name("elsewhere.txt").write_text("not mine to replace\n")


@pytest.mark.parametrize("kind", ["device", "fifo", "link"])
@pytest.mark.parametrize(
    "command",
    [
        ["export", "--format", "md", "--force", "-o"],
        ["card", "NOTE", "--force", "-o"],
    ],
)
def test_export_and_card_refuse_anything_but_a_regular_file_even_with_force(
    journal: Path, tmp_path: Path, kind: str, command: list[str]
) -> None:
    target = tmp_path / "out.md"
    special_file(target, kind)
    note_id = stored(journal, Note)[0].id
    args = [note_id if a == "NOTE" else a for a in command]
    refused(run(*args, str(target)), str(target), "regular file")
    mode = target.lstat().st_mode
    assert not stat.S_ISREG(mode), "the special file was replaced"
    assert not list(tmp_path.glob(".hearthside-*"))


def test_share_refuses_a_special_file_in_its_folder(journal: Path, tmp_path: Path) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    os.mkfifo(folder / "notes.html")
    note_id = stored(journal, Note)[0].id
    refused(run("share", note_id, "-o", str(folder), "--force"), "regular file")
    assert stat.S_ISFIFO((folder / "notes.html").lstat().st_mode)


# -- item 14: a read-only home, a full disk while staging --------------------------------------


def can_mount_read_only() -> bool:
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", "mount --bind -o ro / / 2>/dev/null"],
        capture_output=True,
        check=False,
    )
    return shutil.which("unshare") is not None and probe.returncode == 0


read_only_mount = pytest.mark.skipif(
    not shutil.which("unshare") or not can_mount_read_only(),
    reason="needs a private read-only mount (unshare -m)",
)


def run_read_only(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``hearthside ARGS`` with the home on a read-only file system (a private bind mount)."""
    command = " ".join(
        [
            f"mount --bind -o ro '{home}' '{home}' &&",
            f"'{sys.executable}' -m hearthside --home '{home}'",
            *[f"'{a}'" for a in args],
        ]
    )
    return subprocess.run(
        ["unshare", "-m", "sh", "-c", command], capture_output=True, text=True, check=False
    )


@read_only_mount
@pytest.mark.parametrize("args", [["add", "words"], ["log", "hug"], ["restore", "--yes"]])
def test_a_read_only_home_gets_a_message_not_a_traceback(journal: Path, args: list[str]) -> None:
    lock_path(journal).unlink(missing_ok=True)
    if args[0] == "restore":
        entries_file(journal).write_bytes(b"")  # something for restore to want to mend
    done = run_read_only(journal, *args)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert str(journal) in done.stderr and "Nothing was" in done.stderr


@read_only_mount
def test_a_read_only_home_can_still_be_read(journal: Path) -> None:
    exports = journal / "exports"
    exports.mkdir(exist_ok=True)
    (exports / ".hearthside-x.tmp").write_bytes(b"an export cut short")  # tidied up later
    done = run_read_only(journal, "list")
    assert done.returncode == 0, done.stderr
    assert "an entry" in done.stdout


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES])
def test_no_room_for_a_temp_file_is_a_message(journal: Path, code: int) -> None:
    before = disk_state(journal)

    def refuse(*_args: object, **_kw: object) -> tuple[int, str]:
        raise OSError(code, os.strerror(code))

    with pytest.MonkeyPatch.context() as disk:
        disk.setattr(tempfile, "mkstemp", refuse)
        refused(run("add", "words"), os.strerror(code), "Nothing was")
    assert disk_state(journal) == before


# -- item 14: folders where files belong -------------------------------------------------


def test_a_folder_in_place_of_the_main_file(private_home: Path) -> None:
    private_home.mkdir(parents=True)
    database_path(private_home).mkdir()
    refused(run("list"), str(database_path(private_home)), "folder")
    refused(run("add", "words"), str(database_path(private_home)), "folder")


def test_a_folder_in_place_of_a_journal_file(journal: Path) -> None:
    path = entries_file(journal)
    path.unlink()
    path.mkdir()
    refused(run("list"), str(path))
    refused(run("add", "words"), str(path))


def test_a_folder_in_place_of_the_lock(journal: Path) -> None:
    lock = lock_path(journal)
    lock.unlink(missing_ok=True)
    lock.mkdir()
    refused(run("add", "words"), str(lock), "folder")
    assert run("doctor").exit_code in (0, 1)


# -- item 14: hand-edited files ------------------------------------------------------------


def edit_main(home: Path, change: dict[str, object]) -> None:
    path = database_path(home)
    data: dict[str, object] = orjson.loads(path.read_bytes())
    data.update(change)
    path.write_bytes(orjson.dumps(data))


@pytest.mark.parametrize("schema", ["x", None, [3], {"a": 1}, -1, 2.5, True])
def test_a_hand_edited_format_number(journal: Path, schema: object) -> None:
    edit_main(journal, {"meta": {"1": {"schema": schema}}})
    before = disk_state(journal)
    refused(run("list"), str(database_path(journal)))
    refused(run("add", "words"), str(database_path(journal)))
    assert disk_state(journal) == before


@pytest.mark.parametrize(
    "settings",
    [{"1": "hello"}, "hello", {"1": None}, {"1": [1, 2]}, {"x": {"spouse_name": "Sam"}}],
)
def test_a_hand_edited_settings_document(journal: Path, settings: object) -> None:
    edit_main(journal, {"settings": settings})
    refused(run("list"), str(database_path(journal)))
    refused(run("note", "gratitude", "thank you"), str(database_path(journal)))


@pytest.mark.parametrize(
    "table",
    [
        {"one": {"id": "abcd1234", "date": "2026-11-20", "body": "x"}},
        {"1": "not a record"},
        {"1": ["a", "list"]},
        {"1": None},
        "not a table",
    ],
)
def test_a_hand_edited_journal_file(journal: Path, table: object) -> None:
    path = entries_file(journal)
    path.write_bytes(orjson.dumps({"entries": table}))
    before = disk_state(journal)
    refused(run("list"), str(path))
    refused(run("add", "words"), str(path))
    assert disk_state(journal) == before
    doctor = run("doctor")
    assert doctor.exit_code == 1 and str(path) in doctor.output


def test_encryption_settings_that_would_need_gigabytes(journal: Path) -> None:
    private = journal / crypto.CONFIG_NAME
    cfg, _key = crypto.create("correct-horse-battery")
    raw = orjson.loads(cfg.with_state(crypto.ON).dumps())
    raw["kdf"].update(n=2**22, r=32, p=1)  # 16 GiB of memory to derive a key
    private.write_bytes(orjson.dumps(raw))
    for args in (["list"], ["add", "words"]):
        result = CliRunner(env={crypto.PASSPHRASE_ENV: "correct-horse-battery"}).invoke(
            cli, args, catch_exceptions=False
        )
        refused(result, str(private))
