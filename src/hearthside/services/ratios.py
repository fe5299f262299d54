"""Good moments to hard ones, against an aim: the everyday ratio and the conflict ratio.

Gottman's five to one was measured while couples talked through a disagreement; in
everyday life the couples who stayed together ran much higher, near twenty to one.
So moments noted during a disagreement are held to one aim and the rest to the
other, both from content/practices.md's ``ratio:``. ``stats.week_ratio`` is the one
place a week's moments become a ``Ratio``; the Dashboard, ``hearthside stats`` and
Today's offer of Good memories all read it.
"""

from __future__ import annotations

from dataclasses import dataclass

from hearthside.texts.items import Step


@dataclass(frozen=True, slots=True)
class Repair:
    """A kind pointer for a week when hard moments outweigh the aim."""

    hint: str
    steps: tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class Ratio:
    """Good and hard moments over some days against the aim (``aim`` good per hard one)."""

    positive: int
    negative: int
    aim: int
    repair: Repair | None  # set only when the aim is not met
    conflict: bool = False  # moments noted during a disagreement; else the everyday ones

    @property
    def met(self) -> bool:
        return self.positive >= self.aim * self.negative

    @property
    def label(self) -> str:
        if self.negative == 0:
            return f"{self.positive}:0"
        return f"{self.positive / self.negative:.1f}:1"

    @property
    def name(self) -> str:
        """How the screens name it: "Everyday" or "In a disagreement"."""
        return "In a disagreement" if self.conflict else "Everyday"

    def verdict(self, *, this_week: bool) -> str:
        """The moments in words, for the week in view (``this_week``) or an earlier one."""
        if self.positive + self.negative == 0:
            return "nothing noted yet" if this_week else "nothing noted that week"
        return "on track" if self.met else "a few more kind moments would help"
