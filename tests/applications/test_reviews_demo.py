from __future__ import annotations

import pytest

from applications.decisions import demo as decisions_demo
from applications.models import Application, Assignment, ConflictDeclaration, Review, Score
from applications.reviews import demo
from applications.reviews.selectors import proposal_scores
from smartcity.accounts import demo as accounts_demo
from smartcity.accounts.models import AuditLog
from smartcity.notifications.models import Notification
from tests.applications.decisions import submitted_proposal

pytestmark = pytest.mark.django_db


def test_the_review_demo_scores_declares_one_conflict_and_reruns_without_writing(pilots):
    accounts_demo.load()
    for organisation in pilots[:6]:
        submitted_proposal(lead_org=organisation)
    decisions_demo.load()
    assert demo.load()
    assert ConflictDeclaration.objects.filter(has_conflict=True).count() == 1
    assert Review.objects.filter(submitted_at__isnull=False).count() >= 6
    assert Review.objects.filter(submitted_at__isnull=True).count() == 1
    flagged = [
        proposal_scores(application=application).flagged
        for application in Application.objects.filter(reviews__isnull=False).distinct()
    ]
    assert any(flagged)  # something for the committee to discuss

    def counts() -> list[int]:
        models = (Assignment, ConflictDeclaration, Review, Score, AuditLog, Notification)
        return [model.objects.count() for model in models]

    before = counts()
    assert demo.load() == []
    assert counts() == before
