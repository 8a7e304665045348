"""An organisation proposed at sign-up: hidden from the public, marked for its proposer and for
administrators (screenshots in var/screenshots/, Thai and English, desktop and phone)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from municipalities.models import OrganisationSource, Province
from smartcity.accounts.models import Membership
from smartcity.accounts.roles import Role
from tests.factories.accounts import UserFactory
from tests.factories.municipalities import OrganisationFactory

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
NAME = "มหาวิทยาลัยเมืองอัจฉริยะ"


def test_a_proposed_organisation_is_marked_for_its_proposer_only(
    page: Page, live_server, login_as, visit, pilots
):
    proposed = OrganisationFactory(
        dla_code=None,
        name_th=NAME,
        name_en="Smart City University",
        kind="university",
        province=Province.objects.get(code="95"),
        source=OrganisationSource.SIGNUP,
    )
    proposer = UserFactory(role=Role.OFFICER)
    Membership.objects.create(user=proposer, organisation=proposed, proposes_organisation=True)

    visit("/municipalities/?q=มหาวิทยาลัย")
    expect(page.get_by_role("link", name=NAME)).to_have_count(0)  # not public

    login_as(proposer)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for language, badge in (("", "รอการตรวจสอบ"), ("/en", "Awaiting verification")):
        visit(f"{language}/municipalities/?q=Smart+City+University")
        expect(page.get_by_text(badge)).to_be_visible()
        for size, width in (("desktop", 1366), ("phone", 390)):
            page.set_viewport_size({"width": width, "height": 900})
            name = f"proposed-organisation-{language.strip('/') or 'th'}-{size}.png"
            page.screenshot(path=SCREENSHOTS / name, full_page=True)
        page.set_viewport_size({"width": 1366, "height": 900})
