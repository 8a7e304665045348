from __future__ import annotations

import logging

from django.conf import settings
from django.db import connection
from django.http import (
    FileResponse,
    HttpRequest,
    HttpResponse,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import render
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control, never_cache

from smartcity.health import health_public, health_report

FAVICON = settings.BASE_DIR / "static" / "favicon.ico"


@cache_control(max_age=86400, public=True)
def favicon(request: HttpRequest) -> FileResponse:
    """/favicon.ico, which browsers ask for on every page that names no icon (admin, API docs)."""
    return FileResponse(FAVICON.open("rb"), content_type="image/x-icon")


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


# ---------------------------------------------------------------- error pages
ERRORS: dict[int, tuple[str, Promise, Promise]] = {  # status → API code, title, explanation
    400: ("bad_request", _("Bad request"), _("The page could not understand the request.")),
    403: (
        "permission_denied",
        _("Not allowed"),
        _("Your account may not open this page. Log in with another account, or go back."),
    ),
    404: (
        "not_found",
        _("Page not found"),
        _("There is no page at this address. It may have moved, or the link may be mistyped."),
    ),
    500: (
        "server_error",
        _("Something went wrong"),
        _("The portal could not complete the request. We have been told; please try again later."),
    ),
}
CSRF_FAILED = (
    "csrf_failed",
    _("The form has expired"),
    _(
        "The page was open for a long time, or you logged in or out in another tab, so the portal "
        "could not accept what you sent. Go back, reload the page and send it again (copy any long "
        "text you typed first)."
    ),
)
logger = logging.getLogger(__name__)


def _error(
    request: HttpRequest, status: int, text: tuple[str, Promise, Promise] | None = None
) -> HttpResponse:
    """The error page in the request's language; under /api/ the API's {"code", "detail"}."""
    code, title, explanation = text or ERRORS[status]
    if request.path.startswith("/api/"):
        return JsonResponse({"code": code, "detail": str(explanation)}, status=status)
    context = {"status": status, "title": title, "explanation": explanation}
    return render(request, "error.html", context, status=status)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _error(request, 400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _error(request, 403)  # the exception's text is not for the visitor


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without a valid CSRF token (CSRF_FAILURE_VIEW): said in the visitor's
    language on the layout, instead of Django's English technical page."""
    return _error(request, 403, CSRF_FAILED)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _error(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    try:
        return _error(request, 500)
    except Exception:  # the layout needs the database and templates: they may be what failed
        logger.exception("the 500 page could not be rendered")
        return HttpResponseServerError(
            "<!doctype html><meta name=viewport content='width=device-width, initial-scale=1'>"
            "<title>500</title><p>Server error · ระบบขัดข้อง</p><p><a href='/'>Home · หน้าแรก</a>"
        )
