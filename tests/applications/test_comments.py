from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from applications.services.comments import CommentRefused, comment_create
from tests.applications.decisions import certified_proposal, office_admin

pytestmark = pytest.mark.django_db

SECRET = "ความเห็นภายใน งบประมาณสูงเกินจริง"
OPEN = "ขอบคุณสำหรับข้อเสนอ"
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def commented():
    application = certified_proposal()
    admin = office_admin()
    comment_create(
        application=application,
        author=admin,
        body=SECRET,
        is_internal=True,
        upload=SimpleUploadedFile("internal.pdf", PDF, content_type="application/pdf"),
    )
    comment_create(application=application, author=admin, body=OPEN, is_internal=False)
    return application


def test_the_applicant_never_sees_internal_comments_on_pages(client, commented):
    officer = commented.contact
    client.force_login(officer)
    for url in (
        reverse("decisions:revision-answer", kwargs={"uuid": commented.uuid}),
        commented.get_absolute_url(),
        reverse("accounts:dashboard"),
    ):
        page = client.get(url).content.decode()
        assert SECRET not in page
        assert "internal.pdf" not in page
    assert (
        OPEN
        in client.get(
            reverse("decisions:revision-answer", kwargs={"uuid": commented.uuid})
        ).content.decode()
    )
    internal_file = commented.comments.get(is_internal=True).stored_file
    download = reverse("decisions:comment-file-download", kwargs={"uuid": internal_file.uuid})
    assert client.get(download).status_code == 404
    # the office sees both, clearly marked
    client.force_login(office_admin())
    page = client.get(
        reverse("decisions:workspace", kwargs={"uuid": commented.uuid})
    ).content.decode()
    assert SECRET in page
    assert OPEN in page
    assert "ภายใน: เฉพาะเจ้าหน้าที่" in page
    assert client.get(download).status_code == 200


def test_the_applicant_never_sees_internal_comments_in_the_api(api_client, commented):
    api_client.force_authenticate(commented.contact)
    url = f"/api/v1/applications/{commented.uuid}/comments/"
    bodies = [row["body"] for row in api_client.get(url).json()]
    assert bodies == [OPEN]
    detail = api_client.get(f"/api/v1/applications/{commented.uuid}/").content.decode()
    assert SECRET not in detail
    refused = api_client.post(url, {"body": "ลับ", "is_internal": True}, format="json")
    assert (refused.status_code, refused.json()["code"]) == (409, "comment_refused")
    api_client.force_authenticate(office_admin())
    assert len(api_client.get(url).json()) == 2


def test_the_applicant_never_sees_internal_comments_in_pdfs(client, commented, pdf_text):
    client.force_login(commented.contact)
    certificate = commented.certificate
    for kind in ("letter", "certificate"):
        response = client.get(
            reverse(
                "decisions:certificate-document", kwargs={"uuid": certificate.uuid, "kind": kind}
            )
        )
        assert response.status_code == 200
        text = pdf_text(
            b"".join(response.streaming_content) if response.streaming else response.content
        )
        assert certificate.number in text
        assert "งบประมาณสูงเกินจริง" not in text


def test_an_officer_cannot_write_an_internal_comment(commented):
    with pytest.raises(CommentRefused):
        comment_create(application=commented, author=commented.contact, body="x", is_internal=True)
