"""A wheel built from the project carries the content and themes it needs."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_wheel_ships_content_and_themes(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("hearthside-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "hearthside/content/practices.md" in names
    assert sum(1 for n in names if n.startswith("hearthside/content/steps/")) == 15
    assert any(n.startswith("hearthside/themes/") for n in names)
    assert "hearthside/cli/main.py" in names


# A module a newcomer can read in one sitting; past this it is doing more than one job.
MOST_LINES = 400


def test_no_module_is_over_400_lines() -> None:
    long = {
        str(path.relative_to(ROOT)): lines
        for path in (ROOT / "src").rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES
    }
    assert not long, f"split these: {long}"
