"""End to end through a real Redis broker and a real Celery worker: the email really goes out."""

from __future__ import annotations

import time
from datetime import timedelta
from email.header import decode_header, make_header

import pytest
from django.db import transaction

from smartcity.accounts.models import User
from smartcity.notifications.models import Notification, State
from smartcity.notifications.services import notification_sweep, notify
from tests.factories.accounts import UserFactory
from tests.notifications.conftest import message_parts, wait_until

pytestmark = pytest.mark.django_db(transaction=True)

EXPECTED = {
    "th": {
        "accounts.membership_approved": "คำขอเป็นสมาชิกของ เทศบาลนครยะลา ได้รับการอนุมัติแล้ว",
        "accounts.membership_refused": "คำขอเป็นสมาชิกของ เทศบาลนครยะลา ไม่ได้รับการอนุมัติ",
        "accounts.invitation": "ขอเชิญท่านเข้าร่วมใช้งานพอร์ทัลเมืองอัจฉริยะ",
        "accounts.staff_account_created": "บัญชีเจ้าหน้าที่ของท่านในพอร์ทัลเมืองอัจฉริยะ",
    },
    "en": {
        "accounts.membership_approved": "Your membership of Yala City Municipality was approved",
        "accounts.membership_refused": "Your membership of Yala City Municipality was not approved",
        "accounts.invitation": "You are invited to the Smart City Portal",
        "accounts.staff_account_created": "Your staff account on the Smart City Portal",
    },
}
ORGANISATION = {"th": "เทศบาลนครยะลา", "en": "Yala City Municipality"}
GREETING = {"th": "เรียน สมชาย", "en": "Dear Somchai"}


@pytest.mark.parametrize("language", ["th", "en"])
def test_each_account_event_is_emailed_in_the_recipients_language(language, mailbox, worker):
    recipient = UserFactory(language=language, first_name_th="สมชาย", first_name_en="Somchai")
    with worker():
        for event in EXPECTED[language]:
            with transaction.atomic():  # as in the approving service: the send waits for commit
                notify(
                    recipients=[recipient],
                    event=event,
                    obj=recipient,
                    context={"organisation": ORGANISATION[language], "reason": "-"},
                )
        wait_until(lambda: Notification.objects.filter(state=State.SENT).count() == 4)

    messages = {m["X-Smartcity-Notification"]: m for m in mailbox.messages()}
    assert len(messages) == 4
    for notification in Notification.objects.all():
        message = messages[str(notification.uuid)]
        assert message["To"] == recipient.email
        subject = str(make_header(decode_header(message["Subject"])))
        assert subject == EXPECTED[language][notification.event]
        parts = message_parts(message)
        assert GREETING[language] in parts["text/plain"]
        assert GREETING[language] in parts["text/html"]
        link = f"http://127.0.0.1:8000{notification.link}"
        assert link in parts["text/plain"]
        assert f'href="{link}"' in parts["text/html"]
        assert notification.link.startswith("/en/") == (language == "en")
        assert notification.sent_at is not None
        assert notification.attempts == 1


def membership_approve_stand_in(*, member: User) -> None:
    """Stands for issue 5's membership approval: a write and notify() in one transaction."""
    with transaction.atomic():
        member.is_active = True
        member.save(update_fields=["is_active"])
        notify(
            recipients=[member],
            event="accounts.membership_approved",
            obj=member,
            context={"organisation": "เทศบาลนครยะลา"},
        )


def test_broker_outage_keeps_the_row_and_the_sweep_delivers_exactly_once(
    redis_server, mailbox, worker
):
    member = UserFactory(is_active=False)
    redis_server.stop()

    started = time.monotonic()
    membership_approve_stand_in(member=member)  # must not raise although the broker is down
    elapsed = time.monotonic() - started

    member.refresh_from_db()
    assert member.is_active, "the approval itself was committed"
    notification = Notification.objects.get(recipient=member)
    assert notification.state == State.PENDING
    assert elapsed < 5, f"the request waited {elapsed:.1f} s for the broker"

    redis_server.start()
    assert notification_sweep(pending_for=timedelta(0)) == 1
    assert notification_sweep(pending_for=timedelta(0)) == 1  # queued twice: still one email
    with worker():
        wait_until(lambda: Notification.objects.get(pk=notification.pk).state == State.SENT)
        time.sleep(1)  # let the second message run too

    assert len(mailbox.messages()) == 1
    assert mailbox.messages()[0]["To"] == member.email
