"""Outbox, claim, retries, preferences, reminders and digest, against the real database."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from smartcity.celery import app as celery_app
from smartcity.notifications import services
from smartcity.notifications.events import EVENTS
from smartcity.notifications.models import EmailChoice, Notification, Reminder, State
from smartcity.notifications.services import notify, reminder_due_send
from smartcity.notifications.tasks import send_notification
from tests.conftest import free_port
from tests.factories.accounts import UserFactory

APPROVED = "accounts.membership_approved"


@pytest.fixture
def member(db):
    return UserFactory(language="th")


def test_running_the_send_task_twice_sends_one_email(member):
    (notification,) = notify(recipients=[member], event=APPROVED, obj=member)

    assert send_notification(notification.pk) is True
    assert send_notification(notification.pk) is False  # a redelivered message finds it claimed

    assert len(mail.outbox) == 1
    notification.refresh_from_db()
    assert notification.state == State.SENT
    assert notification.attempts == 1


def test_a_switched_off_event_is_not_emailed_but_shows_in_app(client, member):
    client.force_login(member)
    response = client.post(
        reverse("notifications:preferences"),
        {
            **dict.fromkeys(
                (e.name for e in EVENTS.values() if not e.staff_only), EmailChoice.IMMEDIATE
            ),
            APPROVED: EmailChoice.OFF,
        },
    )  # every event an officer may choose for (apps add theirs)
    assert response.status_code == 302

    (notification,) = notify(recipients=[member], event=APPROVED, obj=member)
    refused = notify(recipients=[member], event="accounts.membership_refused", obj=member)[0]
    assert send_notification(notification.pk) is False
    assert send_notification(refused.pk) is True

    assert [m.subject for m in mail.outbox] == [refused.subject]
    notification.refresh_from_db()
    assert notification.state == State.SKIPPED
    page = client.get(reverse("notifications:list"))
    assert notification.subject in page.content.decode()
    bell = client.get(reverse("notifications:bell"))
    assert bell.context["unread"] == 2


def test_a_failing_mail_server_leaves_retry_then_failed_with_the_error(settings, member):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nobody listens
    settings.EMAIL_TIMEOUT = 1
    (notification,) = notify(recipients=[member], event=APPROVED, obj=member)

    with pytest.raises(OSError, match="refused"):
        services.notification_send(notification_id=notification.pk)
    notification.refresh_from_db()
    assert (notification.state, notification.attempts) == (State.RETRY, 1)
    assert "ConnectionRefusedError" in notification.last_error

    Notification.objects.filter(pk=notification.pk).update(attempts=services.MAX_ATTEMPTS - 1)
    with pytest.raises(OSError, match="refused"):
        services.notification_send(notification_id=notification.pk)
    notification.refresh_from_db()
    assert notification.state == State.FAILED
    assert "ConnectionRefusedError" in notification.last_error
    assert services.notification_send(notification_id=notification.pk) is False


def test_sweep_requeues_old_pending_and_dead_claims_only(member):
    old, fresh, dead, sent = notify(
        recipients=[member, UserFactory(), UserFactory(), UserFactory()], event=APPROVED, obj=member
    )
    long_ago = timezone.now() - timedelta(hours=1)
    Notification.objects.filter(pk=old.pk).update(created_at=long_ago)
    Notification.objects.filter(pk=dead.pk).update(state=State.SENDING, claimed_at=long_ago)
    Notification.objects.filter(pk=sent.pk).update(state=State.SENT, created_at=long_ago)

    assert services.notification_sweep() == 2  # old pending + dead claim; not fresh, not sent
    dead.refresh_from_db()
    assert dead.state == State.RETRY
    fresh.refresh_from_db()
    assert (fresh.state, fresh.attempts) == (State.PENDING, 0)
    celery_app.control.purge()


def test_admin_resends_failed_notifications(client, member):
    admin = UserFactory(is_staff=True, is_superuser=True)
    failed, sent = notify(recipients=[member, admin], event=APPROVED, obj=member)
    Notification.objects.filter(pk=failed.pk).update(
        state=State.FAILED, attempts=8, last_error="SMTPError"
    )
    Notification.objects.filter(pk=sent.pk).update(state=State.SENT)
    client.force_login(admin)
    response = client.post(
        reverse("admin:notifications_notification_changelist"),
        {"action": "resend_failed", "_selected_action": [failed.pk, sent.pk]},
    )
    assert response.status_code == 302
    failed.refresh_from_db()
    assert (failed.state, failed.attempts) == (State.PENDING, 0)
    assert send_notification(failed.pk) is True
    assert len(mail.outbox) == 1
    listing = client.get(
        reverse("admin:notifications_notification_changelist"),
        {"state": "sent", "event": APPROVED},
    )
    assert listing.context["cl"].result_count == 2


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        # a daily scan's days-left values → thresholds sent
        ([120, 95], []),
        ([90, 89, 31, 30, 29, 8, 7, 6], [90, 30, 7]),
        ([20, 20], [30]),  # the 30-day day was missed (scan down): still sent, once
        ([5], [7]),  # scan starts late: only the tightest threshold, not 90 and 30 too
    ],
)
def test_reminder_fires_once_per_threshold_crossed(member, days, expected):
    for days_left in days:
        reminder_due_send(recipients=[member], event=APPROVED, obj=member, days_left=days_left)
    sent = Reminder.objects.filter(recipient=member).order_by("-threshold")
    assert list(sent.values_list("threshold", flat=True)) == expected
    assert Notification.objects.filter(recipient=member).count() == len(expected)


def test_staff_digest_sends_one_email_for_many(member):
    staff = UserFactory(is_staff=True, language="en")
    services.preference_set(user=staff, event=APPROVED, email=EmailChoice.DIGEST)
    services.preference_set(user=member, event=APPROVED, email=EmailChoice.DIGEST)
    rows = [notify(recipients=[staff, member], event=APPROVED, obj=m)[0] for m in (member, staff)]
    assert {r.state for r in rows} == {State.DIGEST}
    assert Notification.objects.get(recipient=member, object_id=member.pk).state == State.PENDING

    assert services.digest_recipients() == [staff.pk]
    assert services.digest_send(recipient_id=staff.pk) == 2
    assert services.digest_send(recipient_id=staff.pk) == 0
    (message,) = mail.outbox
    assert message.subject == "Your daily summary from the Smart City Portal (2)"
    assert message.body.count("/en/") == 2


def test_eager_mode_is_off():
    assert celery_app.conf.task_always_eager is False
    assert getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False) is False
    for name in ("settings.py", "settings_test.py"):
        assert "ALWAYS_EAGER" not in (Path(settings.BASE_DIR) / "smartcity" / name).read_text()


def test_beat_runs_the_sweep_and_the_digest():
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {
        "smartcity.notifications.tasks.sweep_notifications",
        "smartcity.notifications.tasks.send_digests",
    } <= tasks
    assert tasks <= set(celery_app.tasks)
