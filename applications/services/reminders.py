"""Reminders to officers whose draft is still unsubmitted as its call nears its closing time."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from applications.models import Application
from applications.notifications import CLOSING_REMINDER, lead_officers
from applications.workflow import State
from smartcity.notifications.services import reminder_due_send

CLOSING_THRESHOLDS = (7, 1)  # days before the call's closing day


def application_closing_reminders_send(*, today: dt.date) -> int:
    """Remind the lead organisation's officers of each draft 7 days and 1 day before its call
    closes, once per threshold and officer (a rerun, or a day the scan missed, sends nothing
    twice); a submitted proposal is not a draft and gets none. Returns the number written."""
    start = timezone.make_aware(dt.datetime.combine(today, dt.time.min))
    until = start + dt.timedelta(days=max(CLOSING_THRESHOLDS) + 1)
    drafts = Application.objects.filter(
        state=State.DRAFT, call__closes_at__gte=start, call__closes_at__lt=until
    ).select_related("call", "lead_org")
    sent = 0
    for draft in drafts:
        days_left = (timezone.localdate(draft.call.closes_at) - today).days
        sent += len(
            reminder_due_send(
                recipients=lead_officers(draft),
                event=CLOSING_REMINDER.name,
                obj=draft,
                days_left=days_left,
                thresholds=CLOSING_THRESHOLDS,
                context={"closes_at": draft.call.closes_at},
            )
        )
    return sent
