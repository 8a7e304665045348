"""Who sees which proposal, beyond the permission matrix's single world."""

from __future__ import annotations

import pytest

from applications.models import Application
from applications.services.proposals import application_withdraw
from tests.factories.applications import PartnerFactory, approved_officer, complete_draft

pytestmark = pytest.mark.django_db


def test_a_draft_withdrawn_before_submission_stays_private(submitted, reviewer):
    draft = complete_draft(call=submitted.call)
    application_withdraw(application=draft, actor=draft.contact, reason="ยื่นรวมกับจังหวัด")
    assert list(Application.objects.visible_to(reviewer)) == [submitted]
    assert not reviewer.has_perm("applications.view_application_summary", draft)


def test_a_partner_officer_reads_the_versions_naming_their_organisation(api_client, submitted):
    partner = PartnerFactory(application=submitted)
    officer = approved_officer(partner.organisation)
    api_client.force_authenticate(officer)
    url = f"/api/v1/applications/{submitted.uuid}/versions/"
    assert api_client.get(url).data == []  # v1 was submitted before they were named
    assert api_client.get(f"/api/v1/applications/{submitted.uuid}/").data["state"] == "submitted"
    assert "projects" not in api_client.get(f"/api/v1/applications/{submitted.uuid}/").data


def test_submitting_notifies_the_lead_officers_and_the_office_in_their_language(
    draft, programme_admin
):
    from applications.services.proposals import application_submit
    from smartcity.notifications.models import Notification

    application_submit(application=draft, actor=draft.contact)
    draft.refresh_from_db()
    rows = {
        n.recipient_id: n.subject
        for n in Notification.objects.filter(event="applications.submitted")
    }
    assert rows == {
        draft.contact.pk: f"ยื่นข้อเสนอ {draft.reference} แล้ว",
        programme_admin.pk: f"ยื่นข้อเสนอ {draft.reference} แล้ว",
    }
