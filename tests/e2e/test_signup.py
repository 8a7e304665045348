"""An officer of an unlisted university signs up, verifies, is approved and sees the dashboard."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from smartcity.accounts.models import Membership
from smartcity.accounts.roles import Role
from smartcity.notifications.models import Notification
from tests.factories.accounts import UserFactory
from tests.factories.municipalities import registry_load

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
PASSWORD = "smart-city-yala-2026"


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


def test_officer_signs_up_proposing_a_university(page: Page, visit, live_server, login_as):
    registry_load(["3950102"])  # เทศบาลนครยะลา, to search for
    admin = UserFactory(role=Role.PROGRAMME_ADMIN, is_staff=True)

    visit("/accounts/signup/")
    page.fill("#id_title", "นางสาว")
    page.fill("#id_first_name_th", "สุนิสา")
    page.fill("#id_last_name_th", "รักเมือง")
    page.fill("#id_first_name_en", "Sunisa")
    page.fill("#id_last_name_en", "Rakmueang")
    page.fill("#id_email", "sunisa@smartcity-u.ac.th")
    page.fill("#id_phone", "12345")
    page.fill("#id_position", "อาจารย์ประจำคณะวิศวกรรมศาสตร์")

    # the registry autocomplete answers as one types
    page.get_by_label("ค้นหาหน่วยงานของท่าน").fill("ยะลา")
    expect(page.get_by_label(re.compile("เทศบาลนครยะลา"))).to_be_visible()

    # one opt-in: ticking the box shows the proposal's fields
    expect(page.get_by_label("ชื่อหน่วยงาน (ภาษาไทย)")).to_be_hidden()
    page.get_by_label("หน่วยงานของข้าพเจ้าไม่อยู่ในรายการ ขอเสนอเพิ่มหน่วยงาน").check()
    page.get_by_label("ประเภทหน่วยงาน").select_option("university")
    page.get_by_label("จังหวัด").select_option("95")
    page.get_by_label("ชื่อหน่วยงาน (ภาษาไทย)").fill("มหาวิทยาลัยเมืองอัจฉริยะ")
    page.get_by_label("ชื่อหน่วยงาน (ภาษาอังกฤษ)").fill("Smart City University")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.get_by_label(re.compile("ข้าพเจ้าได้อ่านประกาศความเป็นส่วนตัวแล้ว")).check()
    page.get_by_role("button", name="ลงทะเบียน", exact=True).click()

    # a bad phone number: a Thai message next to the field, everything else kept
    expect(page.locator("#id_phone-error")).to_contain_text("หมายเลขโทรศัพท์")
    expect(page.locator("#id_position")).to_have_value("อาจารย์ประจำคณะวิศวกรรมศาสตร์")
    expect(page.get_by_label("ชื่อหน่วยงาน (ภาษาไทย)")).to_have_value("มหาวิทยาลัยเมืองอัจฉริยะ")
    shot(page, "signup-error-th")
    page.fill("#id_phone", "081-234-5678")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.get_by_role("button", name="ลงทะเบียน", exact=True).click()
    expect(page.get_by_role("heading", name="กรุณาตรวจสอบอีเมล")).to_be_visible()
    shot(page, "signup-done-th")

    # the verification link from the outbox (the worker would mail it)
    verify = Notification.objects.get(event="accounts.verify_email")
    assert re.search(r"https?://\S+/verify/\S+/", verify.body_text)
    page.goto(f"{live_server.url}{verify.link}")
    expect(page.get_by_role("status")).to_contain_text("ยืนยันอีเมลเรียบร้อยแล้ว")
    shot(page, "verify-email-th")

    # the administrator approves the membership, and with it the university
    login_as(admin)
    page.goto(f"{live_server.url}/admin/accounts/membership/")
    page.locator("input[name=_selected_action]").first.check()
    page.locator("select[name=action]").select_option("approve")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist")).to_contain_text("1")
    shot(page, "admin-membership-approved")
    membership = Membership.objects.select_related("organisation").get()
    assert membership.is_approved
    assert membership.organisation.is_verified
    page.locator("#logout-form button, form[action$='logout/'] button").first.click()

    # the officer logs in and lands on the dashboard of their organisation
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("ที่อยู่อีเมล").fill("sunisa@smartcity-u.ac.th")
    page.get_by_label("รหัสผ่าน").fill(PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    expect(page).to_have_url(f"{live_server.url}/accounts/dashboard/")
    expect(page.get_by_text("มหาวิทยาลัยเมืองอัจฉริยะ")).to_be_visible()
    expect(page.get_by_text("ยังไม่มีข้อเสนอ")).to_be_visible()
    visit("/accounts/dashboard/")
    shot(page, "dashboard-th")
    visit("/en/accounts/dashboard/")
    expect(page.get_by_text("No proposals yet.")).to_be_visible()
    shot(page, "dashboard-en")
