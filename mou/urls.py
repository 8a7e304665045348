from __future__ import annotations

from django.urls import path

from mou import views
from mou.rules import is_downloadable_document
from smartcity.accounts.models import Viewer
from smartcity.files.models import StoredFile
from smartcity.files.views import file_download

app_name = "mou"


def _may_download(user: Viewer, stored: StoredFile) -> bool:
    document = getattr(stored, "mou_document", None)  # only files that are MOU documents
    return is_downloadable_document(user, document)


urlpatterns = [
    path("", views.mou_index, name="mou-list"),
    path("<uuid:uuid>/", views.mou_detail, name="mou-detail"),
    path(
        "documents/<uuid:uuid>/",
        file_download,
        {"predicate": _may_download},
        name="document-download",
    ),
]
