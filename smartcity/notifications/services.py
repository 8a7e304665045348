"""Every write of the notifications component: notify(), sending, sweeping, reading, reminders.

How a domain app notifies (inside its own service, in its own transaction):

    from smartcity.notifications.services import notify

    notify(recipients=[application.contact], event="applications.submitted", obj=application,
           context={"reference": application.reference})

`notify()` renders subject and bodies in each recipient's language, writes one outbox row per
recipient in the caller's transaction and queues the send task after commit
(`transaction.on_commit(..., robust=True)`). If the broker is down the request still succeeds and
the rows stay pending until the beat sweep (`notification_sweep`, every minute) re-queues them.

Reminders and deadlines (e.g. MOU expiry at 90/30/7 days) come from a daily beat scan that calls

    reminder_due_send(recipients=owners, event="mou.expiring", obj=mou,
                      days_left=(mou.ends_on - today).days, thresholds=(90, 30, 7))

for every candidate object. It sends the tightest threshold crossed (days_left ≤ N) unless the key
(event, object, threshold, recipient) is already in `Reminder`, so a missed day still sends, a scan
run twice sends once, and a scan starting at 5 days left sends the 7-day reminder only. Never use
countdown/ETA tasks for reminders: a Redis broker re-delivers them.

Delivery is at least once. The claim (`UPDATE … SET state='sending' WHERE state IN ('pending',
'retry')`) makes a task run twice send once. The one duplicate window left: the mail server
accepted the message, then the process died before `state='sent'` was committed; the row stays
`sending` and the sweep retries it after STALE_CLAIM, which sends that email a second time.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timedelta
from functools import partial
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Model, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from smartcity.notifications.events import Event, event_get
from smartcity.notifications.models import (
    SENDABLE,
    EmailChoice,
    Notification,
    Preference,
    Reminder,
    State,
)

if TYPE_CHECKING:
    from smartcity.accounts.models import User

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
PENDING_GRACE = timedelta(minutes=1)  # the after-commit enqueue normally handles these
STALE_CLAIM = timedelta(minutes=15)  # longer than the task's longest backoff (10 min)
SWEEP_BATCH = 1000


# ---------------------------------------------------------------- notify
def notify(
    *,
    recipients: Iterable[User],
    event: str,
    obj: Model,
    context: dict[str, Any] | None = None,
) -> list[Notification]:
    """Write one outbox row per recipient in the caller's transaction; send after commit.

    `context` is passed to the templates; a "link" entry (path or URL) replaces the event's link.
    Raises UnknownEvent for an unregistered event.
    """
    definition = event_get(event)
    people = {user.pk: user for user in recipients if user is not None}
    if not people:
        return []
    choices = dict(
        Preference.objects.filter(user__in=people.keys(), event=event).values_list(
            "user_id", "email"
        )
    )
    content_type = ContentType.objects.get_for_model(obj)
    rows = []
    for user in people.values():
        rendered = _render(definition, user, obj, dict(context or {}))
        state = _initial_state(user, choices.get(user.pk, EmailChoice.IMMEDIATE))
        rows.append(
            Notification(
                recipient=user,
                event=event,
                content_type=content_type,
                object_id=str(obj.pk),
                by_email=state != State.SKIPPED,
                state=state,
                **rendered,
            )
        )
    rows = Notification.objects.bulk_create(rows)
    queued = [row.pk for row in rows if row.state == State.PENDING]
    if queued:
        transaction.on_commit(partial(notification_enqueue, ids=queued), robust=True)
    return rows


def _initial_state(user: User, choice: str) -> State:
    if choice == EmailChoice.OFF or not user.email:
        return State.SKIPPED
    if choice == EmailChoice.DIGEST and user.is_staff:
        return State.DIGEST
    return State.PENDING


def _absolute(link: str) -> str:
    return urljoin(str(settings.SITE_URL), link)


def _render(event: Event, user: User, obj: Model, context: dict[str, Any]) -> dict[str, str]:
    """Subject, bodies and link in the recipient's language."""
    language = user.language or settings.LANGUAGE_CODE
    with translation.override(language):
        link = str(context.pop("link", "") or event.link(obj))
        context = {
            **context,
            "recipient": user,
            "obj": obj,
            "link": _absolute(link),
            "event": event,
        }
        subject = render_to_string(f"{event.template_dir}/subject.txt", context)
        return {
            "language": language,
            "subject": " ".join(subject.split())[:255],
            "body_text": render_to_string(f"{event.template_dir}/body.txt", context).strip(),
            "body_html": render_to_string(f"{event.template_dir}/body.html", context),
            "link": link,
        }


