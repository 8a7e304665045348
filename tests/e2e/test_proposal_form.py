"""The officer of เทศบาลนครยะลา prepares a proposal online, leaves mid-way, comes back in a fresh
browser, submits it and follows it; two editors of one draft do not lose each other's work."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Response, expect

from applications.models import Application
from tests.e2e.conftest import assert_accessible, log_in
from tests.factories.applications import CallFactory, approved_officer, complete_draft
from tests.factories.municipalities import OrganisationFactory

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
SAVED = re.compile(r"บันทึกแล้วเมื่อ|Saved at")

TEXTS = {
    "id_area_boundary": "ตามเขตเทศบาลนครยะลา ตำบลสะเตง อำเภอเมืองยะลา",
    "id_area_km2": "19.00",
    "id_population_covered": "61250",
    "id_vision": "ยะลาเมืองน่าอยู่ ปลอดภัย ด้วยข้อมูลและเทคโนโลยี",
    "id_goals": "ลดอุบัติเหตุทางถนนร้อยละ 30 ภายในปี 2570",
    "id_infrastructure_plan": "ขยายโครงข่ายใยแก้วนำแสงและกล้อง CCTV อัจฉริยะทั่วเมือง",
    "id_data_platform": "แพลตฟอร์มข้อมูลเมืองยะลาแบบเปิด มีมาตรฐานความมั่นคงปลอดภัย",
    "id_smart_services": "รถโดยสารอัจฉริยะ และเซนเซอร์ตรวจวัดคุณภาพอากาศ",
    "id_governance": "คณะกรรมการขับเคลื่อนเมืองอัจฉริยะยะลา",
    "id_partnership": "มหาวิทยาลัยร่วมพัฒนาระบบข้อมูล",
    "id_funding": "งบประมาณเทศบาล และความร่วมมือภาคเอกชน",
    "id_citizen_participation": "เวทีประชาคมทุกไตรมาส และแอปพลิเคชันรับเรื่องร้องเรียน",
}
SECTION_FIELDS = {
    "profile": ["id_area_boundary", "id_area_km2", "id_population_covered"],
    "vision": ["id_vision", "id_goals"],
    "infrastructure": ["id_infrastructure_plan"],
    "data-platform": ["id_data_platform"],
    "services": ["id_smart_services"],
    "management": ["id_governance", "id_partnership", "id_funding", "id_citizen_participation"],
}
PROJECTS = [
    (
        "mobility",
        "รถโดยสารไฟฟ้าอัจฉริยะ",
        "12,500,000",
        "01/10/2569",
        "30/09/2571",
        [("ผู้โดยสารต่อวัน", "3,000", "2570"), ("จุดจอดอัจฉริยะ", "40", "2571")],
    ),
    (
        "environment",
        "เซนเซอร์คุณภาพอากาศ",
        "3,000,000",
        "01/01/2570",
        "31/12/2570",
        [("จุดตรวจวัดคุณภาพอากาศ", "25", "2570")],
    ),
]


def new_context(browser: Browser) -> BrowserContext:
    return browser.new_context(locale="th-TH", timezone_id="Asia/Bangkok", viewport=DESKTOP)


def shoot(page: Page, base: str, path: str, name: str) -> None:
    """The page in Thai and English, desktop and 390 px phone; each passes axe-core."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for language, prefix in (("th", ""), ("en", "/en")):
        page.goto(f"{base}{prefix}{path}")
        assert_accessible(page)
        for device, size in (("desktop", DESKTOP), ("phone", PHONE)):
            page.set_viewport_size(size)
            page.screenshot(path=SCREENSHOTS / f"{name}-{language}-{device}.png", full_page=True)
        page.set_viewport_size(DESKTOP)


def wait_saved(page: Page) -> None:
    expect(page.locator("#save-status")).to_contain_text(SAVED, timeout=15_000)


def saved_after(page: Page, action: Callable[[], None], *texts: str) -> None:
    """Do `action`, then wait until a save carrying every text (thousands separators aside) has
    answered. "Saved at" alone may be an earlier save's answer while the last one still waits in
    htmx's queue (hx-sync "queue last"); leaving the page then would drop it."""
    wanted = {text.replace(",", "") for text in texts}

    def carries(response: Response) -> bool:
        if response.request.method != "POST":
            return False
        sent = parse_qs(response.request.post_data or "")
        return wanted <= {value.replace(",", "") for values in sent.values() for value in values}

    with page.expect_response(carries, timeout=15_000) as answer:
        action()
    assert answer.value.ok, answer.value.status
    wait_saved(page)


@pytest.fixture
def yala(db):
    return OrganisationFactory(name_th="เทศบาลนครยะลา", name_en="Yala City Municipality")


