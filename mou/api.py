"""API /api/v1/mous/: read as the pages allow, write for programme administrators."""

from __future__ import annotations

from typing import cast

from django.db.models import QuerySet
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.request import Request
from rest_framework.views import APIView

from mou.filters import MOUFilter
from mou.models import MOU, MOUParty
from mou.selectors import mou_list
from mou.services import mou_create, mou_update
from smartcity.accounts.rules import is_programme_admin
from smartcity.http import signed_in_user
from smartcity.vocabulary import FocusArea


class PartyOut(serializers.ModelSerializer[MOUParty]):
    organisation = serializers.CharField(source="organisation.__str__", read_only=True)
    organisation_uuid = serializers.UUIDField(source="organisation.uuid", read_only=True)

    class Meta:
        model = MOUParty
        fields = ("organisation", "organisation_uuid", "role")


class MOUSerializer(serializers.ModelSerializer[MOU]):
    """The shape of an MOU; the rules of a write are mou_create's and mou_update's."""

    parties = PartyOut(many=True, read_only=True)
    municipality_count = serializers.IntegerField(read_only=True, default=0)
    focus_areas = serializers.ListField(
        child=serializers.ChoiceField(choices=FocusArea.choices),  # the model field's
        required=False,
    )
    # The names before the English texts came: the Thai text, still read and written.
    subject = serializers.CharField(source="subject_th", required=False, allow_blank=True)
    objectives = serializers.CharField(source="objectives_th", required=False, allow_blank=True)
    place = serializers.CharField(
        source="place_th", required=False, allow_blank=True, max_length=200
    )

    class Meta:
        model = MOU
        fields = (
            "uuid",
            "reference_number",
            "title_th",
            "title_en",
            "subject",
            "subject_th",
            "subject_en",
            "objectives",
            "objectives_th",
            "objectives_en",
            "focus_areas",
            "kind",
            "signed_on",
            "signing_method",
            "place",
            "place_th",
            "place_en",
            "effective_from",
            "effective_until",
            "status",
            "visibility",
            "parties",
            "municipality_count",
        )
        read_only_fields = ("uuid",)


class IsProgrammeAdminOrReadOnly(permissions.BasePermission):
    """Reads as the pages allow; writes for programme administrators.

    A write to one MOU is decided after the lookup, which only finds what the user may see:
    an MOU hidden from them answers 404, never a 403 that would confirm it exists.
    """

    def has_permission(self, request: Request, view: APIView) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        if view.kwargs.get(getattr(view, "lookup_field", "pk")) is not None:
            return bool(request.user and request.user.is_authenticated)
        return bool(is_programme_admin(request.user))

    def has_object_permission(self, request: Request, view: APIView, obj: MOU) -> bool:
        return request.method in permissions.SAFE_METHODS or bool(is_programme_admin(request.user))


class MOUViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """MOU records: anyone reads what the pages show; programme administrators write.

    No DELETE (405): an MOU ends as terminated or superseded, its status; only a superuser
    deletes one, in the admin.
    """

    serializer_class = MOUSerializer
    lookup_field = "uuid"
    permission_classes = (IsProgrammeAdminOrReadOnly,)

    filterset_class = MOUFilter

    def get_queryset(self) -> QuerySet[MOU]:
        return mou_list(viewer=self.request.user)

    def perform_create(self, serializer: MOUSerializer) -> None:  # type: ignore[override]
        serializer.instance = mou_create(
            mou=MOU(**serializer.validated_data), actor=signed_in_user(self.request)
        )

    def perform_update(self, serializer: MOUSerializer) -> None:  # type: ignore[override]
        serializer.instance = mou_update(
            mou=cast(MOU, serializer.instance),  # an update's serializer always has it
            fields=serializer.validated_data,
            actor=signed_in_user(self.request),
        )
