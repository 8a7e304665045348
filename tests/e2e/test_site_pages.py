"""The footer and its pages, in Thai and English, pass axe-core on a desktop and a phone."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


@pytest.mark.parametrize(
    ("prefix", "link"), [("", "ประกาศความเป็นส่วนตัว"), ("/en", "Privacy notice")]
)
def test_the_footer_leads_to_the_policy_pages(page: Page, visit, live_server, prefix, link):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    language = prefix.strip("/") or "th"
    visit(f"{prefix}/")
    page.get_by_role("contentinfo").get_by_role("link", name=link).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(link)
    page.screenshot(path=SCREENSHOTS / f"privacy-{language}.png", full_page=True)
    for name in ("contact", "website-policy", "security", "accessibility", "sitemap"):
        visit(f"{prefix}/about/{name}/")
    page.set_viewport_size({"width": 390, "height": 844})
    visit(f"{prefix}/about/contact/")
    page.screenshot(path=SCREENSHOTS / f"contact-phone-{language}.png", full_page=True)


def test_the_thai_admin_speaks_thai_and_has_the_footer(page: Page, live_server, login_as, pilots):
    from smartcity.accounts.roles import Role
    from tests.factories.accounts import UserFactory

    login_as(UserFactory(role=Role.PROGRAMME_ADMIN, is_staff=True))
    page.set_viewport_size({"width": 1366, "height": 900})
    # the admin binds its action checkboxes on window load: wait until the page has settled
    page.goto(f"{live_server.url}/admin/municipalities/organisation/", wait_until="networkidle")
    expect(page.get_by_placeholder("พิมพ์เพื่อกรอง…")).to_be_attached()
    page.locator("#action-toggle").check()
    expect(page.locator(".action-counter")).to_contain_text("เลือก 12 จาก 12")
    expect(page.locator("#footer").get_by_role("link", name="แผนผังเว็บไซต์")).to_be_visible()
    page.screenshot(path=SCREENSHOTS / "admin-organisations-th.png")
