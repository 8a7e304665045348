"""Boxes on the home page (certified cities), the organisation page (its certificates) and the
dashboard (the staff's work waiting; the officer's revisions to answer and certificates)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from applications.decisions.selectors import (
    certificate_list_for_organisation,
    certificate_list_latest,
    revisions_to_answer,
    staff_work,
)
from municipalities.models import Organisation
from smartcity.http import signed_in_user
from smartcity.panels import Panel, panel_register


def _home(request: HttpRequest, obj: None) -> dict[str, Any]:
    return {"certificates": certificate_list_latest(limit=5)}


def _organisation(request: HttpRequest, organisation: Organisation) -> dict[str, Any] | None:
    certificates = certificate_list_for_organisation(organisation=organisation)
    return {"certificates": certificates} if certificates else None


# the dashboard's panels: its page is for signed-in users only (@login_required)
def _staff_work(request: HttpRequest, obj: None) -> dict[str, Any] | None:
    if not request.user.has_perm("applications.view_staff_queue"):
        return None
    return {"work": staff_work(viewer=signed_in_user(request))}


def _officer_work(request: HttpRequest, obj: None) -> dict[str, Any] | None:
    revisions, certificates = revisions_to_answer(viewer=signed_in_user(request))
    if not revisions and not certificates:
        return None
    return {"revisions": revisions, "certificates": certificates}


panel_register(
    Panel(
        "cities",
        "home",
        _("Certified smart cities"),
        "applications/decisions/partials/_home_cities.html",
        _home,
        order=30,
    )
)
panel_register(
    Panel(
        "certificates",
        "organisation",
        _("Smart city certificates"),
        "applications/decisions/partials/_organisation_certificates.html",
        _organisation,
        order=20,
    )
)
panel_register(
    Panel(
        "staff-work",
        "dashboard",
        _("Waiting for you"),
        "applications/decisions/partials/_staff_work.html",
        _staff_work,
        order=10,
    )
)
panel_register(
    Panel(
        "officer-work",
        "dashboard",
        _("Revisions and certificates"),
        "applications/decisions/partials/_officer_work.html",
        _officer_work,
        order=20,
    )
)
