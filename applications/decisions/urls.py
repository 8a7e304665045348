from __future__ import annotations

from django.urls import path

from applications.decisions import views
from applications.rules import may_download_comment_file
from smartcity.files.views import file_download

app_name = "decisions"

urlpatterns = [
    path("cities/", views.city_index, name="city-list"),
    path("staff/proposals/", views.staff_queue, name="staff-queue"),
    path("staff/proposals/<uuid:uuid>/", views.workspace, name="workspace"),
    path("staff/proposals/<uuid:uuid>/moves/<slug:move>/", views.move_make, name="move"),
    path("staff/revisions/<uuid:uuid>/extend/", views.deadline_extend, name="deadline-extend"),
    path("staff/meetings/", views.meeting_index, name="meeting-list"),
    path("staff/meetings/<uuid:uuid>/", views.meeting_detail, name="meeting-detail"),
    path("staff/meetings/<uuid:uuid>/decisions/", views.meeting_decisions, name="meeting-decide"),
    path(
        "staff/meetings/<uuid:uuid>/<slug:kind>.pdf",
        views.meeting_document,
        name="meeting-document",
    ),
    path("proposals/<uuid:uuid>/revision/answer/", views.revision_answer, name="revision-answer"),
    path("proposals/<uuid:uuid>/comments/", views.comment_add, name="comment-add"),
    path(
        "proposals/comments/files/<uuid:uuid>/",
        file_download,
        {"predicate": may_download_comment_file},
        name="comment-file-download",
    ),
    path(
        "certificates/<uuid:uuid>/<slug:kind>.pdf",
        views.certificate_document,
        name="certificate-document",
    ),
]
