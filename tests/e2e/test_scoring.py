"""The review in Chromium (issue 17): two assigned reviewers each declare no conflict and score;
the aggregate appears for the office. Screenshots of the new pages, Thai and English, desktop
and phone, under var/screenshots/."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from applications.models import Review
from smartcity.accounts.roles import Role
from tests.applications.decisions import submitted_proposal
from tests.applications.reviews import assign, office_admin
from tests.e2e.conftest import assert_accessible
from tests.e2e.test_decisions import SIZES, logout, shot
from tests.factories.accounts import UserFactory


def shots(page: Page, live_server: object, path: str, name: str) -> None:
    """The page in Thai and English, at desktop and phone widths."""
    for language, prefix in (("th", ""), ("en", "/en")):
        for size, (width, height) in SIZES.items():
            page.set_viewport_size({"width": width, "height": height})
            page.goto(f"{live_server.url}{prefix}{path}")
            assert_accessible(page)
            shot(page, f"scoring-{name}-{language}-{size}")
    page.set_viewport_size({"width": SIZES["desktop"][0], "height": SIZES["desktop"][1]})
    page.goto(f"{live_server.url}{path}")  # back to the Thai page at desktop width


def review_as(
    page: Page,
    live_server: object,
    login_as: Callable,
    reviewer: object,
    application: object,
    scores: list[str],
    *,
    screenshots: str = "",
) -> None:
    login_as(reviewer)
    page.goto(f"{live_server.url}/staff/proposals/{application.uuid}/")
    page.get_by_role("link", name="แจ้งผลประโยชน์ทับซ้อน").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("แจ้งผลประโยชน์ทับซ้อน")
    if screenshots:
        shots(page, live_server, f"/staff/proposals/{application.uuid}/declaration/", "declare")
    page.get_by_label("ไม่มี: ข้าพเจ้าไม่มีผลประโยชน์ทับซ้อนกับผู้ยื่นข้อเสนอ").check()
    page.get_by_role("button", name="แจ้ง", exact=True).click()
    expect(page.get_by_text("แจ้งแล้วว่าไม่มีผลประโยชน์ทับซ้อน")).to_be_visible()
    assert_accessible(page)
    if screenshots:
        shots(page, live_server, f"/staff/proposals/{application.uuid}/scores/", "score-form")
    for number, score in enumerate(scores, start=1):
        page.locator(f'[name="score_{number}"]').select_option(score)
        page.locator(f'[name="comment_{number}"]').fill(f"เหตุผลของเกณฑ์ที่ {number}")
    page.locator('[name="comment"]').fill("ข้อเสนอมีความพร้อมในภาพรวม")
    page.get_by_role("button", name="ส่งคะแนน").click()
    expect(page.get_by_text("ส่งคะแนนของท่านแล้ว")).to_be_visible()
    logout(page)


@pytest.mark.django_db(transaction=True)
def test_two_reviewers_score_and_the_office_sees_the_aggregate(page: Page, live_server, login_as):
    application = submitted_proposal(area_name="เขตเมืองอัจฉริยะน่าน")
    first = assign(application, UserFactory(role=Role.REVIEWER, first_name_th="สมศรี"))
    second = assign(application, UserFactory(role=Role.REVIEWER, first_name_th="วิชัย"))
    review_as(
        page,
        live_server,
        login_as,
        first,
        application,
        ["4", "4", "3", "1", "4"],
        screenshots="yes",
    )
    review_as(page, live_server, login_as, second, application, ["4", "3", "5", "5", "3"])
    assert Review.objects.filter(submitted_at__isnull=False).count() == 2

    login_as(second)  # after submitting, the others' scores
    score_page = f"/staff/proposals/{application.uuid}/scores/"
    page.goto(f"{live_server.url}{score_page}")
    expect(page.get_by_role("heading", name="คะแนนของผู้พิจารณา")).to_be_visible()
    expect(page.get_by_text("สมศรี").first).to_be_visible()
    shots(page, live_server, score_page, "score-submitted")
    logout(page)

    login_as(office_admin())
    workspace = f"/staff/proposals/{application.uuid}/"
    page.goto(f"{live_server.url}{workspace}")
    panel = page.locator("#aggregate")
    expect(panel).to_contain_text("คะแนนรวมเฉลี่ย")
    expect(panel).to_contain_text("ต้องหารือ")  # criterion 4: 1 and 5
    shots(page, live_server, workspace, "workspace-aggregate")
