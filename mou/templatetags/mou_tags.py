"""Template tags other apps' pages use to show MOUs without importing this app in Python."""

from __future__ import annotations

from django import template

from mou.selectors import mou_list_for_organisation

register = template.Library()


@register.inclusion_tag("mou/partials/_organisation_mous.html", takes_context=True)
def organisation_mous(context: template.Context, organisation: object) -> dict:
    """The MOUs the viewer may see in which the organisation is a party or participant."""
    request = context.get("request")
    viewer = getattr(request, "user", None)
    return {"mous": mou_list_for_organisation(viewer=viewer, organisation=organisation)}
