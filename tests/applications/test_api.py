"""The proposal's life through the API: draft → submitted (v1) → revision → v2 → diff."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from applications.models import Application
from applications.workflow import State
from tests.applications.conftest import return_for_revision
from tests.factories.applications import CallFactory, approved_officer
from tests.factories.municipalities import OrganisationFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/applications/"


def draft_payload(call, organisation, partner=None) -> dict:
    return {
        "call": str(call.uuid),
        "lead_org": str(organisation.uuid),
        "domains": ["mobility", "environment"],
        "focus_areas": ["traffic_safety"],
        "area_name": "เขตเทศบาลนครยะลา",
        "area_boundary": "ตามเขตเทศบาลนครยะลา",
        "area_km2": "19.00",
        "population_covered": 61250,
        "vision": "ยะลาเมืองน่าอยู่",
        "goals": "ลดอุบัติเหตุ",
        "infrastructure_plan": "ไฟเบอร์ทั่วเมือง",
        "data_platform": "City Data Platform",
        "smart_services": "รถโดยสารอัจฉริยะ และเซนเซอร์คุณภาพอากาศ",
        "governance": "คณะกรรมการเมืองอัจฉริยะยะลา",
        "partnership": "มหาวิทยาลัยร่วมพัฒนา",
        "funding": "งบเทศบาล",
        "citizen_participation": "ประชาคม",
        "partners": [{"organisation": str(partner.uuid), "role": "ที่ปรึกษา"}] if partner else [],
        "projects": [
            {
                "domain": "mobility",
                "title": "รถโดยสารอัจฉริยะ",
                "summary": "รถไฟฟ้า 10 คัน",
                "budget": "12500000.00",
                "funding_source": "งบเทศบาล",
                "starts_on": "2026-10-01",
                "ends_on": "2028-09-30",
                "lead_unit": "กองช่าง",
                "kpis": [
                    {
                        "name": "ผู้โดยสารต่อวัน",
                        "unit": "คน",
                        "baseline": "0",
                        "target": "3000",
                        "target_year": 2028,
                    },
                ],
            },
            {
                "domain": "environment",
                "title": "เซนเซอร์คุณภาพอากาศ",
                "budget": "3000000.00",
                "starts_on": "2027-01-01",
                "ends_on": "2027-12-31",
                "kpis": [{"name": "จุดตรวจวัด", "unit": "จุด", "target": "40", "target_year": 2027}],
            },
        ],
    }


def test_draft_submitted_revised_resubmitted_after_closing_and_diffed(api_client):
    call = CallFactory()
    yala, partner = OrganisationFactory(), OrganisationFactory()
    officer = approved_officer(yala)
    api_client.force_authenticate(officer)

    created = api_client.post(URL, draft_payload(call, yala, partner), format="json")
    assert created.status_code == 201, created.data
    uuid = created.data["uuid"]
    assert created.data["state"] == State.DRAFT
    assert [len(p["kpis"]) for p in created.data["projects"]] == [1, 1]
    assert created.data["contact"] == str(officer.uuid)

    submitted = api_client.post(f"{URL}{uuid}/submit/")
    assert submitted.status_code == 201, submitted.data
    assert submitted.data["number"] == 1
    application = Application.objects.get(uuid=uuid)
    year_be = timezone.localdate().year + 543
    assert application.reference == f"SC-{year_be}-00001"
    assert submitted.data["data"]["reference"] == application.reference

    return_for_revision(application)
    # the call closes; an answer to a revision request is still accepted until its deadline
    call.closes_at = timezone.now() - dt.timedelta(minutes=1)
    call.opens_at = call.closes_at - dt.timedelta(days=60)
    call.save()
    project = created.data["projects"][0]
    project["budget"] = "9800000.00"
    changed = api_client.patch(
        f"{URL}{uuid}/",
        {"vision": "ยะลาเมืองน่าอยู่ ปลอดภัย", "projects": [project, created.data["projects"][1]]},
        format="json",
    )
    assert changed.status_code == 200, changed.data
    unanswered = api_client.post(f"{URL}{uuid}/submit/")
    assert unanswered.status_code == 409, unanswered.data
    assert unanswered.data["code"] == "revision_unanswered"
    answers = [{"number": 1, "answer": "ปรับงบประมาณโครงการแรกเป็น 9.8 ล้านบาท"}]
    answered = api_client.post(
        f"{URL}{uuid}/revision-answers/", {"answers": answers}, format="json"
    )
    assert answered.status_code == 200, answered.data
    resubmitted = api_client.post(f"{URL}{uuid}/submit/")
    assert resubmitted.status_code == 201, resubmitted.data
    assert resubmitted.data["number"] == 2

    versions = api_client.get(f"{URL}{uuid}/versions/")
    assert [v["number"] for v in versions.data] == [1, 2]
    diff = api_client.get(f"{URL}{uuid}/diff/", {"from": 1, "to": 2})
    assert diff.status_code == 200
    assert {(row["path"], row["before"], row["after"]) for row in diff.data} == {
        ("vision", "ยะลาเมืองน่าอยู่", "ยะลาเมืองน่าอยู่ ปลอดภัย"),
        (f"projects/{project['uuid']}/budget", "12500000.00", "9800000.00"),
    }
    labels = {row["label"] for row in diff.data}
    assert "วิสัยทัศน์" in labels, labels  # Thai labels on a Thai request

    transitions = api_client.get(f"{URL}{uuid}/transitions/")
    assert [(t["source"], t["target"]) for t in transitions.data] == [
        (State.DRAFT, State.SUBMITTED),
        (State.SUBMITTED, State.REVISION_REQUESTED),
        (State.REVISION_REQUESTED, State.SUBMITTED),
    ]
    assert Application.objects.get(uuid=uuid).reference == application.reference


def test_a_stale_patch_is_refused_with_409(api_client, draft):
    api_client.force_authenticate(draft.contact)
    revision = draft.revision
    first = api_client.patch(
        f"{URL}{draft.uuid}/", {"vision": "ก"}, format="json", HTTP_IF_MATCH=f'"{revision}"'
    )
    assert first.status_code == 200
    stale = api_client.patch(
        f"{URL}{draft.uuid}/", {"vision": "ข"}, format="json", HTTP_IF_MATCH=f'"{revision}"'
    )
    assert stale.status_code == 409
    assert stale.data["code"] == "stale_revision"
    draft.refresh_from_db()
    assert draft.vision == "ก"


def test_withdraw_records_the_reason(api_client, submitted):
    api_client.force_authenticate(submitted.contact)
    response = api_client.post(f"{URL}{submitted.uuid}/withdraw/", {"reason": "รวมกับจังหวัด"})
    assert response.status_code == 200
    assert response.data["state"] == State.WITHDRAWN
    assert submitted.transitions.last().comment == "รวมกับจังหวัด"
    again = api_client.post(f"{URL}{submitted.uuid}/withdraw/")
    assert again.status_code == 409
    assert again.data["code"] == "illegal_move"


def test_money_is_decimal(api_client, draft):
    api_client.force_authenticate(draft.contact)
    data = api_client.get(f"{URL}{draft.uuid}/").data
    assert Decimal(data["projects"][0]["budget"]) == Decimal("12500000.00")
