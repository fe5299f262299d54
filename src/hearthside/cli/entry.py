"""Where the ``hearthside`` command starts (pyproject.toml's ``[project.scripts]``).

Loading a command makes a great many objects (the modules) and no garbage, yet the
collector, run at every 700 new objects, went over them again and again: about 8 ms
of a 90 ms ``hearthside list``. So it is off while the command loads, and
``main.loaded`` sets what was loaded aside for good and turns it back on before the
command (or the app) does its work.
"""

from __future__ import annotations

import gc


def main() -> None:
    gc.disable()
    from hearthside.cli.main import main as run

    run()
