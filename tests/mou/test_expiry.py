from __future__ import annotations

import datetime as dt
from email.header import decode_header, make_header

import pytest
from django.utils import timezone

from mou.models import MOU, Status
from mou.services import mou_expire_ended, mou_expiry_reminders_send
from mou.tasks import mou_daily_scan
from smartcity.accounts.roles import Role
from smartcity.notifications.models import Notification, State
from tests.factories.accounts import UserFactory
from tests.factories.mou import signed_mou
from tests.notifications.conftest import wait_until

TODAY = dt.date(2026, 3, 1)


def ending_in(days: int, today: dt.date = TODAY, **fields) -> MOU:
    return signed_mou(effective_until=today + dt.timedelta(days=days), **fields)


@pytest.mark.django_db
def test_an_mou_that_ended_yesterday_becomes_expired_and_others_stay():
    ended = ending_in(-1)
    ends_today = ending_in(0)
    draft = ending_in(-10, status=Status.DRAFT)
    assert mou_expire_ended(today=TODAY) == 1
    assert MOU.objects.get(pk=ended.pk).status == Status.EXPIRED
    assert MOU.objects.get(pk=ends_today.pk).status == Status.ACTIVE
    assert MOU.objects.get(pk=draft.pk).status == Status.DRAFT


@pytest.mark.django_db
def test_each_threshold_is_sent_once_to_staff_and_programme_admins(programme_admin):
    staff = UserFactory(is_staff=True)
    outsider = UserFactory(role=Role.REVIEWER)
    mou = ending_in(100)
    mou.responsible_staff.add(staff)
    day = TODAY
    sent_per_day = []
    while day <= mou.effective_until:
        sent_per_day.append((mou.days_to_expiry(day), mou_expiry_reminders_send(today=day)))
        mou_expiry_reminders_send(today=day)  # a second run the same day sends nothing
        day += dt.timedelta(days=1)
    assert [days for days, sent in sent_per_day if sent] == [90, 30, 7]
    assert all(sent == 2 for _days, sent in sent_per_day if sent)
    assert set(Notification.objects.values_list("recipient", flat=True)) == {
        staff.pk,
        programme_admin.pk,
    }
    assert not Notification.objects.filter(recipient=outsider).exists()


@pytest.mark.django_db
def test_reminder_in_recipients_language(programme_admin):
    programme_admin.language = "en"
    programme_admin.save()
    thai = UserFactory(is_staff=True, language="th")
    mou = ending_in(30)
    mou.responsible_staff.add(thai)
    mou_expiry_reminders_send(today=TODAY)
    english = Notification.objects.get(recipient=programme_admin)
    assert english.subject == f"MOU {mou.reference_number} ends in 30 days"
    assert mou.title_en in english.body_text
    assert english.link == f"/en/mous/{mou.uuid}/"
    thai_row = Notification.objects.get(recipient=thai)
    assert thai_row.subject == f"บันทึกความเข้าใจ {mou.reference_number} จะสิ้นสุดในอีก 30 วัน"
    assert "31 มีนาคม 2569" in thai_row.body_text  # Buddhist Era


@pytest.mark.django_db(transaction=True)
def test_daily_scan_with_a_real_worker_and_redis(programme_admin, mailbox, worker):
    """Ended yesterday → expired; 30 days left → one reminder each however often the job runs;
    a day the job did not run (90 days left on day 1) is caught up on day 2."""
    staff = UserFactory(is_staff=True)
    ended = ending_in(-1)
    thirty = ending_in(30)
    thirty.responsible_staff.add(staff)
    skipped = ending_in(91)  # day 0: 91 days left, nothing due; day 1 (not run): 90
    with worker():
        for _ in range(3):
            mou_daily_scan.delay(TODAY.isoformat())
        mou_daily_scan.delay((TODAY + dt.timedelta(days=2)).isoformat())  # day 1 skipped
        wait_until(lambda: Notification.objects.filter(object_id=str(skipped.pk)).count() == 1)
        wait_until(lambda: Notification.objects.exclude(state=State.SENT).count() == 0)

    assert MOU.objects.get(pk=ended.pk).status == Status.EXPIRED
    about_thirty = Notification.objects.filter(object_id=str(thirty.pk))
    assert sorted(about_thirty.values_list("recipient", flat=True)) == sorted(
        [staff.pk, programme_admin.pk]
    )
    assert list(
        Notification.objects.filter(object_id=str(skipped.pk)).values_list("recipient", flat=True)
    ) == [programme_admin.pk]
    subjects = sorted(
        str(make_header(decode_header(message["Subject"]))) for message in mailbox.messages()
    )
    assert len(subjects) == 3
    assert subjects.count(f"บันทึกความเข้าใจ {thirty.reference_number} จะสิ้นสุดในอีก 30 วัน") == 2


def test_beat_schedule_runs_the_scan_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["mou-daily-scan"]
    assert entry["task"] == mou_daily_scan.name
    assert entry["schedule"].is_due(timezone.now() - dt.timedelta(days=1, minutes=1))[0]
