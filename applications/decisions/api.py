"""API: staff moves and comments of a proposal, meetings with their agenda and decisions, and
certificates (public: those valid today). Same services and rules as the pages; a refused move
answers 409 {"code": "illegal_move", "detail": …} through smartcity.api's handler."""

from __future__ import annotations

from typing import Any, ClassVar

import django_filters
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from applications import workflow
from applications.decisions import selectors
from applications.models import AgendaItem, Application, Certificate, Comment, Meeting
from applications.services.comments import comment_create
from applications.services.decisions import application_transition
from applications.services.meetings import (
    DecisionInput,
    meeting_agenda_add,
    meeting_create,
    meeting_decide,
)
from municipalities.models import Province, Region
from smartcity.filters import ApiFilterSet
from smartcity.http import signed_in_user
from smartcity.vocabulary import Domain


# ---------------------------------------------------------------- certificates
class CertificateOut(serializers.ModelSerializer):
    organisation = serializers.CharField(source="organisation.name", read_only=True)
    organisation_uuid = serializers.UUIDField(source="organisation.uuid", read_only=True)
    dla_code = serializers.CharField(source="organisation.dla_code", read_only=True)
    province = serializers.CharField(
        source="organisation.province.name", default="", read_only=True
    )
    region = serializers.CharField(
        source="organisation.province.region.name", default="", read_only=True
    )

    class Meta:
        model = Certificate
        fields = (
            "uuid",
            "number",
            "organisation",
            "organisation_uuid",
            "dla_code",
            "province",
            "region",
            "area_name",
            "domains",
            "certified_on",
            "valid_from",
            "valid_until",
            "is_recorded",
        )


class CertificateFilter(ApiFilterSet):
    """/api/v1/certificates/: q searches the organisation, area and number."""

    q = django_filters.CharFilter(max_length=100, method="search")
    region = django_filters.ModelChoiceFilter(
        queryset=Region.objects.all(),
        to_field_name="code",
        field_name="organisation__province__region",
    )
    province = django_filters.ModelChoiceFilter(
        queryset=Province.objects.all(), to_field_name="code", field_name="organisation__province"
    )
    domain = django_filters.ChoiceFilter(choices=Domain.choices, method="with_domain")

    class Meta:
        model = Certificate
        fields: ClassVar[list[str]] = []

    def search(self, rows: QuerySet[Certificate], name: str, value: str) -> QuerySet[Certificate]:
        return selectors.city_search(rows, value)

    def with_domain(
        self, rows: QuerySet[Certificate], name: str, value: str
    ) -> QuerySet[Certificate]:
        return rows.filter(domains__contains=[value])


class CertificateViewSet(viewsets.ReadOnlyModelViewSet):
    """Certificates valid today, public (the /cities/ directory); filters q, region, province,
    domain."""

    serializer_class = CertificateOut
    permission_classes = (permissions.AllowAny,)
    lookup_field = "uuid"
    filterset_class = CertificateFilter

    def get_queryset(self) -> QuerySet[Certificate]:
        return selectors.city_list()


# ---------------------------------------------------------------- moves and comments
def _application(request: Request, uuid: str, perm: str) -> Application:
    application = selectors.application_visible(viewer=signed_in_user(request), uuid=uuid)
    if not request.user.has_perm(perm, application):
        raise Http404
    return application


class MoveIn(serializers.Serializer):
    move = serializers.CharField(max_length=40)
    comment = serializers.CharField(required=False, allow_blank=True, default="")
    checklist = serializers.ListField(child=serializers.CharField(), required=False, default=list)
    points = serializers.ListField(child=serializers.CharField(), required=False, default=list)
    deadline = serializers.DateField(required=False, allow_null=True, default=None)
    decided_on = serializers.DateField(required=False, allow_null=True, default=None)


class MoveViewSet(viewsets.GenericViewSet):
    """GET: the moves the viewer may make on the proposal now. POST: make one."""

    permission_classes = (permissions.IsAuthenticated,)
    serializer_class = MoveIn
    queryset = Application.objects.none()  # the model, for the schema; views look rows up

    def list(self, request: Request, application_uuid: str) -> Response:
        application = _application(
            request, application_uuid, "applications.view_application_summary"
        )
        names = workflow.allowed_moves(application, signed_in_user(request))
        return Response(
            {
                "state": application.state,
                "moves": [{"move": n, "label": str(workflow.MOVES[n].label)} for n in names],
            }
        )

    def create(self, request: Request, application_uuid: str) -> Response:
        application = _application(
            request, application_uuid, "applications.view_application_summary"
        )
        payload = MoveIn(data=request.data)
        payload.is_valid(raise_exception=True)
        application = application_transition(
            application=application, actor=signed_in_user(request), **payload.validated_data
        )
        return Response({"state": application.state}, status=status.HTTP_201_CREATED)


