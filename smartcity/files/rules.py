"""Who may download a stored file through the generic route: its uploader and staff."""

from __future__ import annotations

import rules


@rules.predicate
def is_uploader(user: object, stored: object) -> bool:
    return stored is not None and getattr(stored, "uploaded_by_id", None) == getattr(user, "pk", -1)


rules.add_perm("files.download_storedfile", rules.is_staff | is_uploader)
