"""Helpers for the decision tests: a proposal carried along the staff path by the services."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from applications.decisions.demo import screened
from applications.models import AgendaItem, Application, Body, Meeting
from applications.services.decisions import application_transition
from applications.services.meetings import (
    DecisionInput,
    meeting_agenda_add,
    meeting_create,
    meeting_decide,
)
from applications.services.proposals import application_submit
from smartcity.accounts.roles import Role
from tests.factories.accounts import UserFactory
from tests.factories.applications import complete_draft


def office_admin() -> object:
    return UserFactory(role=Role.PROGRAMME_ADMIN, is_staff=True)


def submitted_proposal(**fields: object) -> Application:
    application = complete_draft(**fields)
    application_submit(application=application, actor=application.contact)
    application.refresh_from_db()
    return application


def revision_requested(application: Application, admin: object, *, days: int) -> None:
    """The office asks for a revision of one point, due in `days` days."""
    application_transition(
        application=application,
        move="request_revision",
        actor=admin,
        points="ก",
        deadline=deadline_in(days),
    )


def decide(
    application: Application, body: str, outcome: str, admin: object, **extra: object
) -> AgendaItem:
    """Put the proposal on a new meeting of the body and record one outcome."""
    meeting = meeting_create(
        actor=admin,
        body=body,
        number=f"{Meeting.objects.count() + 1}/2569",
        date=timezone.localdate(),
    )
    item = meeting_agenda_add(meeting=meeting, application=application, actor=admin)
    meeting_decide(
        meeting=meeting, actor=admin, decisions=[DecisionInput(item=item, outcome=outcome, **extra)]
    )
    item.refresh_from_db()
    return item


def certified_proposal(**fields: object) -> Application:
    """A proposal taken from submission to certification by the office and the committees."""
    admin = office_admin()
    application = submitted_proposal(**fields)
    screened(application, admin)
    decide(application, Body.WORKING_GROUP, "wg_recommend", admin)
    decide(application, Body.SUBCOMMITTEE, "subcommittee_forward", admin)
    decide(application, Body.COMMITTEE, "certify", admin)
    application.refresh_from_db()
    return application


def deadline_in(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)
