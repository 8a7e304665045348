"""Writes on conflict-of-interest declarations: made once by an assigned reviewer, final.

"No conflict" opens scoring (applications/services/reviews.py). "Conflict" needs a reason, ends
the assignment (so every rule built on `is_assigned_reviewer` stops granting the full proposal,
its files, scores and internal comments: the reviewer keeps the queue summary every reviewer
sees) and tells the office. Each declaration is audited (AuditLog) besides its pghistory rows.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications import notifications as events
from applications.models import Application, Assignment, ConflictDeclaration
from smartcity.accounts.models import AuditEvent, User
from smartcity.accounts.services import audit_record
from smartcity.errors import DomainError
from smartcity.notifications.services import notify


class DeclarationFinal(DomainError):
    """The reviewer already declared on this proposal; a declaration never changes."""

    code = "declaration_final"


def _already_declared() -> DeclarationFinal:
    return DeclarationFinal(
        _("You have already declared your interest in this proposal; a declaration is final.")
    )


@transaction.atomic
def declaration_make(
    *, application: Application, reviewer: User, has_conflict: bool, reason: str = ""
) -> ConflictDeclaration:
    """The assigned reviewer declares "no conflict" or "conflict, with reason" on the proposal
    (DeclarationFinal if already declared, PermissionDenied if not assigned, ValidationError
    for a conflict without a reason)."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if ConflictDeclaration.objects.filter(application=application, reviewer=reviewer).exists():
        raise _already_declared()
    assignment = Assignment.objects.filter(application=application, reviewer=reviewer).first()
    if assignment is None:
        raise PermissionDenied(_("Only a reviewer assigned to this proposal declares on it."))
    reason = reason.strip()
    if has_conflict and not reason:
        raise ValidationError(
            {"reason": _("Say what the conflict of interest is: the office records the reason.")}
        )
    try:
        with transaction.atomic():
            declaration = ConflictDeclaration.objects.create(
                application=application,
                reviewer=reviewer,
                has_conflict=has_conflict,
                reason=reason,
                declared_at=timezone.now(),
            )
    except IntegrityError:  # a concurrent declaration of the same reviewer
        raise _already_declared() from None
    audit_record(
        event=AuditEvent.INTEREST_DECLARED,
        user=reviewer,
        actor=reviewer,
        detail={
            "application": str(application.uuid),
            "reference": application.reference,
            "has_conflict": has_conflict,
            "reason": reason,
        },
    )
    if has_conflict:
        assignment.delete()
        notify(
            recipients=events.office(),
            event=events.CONFLICT_DECLARED.name,
            obj=application,
            context={"declaration": declaration},
        )
    return declaration
