"""API /api/v1/review-queue/: the staff review queue (the page's FilterSet, search, ordering and
page size), its facet counts, and bulk assignment of reviewers.

Staff only (applications.view_staff_queue): anonymous callers get 401, others 403. The mean
score is null unless the caller is a programme administrator or a committee member.
"""

from __future__ import annotations

from typing import Any, cast

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_field, inline_serializer
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from applications.models import Application
from applications.queue import selectors
from applications.queue.filters import DEFAULT_PAGE_SIZE, PAGE_SIZES, QueueFilter, facet_counts
from applications.queue.services import queue_assign
from smartcity.accounts.models import User
from smartcity.counts import CachedCountPaginator
from smartcity.pagination import PageNumberPagination


class QueueStaff(permissions.BasePermission):
    """Staff of the programme (reviewers, committee members, programme administrators); bulk
    assignment needs applications.assign_reviewer too."""

    def has_permission(self, request: Request, view: object) -> bool:
        user = request.user
        if not (user and user.is_authenticated and user.has_perm("applications.view_staff_queue")):
            return False
        return getattr(view, "action", None) != "assign" or bool(
            user.has_perm("applications.assign_reviewer")
        )


class QueuePagination(PageNumberPagination):
    """Pages of 25, 50 (default) or 100 rows: `page_size`, checked by the FilterSet."""

    django_paginator_class = CachedCountPaginator.of("applications")  # smartcity/counts.py

    def get_page_size(self, request: Request) -> int:
        value = request.query_params.get("page_size", "")
        return int(value) if value.isdigit() and int(value) in PAGE_SIZES else DEFAULT_PAGE_SIZE


class PersonOut(serializers.Serializer):
    uuid = serializers.UUIDField()
    name = serializers.CharField(source="__str__")


class QueueOrganisationOut(serializers.Serializer):
    uuid = serializers.UUIDField()
    dla_code = serializers.CharField(allow_null=True)
    kind = serializers.CharField()
    name_th = serializers.CharField()
    name_en = serializers.CharField()


class QueueRowOut(serializers.ModelSerializer):
    """One proposal of the queue: a summary, the reviewers, the review counts and deadlines."""

    state_label = serializers.CharField(source="get_state_display")
    call = serializers.UUIDField(source="call.uuid")
    call_title = serializers.CharField(source="call.title")
    organisation = QueueOrganisationOut(source="lead_org")
    province = serializers.CharField(source="lead_org.province.code", allow_null=True, default=None)
    region = serializers.CharField(
        source="lead_org.province.region.code", allow_null=True, default=None
    )
    reviewers = serializers.SerializerMethodField()
    reviews_submitted = serializers.IntegerField()
    reviews_assigned = serializers.SerializerMethodField()
    due = serializers.DateField(
        allow_null=True, help_text="The earliest open revision deadline or review due date"
    )
    is_overdue = serializers.BooleanField()
    mean_score = serializers.DecimalField(
        max_digits=5,
        decimal_places=2,
        allow_null=True,
        default=None,
        help_text="Programme administrators and committee members only (else null)",
    )

    class Meta:
        model = Application
        fields = (
            "uuid",
            "reference",
            "area_name",
            "state",
            "state_label",
            "call",
            "call_title",
            "organisation",
            "province",
            "region",
            "domains",
            "submitted_at",
            "due",
            "is_overdue",
            "reviewers",
            "reviews_submitted",
            "reviews_assigned",
            "mean_score",
        )

    @extend_schema_field(PersonOut(many=True))
    def get_reviewers(self, application: Application) -> list[dict[str, Any]]:
        assignments = application.queue_assignments  # type: ignore[attr-defined]
        return list(PersonOut([a.reviewer for a in assignments], many=True).data)

    def get_reviews_assigned(self, application: Application) -> int:
        return len(application.queue_assignments)  # type: ignore[attr-defined]


class FacetOut(serializers.Serializer):
    state = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    count = serializers.IntegerField()


