from __future__ import annotations

from pathlib import Path

from django.db import transaction
from playwright.sync_api import Page, expect

from smartcity.notifications.services import notify

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def approve_membership_stand_in(*, member) -> None:
    """Issue 5's approval service notifies like this; the lead wires the real one at merge."""
    with transaction.atomic():
        notify(
            recipients=[member],
            event="accounts.membership_approved",
            obj=member,
            context={"organisation": "เทศบาลนครยะลา"},
        )


def test_bell_counts_up_and_opens_the_notification(
    page: Page, visit, login_as, officer, live_server
):
    login_as(officer)
    visit("/notifications/")
    bell = page.get_by_test_id("bell")
    expect(bell).to_be_visible()
    expect(page.get_by_test_id("bell-count")).to_have_count(0)
    expect(page.get_by_text("ยังไม่มีการแจ้งเตือน")).to_be_visible()

    approve_membership_stand_in(member=officer)  # while the officer's page is open
    # no reload: the bell asks the server again, as its 30 s poll does
    page.evaluate("htmx.trigger(document.body, 'notifications:refresh')")
    expect(page.get_by_test_id("bell-count")).to_contain_text("1")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "notifications-th.png", full_page=True)

    page.reload()
    expect(page.get_by_text("ใหม่", exact=True)).to_be_visible()
    page.screenshot(path=SCREENSHOTS / "notifications-list-th.png", full_page=True)
    page.get_by_role("link", name="คำขอเป็นสมาชิกของ เทศบาลนครยะลา ได้รับการอนุมัติแล้ว").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("เมืองอัจฉริยะ")
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_test_id("bell-count")).to_have_count(0)

    visit("/en/notifications/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Notifications")
    page.screenshot(path=SCREENSHOTS / "notifications-en.png", full_page=True)
    visit("/notifications/preferences/")
    page.screenshot(path=SCREENSHOTS / "notification-settings-th.png", full_page=True)
