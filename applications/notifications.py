"""The proposal events, registered with the notifications component, and their audiences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from smartcity.accounts.models import Membership, User
from smartcity.accounts.roles import Role
from smartcity.notifications.events import Event, event_register

if TYPE_CHECKING:
    from applications.models import Application

SUBMITTED = event_register(Event("applications.submitted", _("Proposal submitted")))
RESUBMITTED = event_register(Event("applications.resubmitted", _("Revised proposal submitted")))
WITHDRAWN = event_register(Event("applications.withdrawn", _("Proposal withdrawn")))
CLOSING_REMINDER = event_register(
    Event("applications.closing_reminder", _("A call with your draft closes soon"))
)
REVISION_REQUESTED = event_register(
    Event("applications.revision_requested", _("Revision requested"))
)


def lead_officers(application: Application) -> list[User]:
    """Active, approved officers of the proposal's lead organisation."""
    return list(
        User.objects.filter(
            is_active=True,
            memberships__in=Membership.objects.approved().filter(
                organisation_id=application.lead_org_id
            ),
        ).distinct()
    )


def office() -> list[User]:
    """The Smart City Office: active programme administrators."""
    return list(User.objects.with_role(Role.PROGRAMME_ADMIN).distinct())
