from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from applications.services.proposals import application_request_revision, application_submit
from smartcity.accounts.roles import Role
from tests.factories.accounts import UserFactory
from tests.factories.applications import CallFactory, complete_draft


@pytest.fixture
def call(db):
    return CallFactory()


@pytest.fixture
def draft(call):
    return complete_draft(call=call)


@pytest.fixture
def submitted(draft):
    application_submit(application=draft, actor=draft.contact)
    draft.refresh_from_db()
    return draft


def return_for_revision(application, *, days: int = 14, points: str = "แก้งบประมาณโครงการ"):
    """Until the decisions issue exists: a programme administrator asks for a revision."""
    admin = UserFactory(role=Role.PROGRAMME_ADMIN, is_staff=True)
    deadline = timezone.localdate() + dt.timedelta(days=days)
    return application_request_revision(
        application=application, actor=admin, points=points, deadline=deadline
    )
