"""Celery tasks of the notifications component: they take ids and call one service."""

from __future__ import annotations

from celery import shared_task

from smartcity.notifications import services


@shared_task(
    autoretry_for=(OSError,),
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=services.MAX_ATTEMPTS,
    acks_late=True,
)
def send_notification(notification_id: int) -> bool:
    """Email one notification; claims the row first, so a second run sends nothing."""
    return services.notification_send(notification_id=notification_id)


@shared_task
def sweep_notifications() -> int:
    """Beat, every minute: re-queue notifications left pending (e.g. the broker was down)."""
    return services.notification_sweep()


@shared_task(autoretry_for=(OSError,), retry_backoff=True, retry_backoff_max=600, max_retries=8)
def send_digest(recipient_id: int) -> int:
    """Email one staff member's daily digest."""
    return services.digest_send(recipient_id=recipient_id)


@shared_task
def send_digests() -> int:
    """Beat, daily: queue one digest task per staff member with notifications waiting."""
    recipients = services.digest_recipients()
    for recipient_id in recipients:
        send_digest.delay(recipient_id)
    return len(recipients)
