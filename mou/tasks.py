from __future__ import annotations

import datetime as dt

from celery import shared_task
from django.utils import timezone

from mou.services import mou_expire_ended, mou_expiry_reminders_send


@shared_task
def mou_daily_scan(today: str | None = None) -> dict[str, int]:
    """Daily: MOUs past their end date become expired; expiry reminders go out.

    `today` (ISO date) is for catching up a given day; the beat schedule leaves it empty.
    """
    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    return {
        "expired": mou_expire_ended(today=day),
        "reminders": mou_expiry_reminders_send(today=day),
    }
