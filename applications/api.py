"""API /api/v1/calls/, /api/v1/applications/ and /api/v1/assignments/.

Views ask a selector (read) or a service (write); serializers only shape. A proposal the caller
may not see answers 404; a visible one they may not act on answers 403; a programme rule refuses
with 409 {code, detail} (smartcity/api.py's handler).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from django.db.models import QuerySet
from django.http import Http404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from applications.filters import ApplicationFilter, CallFilter
from applications.models import Application, ApplicationVersion, Assignment, Call
from applications.selectors import (
    application_full,
    application_list,
    assignment_list,
    call_list_public,
    transition_list,
    version_list,
)
from applications.serializers import (
    ApplicationIn,
    ApplicationOut,
    ApplicationSummaryOut,
    AssignmentSerializer,
    AttachmentIn,
    AttachmentOut,
    CallOut,
    DiffRowOut,
    RevisionAnswersIn,
    RevisionRequestIn,
    RevisionRequestOut,
    TransitionOut,
    VersionOut,
    VersionRowOut,
    WithdrawIn,
)
from applications.services.assignments import assignment_create, assignment_delete
from applications.services.proposals import (
    application_create,
    application_submit,
    application_update,
    application_withdraw,
    attachment_add,
)
from applications.services.revisions import application_request_revision, revision_answers_save
from applications.services.versions import version_diff
from smartcity.http import signed_in_user
from smartcity.listrows import ValuesRows

SUMMARY_ROWS = ValuesRows(ApplicationSummaryOut)


class CallViewSet(viewsets.ReadOnlyModelViewSet):
    """Calls for proposals with their criteria, weights, score meanings and documents: public."""

    serializer_class = CallOut
    lookup_field = "uuid"
    permission_classes = (permissions.AllowAny,)
    filter_backends = (DjangoFilterBackend,)
    filterset_class = CallFilter

    def get_queryset(self) -> QuerySet[Call]:
        return call_list_public()


def _if_match(request: Request) -> int | None:
    """The draft revision the editor started from, from `If-Match: "7"` (None when absent)."""
    value = request.headers.get("If-Match", "").strip().strip('"').removeprefix('W/"')
    return int(value) if value.isdigit() else None


class ApplicationViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Proposals the caller may see: the queue summary, or the whole proposal where allowed.

    Lead organisations create drafts and PATCH them (nested projects with KPIs, and partners,
    replace the stored ones; send `If-Match: "<revision>"` to be told of a newer save), then
    submit or withdraw. Versions, diff and transitions follow the same visibility.
    """

    lookup_field = "uuid"
    http_method_names = ("get", "post", "patch", "head", "options")
    permission_classes = (permissions.IsAuthenticated,)
    filter_backends = (DjangoFilterBackend,)
    filterset_class = ApplicationFilter

    def get_queryset(self) -> QuerySet[Application]:
        if getattr(self, "swagger_fake_view", False):  # the schema's generation: no one signed in
            return Application.objects.none()
        rows = application_list(viewer=signed_in_user(self.request))
        return rows if self.action == "list" else application_full(rows)

    def get_serializer_class(self) -> type[BaseSerializer]:
        if self.action in ("create", "partial_update"):
            return ApplicationIn
        if self.action == "list":
            return ApplicationSummaryOut
        return ApplicationOut

    def list(self, request: Request) -> Response:
        # the page as ApplicationSummaryOut shapes it, read with .values() (smartcity/listrows.py);
        # a comment, not a docstring: the OpenAPI description stays the viewset's
        rows = self.filter_queryset(self.get_queryset())
        # PageRows is the sequence DRF's paginator slices: its pages are .values() dicts
        pages = cast("Sequence[Any]", SUMMARY_ROWS.page(rows, count_scope="applications"))
        page = cast("list[dict[str, Any]] | None", self.paginate_queryset(pages))
        return self.get_paginated_response(SUMMARY_ROWS.render(page or []))

    def _full_or_summary(self, application: Application) -> dict[str, Any]:
        if self.request.user.has_perm("applications.view_application", application):
            return ApplicationOut(application, context=self.get_serializer_context()).data
        return ApplicationSummaryOut(application, context=self.get_serializer_context()).data

    def _reloaded(self, application: Application) -> dict[str, Any]:
        fresh = application_full(Application.objects.all()).get(pk=application.pk)
        return self._full_or_summary(fresh)

    def _full_object(self, perm: str = "applications.view_application") -> Application:
        """The proposal if the caller may see it whole (versions, files): else 404."""
        application = self.get_object()
        if not self.request.user.has_perm(perm, application):
            raise Http404
        return application

    @extend_schema(responses=ApplicationOut)
    def retrieve(self, request: Request, uuid: str) -> Response:
        return Response(self._full_or_summary(self.get_object()))

    @extend_schema(request=ApplicationIn, responses={201: ApplicationOut})
    def create(self, request: Request) -> Response:
        serializer = ApplicationIn(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        application = application_create(
            call=data.pop("call"),
            lead_org=data.pop("lead_org"),
            actor=signed_in_user(request),
            projects=data.pop("projects", None),
            partners=data.pop("partners", None),
            fields=data,
        )
        return Response(self._reloaded(application), status=status.HTTP_201_CREATED)

    @extend_schema(
        request=ApplicationIn,
        responses=ApplicationOut,
        parameters=[OpenApiParameter("If-Match", OpenApiTypes.STR, OpenApiParameter.HEADER)],
    )
    def partial_update(self, request: Request, uuid: str) -> Response:
        application = self.get_object()
        serializer = ApplicationIn(
            application, data=request.data, partial=True, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data.pop("call", None), data.pop("lead_org", None)
        application = application_update(
            application=application,
            actor=signed_in_user(request),
            projects=data.pop("projects", None),
            partners=data.pop("partners", None),
            fields=data,
            expected_revision=_if_match(request),
        )
        return Response(self._reloaded(application))

    @extend_schema(request=None, responses={201: VersionOut})
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, uuid: str) -> Response:
        version = application_submit(application=self.get_object(), actor=signed_in_user(request))
        return Response(VersionOut(version).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=WithdrawIn, responses=ApplicationSummaryOut)
    @action(detail=True, methods=["post"])
    def withdraw(self, request: Request, uuid: str) -> Response:
        body = WithdrawIn(data=request.data)
        body.is_valid(raise_exception=True)
        application = application_withdraw(
            application=self.get_object(),
            actor=signed_in_user(request),
            reason=body.validated_data["reason"],
        )
        return Response(self._reloaded(application))

    @extend_schema(request=RevisionAnswersIn, responses=RevisionRequestOut)
    @action(detail=True, methods=["post"], url_path="revision-answers")
    def revision_answers(self, request: Request, uuid: str) -> Response:
        """Answer points of the open revision request (each point by its number); resubmitting
        (`submit`) needs every point answered."""
        body = RevisionAnswersIn(data=request.data)
        body.is_valid(raise_exception=True)
        revision_request = revision_answers_save(
            application=self.get_object(),
            actor=signed_in_user(request),
            answers={row["number"]: row["answer"] for row in body.validated_data["answers"]},
        )
        return Response(RevisionRequestOut(revision_request).data)

    @extend_schema(request=RevisionRequestIn, responses={201: RevisionRequestOut})
    @action(detail=True, methods=["post"], url_path="request-revision")
    def request_revision(self, request: Request, uuid: str) -> Response:
        body = RevisionRequestIn(data=request.data)
        body.is_valid(raise_exception=True)
        revision_request = application_request_revision(
            application=self.get_object(), actor=signed_in_user(request), **body.validated_data
        )
        return Response(RevisionRequestOut(revision_request).data, status=status.HTTP_201_CREATED)

    @extend_schema(request={"multipart/form-data": AttachmentIn}, responses={201: AttachmentOut})
    @action(
        detail=True,
        methods=["post"],
        parser_classes=(MultiPartParser, FormParser, JSONParser),
    )
    def attachments(self, request: Request, uuid: str) -> Response:
        application = self._full_object()  # 404 first: a hidden proposal says nothing more
        body = AttachmentIn(data=request.data)
        body.is_valid(raise_exception=True)
        attachment = attachment_add(
            application=application,
            actor=signed_in_user(request),
            upload=body.validated_data["file"],
            kind=body.validated_data["kind"],
            title=body.validated_data.get("title", ""),
        )
        return Response(AttachmentOut(attachment).data, status=status.HTTP_201_CREATED)

    def _versions(self) -> QuerySet[ApplicationVersion]:
        application = self._full_object("applications.view_versions")
        return version_list(application=application, viewer=signed_in_user(self.request))

    @extend_schema(responses=VersionRowOut(many=True))
    @action(detail=True, methods=["get"])
    def versions(self, request: Request, uuid: str) -> Response:
        return Response(VersionRowOut(self._versions(), many=True).data)

    @extend_schema(responses=VersionOut)
    @action(detail=True, methods=["get"], url_path=r"versions/(?P<number>\d+)")
    def version(self, request: Request, uuid: str, number: str) -> Response:
        found = [v for v in self._versions() if v.number == int(number)]
        if not found:
            raise Http404
        return Response(VersionOut(found[0]).data)

    @extend_schema(
        responses=DiffRowOut(many=True),
        parameters=[
            OpenApiParameter("from", int, description="the older version number"),
            OpenApiParameter("to", int, description="the newer version number"),
        ],
    )
    @action(detail=True, methods=["get"])
    def diff(self, request: Request, uuid: str) -> Response:
        versions = {v.number: v for v in self._versions()}
        try:
            older = versions[int(request.query_params.get("from", ""))]
            newer = versions[int(request.query_params.get("to", ""))]
        except (KeyError, ValueError):
            raise Http404 from None
        return Response(DiffRowOut(version_diff(older=older, newer=newer), many=True).data)

    @extend_schema(responses=TransitionOut(many=True))
    @action(detail=True, methods=["get"])
    def transitions(self, request: Request, uuid: str) -> Response:
        rows = transition_list(application=self._full_object())
        return Response(TransitionOut(rows, many=True).data)


class AssignsReviewers(permissions.BasePermission):
    """Reads for signed-in users (their own assignments); writes for programme administrators,
    decided before the body is read so nothing about other proposals leaks."""

    def has_permission(self, request: Request, view: object) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        return request.method in permissions.SAFE_METHODS or bool(
            request.user.has_perm("applications.assign_reviewer")
        )


class AssignmentViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Reviewer assignments: programme administrators assign and unassign; reviewers read
    their own."""

    serializer_class = AssignmentSerializer
    lookup_field = "uuid"
    permission_classes = (AssignsReviewers,)

    def get_queryset(self) -> QuerySet[Assignment]:
        if getattr(self, "swagger_fake_view", False):  # the schema's generation: no one signed in
            return Assignment.objects.none()
        return assignment_list(viewer=signed_in_user(self.request))

    def perform_create(self, serializer: BaseSerializer[Assignment]) -> None:
        serializer.instance = assignment_create(
            application=serializer.validated_data["application"],
            reviewer=serializer.validated_data["reviewer"],
            actor=signed_in_user(self.request),
            due_on=serializer.validated_data.get("due_on"),
        )

    def perform_destroy(self, instance: Assignment) -> None:
        assignment_delete(assignment=instance, actor=signed_in_user(self.request))
