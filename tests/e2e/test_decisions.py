"""The whole staff path in Chromium: screening, a revision answered point by point (v2), the
working group, the sub-committee and the committee, then /cities/ and the officer's documents."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from applications.models import Application
from applications.workflow import State
from smartcity.accounts.roles import Role
from tests.applications.decisions import submitted_proposal
from tests.e2e.conftest import assert_accessible
from tests.factories.accounts import UserFactory
from tests.factories.applications import AssignmentFactory

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
SIZES = {"desktop": (1366, 900), "phone": (390, 844)}


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


def logout(page: Page) -> None:
    page.context.clear_cookies()


def schedule(page: Page, live_server: object, body: str, number: str) -> None:
    page.goto(f"{live_server.url}/staff/meetings/")
    page.locator('[name="body"]').select_option(body)
    page.locator('[name="number"]').fill(number)
    today = timezone.localdate()
    page.locator('[name="date"]').fill(f"{today.day:02d}/{today.month:02d}/{today.year + 543}")
    page.locator('[name="attendees"]').fill("นายสมชาย ใจดี\nนางสาวสุดา รักเมือง")
    page.get_by_role("button", name="นัดประชุม").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(number)


def decide(page: Page, application: Application, outcome: str) -> None:
    page.locator('[name="application"]').select_option(str(application.uuid))
    page.get_by_role("button", name="เพิ่มในวาระ").click()
    page.locator('select[name$="-outcome"]').select_option(outcome)
    page.get_by_role("button", name="บันทึกมติ").click()
    expect(page.get_by_text("บันทึกมติแล้ว 1 รายการ")).to_be_visible()
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_from_screening_to_certificate(page: Page, live_server, login_as):
    application = submitted_proposal(area_name="เขตเมืองอัจฉริยะยะลา")
    officer = application.contact
    reviewer = AssignmentFactory(application=application).reviewer
    admin = UserFactory(role=Role.PROGRAMME_ADMIN, is_staff=True)
    committee = UserFactory(role=Role.COMMITTEE)
    page.set_viewport_size({"width": 1366, "height": 900})

    # the reviewer finds it on the staff home, screens it and asks for a revision
    login_as(reviewer)
    page.goto(f"{live_server.url}/accounts/dashboard/")
    expect(page.locator("#count-to-screen")).to_have_text("1")
    shot(page, "decisions-staff-home-th")
    page.get_by_role("link", name="รอตรวจสอบคุณสมบัติ").click()
    page.get_by_role("link", name=application.reference).click()  # the queue opens the proposal
    page.get_by_role("link", name="ดำเนินการกับข้อเสนอนี้").click()  # on to the staff workspace
    page.get_by_role("button", name="เริ่มตรวจสอบคุณสมบัติ").click()
    deadline = timezone.localdate() + dt.timedelta(days=14)
    page.locator('[name="request_revision-points"]').fill("ระบุขอบเขตพื้นที่ให้ชัดเจน\nเพิ่มแผนการลงทุนรายปี")
    be_deadline = f"{deadline.day:02d}/{deadline.month:02d}/{deadline.year + 543}"
    page.locator('[name="request_revision-deadline"]').fill(be_deadline)  # typed in BE
    page.get_by_role("button", name="ขอให้แก้ไข").click()
    expect(page.locator("#state")).to_have_text("ขอให้แก้ไข")
    expect(page.get_by_text(f"กำหนดส่ง {deadline.day} ")).to_be_visible()
    page.locator('[name="body"]').fill("ความเห็นภายใน: ประเมินงบประมาณซ้ำ")
    page.get_by_role("button", name="เพิ่มความเห็น").click()
    assert_accessible(page)
    shot(page, "decisions-workspace-th")
    logout(page)

    # the officer answers each point and resubmits as v2; the internal comment stays hidden
    login_as(officer)
    page.goto(f"{live_server.url}/accounts/dashboard/")
    work = page.locator('section[aria-labelledby="panel-officer-work"]')
    work.get_by_role("link", name=re.compile(application.reference)).click()
    expect(page.get_by_text("ประเมินงบประมาณซ้ำ")).to_have_count(0)
    page.get_by_label("1. ระบุขอบเขตพื้นที่ให้ชัดเจน").fill("แนบแผนที่ขอบเขตเทศบาลแล้ว")
    page.get_by_label("2. เพิ่มแผนการลงทุนรายปี").fill("เพิ่มแผนปี 2570 ถึง 2572 แล้ว")
    assert_accessible(page)
    shot(page, "decisions-revision-answer-th")
    page.get_by_role("button", name="บันทึกและยื่นฉบับแก้ไข").click()
    expect(page.get_by_text("เป็นฉบับที่ 2")).to_be_visible()
    logout(page)

    # the reviewer screens the revised proposal and passes it to the working group
    login_as(reviewer)
    page.goto(f"{live_server.url}/staff/proposals/{application.uuid}/")
    page.get_by_role("button", name="เริ่มตรวจสอบคุณสมบัติ").click()
    for label in ("กำหนดขอบเขตพื้นที่ชัดเจน", "หน่วยงานผู้ยื่นมีคุณสมบัติ", "ข้อมูลที่กำหนดครบถ้วน"):
        page.get_by_label(label).check()
    page.get_by_role("button", name="ผ่านการตรวจสอบ: ส่งคณะทำงาน").click()
    expect(page.locator("#state")).to_have_text("คณะทำงานพิจารณา")
    logout(page)

    # the working group recommends, the sub-committee forwards it
    login_as(admin)
    schedule(page, live_server, "working_group", "1/2569")
    decide(page, application, "wg_recommend")
    shot(page, "decisions-meeting-th")
    schedule(page, live_server, "subcommittee", "1/2569")
    decide(page, application, "subcommittee_forward")
    logout(page)

    # a committee meeting certifies
    login_as(committee)
    schedule(page, live_server, "committee", "1/2569")
    decide(page, application, "certify")
    application.refresh_from_db()
    assert application.state == State.CERTIFIED
    number = application.certificate.number
    logout(page)

    # the city is in /cities/ with its certificate number
    page.goto(f"{live_server.url}/cities/")
    expect(page.get_by_text(number)).to_be_visible()
    assert_accessible(page)
    shot(page, "decisions-cities-th")

    # the officer downloads the decision letter and the certificate
    login_as(officer)
    page.goto(f"{live_server.url}/accounts/dashboard/")
    for link in ("หนังสือแจ้งผล (PDF)", "ใบรับรอง (PDF)"):
        with page.expect_download() as download:
            page.get_by_role("link", name=link).first.click()
        assert download.value.suggested_filename.startswith(number)
        assert Path(download.value.path()).read_bytes().startswith(b"%PDF")

    # screenshots in Thai and English, desktop and phone
    pages = {
        "revision": f"/proposals/{application.uuid}/revision/answer/",
        "dashboard": "/accounts/dashboard/",
        "cities": "/cities/",
    }
    staff_pages = {
        "workspace": f"/staff/proposals/{application.uuid}/",
        "meetings": "/staff/meetings/",
    }
    for user, paths in ((officer, pages), (admin, staff_pages)):
        logout(page)
        login_as(user)
        for size, (width, height) in SIZES.items():
            page.set_viewport_size({"width": width, "height": height})
            for language, prefix in (("th", ""), ("en", "/en")):
                for name, path in paths.items():
                    page.goto(f"{live_server.url}{prefix}{path}")
                    shot(page, f"decisions-{name}-{language}-{size}")
        page.set_viewport_size({"width": 1366, "height": 900})
