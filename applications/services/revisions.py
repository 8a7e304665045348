"""Revision requests: itemised points, deadlines staff may extend, answers, reminders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from applications import workflow
from applications.models import Application, DeadlineExtension, RevisionPoint, RevisionRequest
from applications.notifications import REVISION_DEADLINE_NEAR, REVISION_OVERDUE, lead_officers
from applications.workflow import IllegalMove, State
from smartcity.accounts.models import User
from smartcity.notifications.services import reminder_due_send

REMIND_DAYS_BEFORE = 3


def _clean_points(points: Iterable[str] | str) -> list[str]:
    if isinstance(points, str):
        points = points.splitlines()
    cleaned = [point.strip() for point in points if point.strip()]
    if not cleaned:
        raise ValidationError({"points": _("Say what needs to be revised, one point per line.")})
    return cleaned


def revision_request_create(
    *,
    application: Application,
    actor: User,
    points: Iterable[str] | str,
    deadline: dt.date | None,
    move: str = "request_revision",
    now: dt.datetime | None = None,
) -> RevisionRequest:
    """Return a proposal to its lead organisation with itemised points to answer by a deadline
    (the end of that day in Bangkok); the caller holds the row lock (IllegalMove, ValidationError).
    """
    now = now or timezone.now()
    workflow.move_check(application, move, actor=actor)
    cleaned = _clean_points(points)
    if deadline is None:
        raise ValidationError({"deadline": _("Give a deadline for the revision.")})
    if deadline < timezone.localdate(now):
        raise ValidationError({"deadline": _("The deadline cannot be in the past.")})
    request = RevisionRequest.objects.create(
        application=application,
        points="\n".join(cleaned),
        deadline=deadline,
        requested_by=actor,
        requested_at=now,
    )
    RevisionPoint.objects.bulk_create(
        RevisionPoint(request=request, number=number, text=text)
        for number, text in enumerate(cleaned, start=1)
    )
    workflow.advance(application, move, actor=actor, comment=request.points)
    return request


@transaction.atomic
def application_request_revision(
    *,
    application: Application,
    actor: User,
    points: Iterable[str] | str,
    deadline: dt.date | None,
    now: dt.datetime | None = None,
) -> RevisionRequest:
    """An assigned reviewer or a programme administrator returns a submitted or screened
    proposal with itemised points (IllegalMove, ValidationError)."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    return revision_request_create(
        application=application, actor=actor, points=points, deadline=deadline, now=now
    )


@transaction.atomic
def revision_deadline_extend(
    *, request: RevisionRequest, actor: User, deadline: dt.date | None, reason: str
) -> DeadlineExtension:
    """Move an open request's deadline later, with a reason (IllegalMove, ValidationError)."""
    request = (
        RevisionRequest.objects.select_for_update().select_related("application").get(pk=request.pk)
    )
    if not request.is_open or not actor.has_perm(
        "applications.extend_deadline", request.application
    ):
        raise IllegalMove(_("This revision request cannot be extended."))
    errors = {}
    if deadline is None or deadline <= request.deadline:
        errors["deadline"] = _("The new deadline must be after the current one.")
    if not reason.strip():
        errors["reason"] = _("Give the reason for the extension.")
    if errors or deadline is None:  # a missing deadline is among the errors
        raise ValidationError(errors)
    extension = DeadlineExtension.objects.create(
        request=request,
        previous_deadline=request.deadline,
        deadline=deadline,
        reason=reason.strip(),
        extended_by=actor,
    )
    request.deadline = deadline
    request.save(update_fields=["deadline"])
    return extension


def revision_open(application: Application) -> RevisionRequest | None:
    """The request the lead organisation has to answer now, if any."""
    if application.state != State.REVISION_REQUESTED:
        return None
    return application.revision_requests.filter(answered_at__isnull=True).first()


@transaction.atomic
def revision_answers_save(
    *, application: Application, actor: User, answers: Mapping[int, str]
) -> RevisionRequest:
    """Save the lead organisation's answer to each point (IllegalMove). Resubmitting needs every
    point answered (services.proposals.revision_answers_check)."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    request = revision_open(application)
    if request is None or not actor.has_perm("applications.answer_revision", application):
        raise IllegalMove(_("There is no revision request to answer."))
    now = timezone.now()
    for point in request.items.all():
        answer = answers.get(point.number, point.answer).strip()
        if answer != point.answer:
            point.answer, point.answered_at = answer, now
            point.save(update_fields=["answer", "answered_at"])
    return request


def revision_reminders_send(*, today: dt.date) -> int:
    """Remind the lead officers 3 days before a deadline and once it has passed, once each."""
    sent = 0
    rows = RevisionRequest.objects.filter(
        answered_at__isnull=True,
        application__state=State.REVISION_REQUESTED,
        deadline__lte=today + dt.timedelta(days=REMIND_DAYS_BEFORE),
    ).select_related("application")
    for request in rows:
        days_left = (request.deadline - today).days
        overdue = days_left < 0
        sent += len(
            reminder_due_send(
                recipients=lead_officers(request.application),
                event=(REVISION_OVERDUE if overdue else REVISION_DEADLINE_NEAR).name,
                obj=request,
                days_left=days_left,
                thresholds=(-1,) if overdue else (REMIND_DAYS_BEFORE,),
                context={
                    "deadline": request.deadline,
                    "link": reverse(
                        "decisions:revision-answer", kwargs={"uuid": request.application.uuid}
                    ),
                },
            )
        )
    return sent
