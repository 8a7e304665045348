"""Template filters of the proposal pages."""

from __future__ import annotations

from django import template

from smartcity.dates import era_year as stored_year_in_era

register = template.Library()


@register.filter
def era_year(year: int | str | None) -> int | str:
    """A stored (CE) year as people read it: 2027 → 2570 on Thai pages."""
    if year in (None, ""):
        return ""
    return stored_year_in_era(int(year))
