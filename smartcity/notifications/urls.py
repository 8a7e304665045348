from __future__ import annotations

from django.urls import path

from smartcity.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("bell/", views.bell, name="bell"),
    path("read-all/", views.notification_read_all, name="notification-read-all"),
    path("preferences/", views.preferences, name="preferences"),
    path("<uuid:uuid>/", views.notification_open, name="notification-open"),
    path("<uuid:uuid>/read/", views.notification_read, name="notification-read"),
]
