from __future__ import annotations

import pytest

from applications.models import Assignment, SavedView
from applications.queue import demo
from smartcity.accounts import demo as accounts_demo
from tests.applications.decisions import submitted_proposal
from tests.factories.applications import AssignmentFactory

pytestmark = pytest.mark.django_db


def test_the_demo_dates_reviews_saves_a_view_and_reruns_without_writing(pilots):
    accounts_demo.load()
    for organisation in pilots[:4]:
        AssignmentFactory(application=submitted_proposal(lead_org=organisation))
    assert len(demo.load()) == 2
    assert not Assignment.objects.filter(due_on__isnull=True).exists()
    view = SavedView.objects.get(owner__email="reviewer1@demo.smartcity.local")
    assert view.query == "region=north&domain=mobility"
    assert demo.load() == []
