"""A new officer of เทศบาลเมืองแสนสุข signs up; a Saen Suk officer is told and approves them from
the members page; the new officer is told; the programme administrator's counters follow."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from smartcity.accounts.models import Membership, MembershipStatus, User
from smartcity.accounts.roles import Role
from smartcity.notifications.models import Notification
from tests.e2e.conftest import assert_accessible, log_in
from tests.e2e.test_signup import shot
from tests.factories.accounts import UserFactory
from tests.factories.municipalities import registry_load

SAEN_SUK = "4200103"
NEW_PASSWORD = "saen-suk-smart-2026"
WORDS = {
    "th": {
        "sign_up": "ลงทะเบียน",
        "approve": "อนุมัติ",
        "approved": "อนุมัติการเป็นสมาชิกแล้ว",
        "told": "ขอเป็นสมาชิกของ เทศบาลเมืองแสนสุข",
        "welcome": "คำขอเป็นสมาชิกของ เทศบาลเมืองแสนสุข ได้รับการอนุมัติแล้ว",
    },
    "en": {
        "sign_up": "Sign up",
        "approve": "Approve",
        "approved": "The membership is approved",
        "told": "asks to join Saen Suk Town Municipality",
        "welcome": "Your membership of Saen Suk Town Municipality was approved",
    },
}
DESKTOP, PHONE = {"width": 1366, "height": 900}, {"width": 390, "height": 844}


def pending_count(page: Page, url: str) -> str:
    page.goto(url)
    counter = page.locator("#panel-pending").locator("xpath=..").locator(".counter-value").first
    return counter.inner_text()


@pytest.mark.parametrize("language", ["th", "en"])
def test_an_officer_approves_a_new_colleague(page: Page, live_server, language):
    words = WORDS[language]
    base = live_server.url + ("/en" if language == "en" else "")
    (saen_suk,) = registry_load([SAEN_SUK])
    admin = UserFactory(role=Role.PROGRAMME_ADMIN, is_staff=True, language=language)
    officer = UserFactory(role=Role.OFFICER, language=language)
    Membership.objects.create(user=officer, organisation=saen_suk, status=MembershipStatus.APPROVED)
    page.set_viewport_size(DESKTOP)

    # before: nothing waits
    log_in(page, base, admin)
    assert pending_count(page, f"{base}/accounts/dashboard/") == "0"
    assert pending_count(page, f"{base}/admin/") == "0"

    # a new officer signs up for Saen Suk; Enter in the search box does not send the form
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/signup/")
    expect(page.locator("label[for=id_first_name_th] .required-mark")).to_be_visible()
    page.fill("#id_first_name_th", "วิภา")
    page.fill("#id_last_name_th", "ทะเลงาม")
    page.fill("#id_first_name_en", "Wipa")
    page.fill("#id_last_name_en", "Thalengam")
    page.fill("#id_email", f"wipa-{language}@saensuk.go.th")
    page.fill("#id_phone", "038-123-456")
    page.fill("#id_position", "นักวิชาการคอมพิวเตอร์")
    page.fill("#id_password1", NEW_PASSWORD)
    page.fill("#id_password2", NEW_PASSWORD)
    page.fill("#id_organisation_search", "แสนสุข")
    page.press("#id_organisation_search", "Enter")
    choice = page.get_by_label(re.compile("เทศบาลเมืองแสนสุข"))
    expect(choice).to_be_visible()
    assert "/signup/" in page.url
    expect(page.locator("#id_password1")).to_have_value(NEW_PASSWORD)  # nothing was sent
    choice.check()
    page.get_by_role("button", name=words["sign_up"], exact=True).click()
    # the privacy box was left unticked: a summary at the top names it
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator("#error-summary")).to_be_focused()
    shot(page, f"approval-signup-errors-{language}")
    page.fill("#id_password1", NEW_PASSWORD)
    page.fill("#id_password2", NEW_PASSWORD)
    page.locator("#id_privacy_accepted").check()
    page.get_by_role("button", name=words["sign_up"], exact=True).click()
    expect(page.locator("main h1")).to_be_visible()
    assert page.url.endswith("/accounts/signup/done/")
    new = User.objects.get(email=f"wipa-{language}@saensuk.go.th")
    verify = Notification.objects.get(recipient=new, event="accounts.verify_email")
    page.goto(live_server.url + verify.link)
    expect(page.get_by_role("status")).to_be_visible()

    # the Saen Suk officer is told and approves from the members page
    log_in(page, base, officer)
    page.goto(f"{base}/notifications/")
    page.get_by_role("link", name=re.compile(words["told"])).click()
    expect(page.locator(f"#member-{new.memberships.get().uuid}")).to_be_visible()
    assert_accessible(page)
    shot(page, f"approval-members-{language}")
    page.set_viewport_size(PHONE)
    shot(page, f"approval-members-{language}-phone")
    page.set_viewport_size(DESKTOP)

    log_in(page, base, admin)  # the administrator sees it waiting
    assert pending_count(page, f"{base}/accounts/dashboard/") == "1"
    shot(page, f"approval-dashboard-before-{language}")
    assert pending_count(page, f"{base}/admin/") == "1"
    shot(page, f"approval-admin-index-before-{language}")

    log_in(page, base, officer)
    page.goto(f"{base}/accounts/organisations/{saen_suk.uuid}/members/")
    page.get_by_role("button", name=words["approve"], exact=True).click()
    expect(page.get_by_role("alert").first).to_contain_text(words["approved"])
    shot(page, f"approval-approved-{language}")

    # the new officer is told, and nothing waits any more
    log_in(page, base, new, NEW_PASSWORD)
    page.goto(f"{base}/notifications/")
    expect(page.get_by_role("link", name=words["welcome"])).to_be_visible()
    shot(page, f"approval-new-officer-told-{language}")
    log_in(page, base, admin)
    assert pending_count(page, f"{base}/accounts/dashboard/") == "0"
    shot(page, f"approval-dashboard-after-{language}")
    page.set_viewport_size(PHONE)
    shot(page, f"approval-dashboard-after-{language}-phone")
    page.set_viewport_size(DESKTOP)
    assert pending_count(page, f"{base}/admin/") == "0"
    shot(page, f"approval-admin-index-after-{language}")
