"""Theme files under ``themes/`` turned into Textual themes.

A broken file must never stop the app from starting: it is skipped, and the
problem is reported so the user can fix it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from textual.color import Color, ColorParseError
from textual.theme import Theme

COLOUR_KEYS = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "success",
    "warning",
    "error",
)
DEFAULT_THEME = "hearth"


@dataclass(frozen=True)
class LoadedThemes:
    themes: dict[str, Theme]
    labels: dict[str, str]
    problems: tuple[str, ...]


def _theme_from(path: Path) -> tuple[Theme, str]:
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError('it needs a name = "..." line')
    if "primary" not in data:
        raise ValueError("it needs at least a primary colour")
    colours: dict[str, str | None] = {}
    for key in COLOUR_KEYS:
        value = data.get(key)
        if value is not None:
            Color.parse(str(value))
        colours[key] = None if value is None else str(value)
    variables = data.get("variables", {})
    if not isinstance(variables, dict):
        raise ValueError("[variables] must be a table of names to colours")
    theme = Theme(
        name=name,
        primary=str(data["primary"]),
        secondary=colours["secondary"],
        accent=colours["accent"],
        foreground=colours["foreground"],
        background=colours["background"],
        surface=colours["surface"],
        panel=colours["panel"],
        success=colours["success"],
        warning=colours["warning"],
        error=colours["error"],
        dark=bool(data.get("dark", True)),
        variables={str(k): str(v) for k, v in variables.items()},
    )
    return theme, str(data.get("label", name))


def load_themes(folder: Path) -> LoadedThemes:
    themes: dict[str, Theme] = {}
    labels: dict[str, str] = {}
    problems: list[str] = []
    for path in sorted(folder.glob("*.toml")):
        try:
            theme, label = _theme_from(path)
        except (OSError, tomllib.TOMLDecodeError, ValueError, ColorParseError) as exc:
            problems.append(f"The theme file {path.name} was skipped: {exc}.")
            continue
        themes[theme.name] = theme
        labels[theme.name] = label
    return LoadedThemes(themes, labels, tuple(problems))
