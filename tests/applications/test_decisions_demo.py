from __future__ import annotations

import pytest
from django.db.models import Count
from django.utils import timezone

from applications.decisions import demo
from applications.models import Certificate, Meeting, Transition
from smartcity.accounts import demo as accounts_demo
from tests.applications.decisions import submitted_proposal

pytestmark = pytest.mark.django_db


def test_the_demo_certifies_a_pilot_schedules_a_meeting_and_reruns_without_writing(pilots):
    accounts_demo.load()
    for organisation in pilots[:5]:
        submitted_proposal(lead_org=organisation)
    lines = demo.load()
    assert len(lines) == 3
    assert Certificate.objects.filter(application__isnull=False).count() == 1
    assert Certificate.objects.filter(is_recorded=True).count() == 2
    assert Meeting.objects.filter(date__gt=timezone.localdate()).count() == 1

    def counts() -> tuple[int, int, int]:
        return Certificate.objects.count(), Meeting.objects.count(), Transition.objects.count()

    before = counts()
    assert demo.load() == []
    assert counts() == before
    assert not Certificate.objects.values("organisation").annotate(n=Count("pk")).filter(n__gt=1)
