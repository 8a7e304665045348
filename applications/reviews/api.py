"""API: conflict-of-interest declarations (/api/v1/declarations/) and a proposal's reviews
(/api/v1/applications/<uuid>/reviews/): own draft, submit, the others' scores once one's own are
submitted, and the aggregate for committee members and the office. Same services and rules as
the pages; a programme rule refuses with 409 {code, detail} (smartcity/api.py's handler)."""

from __future__ import annotations

from typing import Any, ClassVar

import rules
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from applications.decisions.selectors import application_visible
from applications.models import Application, ConflictDeclaration, Review, Score
from applications.reviews import selectors
from applications.services.declarations import declaration_make
from applications.services.reviews import review_save, scoring_problem
from smartcity.accounts.models import User


def _user(request: Request) -> User:
    """The signed-in caller (every view here needs IsAuthenticated)."""
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


# ---------------------------------------------------------------- declarations
class DeclarationSerializer(serializers.ModelSerializer):
    application = serializers.SlugRelatedField(
        slug_field="uuid", queryset=Application.objects.filter(submitted_at__isnull=False)
    )
    reviewer = serializers.UUIDField(source="reviewer.uuid", read_only=True)
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)

    class Meta:
        model = ConflictDeclaration
        fields = ("uuid", "application", "reviewer", "has_conflict", "reason", "declared_at")
        read_only_fields = ("uuid", "declared_at")
        # one per reviewer and proposal: the service says so (409), not a 400 from here
        validators: ClassVar[list[Any]] = []


class DeclarationViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Declarations of interest: an assigned reviewer declares once ("conflict" needs a reason
    and ends the assignment); each reviewer lists their own, the office all of them."""

    serializer_class = DeclarationSerializer
    lookup_field = "uuid"
    permission_classes = (permissions.IsAuthenticated,)

    def get_queryset(self) -> QuerySet[ConflictDeclaration]:
        if getattr(self, "swagger_fake_view", False):  # the schema, built without a user
            return ConflictDeclaration.objects.none()
        return selectors.declaration_list(viewer=_user(self.request))

    def perform_create(self, serializer: serializers.BaseSerializer[Any]) -> None:
        data = serializer.validated_data
        serializer.instance = declaration_make(
            application=data["application"],
            reviewer=_user(self.request),
            has_conflict=data["has_conflict"],
            reason=data.get("reason", ""),
        )


# ---------------------------------------------------------------- reviews and scores
class ScoreOut(serializers.ModelSerializer):
    criterion = serializers.IntegerField(source="criterion.number", read_only=True)

    class Meta:
        model = Score
        fields = ("criterion", "score", "comment")


class ReviewOut(serializers.ModelSerializer):
    reviewer = serializers.UUIDField(source="reviewer.uuid", read_only=True)
    reviewer_name = serializers.CharField(source="reviewer.get_full_name", read_only=True)
    scores = ScoreOut(many=True, read_only=True)

    class Meta:
        model = Review
        fields = (
            "uuid",
            "reviewer",
            "reviewer_name",
            "comment",
            "total",
            "created_at",
            "submitted_at",
            "scores",
        )


class ScoreIn(serializers.Serializer):
    criterion = serializers.IntegerField(min_value=1, help_text="the criterion's number")
    score = serializers.IntegerField(min_value=0, max_value=5, allow_null=True, required=False)
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class ReviewIn(serializers.Serializer):
    comment = serializers.CharField(required=False, allow_blank=True, default="")
    scores = ScoreIn(many=True, required=False, default=list)


class ReviewerScoreOut(serializers.Serializer):
    reviewer = serializers.UUIDField()
    name = serializers.CharField()
    score = serializers.IntegerField()


class SpreadOut(serializers.Serializer):
    criterion = serializers.IntegerField(source="criterion.number")
    title = serializers.CharField(source="criterion.title")
    weight = serializers.DecimalField(source="criterion.weight", max_digits=5, decimal_places=2)
    mean = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    low = serializers.IntegerField(allow_null=True)
    high = serializers.IntegerField(allow_null=True)
    flagged = serializers.BooleanField(help_text="reviewers more than 2 points apart: to discuss")
    reviewers = serializers.SerializerMethodField()

    @extend_schema_field(ReviewerScoreOut(many=True))
    def get_reviewers(self, spread: selectors.CriterionSpread) -> list[dict[str, Any]]:
        return [
            {"reviewer": str(reviewer.uuid), "name": reviewer.get_full_name(), "score": score}
            for reviewer, score, _comment in spread.scores
        ]


class AggregateOut(serializers.Serializer):
    application = serializers.UUIDField(source="application.uuid")
    reviewers = serializers.IntegerField(source="reviewer_count")
    mean_total = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    criteria = SpreadOut(many=True)


def _reviewing(request: Request, uuid: str) -> tuple[Application, bool]:
    """The proposal (404 unless visible) and whether the caller sees every submitted review;
    403 for who neither reviews it nor may see its scores (the applicant among them); 409 for
    its reviewer before a "no conflict" declaration."""
    application = application_visible(viewer=_user(request), uuid=uuid)
    sees_all = _user(request).has_perm("applications.view_scores", application)
    reviews_it = rules.test_rule("applications.score", _user(request), application) or (
        rules.test_rule("applications.declare_interest", _user(request), application)
    )
    if not (sees_all or reviews_it):
        raise PermissionDenied
    if reviews_it and not sees_all:
        problem = scoring_problem(application=application, reviewer=_user(request))
        if problem is not None and problem.code == "declaration_missing":
            raise problem
    return application, sees_all


class ReviewViewSet(viewsets.GenericViewSet):
    """GET: the caller's own review and, once it is submitted (or for committee members and the
    office), everyone's submitted reviews. POST: save the caller's draft (the scores given
    replace the stored ones); POST submit/: submit them, final. GET aggregate/: mean total,
    spread per criterion and the criteria to discuss."""

    permission_classes = (permissions.IsAuthenticated,)
    serializer_class = ReviewOut
    pagination_class = None
    lookup_field = "uuid"
    queryset = Review.objects.none()  # the model, for the schema; views look rows up

    def _rows(self, application_uuid: str) -> QuerySet[Review]:
        application, sees_all = _reviewing(self.request, application_uuid)
        return selectors.review_list(
            application=application, viewer=_user(self.request), others=sees_all
        )

    def list(self, request: Request, application_uuid: str) -> Response:
        return Response(ReviewOut(self._rows(application_uuid), many=True).data)

    def retrieve(self, request: Request, application_uuid: str, uuid: str) -> Response:
        found = self._rows(application_uuid).filter(uuid=selectors.as_uuid(uuid)).first()
        if found is None:
            raise Http404
        return Response(ReviewOut(found).data)

    def _save(self, request: Request, application_uuid: str, *, submit: bool) -> Response:
        application = application_visible(viewer=_user(request), uuid=application_uuid)
        payload = ReviewIn(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        by_number = {c.number: c for c in application.call.criteria.all()}
        unknown = [s["criterion"] for s in data["scores"] if s["criterion"] not in by_number]
        if unknown:
            raise serializers.ValidationError({"scores": [f"no criterion {n}" for n in unknown]})
        review = review_save(
            application=application,
            reviewer=_user(request),
            scores={
                by_number[s["criterion"]]: (s.get("score"), s.get("comment", ""))
                for s in data["scores"]
            },
            comment=data["comment"],
            submit=submit,
        )
        own = selectors.review_own(application=application, reviewer=_user(request))
        return Response(ReviewOut(own or review).data)

    @extend_schema(request=ReviewIn, responses={200: ReviewOut})
    def create(self, request: Request, application_uuid: str) -> Response:
        return self._save(request, application_uuid, submit=False)

    @extend_schema(request=ReviewIn, responses={200: ReviewOut})
    @action(detail=False, methods=["post"])
    def submit(self, request: Request, application_uuid: str) -> Response:
        return self._save(request, application_uuid, submit=True)

    @extend_schema(responses={200: AggregateOut})
    @action(detail=False, methods=["get"])
    def aggregate(self, request: Request, application_uuid: str) -> Response:
        application, sees_all = _reviewing(request, application_uuid)
        if not sees_all:
            raise PermissionDenied
        return Response(AggregateOut(selectors.proposal_scores(application=application)).data)
