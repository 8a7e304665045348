"""The 404 page in a browser: the site's layout in the address's language, desktop and phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import assert_accessible
from tests.e2e.test_signup import shot


@pytest.mark.parametrize(("prefix", "title"), [("", "ไม่พบหน้าที่ต้องการ"), ("/en", "Page not found")])
def test_a_missing_page_on_the_layout(page: Page, live_server, prefix, title):
    for name, size in (
        ("", {"width": 1366, "height": 900}),
        ("-phone", {"width": 390, "height": 844}),
    ):
        page.set_viewport_size(size)
        response = page.goto(f"{live_server.url}{prefix}/no-such-page")
        assert response is not None
        assert response.status == 404
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        expect(page.get_by_role("search")).to_be_visible()
        assert_accessible(page)
        shot(page, f"error-404-{prefix.strip('/') or 'th'}{name}")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
