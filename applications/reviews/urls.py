from __future__ import annotations

from django.urls import path

from applications.reviews import views

app_name = "reviews"

urlpatterns = [
    path("staff/proposals/<uuid:uuid>/declaration/", views.declare, name="declare"),
    path("staff/proposals/<uuid:uuid>/scores/", views.score, name="score"),
    path("staff/calls/<uuid:uuid>/scores.<slug:fmt>", views.export, name="score-export"),
]
