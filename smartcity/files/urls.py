from __future__ import annotations

from django.urls import path

from smartcity.files.views import file_download

app_name = "files"


def _may_download(user: object, stored: object) -> bool:
    return user.has_perm("files.download_storedfile", stored)


urlpatterns = [
    path("<uuid:uuid>/", file_download, {"predicate": _may_download}, name="file-download"),
]
