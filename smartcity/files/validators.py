"""What may be uploaded: type read from the content, allowed types per use, size, emptiness."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class FileKind:
    mime: str
    extension: str
    label: str


PDF = FileKind("application/pdf", "pdf", "PDF")
PNG = FileKind("image/png", "png", "PNG")
JPEG = FileKind("image/jpeg", "jpg", "JPEG")
DOCX = FileKind(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "DOCX"
)
XLSX = FileKind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "XLSX")


@dataclass(frozen=True)
class UploadPolicy:
    """The file kinds one use accepts (an MOU document: PDF only) and its size limit."""

    kinds: tuple[FileKind, ...]
    max_bytes: int | None = None  # None: settings.FILE_UPLOAD_MAX_BYTES

    @property
    def limit(self) -> int:
        return self.max_bytes or settings.FILE_UPLOAD_MAX_BYTES


@dataclass(frozen=True)
class CheckedUpload:
    kind: FileKind
    size: int
    sha256: str


PDF_ONLY = UploadPolicy(kinds=(PDF,))
DOCUMENTS = UploadPolicy(kinds=(PDF, DOCX, XLSX, PNG, JPEG))


def upload_check(upload: UploadedFile[bytes], policy: UploadPolicy) -> CheckedUpload:
    """Read the upload once: refuse empty, oversized or disallowed files (ValidationError)."""
    if not upload.size:
        raise ValidationError(_("The file is empty."), code="empty")
    if upload.size > policy.limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(policy.limit)},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(8192)
    guessed = filetype.guess_mime(head)
    kind = next((k for k in policy.kinds if k.mime == guessed), None)
    if kind is None:
        allowed = ", ".join(k.label for k in policy.kinds)
        raise ValidationError(
            _("This file's content is not an allowed type (allowed: %(allowed)s).")
            % {"allowed": allowed},
            code="bad_type",
        )
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CheckedUpload(kind=kind, size=upload.size, sha256=digest.hexdigest())
