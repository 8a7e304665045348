"""The accounts' notification events, registered with the notifications component."""

from __future__ import annotations

from django.db.models import Model
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from smartcity.accounts.models import Membership
from smartcity.notifications.events import Event, event_register


def _members_page(membership: Model) -> str:
    assert isinstance(membership, Membership)  # noqa: S101 - the two membership events only
    return reverse("accounts:organisation-members", kwargs={"uuid": membership.organisation.uuid})


def _login_page(obj: Model) -> str:  # a caller may pass a signed link in the context instead
    return reverse("accounts:login")


def _dashboard(obj: Model) -> str:
    return reverse("accounts:dashboard")


def _home(obj: Model) -> str:
    return reverse("home")


# the account is not active yet: nobody could opt out of it, so no preference is offered
VERIFY_EMAIL = event_register(
    Event(
        "accounts.verify_email", _("Verify your email address"), _login_page, in_preferences=False
    )
)
MEMBERSHIP_REQUESTED = event_register(
    Event("accounts.membership_requested", _("A member waits for approval"), _members_page)
)
ORGANISATION_PROPOSED = event_register(
    Event(
        "accounts.organisation_proposed",
        _("An organisation was proposed"),
        _members_page,
        staff_only=True,
    )
)
MEMBERSHIP_APPROVED = event_register(
    Event("accounts.membership_approved", _("Membership approved"), _dashboard)
)
MEMBERSHIP_REFUSED = event_register(
    Event("accounts.membership_refused", _("Membership refused"), _home)
)
INVITATION = event_register(
    Event("accounts.invitation", _("Invitation to the portal"), _login_page)
)
STAFF_ACCOUNT_CREATED = event_register(
    Event(
        "accounts.staff_account_created", _("Staff account created"), _login_page, staff_only=True
    )
)
