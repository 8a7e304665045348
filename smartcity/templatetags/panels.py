"""`{% panels "slot" obj as boxes %}`: the panels apps registered for a page (smartcity.panels)."""

from __future__ import annotations

from django import template
from django.db.models import Model

from smartcity.panels import RenderedPanel, panels_render

register = template.Library()


@register.simple_tag(takes_context=True)
def panels(context: template.Context, slot: str, obj: Model | None = None) -> list[RenderedPanel]:
    """The slot's panels for this page; `obj` is what the page is about (an organisation)."""
    return panels_render(slot=slot, request=context["request"], obj=obj)
