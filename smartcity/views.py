from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from smartcity.health import health_public, health_report


def home(request: HttpRequest) -> HttpResponse:
    """The programme's front page; apps add their boxes through smartcity.panels."""
    return render(request, "home.html")


@never_cache
def livez(request: HttpRequest) -> JsonResponse:
    """The process answers and reaches its database: for load balancers and compose."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:
        return JsonResponse({"status": "fail", "database": str(error)[:200]}, status=503)
    return JsonResponse({"status": "ok"})


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Database, Redis, a Celery worker, migrations: 200 when all are ok, else 503 naming them.

    Staff see each failure's exception text; anyone else only the names of what fails.
    """
    checks = health_report()
    if not request.user.is_staff:
        checks = health_public(checks)
    failing = sorted(name for name, result in checks.items() if result != "ok")
    body = {"status": "fail" if failing else "ok", "failing": failing, "checks": checks}
    return JsonResponse(body, status=503 if failing else 200)
