"""A quick command starts quickly: it imports its own module and what it uses, no more;
``--help`` still lists every command."""

from __future__ import annotations

import gc
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest

from hearthside.cli.main import MODULES, SECTIONS
from tests.conftest import run


def at_exit(args: list[str], tmp_path: Path, what: str) -> str:
    """``what`` (Python) as it stands when a ``hearthside`` command, run in a fresh
    Python as a person runs it, has ended (click's test runner would bring modules of
    its own, and run the command without the entry point)."""
    out = tmp_path / "at-exit.txt"
    code = (
        "import atexit, gc, sys\n"
        "from hearthside.cli.entry import main\n"
        f"atexit.register(lambda: open({str(out)!r}, 'w').write(str({what})))\n"
        f"sys.argv = ['hearthside', *{args!r}]\n"
        "main()\n"
    )
    subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.read_text()


def imported_by(args: list[str], tmp_path: Path) -> set[str]:
    """The modules a ``hearthside`` command has imported by its end."""
    return set(at_exit(args, tmp_path, "'\\n'.join(sys.modules)").split())


def test_help_lists_every_command_each_module_defines() -> None:
    for module in set(MODULES.values()):
        defined = {c.name for c in import_module(f"hearthside.cli.{module}").COMMANDS}
        assert defined == {name for name, mod in MODULES.items() if mod == module}, module
    listed = []
    for line in run("--help").output.split("Write:", 1)[1].splitlines():
        if line.startswith("  ") and line.strip():
            listed.append(line.split()[0])
    assert listed == [name for section in SECTIONS.values() for name in section]


def test_a_mistyped_command_is_still_answered_with_the_nearest() -> None:
    result = run("lsit")
    assert result.exit_code == 2 and "Did you mean 'list'?" in result.output


def test_a_quick_command_imports_only_what_it_needs(private_home: Path, tmp_path: Path) -> None:
    run("add", "A walk by the river", "--date", "2026-11-20")
    # Logging a practice reads the practices' words (content/), so it may load their
    # front matter's YAML; listing and searching entries needs no words of ours, nor
    # the rules a record is checked by before a save, nor a date parser; nor, reading
    # a journal that isn't encrypted, what writing, backups and encryption use; nor any
    # kind of record but the entry.
    unread = {"yaml", "frontmatter", "dateutil", "hearthside.domain.record_checks"}
    unread |= {"tempfile", "shutil", "base64", "hearthside.domain.records"}
    cases = {("list", "-n", "10"): unread, ("search", "river"): unread, ("log", "hug"): set()}
    for args, unneeded in cases.items():
        loaded = imported_by(list(args), tmp_path)
        others = {m for m in loaded if m.startswith("hearthside.cli.")} - {
            "hearthside.cli.entry",
            "hearthside.cli.main",
            "hearthside.cli.context",
            f"hearthside.cli.{MODULES[args[0]]}",
        }
        assert not others, (args, others)
        heavy = {"textual", "markdown_it", "aiohttp", "icalendar", *unneeded}
        assert not heavy & loaded, (args, heavy & loaded)


def test_a_command_loads_with_the_collector_off_and_does_its_work_with_it_on(
    private_home: Path, tmp_path: Path
) -> None:
    run("add", "A walk by the river", "--date", "2026-11-20")
    for args in (["list"], ["log", "hug"]):
        # What loading made was set aside (frozen) before the collector came back on.
        assert at_exit(args, tmp_path, "gc.isenabled() and gc.get_freeze_count() > 0") == "True"


def test_the_app_is_loaded_with_the_collector_off_and_runs_with_it_on(
    private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    monkeypatch.setattr("hearthside.cli.app.run_app", lambda app: seen.append(gc.isenabled()))
    gc.disable()  # as the entry point does
    try:
        assert run().exit_code == 0
    finally:
        gc.enable()
        gc.unfreeze()  # this test process's objects are not the app's to set aside
    assert seen == [True]
