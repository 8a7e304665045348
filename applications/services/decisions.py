"""Staff moves of a proposal: screening with its checklist, working-group, sub-committee and
committee outcomes, certification, renewal and revocation, each through workflow.advance()."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from applications import workflow
from applications.models import Application, Certificate
from applications.services.certificates import (
    certificate_issue,
    certificate_renew,
    certificate_revoke,
)
from applications.services.revisions import revision_request_create
from applications.workflow import IllegalMove
from smartcity.accounts.models import User

# what the office checks before a proposal goes to the working group
SCREENING_CHECKLIST = {
    "boundary_defined": gettext_lazy("The area boundary is defined"),
    "lead_body_eligible": gettext_lazy("The lead body is eligible"),
    "sections_complete": gettext_lazy("The required sections are complete"),
}
# moves the lead organisation makes through its own services, or the daily job
NOT_STAFF_MOVES = frozenset({"submit", "resubmit", "withdraw", "expire"})


def _checklist_comment(checklist: Iterable[str], comment: str) -> str:
    ticked = set(checklist)
    missing = [str(label) for key, label in SCREENING_CHECKLIST.items() if key not in ticked]
    if missing:
        raise ValidationError(
            {"checklist": _("Not yet checked: %(items)s.") % {"items": "; ".join(missing)}}
        )
    lines = [f"✓ {label}" for label in SCREENING_CHECKLIST.values()]
    return "\n".join([*lines, comment.strip()]).strip()


@transaction.atomic
def application_transition(
    *,
    application: Application,
    move: str,
    actor: User,
    comment: str = "",
    checklist: Iterable[str] = (),
    points: Iterable[str] | str = "",
    deadline: dt.date | None = None,
    decided_on: dt.date | None = None,
) -> Application:
    """Make one staff move with what it needs: the checklist to pass screening, points and a
    deadline to ask for a revision, conditions and a deadline to approve in principle, a reason
    to revoke (IllegalMove, ValidationError). Certifying issues the certificate."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if move in NOT_STAFF_MOVES:
        raise IllegalMove(_("This step is not made from the office's pages."))
    workflow.move_check(application, move, actor=actor)
    decided_on = decided_on or timezone.localdate()
    if move == "screening_pass":
        comment = _checklist_comment(checklist, comment)
    if move in ("request_revision", "return_with_conditions"):
        revision_request_create(
            application=application, actor=actor, points=points, deadline=deadline, move=move
        )
        return application
    if move == "wg_approve_in_principle":
        workflow.advance(application, move, actor=actor, comment=comment)
        revision_request_create(
            application=application,
            actor=actor,
            points=points or comment,
            deadline=deadline,
            move="return_with_conditions",
        )
        return application
    if move == "revoke":
        certificate_revoke(application=application, actor=actor, reason=comment)
        return application
    if move == "renew":
        certificate_renew(certificate=Certificate.objects.get(application=application), actor=actor)
        return application
    workflow.advance(application, move, actor=actor, comment=comment)
    if move == "certify":
        certificate_issue(application=application, on=decided_on)
    return application
