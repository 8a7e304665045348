from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def test_search_a_municipality_in_thai_open_it_then_english(
    page: Page, visit, live_server, pilots, load_organisations
):
    load_organisations(["2950101", "6950101", "5950101"])  # other Yala bodies, for a real list
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    visit("/")
    page.get_by_role("link", name="เทศบาลและ อปท.").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("เทศบาลและองค์กรปกครองส่วนท้องถิ่น")
    page.get_by_label("ค้นหา").fill("ยะลา")
    page.get_by_role("button", name="ค้นหา").click()
    expect(page).to_have_url(re.compile(r"/municipalities/\?q=%E0%B8%A2"))
    link = page.get_by_role("link", name="เทศบาลนครยะลา")
    expect(link).to_be_visible()
    expect(page.get_by_role("link", name="เทศบาลนครเชียงใหม่")).to_have_count(0)
    visit(page.url.removeprefix(live_server.url))  # the result page passes axe-core too
    page.screenshot(path=SCREENSHOTS / "municipalities-list-th.png", full_page=True)

    page.get_by_role("link", name="เทศบาลนครยะลา").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("เทศบาลนครยะลา")
    expect(page.get_by_text("ภาคใต้")).to_be_visible()
    expect(page.locator("[data-map-pin]")).to_be_visible()
    visit(page.url.removeprefix(live_server.url))
    page.screenshot(path=SCREENSHOTS / "municipalities-detail-th.png", full_page=True)

    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/municipalities/[0-9a-f-]{36}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Yala City Municipality")
    expect(page.get_by_text("City municipality").first).to_be_visible()
    expect(page.get_by_text("South", exact=True)).to_be_visible()
    visit(page.url.removeprefix(live_server.url))
    page.screenshot(path=SCREENSHOTS / "municipalities-detail-en.png", full_page=True)

    visit("/en/municipalities/?q=Yala")
    expect(page.get_by_role("link", name="Yala City Municipality")).to_be_visible()
    page.screenshot(path=SCREENSHOTS / "municipalities-list-en.png", full_page=True)
