from __future__ import annotations

from django.urls import path

from applications.queue import views

app_name = "queue"

urlpatterns = [
    path("review/", views.queue_index, name="list"),
    path("review/assign/", views.queue_assign_view, name="assign"),
    path("review/export.<slug:kind>", views.queue_export, name="export"),
    path("review/views/", views.saved_view_create, name="view-save"),
    path("review/views/<uuid:uuid>/", views.saved_view_open, name="view-open"),
    path("review/views/<uuid:uuid>/delete/", views.saved_view_remove, name="view-delete"),
]
