"""The MOU boxes on the home, organisation and dashboard pages and the admin index."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mou.selectors import mou_expiring, mou_latest_public, mou_list_for_organisation
from municipalities.models import Organisation
from smartcity.accounts.rules import is_programme_admin
from smartcity.panels import Counter, Panel, panel_register


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


def _expiring(request: HttpRequest, obj: None) -> dict[str, Any] | None:
    if not is_programme_admin(request.user):
        return None
    ending = reverse("admin:mou_mou_changelist") + "?status__exact=active"
    count = mou_expiring(today=timezone.localdate(), within_days=90).count()
    return {"counters": [Counter(_("MOUs expiring within 90 days"), count, ending)]}


for slot in ("dashboard", "admin_index"):
    panel_register(
        Panel(
            "mous_expiring",
            slot,
            _("Memoranda of understanding"),
            "components/_counters.html",
            _expiring,
            order=90,
        )
    )
