"""Every theme's words stand out from what they sit on: WCAG AA, 4.5:1, from the files."""

from __future__ import annotations

import pytest
from textual.color import Color

from hearthside.paths import package_resource
from hearthside.tui.themes import load_themes

AA = 4.5
# (words, what they sit on), as Textual's variables name them; every pair the app uses
# for text: body text on each layer, titles, states, the footer and the cursor row.
TEXT_PAIRS = [
    ("foreground", "background"),
    ("foreground", "surface"),
    ("foreground", "panel"),
    ("text-muted", "background"),
    ("text-muted", "surface"),
    ("primary", "background"),
    ("primary", "surface"),
    ("secondary", "background"),
    ("success", "background"),
    ("success", "surface"),
    ("warning", "background"),
    ("error", "background"),
    ("error", "surface"),
    ("footer-foreground", "footer-background"),
    ("footer-key-foreground", "footer-background"),
    ("footer-description-foreground", "footer-background"),
    ("block-cursor-foreground", "block-cursor-background"),
]
LOADED = load_themes(package_resource("themes"))
THEMES = LOADED.themes


def over(value: str, under: Color) -> Color:
    """A theme value ("#RRGGBB", "#RRGGBB 35%", "auto 87%") as it shows over ``under``."""
    colour, _, alpha = value.partition(" ")
    base = under.get_contrast_text(1.0) if colour == "auto" else Color.parse(colour)
    return under + base.multiply_alpha(float(alpha.rstrip("%")) / 100 if alpha else 1.0)


def luminance(colour: Color) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def contrast(a: Color, b: Color) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_maths_matches_wcag() -> None:
    black, white = Color.parse("#000000"), Color.parse("#FFFFFF")
    assert contrast(black, white) == pytest.approx(21.0)
    assert contrast(Color.parse("#777777"), white) == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_text_pair_reaches_aa(name: str) -> None:
    variables = THEMES[name].to_color_system().generate()
    page = Color.parse(variables["background"])
    low = []
    for words, ground in TEXT_PAIRS:
        under = over(variables[ground], page)
        ratio = contrast(over(variables[words], under), under)
        if ratio < AA:
            low.append(f"{words} on {ground}: {ratio:.2f}")
    assert not low, f"{name} is below {AA}:1 for " + "; ".join(low)


def test_one_theme_is_high_contrast() -> None:
    ratios = {
        name: contrast(Color.parse(t.foreground or ""), Color.parse(t.background or ""))
        for name, t in THEMES.items()
    }
    assert max(ratios.values()) >= 15, ratios
    assert any("high contrast" in label.lower() for label in LOADED.labels.values())
