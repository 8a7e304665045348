"""Each refusal says why in Thai and loses nothing that was stored."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from applications.models import Application, Attachment, Criterion
from applications.workflow import State
from smartcity.files.models import StoredFile
from tests.applications.test_api import URL, draft_payload
from tests.factories.applications import CallFactory, approved_officer, complete_draft
from tests.factories.municipalities import OrganisationFactory

pytestmark = pytest.mark.django_db
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


@pytest.fixture
def author(api_client):
    organisation = OrganisationFactory()
    officer = approved_officer(organisation)
    api_client.force_authenticate(officer)
    return organisation


def _project_change(api_client, draft, **changes):
    project = api_client.get(f"{URL}{draft.uuid}/").data["projects"][0]
    project.update(changes)
    return api_client.patch(f"{URL}{draft.uuid}/", {"projects": [project]}, format="json")


@pytest.mark.parametrize(
    ("changes", "field", "thai"),
    [
        ({"budget": "-1.00"}, "budget", "งบประมาณต้องไม่ติดลบ"),
        ({"starts_on": "2027-01-01", "ends_on": "2026-12-31"}, "ends_on", "ก่อนวันเริ่ม"),
    ],
)
def test_project_budget_and_dates(api_client, draft, changes, field, thai):
    api_client.force_authenticate(draft.contact)
    before = list(draft.projects.values())
    response = _project_change(api_client, draft, **changes)
    assert response.status_code == 400
    assert thai in str(response.data["projects"][0][field][0])
    assert list(draft.projects.values()) == before


def test_a_project_outside_the_chosen_domains(api_client, draft):
    api_client.force_authenticate(draft.contact)
    response = _project_change(api_client, draft, domain="energy")
    assert response.status_code == 400
    assert "พลังงาน" in str(response.data["projects"][0])  # names the domain, in Thai
    assert set(draft.projects.values_list("domain", flat=True)) <= set(draft.domains)


def test_a_renamed_exe_attachment(api_client, draft):
    api_client.force_authenticate(draft.contact)
    upload = SimpleUploadedFile("plan.pdf", EXE_BYTES, content_type="application/pdf")
    response = api_client.post(
        f"{URL}{draft.uuid}/attachments/", {"file": upload, "kind": "other"}, format="multipart"
    )
    assert response.status_code == 400
    assert "ไม่ใช่ชนิดที่อนุญาต" in str(response.data)
    assert not Attachment.objects.exists()
    assert not StoredFile.objects.exists()


def test_a_first_submission_after_closing(api_client, draft):
    draft.call.opens_at = timezone.now() - dt.timedelta(days=30)
    draft.call.closes_at = timezone.now() - dt.timedelta(hours=1)
    draft.call.save()
    api_client.force_authenticate(draft.contact)
    response = api_client.post(f"{URL}{draft.uuid}/submit/")
    assert response.status_code == 409
    assert response.data["code"] == "submission_closed"
    assert "ปิดรับ" in response.data["detail"]
    draft.refresh_from_db()
    assert (draft.state, draft.reference, draft.versions.count()) == (State.DRAFT, None, 0)


def test_late_drafts_started_before_closing_are_accepted_until_late_until(call):
    from applications.errors import SubmissionClosed
    from applications.services.proposals import application_submit

    early, late = complete_draft(call=call), complete_draft(call=call)
    Application.objects.filter(pk=early.pk).update(created_at=timezone.now() - dt.timedelta(days=3))
    call.closes_at = timezone.now() - dt.timedelta(days=1)
    call.accept_late_drafts, call.late_until = True, timezone.now() + dt.timedelta(days=2)
    call.save()
    Application.objects.filter(pk=late.pk).update(created_at=timezone.now() - dt.timedelta(hours=1))
    assert application_submit(application=early, actor=early.contact).number == 1
    with pytest.raises(SubmissionClosed):
        application_submit(application=late, actor=late.contact)


def test_a_second_active_proposal_of_one_organisation_in_one_call(api_client, author):
    call = CallFactory()
    first = api_client.post(URL, draft_payload(call, author), format="json")
    assert first.status_code == 201
    second = api_client.post(URL, draft_payload(call, author), format="json")
    assert second.status_code == 409
    assert second.data["code"] == "duplicate_proposal"
    assert "มีข้อเสนอ" in second.data["detail"]
    assert Application.objects.count() == 1
    other_area = {**draft_payload(call, author), "area_name": "เขตอุตสาหกรรม"}
    assert api_client.post(URL, other_area, format="json").status_code == 201


def test_changing_a_calls_weights_after_its_first_submission(client, submitted, programme_admin):
    client.force_login(programme_admin)
    call = submitted.call
    url = f"/admin/applications/call/{call.pk}/change/"
    page = client.get(url)
    assert "ไม่สามารถเปลี่ยน" in page.content.decode() or "can no longer change" in str(
        list(page.context["messages"])
    )
    criteria = list(call.criteria.order_by("number"))
    data = {
        "title_th": call.title_th,
        "title_en": call.title_en,
        "description_th": "",
        "description_en": "",
        "opens_at_0": "",
        "closes_at_0": "",
        "criteria-TOTAL_FORMS": "5",
        "criteria-INITIAL_FORMS": "5",
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "1000",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
        "documents-MIN_NUM_FORMS": "0",
        "documents-MAX_NUM_FORMS": "1000",
    }
    local = timezone.localtime
    data.update(
        {
            "opens_at_0": local(call.opens_at).strftime("%Y-%m-%d"),
            "opens_at_1": local(call.opens_at).strftime("%H:%M:%S"),
            "closes_at_0": local(call.closes_at).strftime("%Y-%m-%d"),
            "closes_at_1": local(call.closes_at).strftime("%H:%M:%S"),
        }
    )
    for index, criterion in enumerate(criteria):
        prefix = f"criteria-{index}-"
        data.update(
            {
                f"{prefix}id": criterion.pk,
                f"{prefix}call": call.pk,
                f"{prefix}number": criterion.number,
                f"{prefix}title_th": criterion.title_th,
                f"{prefix}title_en": criterion.title_en,
                f"{prefix}weight": "3" if index == 0 else str(criterion.weight),
                f"{prefix}description_th": criterion.description_th,
                f"{prefix}description_en": criterion.description_en,
            }
        )
    response = client.post(url, data)
    assert response.status_code == 200  # the form again, with the refusal
    assert "ไม่สามารถเปลี่ยนเกณฑ์" in response.content.decode()
    assert Criterion.objects.get(pk=criteria[0].pk).weight == criteria[0].weight
