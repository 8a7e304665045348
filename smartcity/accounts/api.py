"""Accounts API: token login and the signed-in user's own record."""

from __future__ import annotations

from collections.abc import Callable

from axes.helpers import get_cool_off
from django.db.models import QuerySet
from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status, viewsets
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.decorators import action
from rest_framework.exceptions import NotAuthenticated, PermissionDenied, Throttled, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from smartcity.accounts import services
from smartcity.accounts.models import Membership, User
from smartcity.accounts.selectors import Me, me_get, membership_list
from smartcity.accounts.two_factor import two_factor_check, two_factor_required


class MembershipOut(serializers.Serializer[Membership]):
    uuid = serializers.UUIDField()
    organisation = serializers.UUIDField(source="organisation.uuid")
    organisation_name = serializers.CharField(source="organisation.name_th")
    status = serializers.CharField()


class MeOut(serializers.Serializer[Me]):
    uuid = serializers.UUIDField(source="user.uuid")
    email = serializers.EmailField(source="user.email")
    full_name = serializers.CharField(source="user.get_full_name")
    position = serializers.CharField(source="user.position")
    phone = serializers.CharField(source="user.phone")
    language = serializers.CharField(source="user.language")
    roles = serializers.ListField(child=serializers.CharField())
    memberships = MembershipOut(many=True)


def signed_in(request: Request) -> User:
    """The caller of a view that requires authentication (IsAuthenticated ran first)."""
    if not isinstance(request.user, User):
        raise NotAuthenticated
    return request.user


class MeView(APIView):
    """The signed-in user with their roles and organisation memberships."""

    permission_classes = (IsAuthenticated,)
    serializer_class = MeOut

    def get(self, request: Request) -> Response:
        return Response(MeOut(me_get(user=signed_in(request))).data)


class MembershipRowOut(MembershipOut):
    user = serializers.UUIDField(source="user.uuid")
    user_name = serializers.CharField(source="user.get_full_name")
    created_at = serializers.DateTimeField()
    decided_at = serializers.DateTimeField(allow_null=True)  # pending: not decided yet


class MembershipViewSet(viewsets.ReadOnlyModelViewSet[Membership]):
    """Memberships the caller may see; administrators, and approved officers of the organisation
    (not for one it proposes), approve or refuse (with a `reason`) pending ones."""

    serializer_class = MembershipRowOut
    permission_classes = (IsAuthenticated,)
    lookup_field = "uuid"

    def get_queryset(self) -> QuerySet[Membership]:
        return membership_list(viewer=self.request.user)

    def _decide(self, decide: Callable[..., Membership], **extra: str) -> Response:
        membership = self.get_object()  # 404 when not visible
        actor = signed_in(self.request)
        if not actor.has_perm("accounts.decide_membership", membership):
            raise PermissionDenied
        membership = decide(membership=membership, actor=actor, **extra)
        return Response(MembershipRowOut(membership).data, status=status.HTTP_200_OK)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def approve(self, request: Request, uuid: str) -> Response:
        return self._decide(services.membership_approve)

    @extend_schema(
        request=inline_serializer("RefusalIn", {"reason": serializers.CharField(required=False)})
    )
    @action(detail=True, methods=["post"])
    def refuse(self, request: Request, uuid: str) -> Response:
        reason = request.data.get("reason", "") if isinstance(request.data, dict) else ""
        return self._decide(services.membership_refuse, reason=str(reason))


class TokenView(ObtainAuthToken):
    """POST email (as `username`) and password, plus `otp_token` (a code from the app or a
    recovery code) when the user has two-factor on; answers {"token": …} for the header, or
    429 while django-axes locks that account out from the caller's address."""

    def post(self, request: Request, *args: object, **kwargs: object) -> Response:
        serializer = self.get_serializer(data=request.data)
        try:
            serializer.is_valid(raise_exception=True)
        except ValidationError:
            self._refuse_if_locked_out(request)
            raise
        user = serializer.validated_data["user"]
        if user.two_factor_enabled_at:
            data = request.data if isinstance(request.data, dict) else {}
            code = str(data.get("otp_token") or "")
            if two_factor_check(request=request._request, user=user, code=code) is None:
                self._refuse_if_locked_out(request)
                raise ValidationError({"otp_token": [_("That code is not right.")]})
        elif two_factor_required(user):  # the policy's staff roles get no token on a password alone
            raise PermissionDenied(
                _("Set up two-factor sign-in on the portal first, then ask again with a code.")
            )
        token, _created = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})

    @staticmethod
    def _refuse_if_locked_out(request: Request) -> None:
        """429 with Retry-After when django-axes flagged this request (set on either request)."""
        if getattr(request, "axes_locked_out", False) or getattr(
            request._request, "axes_locked_out", False
        ):
            wait = get_cool_off(request).total_seconds()
            raise Throttled(wait=wait, detail=_("Too many failed logins."))


urlpatterns = [
    path("auth/token/", TokenView.as_view(), name="auth-token"),
    path("me/", MeView.as_view(), name="me"),
]
