"""The proposal page: tracker, revision requests with deadlines, versions and their diff,
withdrawal with a reason; the start box on the dashboard and the home page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from applications.services.proposals import application_submit, application_update
from applications.services.revisions import revision_answers_save
from applications.workflow import State
from smartcity.accounts.models import Membership
from smartcity.templatetags.thai_dates import thai_date
from tests.applications.conftest import return_for_revision
from tests.factories.accounts import UserFactory
from tests.factories.applications import CallFactory, complete_draft

pytestmark = pytest.mark.django_db


def test_revision_request_deadline_versions_diff_and_withdrawal(client):
    draft = complete_draft()
    officer = draft.contact
    application_submit(application=draft, actor=officer)
    request = return_for_revision(draft, points="เพิ่มรายละเอียดงบประมาณ")
    client.force_login(officer)
    page = client.get(draft.get_absolute_url()).content.decode()
    assert "เพิ่มรายละเอียดงบประมาณ" in page
    assert thai_date(request.deadline, "long") in page
    assert "ตรวจสอบคุณสมบัติ" in page  # the tracker's current stage: screening

    application_update(application=draft, actor=officer, fields={"vision": "วิสัยทัศน์ใหม่"})
    revision_answers_save(application=draft, actor=officer, answers={1: "เพิ่มตารางงบประมาณแล้ว"})
    application_submit(application=draft, actor=officer)
    compare = reverse("applications:versions-compare", kwargs={"uuid": draft.uuid})
    diff = client.get(compare, {"older": 1, "newer": 2}).content.decode()
    assert "วิสัยทัศน์ใหม่" in diff
    assert diff.count("<tr>") == 2  # the header and the one changed field

    move = reverse("applications:application-move", kwargs={"uuid": draft.uuid, "move": "withdraw"})
    client.post(move, {"reason": "เปลี่ยนพื้นที่ดำเนินการ"})
    draft.refresh_from_db()
    assert draft.state == State.WITHDRAWN
    assert draft.transitions.last().comment == "เปลี่ยนพื้นที่ดำเนินการ"


def test_home_and_dashboard_offer_a_start_and_a_pending_officer_learns_why_not(client):
    draft = complete_draft()
    client.force_login(draft.contact)
    for url in (reverse("home"), reverse("accounts:dashboard")):
        assert "ทำร่างข้อเสนอต่อ" in client.get(url).content.decode()  # continue your draft
    pending = UserFactory()
    Membership.objects.create(user=pending, organisation=draft.lead_org)
    CallFactory()
    client.force_login(pending)
    page = client.get(reverse("accounts:dashboard")).content.decode()
    assert "/applications/start/" not in page
    assert "รอการอนุมัติ" in page
    assert "หรือผู้ดูแลโครงการของสำนักงานเมืองอัจฉริยะเป็นผู้พิจารณา" in page  # who decides


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_area_and_population_show_thousands_separators(client, prefix):
    from decimal import Decimal

    application = complete_draft(area_km2=Decimal("1234.50"), population_covered=1_061_250)
    client.force_login(application.contact)
    page = client.get(f"{prefix}{application.get_absolute_url()}").content.decode()
    assert ">1,234.50</dd>" in page
    assert ">1,061,250</dd>" in page
