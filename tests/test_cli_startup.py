"""A quick command starts quickly: it imports its own module and what it uses, no more;
``--help`` still lists every command."""

from __future__ import annotations

import subprocess
import sys
from importlib import import_module
from pathlib import Path

from hearthside.cli.main import MODULES, SECTIONS
from tests.conftest import run


def imported_by(args: list[str], tmp_path: Path) -> set[str]:
    """The modules a ``hearthside`` command run in a fresh Python has imported by its end
    (as a person runs it: click's test runner would bring modules of its own)."""
    out = tmp_path / "modules.txt"
    code = (
        "import atexit, sys\n"
        "from hearthside.cli.main import main\n"
        f"atexit.register(lambda: open({str(out)!r}, 'w').write('\\n'.join(sys.modules)))\n"
        f"sys.argv = ['hearthside', *{args!r}]\n"
        "main()\n"
    )
    subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.read_text().split())


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
            "hearthside.cli.main",
            "hearthside.cli.context",
            f"hearthside.cli.{MODULES[args[0]]}",
        }
        assert not others, (args, others)
        heavy = {"textual", "markdown_it", "aiohttp", "icalendar", *unneeded}
        assert not heavy & loaded, (args, heavy & loaded)
