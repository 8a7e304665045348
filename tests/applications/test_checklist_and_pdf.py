"""The checklist names what is missing (pages and API alike); a version's PDF is readable."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

from applications.models import Application
from applications.services.proposals import application_submit
from applications.workflow import State
from smartcity.templatetags.thai_dates import thai_date
from tests.factories.applications import CallFactory, approved_officer, complete_draft
from tests.factories.municipalities import OrganisationFactory

pytestmark = pytest.mark.django_db

# every required item of an empty draft choosing two domains, in the order of the form
EXPECTED_EMPTY = [
    "ยังไม่ได้กรอกคำอธิบายขอบเขตพื้นที่",
    "ยังไม่ได้กรอกพื้นที่ (ตร.กม.)",
    "ยังไม่ได้กรอกจำนวนประชากรในพื้นที่",
    "ยังไม่ได้กรอกวิสัยทัศน์",
    "ยังไม่ได้กรอกเป้าหมาย",
    "ยังไม่ได้กรอกแผนการลงทุนโครงสร้างพื้นฐาน",
    "ยังไม่ได้กรอกแพลตฟอร์มข้อมูลเมือง",
    "ยังไม่ได้กรอกบริการและโซลูชันอัจฉริยะ",
    "ยังไม่ได้กรอกการกำกับดูแล",
    "ยังไม่ได้กรอกแหล่งเงินทุน",
    "ยังไม่ได้กรอกการมีส่วนร่วมของประชาชน",
    "ด้าน “การเดินทางและขนส่งอัจฉริยะ” ยังไม่มีบริการอัจฉริยะ: เพิ่มโครงการในด้านนี้",
    "ด้าน “การดำรงชีวิตอัจฉริยะ” ยังไม่มีบริการอัจฉริยะ: เพิ่มโครงการในด้านนี้",
    "เพิ่มโครงการอย่างน้อยหนึ่งโครงการ",
]


@pytest.fixture
def empty_draft(api_client):
    organisation = OrganisationFactory()
    officer = approved_officer(organisation)
    api_client.force_authenticate(officer)
    created = api_client.post(
        "/api/v1/applications/",
        {
            "call": str(CallFactory().uuid),
            "lead_org": str(organisation.uuid),
            "area_name": "เขตเมืองยะลา",
            "domains": ["mobility", "living"],
        },
        format="json",
    )
    assert created.status_code == 201, created.data
    return Application.objects.get(uuid=created.data["uuid"])


def review_items(client, application) -> list[str]:
    client.force_login(application.contact)
    url = reverse(
        "applications:application-edit", kwargs={"uuid": application.uuid, "section": "review"}
    )
    page = client.get(url).content.decode()
    checklist = page[page.index('id="checklist"') : page.index("</ul>\n</section>")]
    return [line.split("</a>")[0].rsplit(">", 1)[1] for line in checklist.split("<li><a ")[1:]]


def test_the_checklist_names_each_missing_item_and_the_api_refuses_with_the_same(
    client, api_client, empty_draft
):
    items = review_items(client, empty_draft)
    assert items == EXPECTED_EMPTY
    refused = api_client.post(f"/api/v1/applications/{empty_draft.uuid}/submit/")
    assert refused.status_code == 409
    assert refused.data["code"] == "incomplete_proposal"
    assert refused.data["missing"] == items
    empty_draft.refresh_from_db()
    assert empty_draft.state == State.DRAFT


def test_a_complete_draft_has_an_empty_checklist_and_submits(client):
    draft = complete_draft()
    assert review_items(client, draft) == []
    response = client.post(
        reverse("applications:application-edit", kwargs={"uuid": draft.uuid, "section": "review"}),
        {"declaration": "on"},
    )
    draft.refresh_from_db()
    assert response.url == draft.get_absolute_url()
    assert draft.state == State.SUBMITTED


def test_a_kpi_target_year_typed_in_the_buddhist_era_reads_in_ce_through_the_api(
    client, api_client
):
    draft = complete_draft()
    project = draft.projects.first()
    kpi = project.kpis.get()
    client.force_login(draft.contact)
    data = {
        "revision": draft.revision,
        "project": [],
    }
    for row in draft.projects.all():
        key = str(row.uuid)
        data["project"].append(key)
        data.update(
            {
                f"{key}-domain": row.domain,
                f"{key}-title": row.title,
                f"{key}-budget": "1,000,000",
                f"{key}-kpi": [str(k.uuid) for k in row.kpis.all()],
            }
        )
        for k in row.kpis.all():
            data.update({f"{k.uuid}-name": k.name, f"{k.uuid}-target_year": "2570"})
    url = reverse(
        "applications:application-edit", kwargs={"uuid": draft.uuid, "section": "projects"}
    )
    assert client.post(url, data).status_code == 302
    api_client.force_authenticate(draft.contact)
    body = api_client.get(f"/api/v1/applications/{draft.uuid}/").data
    years = {k["uuid"]: k["target_year"] for p in body["projects"] for k in p["kpis"]}
    assert years[str(kpi.uuid)] == 2027


def test_the_pdf_of_a_version_has_its_thai_text_be_date_and_reference(client, pdf_text, tmp_path):
    draft = complete_draft(vision="เมืองน่าอยู่ ปลอดภัย และยั่งยืนด้วยข้อมูลเมือง")
    version = application_submit(application=draft, actor=draft.contact)
    draft.refresh_from_db()
    client.force_login(draft.contact)
    response = client.get(
        reverse("applications:version-pdf", kwargs={"uuid": draft.uuid, "number": version.number})
    )
    assert response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content)
    text = pdf_text(content)
    assert draft.reference in text
    assert "เมืองน่าอยู่ ปลอดภัย และยั่งยืนด้วยข้อมูลเมือง" in text
    assert thai_date(version.submitted_at) in text  # e.g. "30 พ.ย. 2569"
    assert "2571" in text  # the project's end date, 30 Sep 2028, in the Buddhist Era
    pdf = tmp_path / "version.pdf"
    pdf.write_bytes(content)
    Path("var/screenshots").mkdir(parents=True, exist_ok=True)
    page = "var/screenshots/proposal-version-pdf"
    pdftoppm = [shutil.which("pdftoppm"), "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), page]
    subprocess.run(pdftoppm, check=True)  # noqa: S603 - our own file and arguments