def notification_enqueue(*, ids: list[int]) -> int:
    """Queue the send task per id; returns how many were queued (0 when the broker is down)."""
    from smartcity.notifications.tasks import send_notification

    done = 0
    try:
        with send_notification.app.connection_for_write() as connection:
            # fail within about a second: the request must not wait for a broker that is down
            connection.ensure_connection(max_retries=1, interval_start=0, interval_step=0)
            for pk in ids:
                send_notification.apply_async((pk,), connection=connection, retry=False)
                done += 1
    except Exception as error:  # kombu and redis raise several types; the rows stay pending
        logger.warning(
            "broker unreachable, %d notification(s) left pending for the sweep: %s",
            len(ids) - done,
            error,
        )
    return done


# ---------------------------------------------------------------- sending
def notification_send(*, notification_id: int) -> bool:
    """Claim the row and email it; False if it was not sendable (sent already, claimed, gone).

    Raises the mail error after recording it (state retry, or failed after MAX_ATTEMPTS).
    """
    now = timezone.now()
    claimed = Notification.objects.filter(pk=notification_id, state__in=SENDABLE).update(
        state=State.SENDING, claimed_at=now, attempts=F("attempts") + 1
    )
    if not claimed:
        return False
    notification = Notification.objects.select_related("recipient").get(pk=notification_id)
    try:
        _email(notification)
    except Exception as error:
        final = notification.attempts >= MAX_ATTEMPTS or not isinstance(error, OSError)
        Notification.objects.filter(pk=notification_id).update(
            state=State.FAILED if final else State.RETRY,
            last_error=f"{type(error).__name__}: {error}"[:2000],
        )
        raise
    Notification.objects.filter(pk=notification_id).update(
        state=State.SENT, sent_at=timezone.now(), last_error=""
    )
    return True


def _email(notification: Notification) -> None:
    message = EmailMultiAlternatives(
        subject=notification.subject,
        body=notification.body_text,
        to=[notification.recipient.email],
        headers={"X-Smartcity-Notification": str(notification.uuid)},
    )
    if notification.body_html:
        message.attach_alternative(notification.body_html, "text/html")
    message.send()


