"""Accounts API: token login and the signed-in user's own record."""

from __future__ import annotations

from django.urls import path
from rest_framework import serializers
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from smartcity.accounts.selectors import me_for


class MembershipOut(serializers.Serializer):
    uuid = serializers.UUIDField()
    organisation = serializers.UUIDField(source="organisation.uuid")
    organisation_name = serializers.CharField(source="organisation.name_th")
    status = serializers.CharField()


class MeOut(serializers.Serializer):
    uuid = serializers.UUIDField()
    email = serializers.EmailField()
    full_name = serializers.CharField(source="get_full_name")
    position = serializers.CharField()
    phone = serializers.CharField()
    language = serializers.CharField()
    roles = serializers.ListField(child=serializers.CharField())
    memberships = MembershipOut(many=True)


class MeView(APIView):
    """The signed-in user with their roles and organisation memberships."""

    permission_classes = (IsAuthenticated,)
    serializer_class = MeOut

    def get(self, request: Request) -> Response:
        return Response(MeOut(me_for(user=request.user)).data)


class TokenView(ObtainAuthToken):
    """POST email (as `username`) and password; answers {"token": …} for the header."""


urlpatterns = [
    path("auth/token/", TokenView.as_view(), name="auth-token"),
    path("me/", MeView.as_view(), name="me"),
]
