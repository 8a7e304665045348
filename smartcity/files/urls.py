from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import path

from smartcity.files.models import StoredFile
from smartcity.files.views import file_download

if TYPE_CHECKING:
    from smartcity.accounts.models import Viewer

app_name = "files"


def _may_download(user: Viewer, stored: StoredFile) -> bool:
    return user.has_perm("files.download_storedfile", stored)


urlpatterns = [
    path("<uuid:uuid>/", file_download, {"predicate": _may_download}, name="file-download"),
]
