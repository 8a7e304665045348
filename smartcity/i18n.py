"""The two display rules of a Thai-first bilingual portal, in one place for every app."""

from __future__ import annotations

from django.utils.translation import get_language

BUDDHIST_ERA_OFFSET = 543


def is_thai() -> bool:
    """The active language is Thai (the default when none is active)."""
    return (get_language() or "th").startswith("th")


def in_language(thai: str, english: str) -> str:
    """The text in the active language, or the other one when it is empty."""
    first, second = (thai, english) if is_thai() else (english, thai)
    return first or second


def display_year(year: int) -> int:
    """The year as people read it: Buddhist Era on Thai pages, CE on English ones.

    Stored years and dates stay CE; this is for display only.
    """
    return year + BUDDHIST_ERA_OFFSET if is_thai() else year
