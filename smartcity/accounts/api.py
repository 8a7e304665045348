"""Accounts API: token login and the signed-in user's own record."""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import path
from rest_framework import serializers, status, viewsets
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from smartcity.accounts import services
from smartcity.accounts.models import Membership
from smartcity.accounts.selectors import me_for, membership_list
from smartcity.api import router


class MembershipOut(serializers.Serializer):
    uuid = serializers.UUIDField()
    organisation = serializers.UUIDField(source="organisation.uuid")
    organisation_name = serializers.CharField(source="organisation.name_th")
    status = serializers.CharField()


class MeOut(serializers.Serializer):
    uuid = serializers.UUIDField(source="user.uuid")
    email = serializers.EmailField(source="user.email")
    full_name = serializers.CharField(source="user.get_full_name")
    position = serializers.CharField(source="user.position")
    phone = serializers.CharField(source="user.phone")
    language = serializers.CharField(source="user.language")
    roles = serializers.ListField(child=serializers.CharField())
    memberships = MembershipOut(many=True)


class MeView(APIView):
    """The signed-in user with their roles and organisation memberships."""

    permission_classes = (IsAuthenticated,)
    serializer_class = MeOut

    def get(self, request: Request) -> Response:
        return Response(MeOut(me_for(user=request.user)).data)


class MembershipRowOut(MembershipOut):
    user = serializers.UUIDField(source="user.uuid")
    user_name = serializers.CharField(source="user.get_full_name")
    created_at = serializers.DateTimeField()
    decided_at = serializers.DateTimeField()


class MembershipViewSet(viewsets.ReadOnlyModelViewSet):
    """Memberships the caller may see; administrators, and approved officers of the organisation
    (not for one it proposes), approve or refuse (with a `reason`) pending ones."""

    serializer_class = MembershipRowOut
    permission_classes = (IsAuthenticated,)
    lookup_field = "uuid"

    def get_queryset(self) -> QuerySet[Membership]:
        return membership_list(viewer=self.request.user)

    def _decide(self, decide: object, **extra: str) -> Response:
        membership = self.get_object()  # 404 when not visible
        if not self.request.user.has_perm("accounts.decide_membership", membership):
            raise PermissionDenied
        membership = decide(membership=membership, actor=self.request.user, **extra)
        return Response(MembershipRowOut(membership).data, status=status.HTTP_200_OK)

    @action(detail=True, methods=["post"])
    def approve(self, request: Request, uuid: str) -> Response:
        return self._decide(services.membership_approve)

    @action(detail=True, methods=["post"])
    def refuse(self, request: Request, uuid: str) -> Response:
        return self._decide(services.membership_refuse, reason=str(request.data.get("reason", "")))


router.register("memberships", MembershipViewSet, basename="membership")


class TokenView(ObtainAuthToken):
    """POST email (as `username`) and password; answers {"token": …} for the header."""


urlpatterns = [
    path("auth/token/", TokenView.as_view(), name="auth-token"),
    path("me/", MeView.as_view(), name="me"),
]
