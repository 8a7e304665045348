"""Refuse input no route can store before any view sees it: one place for every URL."""

from __future__ import annotations

import json
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.utils.translation import gettext as _

NUL = "\x00"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def login_name_max_length() -> int:
    """The longest login name any account has (django-axes could store at most 255)."""
    field = get_user_model()._meta.get_field(get_user_model().USERNAME_FIELD)
    return getattr(field, "max_length", None) or 254


def _has_nul(fields: QueryDict) -> bool:
    return any(
        NUL in key or any(NUL in value for value in values) for key, values in fields.lists()
    )


def _posted_login_name(request: HttpRequest) -> object:
    """The login name field of a form or JSON body (login page, admin login, token endpoint)."""
    if request.content_type == "application/json":
        try:
            body = json.loads(request.body)
        except ValueError:
            return None  # the API answers 400 for it
        return body.get(settings.AXES_USERNAME_FORM_FIELD) if isinstance(body, dict) else None
    return request.POST.get(settings.AXES_USERNAME_FORM_FIELD)


def bad_input_reason(request: HttpRequest) -> str | None:
    """Why PostgreSQL or django-axes would fail on this request, or None when it is fine.

    A NUL byte in the path, query or form fields (PostgreSQL refuses it in text), an escaped
    one in a JSON body, or a login name longer than any account's.
    """
    if NUL in request.path or _has_nul(request.GET):
        return _("The address contains a NUL character.")
    if request.method != "POST":
        return None
    if request.content_type in FORM_TYPES and _has_nul(request.POST):
        return _("The form contains a NUL character.")
    if request.content_type == "application/json" and b"\\u0000" in request.body.lower():
        return _("The request contains a NUL character.")
    login_name = _posted_login_name(request)
    if isinstance(login_name, str) and len(login_name) > login_name_max_length():
        return _("The login name is longer than any account's.")
    return None


class BadInputMiddleware:
    """400 for input that would otherwise reach the database and answer 500."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        reason = bad_input_reason(request)
        if reason is None:
            return self.get_response(request)
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": reason}, status=400)
        raise BadRequest(reason)
