"""Two-factor sign-in in Chromium: an administrator sets up an authenticator app as the policy
requires, then signs in to the admin with password and code (Thai and English, desktop and
phone screenshots in var/screenshots/)."""

from __future__ import annotations

import re
from base64 import b32decode
from pathlib import Path

from django_otp.oath import TOTP
from playwright.sync_api import Page, expect

from smartcity.accounts.roles import Role
from tests.e2e.conftest import assert_accessible
from tests.factories.accounts import PASSWORD, UserFactory

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


def code(secret: str, steps_ahead: int = 0) -> str:
    """What the phone app shows now (or that many 30-second steps later)."""
    totp = TOTP(b32decode(secret), step=30, t0=0, digits=6, drift=0)
    totp.time += steps_ahead * 30
    return f"{totp.token():06d}"


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        page.screenshot(path=SCREENSHOTS / f"two-factor-{name}-{size}.png", full_page=True)
    page.set_viewport_size(DESKTOP)


def test_an_administrator_sets_up_two_factor_then_signs_in_to_the_admin(
    page: Page, live_server, login_as, settings
):
    settings.TWO_FACTOR_REQUIRED_ROLES = ["programme_admin"]
    admin = UserFactory(role=Role.PROGRAMME_ADMIN, is_staff=True)
    page.set_viewport_size(DESKTOP)

    login_as(admin)  # the password is right: the policy asks for the app first
    expect(page).to_have_url(re.compile(r"/accounts/two-factor/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("การยืนยันตัวตนสองขั้นตอน")
    expect(page.locator(".qr-code svg")).to_be_visible()
    assert_accessible(page)
    shot(page, "setup-th")
    secret = page.locator("#two-factor-secret").inner_text()
    page.get_by_label(re.compile(r"^รหัส( \*)?$")).fill(code(secret))
    page.get_by_role("button", name="เปิดการยืนยันตัวตนสองขั้นตอน").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("รหัสกู้คืนของคุณ")
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    shot(page, "recovery-codes-th")

    page.goto(f"{live_server.url}/en/accounts/profile/")
    expect(page.get_by_text("Two-factor sign-in is on.")).to_be_visible()
    page.locator(".nav-user").click()  # the user menu holds the profile and "Log out"
    page.get_by_role("button", name="Log out").click()

    page.goto(f"{live_server.url}/en/admin/")  # the admin signs in through the portal's login
    expect(page).to_have_url(re.compile(r"/en/accounts/login/\?next="))
    page.get_by_label("Email address").fill(admin.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Two-factor sign-in")
    assert_accessible(page)
    shot(page, "code-en")
    page.get_by_label(re.compile(r"^Code( \*)?$")).fill("123456")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("That code is not right.")).to_be_visible()
    page.wait_for_timeout(1100)  # django-otp refuses any code for a second after a wrong one
    page.get_by_label(re.compile(r"^Code( \*)?$")).fill(code(secret, steps_ahead=1))
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/en/admin/$"))
    expect(page.locator("#site-name")).to_be_visible()
    shot(page, "admin-en")
