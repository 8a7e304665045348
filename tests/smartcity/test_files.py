from __future__ import annotations

import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from smartcity.files.models import StoredFile
from smartcity.files.services import stored_file_create
from smartcity.files.validators import PDF_ONLY, upload_check
from tests.factories.accounts import UserFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def upload(name: str, content: bytes, content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_a_pdf_passes_with_its_sha256():
    checked = upload_check(upload("สัญญา.pdf", PDF_BYTES), PDF_ONLY)
    assert checked.kind.extension == "pdf"
    assert checked.sha256 == hashlib.sha256(PDF_BYTES).hexdigest()


def test_a_renamed_exe_is_refused_by_its_content():
    with pytest.raises(ValidationError) as error:
        upload_check(upload("signed-mou.pdf", EXE_BYTES), PDF_ONLY)
    assert error.value.code == "bad_type"


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError) as error:
        upload_check(upload("empty.pdf", b""), PDF_ONLY)
    assert error.value.code == "empty"


@override_settings(FILE_UPLOAD_MAX_BYTES=1024)
def test_an_oversized_file_is_refused_with_both_sizes():
    with pytest.raises(ValidationError) as error:
        upload_check(upload("big.pdf", PDF_BYTES + b"0" * 2048), PDF_ONLY)
    assert error.value.code == "too_large"
    assert "1.0" in error.value.message  # the limit, human-readable


@pytest.mark.django_db
def test_stored_name_is_uuid_and_sha256(officer):
    stored = stored_file_create(upload=upload("a.pdf", PDF_BYTES), policy=PDF_ONLY, actor=officer)
    folder, name = stored.file.name.split("/")
    assert len(folder) == 36
    assert name == f"{hashlib.sha256(PDF_BYTES).hexdigest()}.pdf"
    assert stored.original_name == "a.pdf"


@pytest.mark.django_db
def test_download_only_for_users_the_predicate_allows(client, officer):
    stored = stored_file_create(upload=upload("a.pdf", PDF_BYTES), policy=PDF_ONLY, actor=officer)
    url = reverse("files:file-download", kwargs={"uuid": stored.uuid})

    client.force_login(UserFactory())  # not the uploader, not staff
    assert client.get(url).status_code == 404

    client.force_login(officer)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert StoredFile.objects.count() == 1
