"""Meetings of the working group, the sub-committee and the committee: agenda and decisions
taken in a batch, each writing its proposal's transition."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from applications import workflow
from applications.models import AgendaItem, Application, Body, Meeting
from applications.services.decisions import application_transition
from applications.workflow import IllegalMove, State
from smartcity.accounts.models import User

# what each body may decide, and the states of the proposals it takes on its agenda
OUTCOMES: dict[str, tuple[str, ...]] = {
    Body.WORKING_GROUP: ("wg_recommend", "wg_approve_in_principle", "wg_not_approve"),
    Body.SUBCOMMITTEE: ("subcommittee_forward", "subcommittee_not_approve"),
    Body.COMMITTEE: ("certify", "declare_promotion_zone", "not_approve"),
}
AGENDA_STATES: dict[str, frozenset[State]] = {
    Body.WORKING_GROUP: frozenset({State.WG_REVIEW}),
    Body.SUBCOMMITTEE: frozenset({State.WG_RECOMMENDED, State.SUBCOMMITTEE}),
    Body.COMMITTEE: frozenset({State.COMMITTEE, State.PROMOTION_ZONE}),
}


def _manage_check(actor: User) -> None:
    if not actor.has_perm("applications.manage_meetings"):
        raise IllegalMove(_("You cannot manage meetings."))


@transaction.atomic
def meeting_create(
    *,
    actor: User,
    body: str,
    number: str,
    date: dt.date,
    place: str = "",
    attendees: str = "",
) -> Meeting:
    """Schedule a meeting of one body (IllegalMove, ValidationError)."""
    _manage_check(actor)
    if Meeting.objects.filter(body=body, number=number.strip()).exists():
        raise ValidationError({"number": _("This body already has a meeting with this number.")})
    return Meeting.objects.create(
        body=body,
        number=number.strip(),
        date=date,
        place=place.strip(),
        attendees=attendees.strip(),
        created_by=actor,
    )


@transaction.atomic
def meeting_agenda_add(*, meeting: Meeting, application: Application, actor: User) -> AgendaItem:
    """Put a proposal on the agenda; a recommended one goes to the sub-committee with it
    (IllegalMove)."""
    _manage_check(actor)
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.state not in AGENDA_STATES[meeting.body]:
        raise IllegalMove(
            _("A proposal in the state “%(state)s” cannot go on this meeting's agenda.")
            % {"state": application.get_state_display()}
        )
    if meeting.items.filter(application=application).exists():
        raise IllegalMove(_("This proposal is already on the agenda."))
    if application.state == State.WG_RECOMMENDED:
        workflow.advance(application, "to_subcommittee", actor=actor, comment=str(meeting))
    order = (meeting.items.aggregate(last=Max("order"))["last"] or 0) + 1
    return AgendaItem.objects.create(meeting=meeting, application=application, order=order)


@dataclass(frozen=True)
class DecisionInput:
    item: AgendaItem
    outcome: str
    conditions: str = ""
    decided_on: dt.date | None = None
    deadline: dt.date | None = None  # for conditions to meet (approval in principle)


@transaction.atomic
def meeting_decide(*, meeting: Meeting, actor: User, decisions: list[DecisionInput]) -> int:
    """Record the meeting's decisions in one batch; each makes its proposal's move, all or
    none (IllegalMove, ValidationError). Returns how many were recorded."""
    recorded = 0
    for decision in decisions:
        item = decision.item
        if item.meeting_id != meeting.pk or item.outcome:
            raise IllegalMove(_("This agenda item was already decided."))
        if decision.outcome not in OUTCOMES[meeting.body]:
            raise IllegalMove(
                _("%(body)s cannot decide “%(outcome)s”.")
                % {"body": meeting.get_body_display(), "outcome": decision.outcome}
            )
        decided_on = decision.decided_on or meeting.date
        comment = " · ".join(filter(None, [str(meeting), decision.conditions.strip()]))
        application_transition(
            application=item.application,
            move=decision.outcome,
            actor=actor,
            comment=comment,
            points=decision.conditions,
            deadline=decision.deadline,
            decided_on=decided_on,
        )
        item.outcome, item.conditions = decision.outcome, decision.conditions.strip()
        item.decided_on, item.decided_by = decided_on, actor
        item.save(update_fields=["outcome", "conditions", "decided_on", "decided_by"])
        recorded += 1
    return recorded
