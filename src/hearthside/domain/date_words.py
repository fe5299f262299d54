"""How a day is written for people: on every screen, in exports and in notes.

Dates are stored as ISO 8601 (``dates.iso``); these forms are only for reading.
The day comes before the month, and the month is a word, so "4 March" can't be
misread whatever date order a person types in.
"""

from __future__ import annotations

from datetime import date


def weekday(day: date) -> str:
    """Friday"""
    return f"{day:%A}"


def month(day: date) -> str:
    """November"""
    return f"{day:%B}"


def day_month(day: date) -> str:
    """20 November"""
    return f"{day.day} {day:%B}"


def day_month_year(day: date) -> str:
    """20 November 2026"""
    return f"{day.day} {day:%B %Y}"


def short_day(day: date) -> str:
    """Fri 20 Nov"""
    return f"{day:%a} {day.day} {day:%b}"


def long_day(day: date) -> str:
    """Friday 20 November"""
    return f"{weekday(day)} {day_month(day)}"


def full_day(day: date) -> str:
    """Friday 20 November 2026"""
    return f"{weekday(day)} {day_month_year(day)}"


def long_span(start: date, end: date) -> str:
    """16–22 November 2026; 30 November – 6 December 2026; across a year, both years."""
    if start.year != end.year:
        return f"{day_month_year(start)} – {day_month_year(end)}"
    if start.month != end.month:
        return f"{day_month(start)} – {day_month_year(end)}"
    return f"{start.day}–{day_month_year(end)}"


def short_span(start: date, end: date) -> str:
    """9–22 Nov; 30 Nov–6 Dec."""
    if start.month == end.month:
        return f"{start.day}–{end.day} {end:%b}"
    return f"{start.day} {start:%b}–{end.day} {end:%b}"
