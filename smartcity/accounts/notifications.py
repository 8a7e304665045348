"""The accounts' notification events, registered with the notifications component."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from smartcity.accounts.models import Membership
from smartcity.notifications.events import Event, event_register


def _members_page(membership: Membership) -> str:
    return reverse("accounts:organisation-members", kwargs={"uuid": membership.organisation.uuid})


VERIFY_EMAIL = event_register(
    Event(
        "accounts.verify_email",
        _("Verify your email address"),
        link=lambda user: reverse("accounts:login"),  # the caller passes the signed link
        in_preferences=False,  # the account is not active yet: nobody could opt out anyway
    )
)
MEMBERSHIP_REQUESTED = event_register(
    Event("accounts.membership_requested", _("A member waits for approval"), link=_members_page)
)
ORGANISATION_PROPOSED = event_register(
    Event(
        "accounts.organisation_proposed",
        _("An organisation was proposed"),
        link=_members_page,
        staff_only=True,
    )
)
MEMBERSHIP_APPROVED = event_register(
    Event(
        "accounts.membership_approved",
        _("Membership approved"),
        link=lambda membership: reverse("accounts:dashboard"),
    )
)
MEMBERSHIP_REFUSED = event_register(
    Event(
        "accounts.membership_refused",
        _("Membership refused"),
        link=lambda membership: reverse("home"),
    )
)
INVITATION = event_register(
    Event(
        "accounts.invitation",
        _("Invitation to the portal"),
        link=lambda membership: reverse("accounts:login"),
    )
)
STAFF_ACCOUNT_CREATED = event_register(
    Event(
        "accounts.staff_account_created",
        _("Staff account created"),
        link=lambda user: reverse("accounts:login"),
        staff_only=True,
    )
)