def test_officer_prepares_leaves_returns_and_submits(browser: Browser, live_server, yala):
    base = live_server.url
    officer = approved_officer(yala)
    partner = OrganisationFactory(name_th="มหาวิทยาลัยราชภัฏยะลา")
    CallFactory(title_th="เมืองอัจฉริยะประเทศไทย 2569", title_en="Smart City Thailand 2026")
    context = new_context(browser)
    page = context.new_page()
    log_in(page, base, officer)
    shoot(page, base, "/accounts/dashboard/", "proposal-dashboard")
    page.goto(f"{base}/accounts/dashboard/")
    page.get_by_role("button", name=re.compile("เริ่มจัดทำข้อเสนอ")).click()
    expect(page.get_by_role("heading", level=2, name="ข้อมูลทั่วไปและพื้นที่")).to_be_visible()
    draft = Application.objects.get()
    edit = f"/applications/{draft.uuid}/edit"

    for section, ids in SECTION_FIELDS.items():
        page.goto(f"{base}{edit}/{section}/")
        assert_accessible(page)
        for field in ids:
            page.locator(f"#{field}").fill(TEXTS[field])
        # leaving a field saves at once
        saved_after(page, lambda: page.keyboard.press("Tab"), *(TEXTS[f] for f in ids))
        if section == "profile":  # Enter in a field never submits the page
            page.locator("#id_area_km2").press("Enter")
            expect(page).to_have_url(f"{base}{edit}/profile/")
    page.goto(f"{base}{edit}/domains/")
    assert_accessible(page)
    page.get_by_label("การเดินทางและขนส่งอัจฉริยะ").check()
    saved_after(page, page.get_by_label("สิ่งแวดล้อมอัจฉริยะ").check, "mobility", "environment")

    page.goto(f"{base}{edit}/projects/")
    for index, (domain, title, budget, starts, ends, kpis) in enumerate(PROJECTS):
        page.get_by_role("button", name="เพิ่มโครงการ").click()
        block = page.locator('[data-block="project"]').nth(index)
        expect(block).to_be_visible()
        block.locator('select[name$="-domain"]').select_option(domain)
        block.locator('input[name$="-title"]').fill(title)
        block.locator('input[name$="-budget"]').fill(budget.replace(",", ""))
        block.locator('input[name$="-starts_on"]').fill(starts)
        block.locator('input[name$="-ends_on"]').press("Enter")  # a sub-form: nothing submits
        block.locator('input[name$="-ends_on"]').fill(ends)
        for number, (name, target, year) in enumerate(kpis):
            if number:
                block.get_by_role("button", name="เพิ่มตัวชี้วัด").click()
            kpi = block.locator('[data-block="kpi"]').nth(number)
            expect(kpi).to_be_visible()
            kpi.locator('input[name$="-name"]').fill(name)
            kpi.locator('input[name$="-target"]').fill(target)
            kpi.locator('input[name$="-target_year"]').fill(year)
        typed = [title, starts, ends, *(text for kpi in kpis for text in kpi)]
        saved_after(page, lambda: page.keyboard.press("Tab"), *typed)
    expect(page.locator('input[name$="-budget"]').first).to_have_value("12,500,000")
    expect(page.locator("#totals-all")).to_have_text("15,500,000")
    expect(page.locator("#totals-year")).to_contain_text("2570")
    context.close()  # the browser closes mid-way: nothing was lost

    context = new_context(browser)
    page = context.new_page()
    log_in(page, base, officer)
    page.goto(f"{base}{edit}/projects/")
    expect(page.locator('input[name$="-title"]').nth(1)).to_have_value("เซนเซอร์คุณภาพอากาศ")
    expect(page.locator('input[name$="-target_year"]').first).to_have_value("2570")
    api = page.request.get(f"{base}/api/v1/applications/{draft.uuid}/").json()
    for field, text in TEXTS.items():
        name = field.removeprefix("id_")
        assert str(api[name]) == text, name
    assert sorted(api["domains"]) == ["environment", "mobility"]
    assert [p["title"] for p in api["projects"]] == [p[1] for p in PROJECTS]
    assert [len(p["kpis"]) for p in api["projects"]] == [2, 1]
    assert api["projects"][0]["budget"] == "12500000.00"
    assert api["projects"][0]["starts_on"] == "2026-10-01"
    assert api["projects"][0]["kpis"][0]["target_year"] == 2027  # typed as 2570
    shoot(page, base, f"{edit}/projects/", "proposal-form")

    page.goto(f"{base}{edit}/partners/")
    assert_accessible(page)
    page.locator("#id_partner-0-organisation").fill(partner.dla_code)
    page.locator("#id_partner-0-role").fill("ร่วมพัฒนาแพลตฟอร์มข้อมูลเมือง")
    page.get_by_role("button", name="บันทึกและไปต่อ").click()
    expect(page).to_have_url(f"{base}{edit}/attachments/")
    assert_accessible(page)

    shoot(page, base, f"{edit}/review/", "proposal-checklist")
    page.goto(f"{base}{edit}/review/")
    expect(page.locator("#checklist a")).to_have_count(0)
    page.get_by_label(re.compile("ข้าพเจ้าขอรับรอง")).check()
    page.get_by_role("button", name="ยื่นข้อเสนอ").click()
    expect(page.locator("#reference")).to_have_text(re.compile(r"SC-\d{4}-\d{5}"))
    expect(page.get_by_role("region", name="ฉบับที่ยื่น").get_by_role("strong")).to_have_text("v1")
    expect(page.locator(".tracker-current")).to_contain_text("ยื่นแล้ว")
    expect(page.get_by_role("heading", name="ลำดับเหตุการณ์")).to_be_visible()
    shoot(page, base, f"/applications/{draft.uuid}/", "proposal-page")
    page.goto(f"{base}/applications/{draft.uuid}/versions/1/print/")
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(draft.area_name)
    pdf = page.request.get(f"{base}/applications/{draft.uuid}/versions/1/pdf/")
    assert pdf.headers["content-type"] == "application/pdf"
    context.close()


