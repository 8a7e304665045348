"""The programme administrator's counters of undecided sign-ups (smartcity.panels)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from smartcity.accounts.rules import is_programme_admin
from smartcity.accounts.selectors import decisions_pending_count
from smartcity.panels import Counter, Panel, panel_register


def _pending(request: HttpRequest, obj: None) -> dict[str, Any] | None:
    if not is_programme_admin(request.user):
        return None
    counts = decisions_pending_count()
    pending = reverse("admin:accounts_membership_changelist") + "?status__exact=pending"
    return {
        "counters": [
            Counter(_("memberships waiting for approval"), counts["memberships"], pending),
            Counter(
                _("proposed organisations waiting for approval"),
                counts["organisations"],
                f"{pending}&proposes_organisation__exact=1",
            ),
        ]
    }


for slot in ("dashboard", "admin_index"):
    panel_register(
        Panel("pending", slot, _("Waiting for a decision"), "components/_counters.html", _pending)
    )
