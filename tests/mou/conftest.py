from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from mou.models import DocumentKind, Visibility
from mou.services import mou_document_add

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def pdf(name: str = "signed.pdf", content: bytes = PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture(autouse=True)
def thai_by_default():
    """reverse() and factories see Thai, whatever language an earlier test left active."""
    with translation.override("th"):
        yield


@pytest.fixture
def add_document():
    def add(mou, visibility=Visibility.PUBLIC, title="ฉบับลงนาม"):
        return mou_document_add(
            mou=mou,
            upload=pdf(),
            actor=None,
            kind=DocumentKind.SIGNED_COPY,
            title=title,
            visibility=visibility,
        )

    return add


from tests.notifications.conftest import mailbox, worker  # noqa: E402, F401 - delivery harness
