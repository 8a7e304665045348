"""Phones and narrow desktops: lists as cards without sideways scrolling, a navbar that never
breaks a Thai word."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from smartcity.accounts.roles import Role
from tests.factories.accounts import UserFactory
from tests.factories.mou import signed_mou

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}


@pytest.fixture
def lists(load_organisations):
    """Long Thai names in the registry and MOUs with many parties: what squeezes a phone."""
    load_organisations(
        ["3500102", "2500101", "5450802", "6500101", "6500102", "5500104", "3950102"]
    )
    for _ in range(3):
        signed_mou(parties=3, municipalities=4)


@pytest.mark.parametrize("path", ["/municipalities/", "/mous/", "/en/municipalities/", "/en/mous/"])
def test_lists_fit_a_phone_with_the_count_above_the_fold(page: Page, visit, lists, path):
    page.set_viewport_size(PHONE)
    visit(path)

    width = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert width[0] <= width[1], f"{path} scrolls sideways at 390 px: {width}"
    count = page.get_by_test_id("result-count")
    expect(count).to_be_visible()
    assert count.bounding_box()["y"] + count.bounding_box()["height"] <= PHONE["height"]
    first_row = page.locator("table.table-stack tbody tr").first
    assert first_row.bounding_box()["width"] <= PHONE["width"]  # one card, not a squeezed row

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = path.strip("/").replace("/", "-")
    page.screenshot(path=SCREENSHOTS / f"phone-{name}.png")  # what the first screen shows

    filters = page.locator("#list-filters-more")
    expect(filters).to_be_hidden()  # folded away until asked for
    page.locator("button[aria-controls=list-filters-more]").click()
    expect(filters).to_be_visible()


@pytest.mark.parametrize("path", ["/municipalities/", "/en/mous/"])
def test_lists_show_every_filter_on_a_desktop(page: Page, visit, lists, path):
    page.set_viewport_size(DESKTOP)
    visit(path)

    expect(page.locator("#list-filters-more")).to_be_visible()
    expect(page.locator("button[aria-controls=list-filters-more]")).to_be_hidden()
    name = path.strip("/").replace("/", "-")
    page.screenshot(path=SCREENSHOTS / f"desktop-{name}.png", full_page=True)


def test_the_thai_staff_navbar_breaks_no_word_at_1366(page: Page, live_server, login_as):
    admin = UserFactory(
        role=Role.PROGRAMME_ADMIN,
        is_staff=True,
        first_name_th="ผู้ดูแลระบบ",
        last_name_th="สำนักงานเมืองอัจฉริยะประเทศไทย",  # a long name: the menu truncates it
    )
    page.set_viewport_size(DESKTOP)
    login_as(admin)
    page.goto(f"{live_server.url}/municipalities/")

    wrapped = page.evaluate(
        """[...document.querySelectorAll('.navbar .nav-link, .navbar-brand')]
        .filter(el => {
            const style = getComputedStyle(el);
            const text = el.getBoundingClientRect().height
                - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
            return text > 1.5 * parseFloat(style.lineHeight);
        })
        .map(el => el.textContent.trim())"""
    )
    assert not wrapped, f"navbar items on two lines: {wrapped}"
    tops = page.evaluate(
        "[...new Set([...document.querySelectorAll('.navbar .nav-item')]"
        ".map(el => Math.round(el.getBoundingClientRect().top)))]"
    )
    assert len(tops) == 1, f"navbar items on several rows: {tops}"
    width = page.evaluate("document.documentElement.scrollWidth")
    page.screenshot(path=SCREENSHOTS / "desktop-navbar-staff-th.png", full_page=True)
    wide = page.evaluate(
        "[...document.querySelectorAll('body *')]"
        ".filter(e => e.getBoundingClientRect().right > innerWidth)"
        ".slice(0, 5).map(e => `${e.tagName}.${e.className}`)"
    )
    assert width <= DESKTOP["width"], f"the page scrolls sideways: {width} px {wide}"
    navbar = page.locator("nav.navbar")
    assert navbar.get_by_text("ผู้ดูแลระบบ", exact=True).count() <= 1
