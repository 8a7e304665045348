"""The pages with the most scripts work under the Content-Security-Policy: the autouse listener
in conftest.py fails each test on any violation Chromium reports."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from smartcity.accounts.roles import Role
from smartcity.security import content_security_policy
from tests.factories.accounts import UserFactory

TILES = "https://tile.example.org/{z}/{x}/{y}.png"  # aborted by _local_only: no network here


def test_an_inline_script_is_refused_and_reported(page: Page, live_server, csp_violations):
    page.goto(f"{live_server.url}/")
    with page.expect_console_message(lambda m: "Content Security Policy" in m.text):
        page.evaluate(
            "() => { const s = document.createElement('script');"
            " s.textContent = 'window.ran = true'; document.head.append(s); }"
        )
    assert page.evaluate("() => window.ran") is None
    assert len(csp_violations) == 1
    assert "script-src" in csp_violations[0]
    csp_violations.clear()  # provoked on purpose


def test_map_htmx_search_and_api_docs_under_the_policy(page: Page, live_server, pilots, settings):
    settings.MAP_TILE_URL = TILES
    settings.CONTENT_SECURITY_POLICY = content_security_policy(map_tile_url=TILES)
    page.goto(f"{live_server.url}/municipalities/3950102/")
    expect(page.locator(".leaflet-container")).to_be_visible()  # Leaflet ran
    expect(page.locator(".leaflet-marker-icon")).to_be_visible()

    page.goto(f"{live_server.url}/accounts/signup/")
    page.locator("#id_organisation_search").fill("ยะลา")  # htmx fetches the matches
    expect(page.get_by_text("เทศบาลนครยะลา")).to_be_visible()

    page.goto(f"{live_server.url}/api/v1/docs/")
    expect(page.get_by_text("Smart City Portal API")).to_be_visible()  # Swagger UI ran


def test_admin_pages_under_the_policy(page: Page, live_server, login_as, pilots):
    login_as(UserFactory(role=Role.PROGRAMME_ADMIN, is_staff=True))
    for path in (
        "/admin/",
        "/admin/municipalities/organisation/",
        "/admin/municipalities/organisation/export/",
        "/admin/municipalities/organisation/import/",
        "/admin/mou/mou/add/",
        "/admin/accounts/user/",
    ):
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        expect(page.locator("#content")).to_be_visible()
