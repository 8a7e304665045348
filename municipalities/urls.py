from __future__ import annotations

from django.urls import path

from municipalities import views

app_name = "municipalities"

urlpatterns = [
    path("", views.organisation_index, name="organisation-list"),
    path("<str:key>/", views.organisation_detail, name="organisation-detail"),
]
