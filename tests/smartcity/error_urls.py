"""The portal's URLs plus views that fail, for the error-page tests."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import path
from rest_framework.decorators import api_view
from rest_framework.request import Request

from smartcity.urls import handler400, handler403, handler404, handler500, urlpatterns

SECRET = "secret-detail-of-the-exception"


def page_that_raises(request: HttpRequest) -> HttpResponse:
    raise RuntimeError(SECRET)


def page_that_forbids(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied(SECRET)


@api_view(["GET"])
def api_that_raises(request: Request) -> HttpResponse:
    raise RuntimeError(SECRET)


urlpatterns = [
    path("boom/", page_that_raises),
    path("en/boom/", page_that_raises),
    path("forbidden/", page_that_forbids),
    path("api/v1/boom/", api_that_raises),
    *urlpatterns,
]
__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]
