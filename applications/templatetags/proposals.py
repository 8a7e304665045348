"""Template filters of the proposal pages."""

from __future__ import annotations

from django import template

from applications.era_fields import BUDDHIST_ERA_OFFSET, uses_buddhist_era

register = template.Library()


@register.filter
def era_year(year: int | None) -> int | str:
    """A stored (CE) year as people read it: 2027 → 2570 on Thai pages."""
    if year in (None, ""):
        return ""
    return int(year) + BUDDHIST_ERA_OFFSET if uses_buddhist_era() else int(year)
