from __future__ import annotations

from django.urls import path

from applications import form_views, views
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
    # the officer's form (applications/form_views.py)
    path(
        "applications/start/<uuid:call>/<uuid:organisation>/",
        form_views.application_start,
        name="application-start",
    ),
    path(
        "applications/<uuid:uuid>/edit/projects/new/",
        form_views.project_add,
        name="project-add",
    ),
    path(
        "applications/<uuid:uuid>/edit/projects/<uuid:project>/kpis/new/",
        form_views.kpi_add,
        name="kpi-add",
    ),
    path(
        "applications/<uuid:uuid>/edit/<slug:section>/",
        form_views.application_edit,
        name="application-edit",
    ),
    path(
        "applications/<uuid:uuid>/versions/compare/",
        form_views.versions_compare,
        name="versions-compare",
    ),
    path(
        "applications/<uuid:uuid>/versions/<int:number>/pdf/",
        form_views.version_pdf,
        name="version-pdf",
    ),
    path(
        "applications/<uuid:uuid>/versions/<int:number>/print/",
        form_views.version_print,
        name="version-print",
    ),
]
