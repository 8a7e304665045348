from __future__ import annotations

import datetime as dt

from celery import shared_task
from django.utils import timezone

from applications.services.certificates import (
    certificate_expiry_reminders_send,
    certificates_expire,
)
from applications.services.revisions import revision_reminders_send


@shared_task
def decisions_daily_scan(today: str | None = None) -> dict[str, int]:
    """Daily: certificates past their end expire; certificate and revision reminders go out
    (each once). `today` (ISO date) catches up a given day; the beat leaves it empty."""
    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    return {
        "expired": certificates_expire(today=day),
        "certificate_reminders": certificate_expiry_reminders_send(today=day),
        "revision_reminders": revision_reminders_send(today=day),
    }
