"""The trend rule: rising, steady or falling, and the sparkline's characters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hearthside.domain.trends import FALLING, RISING, STEADY, sparkline, trend


@pytest.mark.parametrize(
    ("values", "word"),
    [
        ([1, 3], RISING),
        ([3, 1], FALLING),
        ([2, 2, 2, 2], STEADY),
        ([1, None, 1, 1, 2], STEADY),  # half a point on the 0-4 scale is still steady
        ([0, 1, None, 2, 3], RISING),
        ([4, 4, 3, 1, 0, 0], FALLING),
        ([2, 4, 0, 4, 2], STEADY),  # ups and downs that even out
        ([None, None, 3], None),  # one rating alone has no direction yet
        ([], None),
    ],
)
def test_the_later_half_against_the_earlier_half(values: list[int | None], word: str) -> None:
    assert trend(values) == word


def test_the_sparkline_is_one_character_a_week_on_the_whole_scale() -> None:
    assert sparkline([0, None, 2, 4], low=0, high=4) == "▁·▅█"


@given(st.lists(st.one_of(st.none(), st.integers(0, 4)), max_size=12))
def test_a_trend_read_backwards_turns_round(values: list[int | None]) -> None:
    opposite = {RISING: FALLING, FALLING: RISING, STEADY: STEADY, None: None}
    assert trend(values[::-1]) == opposite[trend(values)]
    assert len(sparkline(values, low=0, high=4)) == len(values)
