"""Writes of the file component."""

from __future__ import annotations

import uuid
from functools import partial

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from smartcity.accounts.models import User
from smartcity.files.models import StoredFile
from smartcity.files.validators import UploadPolicy, upload_check


def stored_file_create(
    *, upload: UploadedFile, policy: UploadPolicy, actor: User | None
) -> StoredFile:
    """Check an upload and keep it as `<uuid>/<sha256>.<ext>` (raises ValidationError)."""
    checked = upload_check(upload, policy)
    stored = StoredFile(
        original_name=upload.name[:255] if upload.name else "",
        content_type=checked.kind.mime,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=actor,
    )
    stored.file.save(
        f"{uuid.uuid4()}/{checked.sha256}.{checked.kind.extension}", upload, save=False
    )
    stored.save()
    return stored


def stored_file_delete(*, stored_file: StoredFile) -> None:
    """Forget a stored file; its content leaves storage once the caller's transaction commits."""
    storage, name = stored_file.file.storage, stored_file.file.name
    stored_file.delete()
    if name:
        transaction.on_commit(partial(storage.delete, name), robust=True)
