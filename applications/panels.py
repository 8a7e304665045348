"""The proposals' boxes: open calls on the home page, proposals on the organisation page and
the dashboard (smartcity.panels)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from applications.selectors import (
    application_list_for_dashboard,
    application_list_for_organisation,
    call_list_open,
    proposal_starts,
)
from municipalities.models import Organisation
from smartcity.panels import Panel, panel_register


def _open_calls(request: HttpRequest, obj: None) -> dict[str, Any]:
    return {"open_calls": call_list_open()}


def _of_organisation(request: HttpRequest, organisation: Organisation) -> dict[str, Any] | None:
    if not request.user.is_authenticated:
        return None  # the public sees no proposals
    rows = application_list_for_organisation(viewer=request.user, organisation=organisation)
    return {"applications": rows} if rows else None


def _dashboard(request: HttpRequest, obj: None) -> dict[str, Any] | None:
    if not request.user.is_authenticated:
        return None
    rows = application_list_for_dashboard(viewer=request.user)
    return {"applications": rows} if rows else None  # the dashboard says "no proposals yet"


panel_register(
    Panel(
        "open-calls",
        "home",
        _("Calls for proposals"),
        "applications/partials/_home_calls.html",
        _open_calls,
        order=10,
    )
)
panel_register(
    Panel(
        "proposals",
        "organisation",
        _("Proposals"),
        "applications/partials/_application_rows.html",
        _of_organisation,
        order=20,
    )
)
panel_register(
    Panel(
        "proposals",
        "dashboard",
        _("Proposals"),
        "applications/partials/_application_rows.html",
        _dashboard,
        order=20,
    )
)


def _starts(request: HttpRequest, obj: None) -> dict[str, Any] | None:
    if not request.user.is_authenticated:
        return None  # the home page of the public
    starts = proposal_starts(viewer=request.user)
    return starts if starts["starts"] or starts["waiting"] else None


for slot in ("dashboard", "home"):
    panel_register(
        Panel(
            "start", slot, _("Prepare a proposal"), "applications/partials/_start.html", _starts, 5
        )
    )
