"""The words of the Dashboard's panes about the two of you: good and hard moments
against their two aims, and how bids for connection were met, beside the study.

Plain figures from the services in, styled text out; the panes only show it.
"""

from __future__ import annotations

from textual.content import Content

from hearthside.services.bids import BidWeek, rate_lines, study_line
from hearthside.services.ratios import Ratio, Repair

DIM = "$foreground 60%"

# Under a ratio with nothing noted yet: the keys that note one.
_HOW_TO_NOTE = {False: "(+ good, - hard)", True: "(! after + or - marks one)"}


def ratio_lines(ratio: Ratio, *, this_week: bool) -> Content:
    """One ratio against its aim, named, and how that looks."""
    r = ratio
    verdict = r.verdict(this_week=this_week)
    counts = Content.assemble(
        (f"{r.positive} good", "bold"), " to ", (f"{r.negative} hard", "bold")
    )
    if r.positive + r.negative == 0:
        counts += Content.styled(f" · aim {r.aim}:1", DIM)
        said = Content.styled(f"{verdict} {_HOW_TO_NOTE[r.conflict]}", DIM)
    else:
        counts += Content.styled(f" · {r.label}, aim {r.aim}:1", DIM)
        said = Content.styled(verdict, "$success" if r.met else "$accent")
    return Content("\n").join([Content.styled(r.name, "bold $secondary"), counts, said])


def repair_lines(repair: Repair) -> Content:
    """A kind pointer to the strategies worth a look when an aim slips."""
    steps = [Content.styled(f"  {s.number}. {s.title}", "$secondary") for s in repair.steps]
    return Content("\n").join(
        [
            Content.styled(repair.hint, "italic"),
            Content.styled("Worth a look in the Guide (key 5):", DIM),
            *steps,
        ]
    )


def bid_lines(week: BidWeek, which_week: str) -> Content:
    """How their bids and yours were met, then the study's figures, quieter."""
    first, *rest = rate_lines(week, which_week)
    shown = [
        Content.styled(first, "bold") if rest else Content.styled(f"{first} (b notes one)", DIM)
    ]
    shown += [Content(line) for line in rest]
    shown.append(Content.styled(study_line(), DIM))
    return Content("\n").join(shown)
