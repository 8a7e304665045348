"""The API's shared parts: the v1 router and the one exception handler."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from rest_framework import status
from rest_framework.exceptions import ValidationError as APIValidationError
from rest_framework.response import Response
from rest_framework.routers import DefaultRouter
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

from smartcity.errors import DomainError

router = DefaultRouter()


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """DRF's handler, plus DomainError → 409 {"code", "detail", …its payload} and a service's
    ValidationError → 400 with its messages by field, as a serializer's would be."""
    if isinstance(exc, DomainError):
        return Response(exc.payload(), status=status.HTTP_409_CONFLICT)
    if isinstance(exc, ValidationError):
        exc = APIValidationError(as_serializer_error(exc))
    return drf_exception_handler(exc, context)
