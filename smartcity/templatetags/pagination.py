"""Links between the pages of a list that keep every filter of the current query."""

from __future__ import annotations

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context: template.Context, number: int) -> str:
    """`?<the current query>&page=<number>`: the filters the reader chose stay applied."""
    query = context["request"].GET.copy()
    query["page"] = number
    return f"?{query.urlencode()}"
