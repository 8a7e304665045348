from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from applications.decisions.selectors import city_list
from applications.decisions.tasks import decisions_daily_scan
from applications.errors import RevisionUnanswered
from applications.models import Body, Certificate, RevisionPoint
from applications.services.certificates import certificate_renew
from applications.services.decisions import application_transition
from applications.services.proposals import application_submit
from applications.services.revisions import revision_answers_save, revision_deadline_extend
from applications.workflow import IllegalMove, State
from smartcity.notifications.models import Notification
from tests.applications.decisions import (
    certified_proposal,
    deadline_in,
    decide,
    office_admin,
    revision_requested,
    screened,
    submitted_proposal,
)
from tests.factories.applications import AssignmentFactory, complete_draft

pytestmark = pytest.mark.django_db


def test_the_whole_path_with_a_revision_and_conditions():
    admin = office_admin()
    application = submitted_proposal()
    reviewer = AssignmentFactory(application=application).reviewer
    application_transition(application=application, move="screen", actor=reviewer)
    with pytest.raises(ValidationError, match="กำหนดขอบเขตพื้นที่ชัดเจน"):
        application_transition(
            application=application,
            move="screening_pass",
            actor=reviewer,
            checklist=["sections_complete"],
        )
    application_transition(
        application=application,
        move="request_revision",
        actor=reviewer,
        points="ระบุขอบเขตพื้นที่ให้ชัดเจน\nเพิ่มแผนการลงทุน",
        deadline=deadline_in(14),
    )
    application.refresh_from_db()
    assert application.state == State.REVISION_REQUESTED
    assert list(RevisionPoint.objects.values_list("number", "text")) == [
        (1, "ระบุขอบเขตพื้นที่ให้ชัดเจน"),
        (2, "เพิ่มแผนการลงทุน"),
    ]
    revision_answers_save(application=application, actor=application.contact, answers={1: "แก้แล้ว"})
    with pytest.raises(RevisionUnanswered, match="ยังขาด: 2"):  # whichever way it is resubmitted
        application_submit(application=application, actor=application.contact)
    revision_answers_save(application=application, actor=application.contact, answers={2: "เพิ่มแล้ว"})
    version = application_submit(application=application, actor=application.contact)
    assert version.number == 2
    application.refresh_from_db()
    screened(application, reviewer)
    # approved in principle: back to the applicant with the conditions as points
    decide(
        application,
        Body.WORKING_GROUP,
        "wg_approve_in_principle",
        admin,
        conditions="เพิ่มตัวชี้วัด",
        deadline=deadline_in(30),
    )
    application.refresh_from_db()
    assert application.state == State.REVISION_REQUESTED
    assert application.revision_requests.first().items.get().text == "เพิ่มตัวชี้วัด"
    revision_answers_save(application=application, actor=application.contact, answers={1: "เพิ่มแล้ว"})
    application_submit(application=application, actor=application.contact)
    application.refresh_from_db()
    application_transition(application=application, move="resume_wg_review", actor=reviewer)
    decide(application, Body.WORKING_GROUP, "wg_recommend", admin)
    decide(application, Body.SUBCOMMITTEE, "subcommittee_forward", admin)
    item = decide(application, Body.COMMITTEE, "certify", admin, decided_on=dt.date(2026, 3, 2))
    application.refresh_from_db()
    assert application.state == State.CERTIFIED
    certificate = application.certificate
    assert certificate.number == "SC-CERT-2569-001"
    assert (certificate.valid_from, certificate.valid_until) == (
        dt.date(2026, 3, 2),
        dt.date(2029, 3, 1),
    )
    assert item.outcome == "certify"
    assert list(application.transitions.values_list("target", flat=True))[-4:] == [
        State.WG_RECOMMENDED,
        State.SUBCOMMITTEE,
        State.COMMITTEE,
        State.CERTIFIED,
    ]
    assert Notification.objects.filter(event="applications.certificate_issued").exists()


def test_certificate_numbers_follow_each_other_in_a_year():
    first, second = certified_proposal(), certified_proposal()
    year = timezone.localdate().year + 543
    assert [first.certificate.number, second.certificate.number] == [
        f"SC-CERT-{year}-001",
        f"SC-CERT-{year}-002",
    ]


def test_certifying_a_draft_is_refused_with_a_clear_message():
    draft = complete_draft()
    with pytest.raises(
        IllegalMove,
        match=r"ไม่สามารถ “.+” สำหรับข้อเสนอในสถานะ “ร่าง”",
    ):
        application_transition(application=draft, move="certify", actor=office_admin())
    draft.refresh_from_db()
    assert draft.state == State.DRAFT
    assert not Certificate.objects.exists()


def test_a_reviewer_not_assigned_cannot_screen(reviewer):
    application = submitted_proposal()
    with pytest.raises(IllegalMove):
        application_transition(application=application, move="screen", actor=reviewer)


def test_resume_working_group_review_needs_an_earlier_screening():
    application = submitted_proposal()
    with pytest.raises(IllegalMove):
        application_transition(
            application=application, move="resume_wg_review", actor=office_admin()
        )


