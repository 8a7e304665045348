from __future__ import annotations

from django.urls import path

from applications import views
from applications.rules import may_download_attachment, may_download_call_document
from smartcity.files.views import file_download

app_name = "applications"

urlpatterns = [
    path("calls/", views.call_index, name="call-list"),
    path("calls/<uuid:uuid>/", views.call_detail, name="call-detail"),
    path(
        "calls/documents/<uuid:uuid>/",
        file_download,
        {"predicate": may_download_call_document},
        name="call-document-download",
    ),
    path("applications/<uuid:uuid>/", views.application_detail, name="application-detail"),
    path(
        "applications/<uuid:uuid>/<slug:move>/",
        views.application_move,
        name="application-move",
    ),
    path(
        "applications/files/<uuid:uuid>/",
        file_download,
        {"predicate": may_download_attachment},
        name="attachment-download",
    ),
]