def notification_sweep(
    *, pending_for: timedelta = PENDING_GRACE, stale_after: timedelta = STALE_CLAIM
) -> int:
    """Re-queue rows left pending (broker was down), retries whose message was lost, dead claims."""
    now = timezone.now()
    Notification.objects.filter(state=State.SENDING, claimed_at__lt=now - stale_after).update(
        state=State.RETRY, last_error="the worker stopped while sending; retried by the sweep"
    )
    ids = list(
        Notification.objects.filter(
            Q(state=State.PENDING, created_at__lte=now - pending_for)
            | Q(state=State.RETRY, claimed_at__lte=now - stale_after)
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )
    return notification_enqueue(ids=ids) if ids else 0


@transaction.atomic
def notification_resend(*, notifications: Iterable[Notification]) -> int:
    """Put failed notifications back in the outbox (attempts start again) and queue them."""
    ids = [n.pk for n in notifications if n.state == State.FAILED]
    Notification.objects.filter(pk__in=ids, state=State.FAILED).update(
        state=State.PENDING, attempts=0
    )
    transaction.on_commit(partial(notification_enqueue, ids=ids), robust=True)
    return len(ids)


# ---------------------------------------------------------------- daily digest (staff)
def digest_send(*, recipient_id: int) -> int:
    """Email one recipient's waiting digest rows in one message; returns how many it carried."""
    now = timezone.now()
    with transaction.atomic():
        rows = list(
            Notification.objects.select_for_update(skip_locked=True)
            .filter(recipient_id=recipient_id, state=State.DIGEST)
            .order_by("created_at", "pk")
        )
        if not rows:
            return 0
        Notification.objects.filter(pk__in=[r.pk for r in rows]).update(
            state=State.SENDING, claimed_at=now, attempts=F("attempts") + 1
        )
    recipient = rows[0].recipient
    ids = [r.pk for r in rows]
    try:
        with translation.override(recipient.language or settings.LANGUAGE_CODE):
            context = {
                "recipient": recipient,
                "items": [(r.subject, _absolute(r.link)) for r in rows],
            }
            subject = render_to_string("notifications/email/digest/subject.txt", context)
            message = EmailMultiAlternatives(
                subject=" ".join(subject.split()),
                body=render_to_string("notifications/email/digest/body.txt", context),
                to=[recipient.email],
            )
            message.attach_alternative(
                render_to_string("notifications/email/digest/body.html", context), "text/html"
            )
        message.send()
    except Exception as error:
        Notification.objects.filter(pk__in=ids).update(
            state=State.DIGEST, last_error=f"{type(error).__name__}: {error}"[:2000]
        )
        raise
    Notification.objects.filter(pk__in=ids).update(
        state=State.SENT, sent_at=timezone.now(), last_error=""
    )
    return len(ids)


def digest_recipients() -> list[int]:
    """Ids of the users with notifications waiting for their digest."""
    return list(
        Notification.objects.filter(state=State.DIGEST)
        .order_by()
        .values_list("recipient_id", flat=True)
        .distinct()
    )


# ---------------------------------------------------------------- in-app
def notification_mark_read(*, notification: Notification, user: User) -> bool:
    """Mark one of the user's notifications read; False if it was read already."""
    return bool(
        Notification.objects.filter(
            pk=notification.pk, recipient=user, read_at__isnull=True
        ).update(read_at=timezone.now())
    )


def notification_mark_all_read(*, user: User) -> int:
    """Mark every unread notification of the user read; returns how many."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def preference_set(*, user: User, event: str, email: str) -> Preference:
    """Store how the user wants this event by email (digest only for staff)."""
    event_get(event)
    if email == EmailChoice.DIGEST and not user.is_staff:
        email = EmailChoice.IMMEDIATE
    preference, _ = Preference.objects.update_or_create(
        user=user, event=event, defaults={"email": email}
    )
    return preference


# ---------------------------------------------------------------- threshold reminders
@transaction.atomic
def reminder_due_send(
    *,
    recipients: Iterable[User],
    event: str,
    obj: Model,
    days_left: int,
    thresholds: Iterable[int] = (90, 30, 7),
    context: dict[str, Any] | None = None,
) -> list[Notification]:
    """Notify of the tightest threshold crossed (days_left ≤ N) once per (event, obj, N, user)."""
    crossed = [threshold for threshold in thresholds if days_left <= threshold]
    if not crossed:
        return []
    threshold = min(crossed)
    content_type = ContentType.objects.get_for_model(obj)
    due = []
    for user in recipients:
        _, created = Reminder.objects.get_or_create(
            event=event,
            content_type=content_type,
            object_id=str(obj.pk),
            threshold=threshold,
            recipient=user,
        )
        if created:
            due.append(user)
    extra = {**(context or {}), "threshold": threshold, "days_left": days_left}
    return notify(recipients=due, event=event, obj=obj, context=extra)
