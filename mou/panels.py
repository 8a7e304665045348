"""The MOU boxes on the home page and the organisation page (smartcity.panels)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from mou.selectors import mou_latest_public, mou_list_for_organisation
from municipalities.models import Organisation
from smartcity.panels import Panel, panel_register


def _latest(request: HttpRequest, obj: None) -> dict[str, Any]:
    return {"latest_mous": mou_latest_public(limit=5)}


def _of_organisation(request: HttpRequest, organisation: Organisation) -> dict[str, Any]:
    return {"mous": mou_list_for_organisation(viewer=request.user, organisation=organisation)}


panel_register(
    Panel(
        "mous",
        "home",
        _("Memoranda of understanding"),
        "mou/partials/_home_mous.html",
        _latest,
        order=90,
    )
)
panel_register(
    Panel(
        "mous",
        "organisation",
        _("Memoranda of understanding"),
        "mou/partials/_organisation_mous.html",
        _of_organisation,
        order=90,
    )
)