class CommentOut(serializers.ModelSerializer):
    author = serializers.UUIDField(source="author.uuid", read_only=True)
    file = serializers.UUIDField(source="stored_file.uuid", default=None, read_only=True)

    class Meta:
        model = Comment
        fields = ("uuid", "author", "is_internal", "body", "file", "created_at")


class CommentIn(serializers.Serializer):
    body = serializers.CharField()
    is_internal = serializers.BooleanField(default=False)
    file = serializers.FileField(required=False)


class CommentViewSet(viewsets.GenericViewSet):
    """A proposal's comments: the applicant never receives internal ones."""

    permission_classes = (permissions.IsAuthenticated,)
    serializer_class = CommentIn
    pagination_class = None
    queryset = Comment.objects.none()  # the model, for the schema; views look rows up

    def list(self, request: Request, application_uuid: str) -> Response:
        application = _application(request, application_uuid, "applications.comment")
        comments = selectors.comment_list(application=application, viewer=signed_in_user(request))
        return Response(CommentOut(comments, many=True).data)

    def create(self, request: Request, application_uuid: str) -> Response:
        application = _application(request, application_uuid, "applications.comment")
        payload = CommentIn(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        comment = comment_create(
            application=application,
            author=signed_in_user(request),
            body=data["body"],
            is_internal=data["is_internal"],
            upload=data.get("file"),
        )
        return Response(CommentOut(comment).data, status=status.HTTP_201_CREATED)


# ---------------------------------------------------------------- meetings
class AgendaItemOut(serializers.ModelSerializer):
    application = serializers.UUIDField(source="application.uuid", read_only=True)
    reference = serializers.CharField(source="application.reference", read_only=True)

    class Meta:
        model = AgendaItem
        fields = ("id", "application", "reference", "order", "outcome", "conditions", "decided_on")


class MeetingSerializer(serializers.ModelSerializer):
    items = AgendaItemOut(many=True, read_only=True)

    class Meta:
        model = Meeting
        fields = ("uuid", "body", "number", "date", "place", "attendees", "items")


class DecisionIn(serializers.Serializer):
    application = serializers.UUIDField()
    outcome = serializers.CharField(max_length=40)
    conditions = serializers.CharField(required=False, allow_blank=True, default="")
    decided_on = serializers.DateField(required=False, allow_null=True, default=None)
    deadline = serializers.DateField(required=False, allow_null=True, default=None)


class StaffMeetings(permissions.BasePermission):
    def has_permission(self, request: Request, view: Any) -> bool:  # noqa: ANN401
        if not request.user.has_perm("applications.view_meetings"):
            return False
        return request.method in permissions.SAFE_METHODS or request.user.has_perm(
            "applications.manage_meetings"
        )


class MeetingViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Meetings of the three bodies; agenda and decisions in a batch (staff)."""

    serializer_class = MeetingSerializer
    permission_classes = (StaffMeetings,)
    lookup_field = "uuid"

    def get_queryset(self) -> QuerySet[Meeting]:
        return selectors.meeting_list().prefetch_related("items__application")

    def get_object(self) -> Meeting:
        return selectors.meeting_get(uuid=self.kwargs["uuid"])

    def perform_create(self, serializer: serializers.BaseSerializer[Meeting]) -> None:
        serializer.instance = meeting_create(
            actor=signed_in_user(self.request), **serializer.validated_data
        )

    @action(detail=True, methods=["post"])
    def agenda(self, request: Request, uuid: str) -> Response:
        meeting = self.get_object()
        data = request.data if isinstance(request.data, dict) else {}
        application = _application(
            request, data.get("application", ""), "applications.view_application_summary"
        )
        meeting_agenda_add(meeting=meeting, application=application, actor=signed_in_user(request))
        return Response(
            MeetingSerializer(selectors.meeting_get(uuid=uuid)).data, status=status.HTTP_201_CREATED
        )

    @action(detail=True, methods=["post"])
    def decisions(self, request: Request, uuid: str) -> Response:
        meeting = self.get_object()
        payload = DecisionIn(data=request.data, many=True)
        payload.is_valid(raise_exception=True)
        items = {str(item.application.uuid): item for item in meeting.items.all()}
        decisions = []
        for row in payload.validated_data:
            item = items.get(str(row.pop("application")))
            if item is None:
                raise ValidationError({"application": _("This proposal is not on the agenda.")})
            decisions.append(DecisionInput(item=item, **row))
        meeting_decide(meeting=meeting, actor=signed_in_user(request), decisions=decisions)
        return Response(MeetingSerializer(selectors.meeting_get(uuid=uuid)).data)


# the nested routes of one proposal (registered in smartcity/api.py)
APPLICATION = r"applications/(?P<application_uuid>[0-9a-fA-F-]{36})"
