"""Officers with a draft are reminded 7 days and 1 day before its call closes, once each."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from applications.services.proposals import application_submit
from applications.tasks import application_daily_scan
from smartcity.notifications.models import Notification
from tests.factories.applications import CallFactory, approved_officer, complete_draft

pytestmark = pytest.mark.django_db


def test_closing_reminders_go_once_each_to_officers_of_drafts_only():
    closes = timezone.now() + dt.timedelta(days=6, hours=1)
    call = CallFactory(closes_at=closes)
    draft = complete_draft(call=call)
    colleague = approved_officer(draft.lead_org)
    submitted = complete_draft(call=call)
    application_submit(application=submitted, actor=submitted.contact)
    closing_day = timezone.localdate(closes)

    def reminded() -> list[tuple[str, str]]:
        rows = Notification.objects.filter(event="applications.closing_reminder")
        return sorted((row.recipient.email, row.subject) for row in rows)

    seven_days_before = (closing_day - dt.timedelta(days=7)).isoformat()
    application_daily_scan(seven_days_before)
    application_daily_scan(seven_days_before)
    first = reminded()
    assert [email for email, _ in first] == sorted([draft.contact.email, colleague.email])
    assert all("7" in subject for _, subject in first)

    day_before = (closing_day - dt.timedelta(days=1)).isoformat()
    application_daily_scan(day_before)
    application_daily_scan(day_before)
    assert len(reminded()) == 4
    assert submitted.contact.email not in {email for email, _ in reminded()}

    application_daily_scan(closing_day.isoformat())
    assert len(reminded()) == 4
