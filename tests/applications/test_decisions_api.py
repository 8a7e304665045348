from __future__ import annotations

import pytest
from django.utils import timezone

from applications.services.decisions import application_transition
from applications.workflow import State
from tests.applications.decisions import (
    certified_proposal,
    office_admin,
    screened,
    submitted_proposal,
)

pytestmark = pytest.mark.django_db


def test_a_meeting_through_the_api_decides_in_a_batch(api_client):
    admin = office_admin()
    first, second = submitted_proposal(), submitted_proposal()
    for application in (first, second):
        screened(application, admin)
    api_client.force_authenticate(admin)
    meeting = api_client.post(
        "/api/v1/meetings/",
        {"body": "working_group", "number": "3/2569", "date": timezone.localdate().isoformat()},
        format="json",
    ).json()
    url = f"/api/v1/meetings/{meeting['uuid']}/"
    for application in (first, second):
        added = api_client.post(
            f"{url}agenda/", {"application": str(application.uuid)}, format="json"
        )
        assert added.status_code == 201
    wrong = api_client.post(
        f"{url}decisions/",
        [{"application": str(first.uuid), "outcome": "certify"}],
        format="json",
    )
    assert wrong.status_code == 409
    first.refresh_from_db()
    assert first.state == State.WG_REVIEW
    decided = api_client.post(
        f"{url}decisions/",
        [
            {"application": str(first.uuid), "outcome": "wg_recommend"},
            {"application": str(second.uuid), "outcome": "wg_not_approve", "conditions": "ไม่ครบ"},
        ],
        format="json",
    )
    assert decided.status_code == 200
    assert [item["outcome"] for item in decided.json()["items"]] == [
        "wg_recommend",
        "wg_not_approve",
    ]
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.state, second.state) == (State.WG_RECOMMENDED, State.WG_NOT_APPROVED)


def test_the_public_certificate_list_has_only_valid_certificates(api_client):
    kept, revoked = certified_proposal(), certified_proposal()
    application_transition(
        application=revoked, move="revoke", actor=office_admin(), comment="ผิดเงื่อนไข"
    )
    rows = api_client.get("/api/v1/certificates/").json()["results"]
    assert [row["number"] for row in rows] == [kept.certificate.number]
    assert rows[0]["dla_code"] == kept.lead_org.dla_code
