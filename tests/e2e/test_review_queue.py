"""The review queue in Chromium: a reviewer filters by region and domain, searches a Thai
organisation name, ticks two proposals and assigns two reviewers to both; screenshots in Thai and
English on a desktop (1366 px) and a phone (390 px)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect

from applications.models import Assignment
from smartcity.accounts.roles import Role
from smartcity.vocabulary import Domain
from tests.applications.decisions import submitted_proposal
from tests.e2e.conftest import assert_accessible
from tests.factories.accounts import UserFactory
from tests.factories.applications import CallFactory
from tests.factories.municipalities import PILOT_CODES, registry_load

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
SIZES = {"desktop": (1366, 900), "phone": (390, 844)}
# pilots: Chiang Mai and Chiang Rai city (north), Nakhon Sawan city (north), Hat Yai city (south)
NORTH_CHIANG = ("3500102", "3570102")
FILTERS = {"region": "north", "domain": "mobility", "q": "เชียง"}


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


@pytest.mark.django_db(transaction=True)
def test_a_reviewer_filters_searches_and_bulk_assigns(page: Page, live_server, login_as):
    organisations = {o.dla_code: o for o in registry_load(PILOT_CODES)}
    call = CallFactory()
    chiang = [
        submitted_proposal(call=call, lead_org=organisations[code], area_name=f"เขตเมืองเก่า {n}")
        for n, code in enumerate(NORTH_CHIANG)
    ]
    others = [
        submitted_proposal(call=call, lead_org=organisation, area_name="เขตศูนย์กลางเมือง")
        for code, organisation in sorted(organisations.items())
        if code not in NORTH_CHIANG
    ]
    others[0].domains = [Domain.ENERGY]
    others[0].save(update_fields=["domains"])
    reviewer = UserFactory(role=Role.REVIEWER, first_name_th="วิไล", last_name_th="ตรวจดี")
    first = UserFactory(role=Role.REVIEWER, first_name_th="ประเสริฐ", last_name_th="ศรีสุข")
    second = UserFactory(role=Role.REVIEWER, first_name_th="กมลา", last_name_th="ใจงาม")

    page.set_viewport_size({"width": 1366, "height": 900})
    login_as(reviewer)
    page.goto(f"{live_server.url}/review/")
    expect(page.get_by_role("heading", level=1)).to_have_text("คิวพิจารณาข้อเสนอ")
    expect(page.get_by_test_id("result-count")).to_contain_text(str(2 + len(others)))
    assert_accessible(page)

    page.get_by_label("ภาค", exact=True).select_option("north")
    expect(page).to_have_url(re.compile(r"region=north"))
    page.get_by_label("ด้าน", exact=True).select_option(Domain.MOBILITY.value)
    expect(page).to_have_url(re.compile(r"domain=mobility"))
    page.get_by_label("ค้นหา", exact=True).fill("เชียง")
    expect(page).to_have_url(re.compile(r"q=%E0%B9%80%E0%B8%8A"))  # เชียง, in the URL
    expect(page.get_by_test_id("result-count")).to_contain_text("2")
    rows = page.locator(".queue-table tbody tr")
    expect(rows).to_have_count(2)
    for application in chiang:
        expect(rows.filter(has_text=application.reference)).to_have_count(1)

    page.get_by_label("เลือกข้อเสนอทั้งหมดในหน้านี้").check()
    page.get_by_label("มอบหมายข้อเสนอที่เลือกให้").select_option([str(first.uuid), str(second.uuid)])
    shot(page, "review-queue-th-desktop-selected")
    page.get_by_role("button", name="มอบหมายผู้พิจารณา").click()
    expect(page.get_by_text("มอบหมายแล้ว 4 รายการ")).to_be_visible()
    assert Assignment.objects.filter(application__in=chiang).count() == 4
    expect(page).to_have_url(re.compile(r"region=north"))  # the filters are kept
    expect(page.locator(".queue-table tbody tr").first).to_contain_text("ประเสริฐ")
    assert_accessible(page)
    shot(page, "review-queue-th-desktop")

    for language, prefix in (("th", ""), ("en", "/en")):
        for size, (width, height) in SIZES.items():
            page.set_viewport_size({"width": width, "height": height})
            page.goto(f"{live_server.url}{prefix}/review/?{urlencode(FILTERS)}")
            expect(page.locator(".queue-table tbody tr")).to_have_count(2)
            assert_accessible(page)
            shot(page, f"review-queue-{language}-{size}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Review queue")
