"""What `make bench` needs inside the portal, switched on by BENCH=1 only (settings.BENCH).

- `QueryCountMiddleware` (first in MIDDLEWARE) adds `X-Query-Count`: the SQL statements the
  request ran, counted by a connection execute wrapper (connection.queries needs DEBUG).
- Baselines at /bench/: a bare JsonResponse, and the same 50 rows the list endpoints return,
  read with `.values()` and sent through JsonResponse — the floor the API is measured against.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import URLPattern, path

from applications.api import SUMMARY_ROWS
from applications.selectors import application_list
from municipalities.api import ORGANISATION_ROWS
from municipalities.selectors import organisation_list

PAGE = 50
# the columns the list endpoints read (their serializers' fields, as .values() lookups)
APPLICATION_VALUES = SUMMARY_ROWS.lookups
ORGANISATION_VALUES = ORGANISATION_ROWS.lookups


class QueryCountMiddleware:
    """Counts every statement of the request (sessions and authentication included)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        count = 0

        def counted(execute: Callable[..., Any], *args: Any) -> Any:  # noqa: ANN401
            nonlocal count
            count += 1
            return execute(*args)

        with connection.execute_wrapper(counted):
            response = self.get_response(request)
        response["X-Query-Count"] = str(count)
        return response


def bare(request: HttpRequest) -> JsonResponse:
    """Django's floor: routing, middleware and a JSON body, no query."""
    return JsonResponse({"ok": True})


def applications_values(request: HttpRequest) -> JsonResponse:
    """The first page of /api/v1/applications/ for this viewer, as `.values()`."""
    rows = application_list(viewer=request.user)[:PAGE]  # type: ignore[arg-type]
    return JsonResponse({"results": list(rows.values(*APPLICATION_VALUES))})


def organisations_values(request: HttpRequest) -> JsonResponse:
    """The first page of /api/v1/organisations/, as `.values()`."""
    rows = organisation_list(viewer=request.user)[:PAGE]
    return JsonResponse({"results": list(rows.values(*ORGANISATION_VALUES))})


urlpatterns: list[URLPattern] = [
    path("bare/", bare, name="bare"),
    path("applications-values/", applications_values, name="applications-values"),
    path("organisations-values/", organisations_values, name="organisations-values"),
]