def test_deadline_extension_needs_a_later_date_and_a_reason():
    admin = office_admin()
    application = submitted_proposal()
    revision_requested(application, admin, days=3)
    request = application.revision_requests.get()
    with pytest.raises(ValidationError) as refused:
        revision_deadline_extend(request=request, actor=admin, deadline=deadline_in(2), reason="")
    assert set(refused.value.message_dict) == {"deadline", "reason"}
    extension = revision_deadline_extend(
        request=request, actor=admin, deadline=deadline_in(10), reason="น้ำท่วม"
    )
    request.refresh_from_db()
    assert (extension.previous_deadline, request.deadline) == (deadline_in(3), deadline_in(10))


def test_revision_reminders_go_out_once_each():
    admin = office_admin()
    application = submitted_proposal()
    revision_requested(application, admin, days=3)
    today = timezone.localdate()
    for _ in range(2):
        decisions_daily_scan(today.isoformat())
    near = Notification.objects.filter(event="applications.revision_deadline_near")
    assert near.count() == 1
    assert near.get().recipient == application.contact
    later = (today + dt.timedelta(days=4)).isoformat()
    for _ in range(2):
        decisions_daily_scan(later)
    assert Notification.objects.filter(event="applications.revision_overdue").count() == 1


def test_certificates_expire_after_their_last_day_and_are_reminded_before():
    application = certified_proposal()
    certificate = application.certificate
    for _ in range(2):
        decisions_daily_scan((certificate.valid_until - dt.timedelta(days=20)).isoformat())
    assert (
        Notification.objects.filter(event="applications.certificate_expiring").count() == 2
    )  # officer, office
    assert decisions_daily_scan(certificate.valid_until.isoformat())["expired"] == 0
    assert (
        decisions_daily_scan((certificate.valid_until + dt.timedelta(days=1)).isoformat())[
            "expired"
        ]
        == 1
    )
    application.refresh_from_db()
    assert application.state == State.CERTIFICATION_EXPIRED
    assert application.transitions.last().actor is None


def test_renewal_keeps_the_number_and_revocation_needs_a_reason():
    application = certified_proposal()
    admin = office_admin()
    certificate = application.certificate
    renewal = certificate_renew(certificate=certificate, actor=admin)
    certificate.refresh_from_db()
    assert renewal.previous_valid_until < certificate.valid_until
    assert Certificate.objects.get().number == certificate.number
    with pytest.raises(ValidationError):
        application_transition(application=application, move="revoke", actor=admin, comment=" ")
    application_transition(
        application=application, move="revoke", actor=admin, comment="ไม่ดำเนินการตามแผน"
    )
    application.refresh_from_db()
    assert application.state == State.CERTIFICATION_REVOKED
    assert not city_list().exists()


def test_a_page_refuses_certifying_a_draft_with_a_message(client):
    draft = complete_draft()
    client.force_login(office_admin())
    response = client.post(
        reverse("decisions:move", kwargs={"uuid": draft.uuid, "move": "certify"}), follow=True
    )
    assert "ไม่สามารถ “คณะกรรมการ: รับรอง” สำหรับข้อเสนอในสถานะ “ร่าง”" in response.content.decode()
    draft.refresh_from_db()
    assert draft.state == State.DRAFT
    assert not Certificate.objects.exists()


@pytest.mark.parametrize("move", ["certify", "screen"])
def test_the_api_answers_409_to_an_illegal_move(api_client, move):
    draft = complete_draft()
    api_client.force_authenticate(draft.contact)  # the officer may see the draft, not move it so
    response = api_client.post(
        f"/api/v1/applications/{draft.uuid}/moves/", {"move": move}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["code"] == "illegal_move"
    draft.refresh_from_db()
    assert draft.state == State.DRAFT


def test_the_api_refuses_a_reviewer_certifying(api_client):
    application = submitted_proposal()
    reviewer = AssignmentFactory(application=application).reviewer
    api_client.force_authenticate(reviewer)
    allowed = api_client.get(f"/api/v1/applications/{application.uuid}/moves/").json()
    assert {row["move"] for row in allowed["moves"]} == {"screen", "request_revision"}
    response = api_client.post(
        f"/api/v1/applications/{application.uuid}/moves/", {"move": "certify"}, format="json"
    )
    assert response.status_code == 409
    ok = api_client.post(
        f"/api/v1/applications/{application.uuid}/moves/", {"move": "screen"}, format="json"
    )
    assert (ok.status_code, ok.json()) == (201, {"state": State.SCREENING})


def test_the_staff_home_counts_each_proposal_once():
    from applications.decisions.selectors import staff_work
    from applications.models import RevisionRequest

    admin = office_admin()
    application = submitted_proposal()
    submitted_proposal()
    revision_requested(application, admin, days=1)
    RevisionRequest.objects.create(
        application=application, points="ข", deadline=deadline_in(1), requested_by=admin
    )
    later = timezone.localdate() + dt.timedelta(days=5)
    work = staff_work(viewer=admin, today=later)
    assert (work.to_screen, work.overdue) == (1, 1)


def test_the_staff_home_counts_overdue_as_the_queue_lists_it(client):
    """The badge beside "Overdue" is the number of rows its link shows: late revisions and
    late reviews alike."""
    from applications.decisions.selectors import staff_work

    admin = office_admin()
    late = timezone.localdate() - dt.timedelta(days=1)
    AssignmentFactory(application=submitted_proposal(), due_on=late)  # no review submitted
    AssignmentFactory(application=submitted_proposal())  # due in the future
    client.force_login(admin)
    listed = client.get(reverse("queue:list"), {"overdue": "true"}).context["page"]
    assert staff_work(viewer=admin).overdue == listed.paginator.count == 1
