"""The API's shared parts: the one v1 router and the one exception handler.

Every viewset is registered here, so /api/v1/ never depends on which module was imported first.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from rest_framework import status
from rest_framework.exceptions import ValidationError as APIValidationError
from rest_framework.response import Response
from rest_framework.routers import DefaultRouter
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

from applications.api import ApplicationViewSet, AssignmentViewSet, CallViewSet
from applications.decisions.api import (
    APPLICATION,
    CertificateViewSet,
    CommentViewSet,
    MeetingViewSet,
    MoveViewSet,
)
from applications.queue.api import QueueViewSet
from applications.reviews.api import DeclarationViewSet, ReviewViewSet
from mou.api import MOUViewSet
from municipalities.api import OrganisationViewSet, ProvinceViewSet, RegionViewSet
from smartcity.accounts.api import MembershipViewSet
from smartcity.errors import DomainError
from smartcity.notifications.api import NotificationViewSet

router = DefaultRouter()
router.register("regions", RegionViewSet, basename="region")
router.register("provinces", ProvinceViewSet, basename="province")
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("memberships", MembershipViewSet, basename="membership")
router.register("notifications", NotificationViewSet, basename="notification")
router.register("mous", MOUViewSet, basename="mou")
router.register("calls", CallViewSet, basename="call")
router.register("applications", ApplicationViewSet, basename="application")
router.register("assignments", AssignmentViewSet, basename="assignment")
router.register("review-queue", QueueViewSet, basename="review-queue")
router.register("certificates", CertificateViewSet, basename="certificate")
router.register("meetings", MeetingViewSet, basename="meeting")
router.register(f"{APPLICATION}/moves", MoveViewSet, basename="application-moves")
router.register(f"{APPLICATION}/comments", CommentViewSet, basename="application-comments")
router.register("declarations", DeclarationViewSet, basename="declaration")
router.register(f"{APPLICATION}/reviews", ReviewViewSet, basename="application-reviews")


ERROR_SCHEMA = {
    "type": "object",
    "description": "`detail`, or each refused field with its messages; a DomainError: `code` too",
    "additionalProperties": True,
}
ERRORS = {
    "400": "Bad input: each field named with its messages",
    "401": "Not signed in: a token or session is needed",
    "403": "Signed in, but not allowed to do this",
    "404": "Not found, or not visible to the caller",
    "429": "Too many requests: try again after the Retry-After header's seconds",
}
WRITE_ERRORS = {
    **ERRORS,
    "409": "A rule of the programme refused it (DomainError)",
    "415": "The body's media type cannot be read: send JSON (or multipart where a file goes)",
}


def document_errors(result: dict[str, Any], **kwargs: object) -> dict[str, Any]:
    """drf-spectacular hook: every operation documents the errors the API can answer."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    ref = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for operations in result["paths"].values():
        for method, operation in operations.items():
            for code, text in (ERRORS if method == "get" else WRITE_ERRORS).items():
                operation["responses"].setdefault(code, {"description": text, "content": ref})
    return result


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, plus DomainError → 409 {"code", "detail", …its payload} and a service's
    ValidationError → 400 with its messages by field, as a serializer's would be."""
    if isinstance(exc, DomainError):
        return Response(exc.payload(), status=status.HTTP_409_CONFLICT)
    if isinstance(exc, ValidationError):
        exc = APIValidationError(as_serializer_error(exc))
    return drf_exception_handler(exc, context)