def test_two_editors_the_stale_save_shows_a_notice_and_loses_nothing(
    browser: Browser, live_server, yala
):
    base = live_server.url
    draft = complete_draft(lead_org=yala)
    other = approved_officer(yala, first_name_th="สมศรี", last_name_th="ยะลาดี")
    pages = []
    for user in (draft.contact, other):
        page = new_context(browser).new_page()
        log_in(page, base, user)
        page.goto(f"{base}/applications/{draft.uuid}/edit/vision/")
        pages.append(page)
    mine, theirs = pages

    theirs.locator("#id_vision").fill("วิสัยทัศน์ของสมศรี")
    theirs.keyboard.press("Tab")
    wait_saved(theirs)

    mine.locator("#id_vision").fill("วิสัยทัศน์ของผู้ติดต่อ")
    mine.keyboard.press("Tab")
    notice = mine.locator("#save-status .alert-warning")
    expect(notice).to_contain_text("สมศรี ยะลาดี")
    expect(notice).to_contain_text("วิสัยทัศน์ของสมศรี")
    expect(notice).to_contain_text("วิสัยทัศน์ของผู้ติดต่อ")
    expect(mine.locator("#id_vision")).to_have_value("วิสัยทัศน์ของผู้ติดต่อ")
    assert_accessible(mine)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    mine.screenshot(path=SCREENSHOTS / "proposal-stale-th-desktop.png", full_page=True)
    draft.refresh_from_db()
    assert draft.vision == "วิสัยทัศน์ของสมศรี"

    mine.get_by_role("button", name="ใช้ข้อมูลที่ฉันพิมพ์").click()
    wait_saved(mine)
    draft.refresh_from_db()
    assert draft.vision == "วิสัยทัศน์ของผู้ติดต่อ"
    for page in pages:
        page.context.close()


def test_leaving_while_a_save_waits_loses_nothing(browser: Browser, live_server, yala):
    """The first save is held on the wire; the next change queues behind it, and the status says
    "Saving…", not "Saved". The officer leaves for another section at once: the page sends the
    form once more as it goes (pagehide, keepalive), and both changes are kept."""
    base = live_server.url
    draft = complete_draft(lead_org=yala)
    page = new_context(browser).new_page()
    log_in(page, base, draft.contact)
    vision = f"{base}/applications/{draft.uuid}/edit/vision/"
    page.goto(vision)
    held: list = []

    def hold_the_first_save(route) -> None:
        if route.request.method == "POST" and not held:
            held.append(route)  # never answered: the page is left while it waits
        else:
            route.continue_()

    page.route(vision, hold_the_first_save)
    page.locator("#id_vision").fill("ยะลาเมืองแห่งความสุข")
    page.keyboard.press("Tab")
    while not held:
        page.wait_for_timeout(50)
    page.locator("#id_goals").fill("ลดขยะร้อยละ 20")
    page.keyboard.press("Tab")
    expect(page.locator("#save-status")).to_have_text("กำลังบันทึก…")
    page.goto(f"{base}/applications/{draft.uuid}/edit/profile/")  # leave at once
    for _ in range(100):  # the keepalive save reaches the server after the page is gone
        draft.refresh_from_db()
        if draft.goals == "ลดขยะร้อยละ 20":
            break
        page.wait_for_timeout(100)
    assert (draft.vision, draft.goals) == ("ยะลาเมืองแห่งความสุข", "ลดขยะร้อยละ 20")
    page.unroute_all(behavior="ignoreErrors")
    page.context.close()
