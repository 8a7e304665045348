from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def test_home_in_thai_then_english(page: Page, visit, live_server):
    visit("/")
    expect(page).to_have_title("พอร์ทัลเมืองอัจฉริยะ · สำนักงานเมืองอัจฉริยะประเทศไทย")
    expect(page.get_by_role("heading", level=1)).to_contain_text("เมืองอัจฉริยะ")
    loaded = page.evaluate(
        "document.fonts.ready.then(() => [...document.fonts]"
        ".filter(f => f.family.includes('Sarabun') && f.status === 'loaded').length)"
    )
    assert loaded >= 1, "Sarabun did not load: Thai would render in a fallback font"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "home-th.png", full_page=True)

    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{live_server.url}/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thailand's smart city programme, online"
    )
    visit("/en/")
    page.screenshot(path=SCREENSHOTS / "home-en.png", full_page=True)

    page.get_by_role("link", name="ภาษาไทย").click()
    expect(page).to_have_url(f"{live_server.url}/")
