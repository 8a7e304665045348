"""The public call pages, the home page's open calls and the proposal page's refusals."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from applications.workflow import State
from tests.factories.applications import CallFactory

pytestmark = pytest.mark.django_db


def test_home_lists_open_calls_with_the_closing_date_in_the_buddhist_era(client):
    closes = dt.datetime(2027, 3, 31, 16, 30, tzinfo=ZoneInfo("Asia/Bangkok"))
    call = CallFactory(closes_at=closes, title_th="เมืองอัจฉริยะประเทศไทย 2570")
    CallFactory(  # closed: not on the home page
        title_th="รอบที่ปิดแล้ว",
        opens_at=timezone.now() - dt.timedelta(days=90),
        closes_at=timezone.now() - dt.timedelta(days=1),
    )
    thai = client.get("/").content.decode()
    assert call.title_th in thai
    assert "ปิดรับ 31 มีนาคม 2570" in thai
    assert "รอบที่ปิดแล้ว" not in thai
    english = client.get("/en/").content.decode()
    assert "Closes on 31 March 2027" in english


def test_calls_page_and_call_page_show_criteria_weights_and_score_meanings(client):
    call = CallFactory()
    listing = client.get(reverse("applications:call-list")).content.decode()
    assert call.title_th in listing
    page = client.get(call.get_absolute_url()).content.decode()
    assert "แพลตฟอร์มข้อมูลเมือง" in page  # criterion 3
    assert page.count("ดีเยี่ยม") == 5  # score 5's meaning, once per criterion
    assert "น้ำหนัก 1" in page


def test_an_illegal_move_is_a_message_on_the_page(client, draft):
    draft.call.opens_at = timezone.now() - dt.timedelta(days=60)
    draft.call.closes_at = timezone.now() - dt.timedelta(days=1)
    draft.call.save()
    client.force_login(draft.contact)
    url = reverse("applications:application-move", kwargs={"uuid": draft.uuid, "move": "submit"})
    page = client.post(url, follow=True).content.decode()
    assert "ประกาศนี้ปิดรับข้อเสนอแล้วเมื่อ" in page
    draft.refresh_from_db()
    assert draft.state == State.DRAFT


def test_the_proposal_page_shows_the_summary_or_the_whole(client, submitted, reviewer):
    client.force_login(reviewer)
    summary = client.get(submitted.get_absolute_url()).content.decode()
    assert submitted.reference in summary
    assert submitted.vision not in summary  # unassigned: the queue summary only
    client.force_login(submitted.contact)
    whole = client.get(submitted.get_absolute_url()).content.decode()
    assert submitted.vision in whole
    assert "v1" in whole
