from __future__ import annotations

import datetime as dt

from celery import shared_task
from django.utils import timezone

from applications.services.reminders import application_closing_reminders_send


@shared_task
def application_daily_scan(today: str | None = None) -> dict[str, int]:
    """Daily: officers with drafts in calls closing within 7 days or 1 day are reminded.

    `today` (ISO date) is for catching up a given day; the beat schedule leaves it empty.
    """
    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    return {"closing_reminders": application_closing_reminders_send(today=day)}
