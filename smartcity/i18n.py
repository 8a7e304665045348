"""Text in the active language, one rule for every app (the Buddhist Era: smartcity.dates)."""

from __future__ import annotations

from django.utils.translation import get_language


def is_thai() -> bool:
    """The active language is Thai (the default when none is active)."""
    return (get_language() or "th").startswith("th")


def in_language(thai: str, english: str) -> str:
    """The text in the active language, or the other one when it is empty."""
    first, second = (thai, english) if is_thai() else (english, thai)
    return first or second
