"""Writes on reviewer assignments: one at a time or in bulk from the review queue."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import Application, Assignment
from smartcity.accounts.models import User
from smartcity.accounts.roles import Role
from smartcity.errors import DomainError


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
    return None


@transaction.atomic
def assignment_create(*, application: Application, reviewer: User, actor: User) -> Assignment:
    """A programme administrator assigns a reviewer to a submitted proposal (AssignmentRefused)."""
    if not actor.has_perm("applications.assign_reviewer"):
        raise PermissionDenied
    application = Application.objects.select_for_update().get(pk=application.pk)
    problem = assignment_problem(application=application, reviewer=reviewer)
    if problem:
        raise AssignmentRefused(problem)
    try:
        with transaction.atomic():
            return Assignment.objects.create(
                application=application,
                reviewer=reviewer,
                assigned_by=actor,
                assigned_at=timezone.now(),
            )
    except IntegrityError:  # a concurrent assignment of the same reviewer
        raise AssignmentRefused(_("This reviewer is already assigned to this proposal.")) from None


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
