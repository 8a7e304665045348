"""The review on pages, API and PDFs (issue 17): refusals with their messages, who sees which
scores, the export and its escaping, the agenda pack, and query counts of the new lists."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from applications.models import AgendaItem, Assignment, Body, ConflictDeclaration, Review
from applications.services.meetings import meeting_create
from smartcity.accounts.models import Membership, MembershipStatus
from smartcity.accounts.roles import Role
from tests.applications.reviews import assign, criteria, declared, office_admin, scored
from tests.factories.accounts import UserFactory
from tests.factories.applications import PartnerFactory, submitted_applications
from tests.factories.municipalities import OrganisationFactory
from tests.lists import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db
SECRET = "ความเห็นเฉพาะผู้พิจารณา-7731"  # a reviewer's comment no applicant may read


def _body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


# ------------------------------------------------------------------ assignment refused
def test_assigning_a_past_member_of_a_partner_is_refused_in_the_admin_with_the_message(
    client, submitted
):
    partner = OrganisationFactory()
    PartnerFactory(application=submitted, organisation=partner)
    reviewer = UserFactory(role=Role.REVIEWER)
    Membership.objects.create(user=reviewer, organisation=partner, status=MembershipStatus.REFUSED)
    client.force_login(office_admin())
    response = client.post(
        reverse("admin:applications_assignment_add"),
        {"application": submitted.pk, "reviewer": reviewer.pk},
    )
    assert response.status_code == 200  # the form again
    assert partner.name_th in _body(response)
    assert "ผลประโยชน์ทับซ้อน" in _body(response)
    assert not Assignment.objects.filter(reviewer=reviewer).exists()


def test_assigning_a_member_or_staff_of_the_lead_is_refused_in_the_api(api_client, submitted):
    member = UserFactory(role=Role.REVIEWER)
    Membership.objects.create(
        user=member, organisation=submitted.lead_org, status=MembershipStatus.APPROVED
    )
    staff = UserFactory(role=Role.REVIEWER, home_organisation=submitted.lead_org)
    api_client.force_authenticate(office_admin())
    for reviewer in (member, staff):
        response = api_client.post(
            "/api/v1/assignments/",
            {"application": str(submitted.uuid), "reviewer": str(reviewer.uuid)},
            format="json",
        )
        assert response.status_code == 409
        assert response.json()["code"] == "assignment_refused"
        assert submitted.lead_org.name_th in response.json()["detail"]


def test_the_assignment_api_shows_due_date_declaration_and_review(api_client, submitted):
    reviewer = declared(submitted)
    api_client.force_authenticate(reviewer)
    (row,) = api_client.get("/api/v1/assignments/").json()["results"]
    assert row["due_on"] is not None
    assert (row["declaration"], row["review"]) == ("no_conflict", "none")


# ------------------------------------------------------------------ scoring without a declaration
def test_scoring_without_a_declaration_is_refused_on_the_page_keeping_the_input(client, submitted):
    reviewer = assign(submitted)
    client.force_login(reviewer)
    url = reverse("reviews:score", kwargs={"uuid": submitted.uuid})
    assert client.get(url)["Location"].endswith(
        reverse("reviews:declare", kwargs={"uuid": submitted.uuid})
    )
    response = client.post(url, {"score_1": "4", "comment_1": "พิมพ์ไว้ยาวมาก", "comment": "รวม"})
    assert response.status_code == 200
    body = _body(response)
    assert "โปรดแจ้งก่อนว่าท่านมีผลประโยชน์ทับซ้อน" in body
    assert "พิมพ์ไว้ยาวมาก" in body  # nothing typed is lost
    assert not Review.objects.exists()


def test_scoring_without_a_declaration_is_refused_in_the_api(api_client, submitted):
    reviewer = assign(submitted)
    api_client.force_authenticate(reviewer)
    url = f"/api/v1/applications/{submitted.uuid}/reviews/"
    response = api_client.post(url, {"scores": [{"criterion": 1, "score": 4}]}, format="json")
    assert response.status_code == 409
    assert response.json()["code"] == "declaration_missing"
    assert "ผลประโยชน์ทับซ้อน" in response.json()["detail"]


def test_declare_then_score_on_the_pages(client, submitted):
    reviewer = assign(submitted)
    client.force_login(reviewer)
    declare = reverse("reviews:declare", kwargs={"uuid": submitted.uuid})
    page = _body(client.get(declare))
    assert "แจ้งผลประโยชน์ทับซ้อน" in page
    refused = client.post(declare, {"has_conflict": "yes", "reason": ""})
    assert refused.status_code == 200  # a conflict needs a reason
    assert not ConflictDeclaration.objects.exists()
    response = client.post(declare, {"has_conflict": "no"})
    score_url = reverse("reviews:score", kwargs={"uuid": submitted.uuid})
    assert response["Location"] == score_url
    form = _body(client.get(score_url))
    first = criteria(submitted)[0]
    assert first.levels.get(score=5).meaning_th in form  # the meanings are shown
    data = {f"score_{c.number}": "3" for c in criteria(submitted)} | {"submit": "1"}
    assert client.post(score_url, data).status_code == 302
    review = Review.objects.get(reviewer=reviewer)
    assert review.submitted_at is not None
    assert str(review.total) in _body(client.get(score_url))


# ------------------------------------------------------------------ others' scores
def test_a_reviewer_sees_the_others_scores_only_after_submitting(client, api_client, submitted):
    scored(submitted, [5, 5, 5, 5, 5], comment=SECRET)
    draft = scored(submitted, [1, 1, 1, 1, 1], submit=False)
    client.force_login(draft.reviewer)
    url = reverse("reviews:score", kwargs={"uuid": submitted.uuid})
    assert SECRET not in _body(client.get(url))
    api_client.force_authenticate(draft.reviewer)
    api = f"/api/v1/applications/{submitted.uuid}/reviews/"
    rows = api_client.get(api).json()
    assert [row["reviewer"] for row in rows] == [str(draft.reviewer.uuid)]
    assert api_client.get(f"{api}aggregate/").status_code == 403
    workspace = reverse("decisions:workspace", kwargs={"uuid": submitted.uuid})
    assert SECRET not in _body(client.get(workspace))

    data = {f"score_{c.number}": "1" for c in criteria(submitted)} | {"submit": "1"}
    client.post(url, data)
    assert SECRET in _body(client.get(url))
    assert len(api_client.get(api).json()) == 2
    aggregate = api_client.get(f"{api}aggregate/").json()
    assert aggregate["reviewers"] == 2
    assert aggregate["mean_total"] == "60.00"  # (100 + 20) / 2
    assert all(row["flagged"] for row in aggregate["criteria"])


def test_the_office_sees_the_aggregate_on_the_workspace(client, submitted):
    scored(submitted, [5, 5, 5, 5, 5], comment=SECRET)
    client.force_login(office_admin())
    body = _body(client.get(reverse("decisions:workspace", kwargs={"uuid": submitted.uuid})))
    assert "คะแนนของผู้พิจารณา" in body
    assert SECRET in body


# ------------------------------------------------------------------ the applicant never sees them
def test_the_applicant_never_sees_individual_scores(client, api_client, submitted, pdf_text):
    review = scored(submitted, [4, 4, 4, 4, 4], comment=SECRET)
    officer = submitted.contact
    client.force_login(officer)
    for url in (
        reverse("applications:application-detail", kwargs={"uuid": submitted.uuid}),
        reverse("decisions:revision-answer", kwargs={"uuid": submitted.uuid}),
        reverse("applications:version-print", kwargs={"uuid": submitted.uuid, "number": 1}),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert SECRET not in _body(response)
    for kind in ("score", "declare"):
        url = reverse(f"reviews:{kind}", kwargs={"uuid": submitted.uuid})
        assert client.get(url).status_code == 404
    pdf = client.get(
        reverse("applications:version-pdf", kwargs={"uuid": submitted.uuid, "number": 1})
    )
    text = pdf_text(b"".join(pdf.streaming_content) if pdf.streaming else pdf.content)
    assert submitted.reference in text
    assert SECRET not in text
    assert str(review.total) not in text
    api_client.force_authenticate(officer)
    assert SECRET not in api_client.get(f"/api/v1/applications/{submitted.uuid}/").content.decode()
    api = f"/api/v1/applications/{submitted.uuid}/reviews/"
    assert api_client.get(api).status_code == 403
    assert api_client.get(f"{api}aggregate/").status_code == 403


# ------------------------------------------------------------------ a declared conflict
def test_a_declared_conflict_removes_access_to_page_file_and_api(client, api_client, draft):
    from applications.services.proposals import application_submit, attachment_add
    from tests.permissions.conftest import pdf

    attachment = attachment_add(application=draft, actor=draft.contact, upload=pdf(), kind="other")
    application_submit(application=draft, actor=draft.contact)
    submitted = draft
    reviewer = assign(submitted)
    client.force_login(reviewer)
    workspace = reverse("decisions:workspace", kwargs={"uuid": submitted.uuid})
    download = reverse(
        "applications:attachment-download", kwargs={"uuid": attachment.stored_file.uuid}
    )
    assert client.get(workspace).status_code == 200
    assert client.get(download).status_code == 200
    declare = reverse("reviews:declare", kwargs={"uuid": submitted.uuid})
    client.post(declare, {"has_conflict": "yes", "reason": "ญาติเป็นปลัดเทศบาล"})
    assert client.get(workspace).status_code == 404
    assert client.get(download).status_code == 404
    assert client.get(declare).status_code == 404
    api_client.force_authenticate(reviewer)
    detail = api_client.get(f"/api/v1/applications/{submitted.uuid}/").json()
    assert "vision" not in detail  # the queue summary only
    assert api_client.get(f"/api/v1/applications/{submitted.uuid}/versions/").status_code == 404
    assert api_client.get(f"/api/v1/applications/{submitted.uuid}/reviews/").status_code == 403


# ------------------------------------------------------------------ export and agenda pack
def test_the_score_export_escapes_formulas_in_csv_and_excel(client, submitted):
    type(submitted).objects.filter(pk=submitted.pk).update(area_name='=HYPERLINK("http://x")')
    scored(submitted, [5, 5, 0, 5, 5])
    scored(submitted, [5, 5, 5, 5, 5])
    client.force_login(office_admin())
    csv = client.get(
        reverse("reviews:score-export", kwargs={"uuid": submitted.call.uuid, "fmt": "csv"})
    )
    assert csv.content.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel
    text = csv.content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    assert ",=HYPERLINK" not in text
    assert "90.00" in text  # mean of 80.00 and 100.00
    assert "3: " in text  # criterion 3 flagged (0 and 5)
    xlsx = client.get(
        reverse("reviews:score-export", kwargs={"uuid": submitted.call.uuid, "fmt": "xlsx"})
    )
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    cells = [cell.value for cell in sheet[2]]
    assert '\'=HYPERLINK("http://x")' in cells


def test_the_score_export_is_for_the_office_and_committees(client, submitted):
    url = reverse("reviews:score-export", kwargs={"uuid": submitted.call.uuid, "fmt": "csv"})
    client.force_login(submitted.contact)
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(role=Role.COMMITTEE))
    assert client.get(url).status_code == 200


def test_the_agenda_pack_has_score_summaries_never_comments(client, submitted, pdf_text):
    scored(submitted, [5, 5, 0, 5, 5], comment=SECRET)
    scored(submitted, [5, 5, 5, 5, 5])
    admin = office_admin()
    meeting = meeting_create(
        actor=admin, body=Body.WORKING_GROUP, number="3/2569", date=timezone.localdate()
    )
    AgendaItem.objects.create(meeting=meeting, application=submitted, order=1)
    client.force_login(admin)
    response = client.get(
        reverse("decisions:meeting-document", kwargs={"uuid": meeting.uuid, "kind": "agenda"})
    )
    text = pdf_text(b"".join(response.streaming_content))
    assert "คะแนนรวมเฉลี่ย 90.00 / 100 จากผู้พิจารณา 2 คน" in " ".join(text.split())
    assert "ต้องหารือ" in text
    assert SECRET not in text
    # a reviewer of it who has not submitted yet does not get the others' totals either
    client.force_login(scored(submitted, [1, 1, 1, 1, 1], submit=False).reviewer)
    response = client.get(
        reverse("decisions:meeting-document", kwargs={"uuid": meeting.uuid, "kind": "agenda"})
    )
    text = " ".join(pdf_text(b"".join(response.streaming_content)).split())
    assert "90.00" not in text
    assert "แสดงเฉพาะกรรมการ" in text


# ------------------------------------------------------------------ query counts
def test_the_new_lists_run_the_same_queries_for_few_and_many(client, api_client, submitted):
    admin = office_admin()
    call = submitted.call

    def add_rows(count: int) -> None:
        for application in submitted_applications(count, call=call):
            scored(application, [3, 4, 5, 2, 1], comment="เหตุผล")
            declared(application, has_conflict=True, reason="ญาติ")

    api_client.force_authenticate(admin)
    client.force_login(admin)
    export = reverse("reviews:score-export", kwargs={"uuid": call.uuid, "fmt": "csv"})
    assert_queries_do_not_grow(
        add_rows,
        lambda: api_client.get("/api/v1/declarations/").json(),
        lambda: api_client.get("/api/v1/assignments/").json(),
        lambda: client.get(export).content,
        sizes=(2, 6),
    )


def test_the_reviews_of_a_proposal_run_the_same_queries_for_few_and_many(api_client, submitted):
    admin = office_admin()
    api_client.force_authenticate(admin)
    url = f"/api/v1/applications/{submitted.uuid}/reviews/"
    assert_queries_do_not_grow(
        lambda count: [scored(submitted, [3, 3, 3, 3, 3]) for _ in range(count)],
        lambda: api_client.get(url).json(),
        lambda: api_client.get(f"{url}aggregate/").json(),
        sizes=(2, 5),
    )
