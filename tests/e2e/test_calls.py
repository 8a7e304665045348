from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from applications.services.proposals import application_submit
from tests.factories.applications import CallFactory, complete_draft

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
SIZES = {"desktop": (1366, 900), "phone": (390, 844)}


def test_open_call_from_the_home_page_then_a_proposal(page: Page, visit, live_server, login_as):
    call = CallFactory(title_th="เมืองอัจฉริยะประเทศไทย", title_en="Smart City Thailand")
    draft = complete_draft(call=call, area_name="เขตเทศบาลนครยะลา")
    application_submit(application=draft, actor=draft.contact)
    draft.refresh_from_db()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    visit("/")
    page.get_by_role("link", name="เมืองอัจฉริยะประเทศไทย").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("เมืองอัจฉริยะประเทศไทย")
    expect(page.get_by_text("แพลตฟอร์มข้อมูลเมือง").first).to_be_visible()
    for language, prefix in (("th", ""), ("en", "/en")):
        for size, (width, height) in SIZES.items():
            page.set_viewport_size({"width": width, "height": height})
            visit(f"{prefix}/calls/")
            page.screenshot(path=SCREENSHOTS / f"calls-{language}-{size}.png", full_page=True)
            visit(f"{prefix}{call.get_absolute_url().removeprefix('/en')}")
            page.screenshot(path=SCREENSHOTS / f"call-{language}-{size}.png", full_page=True)

    login_as(draft.contact)
    for language, prefix in (("th", ""), ("en", "/en")):
        for size, (width, height) in SIZES.items():
            page.set_viewport_size({"width": width, "height": height})
            visit(f"{prefix}/applications/{draft.uuid}/")
            expect(page.get_by_text(draft.reference)).to_be_visible()
            page.screenshot(path=SCREENSHOTS / f"proposal-{language}-{size}.png", full_page=True)
