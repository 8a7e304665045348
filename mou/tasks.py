from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from mou.services import mou_expire_ended


@shared_task
def mou_daily_scan() -> dict[str, int]:
    """Daily: MOUs past their end date become expired; expiry reminders go out."""
    today = timezone.localdate()
    return {"expired": mou_expire_ended(today=today)}
