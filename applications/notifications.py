"""The proposal events, registered with the notifications component, and their audiences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
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

REVISION_DEADLINE_NEAR = event_register(
    Event("applications.revision_deadline_near", _("Revision deadline near"))
)
REVISION_OVERDUE = event_register(
    Event("applications.revision_overdue", _("Revision overdue"), staff_only=False)
)
DECISION_MADE = event_register(Event("applications.decision_made", _("Decision made")))
CERTIFICATE_ISSUED = event_register(
    Event("applications.certificate_issued", _("Certificate issued"))
)
CERTIFICATE_EXPIRING = event_register(
    Event("applications.certificate_expiring", _("Certificate expiring"))
)

# the review (issue 17): the reviewer's assignment, a declared conflict told to the office
REVIEWER_ASSIGNED = event_register(
    Event(
        "applications.reviewer_assigned",
        _("Proposal assigned to you for review"),
        link=lambda application: reverse(
            "reviews:declare",
            kwargs={"uuid": application.uuid},  # type: ignore[attr-defined]
        ),
        staff_only=True,
    )
)
CONFLICT_DECLARED = event_register(
    Event(
        "applications.conflict_declared",
        _("Reviewer declared a conflict of interest"),
        link=lambda application: reverse(
            "decisions:workspace",
            kwargs={"uuid": application.uuid},  # type: ignore[attr-defined]
        ),
        staff_only=True,
    )
)


def assigned_reviewers(application: Application) -> list[User]:
    """Active reviewers assigned to the proposal."""
    return list(User.objects.filter(is_active=True, review_assignments__application=application))


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
