"""Template tags other apps' pages use to show MOUs without importing this app in Python."""

from __future__ import annotations

from django import template
from django.contrib.auth.models import AnonymousUser

from mou.selectors import mou_list_for_organisation
from municipalities.models import Organisation

register = template.Library()


@register.inclusion_tag("mou/partials/_organisation_mous.html", takes_context=True)
def organisation_mous(context: template.Context, organisation: Organisation) -> dict[str, object]:
    """The MOUs the viewer may see in which the organisation is a party or participant."""
    viewer = getattr(context.get("request"), "user", None) or AnonymousUser()
    return {"mous": mou_list_for_organisation(viewer=viewer, organisation=organisation)}