class BulkAssignIn(serializers.Serializer):
    applications = serializers.ListField(
        child=serializers.UUIDField(), min_length=1, max_length=200, help_text="Proposals' uuids"
    )
    reviewers = serializers.ListField(
        child=serializers.UUIDField(), min_length=1, max_length=20, help_text="Reviewers' uuids"
    )


class RefusalOut(serializers.Serializer):
    application = serializers.UUIDField()
    reference = serializers.CharField()
    reviewer = serializers.UUIDField()
    reason = serializers.CharField()


class BulkAssignOut(serializers.Serializer):
    created = serializers.ListField(child=serializers.UUIDField(), help_text="Assignments' uuids")
    refused = RefusalOut(many=True)


class QueueViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The review queue: submitted proposals the caller may see, filtered (call, state, region,
    province, kind, domain, assigned, overdue), searched (`q`), sorted (`ordering`) and paged
    (`page_size` 25, 50 or 100)."""

    serializer_class = QueueRowOut
    permission_classes = (QueueStaff,)
    filter_backends = (DjangoFilterBackend,)
    filterset_class = QueueFilter
    pagination_class = QueuePagination

    def get_queryset(self) -> QuerySet[Application]:
        if getattr(self, "swagger_fake_view", False):  # the schema: no user
            return Application.objects.none()
        viewer = cast(User, self.request.user)
        return selectors.queue_rows(selectors.queue_base(viewer=viewer), viewer=viewer)

    @extend_schema(
        filters=True,
        responses=inline_serializer(
            "QueueFacets",
            {"total": serializers.IntegerField(), "states": FacetOut(many=True)},
        ),
    )
    @action(detail=False, methods=["get"])
    def facets(self, request: Request) -> Response:
        """Proposals per state for the current filters except `state` (cached up to 60 s,
        refreshed by every transition)."""
        viewer = cast(User, request.user)
        base = selectors.queue_base(viewer=viewer)
        checked = QueueFilter(request.query_params, queryset=base, request=request)
        if not checked.is_valid():  # every parameter is checked, the state ones too
            raise ValidationError(checked.errors)
        counts = facet_counts(request.query_params, viewer=viewer, request=request)
        states = [
            {"state": f.state.value, "label": f.label, "count": f.count}
            for f in selectors.facets(counts, ())
        ]
        return Response({"total": sum(counts.values()), "states": states})

    @extend_schema(
        request=BulkAssignIn,
        responses={201: BulkAssignOut, 409: BulkAssignOut},
    )
    @action(detail=False, methods=["post"])
    def assign(self, request: Request) -> Response:
        """Assign every reviewer to every proposal; each pair on its own. 201 when all were
        made; 409 when any was refused (the others stay made), each refusal with its reason."""
        body = BulkAssignIn(data=request.data)
        body.is_valid(raise_exception=True)
        viewer = cast(User, request.user)
        applications, unknown = selectors.applications_pick(
            viewer=viewer, uuids=body.validated_data["applications"]
        )
        reviewers, nobody = selectors.reviewers_pick(body.validated_data["reviewers"])
        errors = {}
        if unknown:
            errors["applications"] = [
                _("No proposal in your queue has these uuids: %(u)s") % {"u": ", ".join(unknown)}
            ]
        if nobody:
            errors["reviewers"] = [
                _("No active reviewer has these uuids: %(u)s") % {"u": ", ".join(nobody)}
            ]
        if errors:
            raise ValidationError(errors)
        result = queue_assign(applications=applications, reviewers=reviewers, actor=viewer)
        out = {
            "created": [a.uuid for a in result.created],
            "refused": [
                {
                    "application": application.uuid,
                    "reference": application.reference or "",
                    "reviewer": reviewer.uuid,
                    "reason": reason,
                }
                for application, reviewer, reason in result.refused
            ],
        }
        code = status.HTTP_409_CONFLICT if result.refused else status.HTTP_201_CREATED
        return Response(BulkAssignOut(out).data, status=code)
