"""API: /api/v1/notifications/, the signed-in user's own notifications."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from smartcity.http import signed_in_user
from smartcity.notifications import selectors, services
from smartcity.notifications.models import Notification


class NotificationOut(serializers.ModelSerializer[Notification]):
    is_read = serializers.BooleanField(read_only=True)

    class Meta:
        model = Notification
        fields = (
            "uuid",
            "event",
            "subject",
            "body_text",
            "link",
            "created_at",
            "read_at",
            "is_read",
        )
        read_only_fields = fields


class NotificationViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[Notification]
):
    """The signed-in user's notifications, newest first; mark one or all as read."""

    serializer_class = NotificationOut
    permission_classes = (IsAuthenticated,)
    lookup_field = "uuid"

    def get_queryset(self) -> QuerySet[Notification]:
        if getattr(self, "swagger_fake_view", False):  # the schema's generation: no one signed in
            return Notification.objects.none()
        return selectors.notification_list(viewer=signed_in_user(self.request))

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def read(self, request: Request, uuid: str) -> Response:
        notification = self.get_object()
        services.notification_mark_read(notification=notification, user=signed_in_user(request))
        notification.refresh_from_db(fields=["read_at"])
        return Response(NotificationOut(notification).data)

    @extend_schema(
        request=None,
        responses=inline_serializer("MarkedOut", {"marked": serializers.IntegerField()}),
    )
    @action(detail=False, methods=["post"], url_path="read-all")
    def read_all(self, request: Request) -> Response:
        count = services.notification_mark_all_read(user=signed_in_user(request))
        return Response({"marked": count}, status=status.HTTP_200_OK)

    @extend_schema(responses=inline_serializer("UnreadOut", {"unread": serializers.IntegerField()}))
    @action(detail=False, methods=["get"], url_path="unread-count")
    def unread_count(self, request: Request) -> Response:
        return Response(
            {"unread": selectors.notification_unread_count(viewer=signed_in_user(request))}
        )
