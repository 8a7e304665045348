"""Who may download a stored file through the generic route: its uploader and staff."""

from __future__ import annotations

from typing import TYPE_CHECKING

import rules

from smartcity.files.models import StoredFile

if TYPE_CHECKING:
    from smartcity.accounts.models import Viewer


@rules.predicate
def is_uploader(user: Viewer, stored: StoredFile | None) -> bool:
    return stored is not None and user.pk is not None and stored.uploaded_by_id == user.pk


rules.add_perm("files.download_storedfile", rules.is_staff | is_uploader)
