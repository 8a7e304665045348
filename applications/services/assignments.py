"""Writes on reviewer assignments: one at a time or in bulk from the review queue.

An assignment is refused when the reviewer is tied to an applicant: they have or had a
membership of the lead or a partner organisation, in any status. Pending counts (they asked to act
for it); refused counts too: the request itself says they claimed a tie, and an administrator can
turn an approved membership into a refused one in the Django admin, so a refused row may be a past
membership. Refusing wrongly costs the office one other reviewer; assigning wrongly costs the
review its fairness. The home organisation (User.home_organisation) counts the same way, and so
does an earlier declaration of a conflict on this proposal (final: a conflicted reviewer is never
assigned back).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications import notifications as events
from applications.models import Application, Assignment, ConflictDeclaration
from municipalities.models import Organisation
from smartcity.accounts.models import Membership, User
from smartcity.accounts.roles import Role
from smartcity.errors import DomainError
from smartcity.notifications.services import notify


class AssignmentRefused(DomainError):
    code = "assignment_refused"


def assignment_problem(*, application: Application, reviewer: User) -> str | None:
    """Why this reviewer cannot be assigned to this proposal, or None."""
    if not reviewer.is_active or not reviewer.has_role(Role.REVIEWER):
        return _("Only active reviewers can be assigned to proposals.")
    if application.submitted_at is None:
        return _("A draft cannot be assigned: it has not been submitted.")
    if application.assignments.filter(reviewer=reviewer).exists():
        return _("This reviewer is already assigned to this proposal.")
    if ConflictDeclaration.objects.filter(
        application=application, reviewer=reviewer, has_conflict=True
    ).exists():
        return _(
            "%(reviewer)s declared a conflict of interest on this proposal and cannot review it."
        ) % {"reviewer": reviewer}
    return _tie_problem(application=application, reviewer=reviewer)


def _tie_problem(*, application: Application, reviewer: User) -> str | None:
    """The applicant organisation the reviewer is tied to (membership or home), as a refusal."""
    applicants = {application.lead_org_id: _("lead organisation")}
    for organisation_id in application.partners.values_list("organisation_id", flat=True):
        applicants.setdefault(organisation_id, _("partner organisation"))
    tie: int | None
    if reviewer.home_organisation_id in applicants:
        tie = reviewer.home_organisation_id
        text = _(
            "%(reviewer)s works for %(organisation)s, the %(role)s of this proposal: "
            "a conflict of interest, so they cannot review it."
        )
    else:
        tie = (
            Membership.objects.filter(user=reviewer, organisation_id__in=applicants)
            .order_by("pk")
            .values_list("organisation_id", flat=True)
            .first()
        )
        text = _(
            "%(reviewer)s is or was a member of %(organisation)s, the %(role)s of this "
            "proposal: a conflict of interest, so they cannot review it."
        )
    if tie is None:
        return None
    organisation = Organisation.objects.get(pk=tie)
    return text % {"reviewer": reviewer, "organisation": organisation, "role": applicants[tie]}


def review_due_on(assigned: dt.datetime) -> dt.date:
    """The default day by which an assigned reviewer submits their scores."""
    return timezone.localdate(assigned) + dt.timedelta(days=settings.REVIEW_DAYS)


@transaction.atomic
def assignment_create(
    *, application: Application, reviewer: User, actor: User, due_on: dt.date | None = None
) -> Assignment:
    """A programme administrator assigns a reviewer to a submitted proposal, due in REVIEW_DAYS
    unless `due_on` says otherwise, and tells the reviewer (AssignmentRefused)."""
    if not actor.has_perm("applications.assign_reviewer"):
        raise PermissionDenied
    application = Application.objects.select_for_update().get(pk=application.pk)
    problem = assignment_problem(application=application, reviewer=reviewer)
    if problem:
        raise AssignmentRefused(problem)
    now = timezone.now()
    try:
        with transaction.atomic():
            assignment = Assignment.objects.create(
                application=application,
                reviewer=reviewer,
                assigned_by=actor,
                assigned_at=now,
                due_on=due_on or review_due_on(now),
            )
    except IntegrityError:  # a concurrent assignment of the same reviewer
        raise AssignmentRefused(_("This reviewer is already assigned to this proposal.")) from None
    notify(
        recipients=[reviewer],
        event=events.REVIEWER_ASSIGNED.name,
        obj=application,
        context={"assignment": assignment},
    )
    return assignment


@dataclass
class BulkAssignment:
    """What a bulk assignment did: the assignments made and, for each refusal, the reason."""

    created: list[Assignment] = field(default_factory=list)
    refused: list[tuple[Application, User, str]] = field(default_factory=list)


def assignment_create_many(
    *, applications: Sequence[Application], reviewers: Sequence[User], actor: User
) -> BulkAssignment:
    """Assign every reviewer to every proposal; each pair is its own transaction, so a refused
    pair (a conflict, an existing assignment) neither stops nor undoes the others."""
    if not actor.has_perm("applications.assign_reviewer"):
        raise PermissionDenied
    result = BulkAssignment()
    for application in applications:
        for reviewer in reviewers:
            try:
                made = assignment_create(application=application, reviewer=reviewer, actor=actor)
            except AssignmentRefused as refusal:
                result.refused.append((application, reviewer, refusal.message))
            else:
                result.created.append(made)
    return result


@transaction.atomic
def assignment_delete(*, assignment: Assignment, actor: User) -> None:
    """A programme administrator takes a reviewer off a proposal."""
    if not actor.has_perm("applications.assign_reviewer"):
        raise PermissionDenied
    assignment.delete()
