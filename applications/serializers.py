"""The shapes of calls and proposals, shared by the API and the version snapshots.

`ApplicationOut` is the one serializer of a full proposal: the API answers with it and
`version_freeze` stores its output as a version's `data`. It names people by user uuid only
(never a name, e-mail or phone), so closing an account (PDPA) never needs to touch a version.
Inputs (`ApplicationIn`) validate through `applications.validation`, the same checks the pages use.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from applications.models import (
    KPI,
    SECTION_TEXTS,
    Application,
    ApplicationVersion,
    Assignment,
    Attachment,
    AttachmentKind,
    Call,
    CallDocument,
    Criterion,
    Partner,
    Project,
    RevisionRequest,
    ScoreLevel,
    Transition,
)
from applications.validation import application_problems, project_problems
from municipalities.models import Organisation
from smartcity.accounts.models import User
from smartcity.vocabulary import Domain, FocusArea

SCHEMA_VERSION = 1  # of the snapshot; bump when ApplicationOut's shape changes
# a project's and a KPI's own fields, as the API and the officer's form write them
PROJECT_FIELDS = (
    "domain",
    "title",
    "summary",
    "budget",
    "funding_source",
    "starts_on",
    "ends_on",
    "lead_unit",
)
KPI_FIELDS = ("name", "unit", "baseline", "target", "target_year")


# ------------------------------------------------------------------ calls
class ScoreLevelOut(serializers.ModelSerializer):
    class Meta:
        model = ScoreLevel
        fields = ("score", "meaning_th", "meaning_en")


class CriterionOut(serializers.ModelSerializer):
    levels = ScoreLevelOut(many=True, read_only=True)

    class Meta:
        model = Criterion
        fields = (
            "number",
            "title_th",
            "title_en",
            "description_th",
            "description_en",
            "weight",
            "levels",
        )


class CallDocumentOut(serializers.ModelSerializer):
    file = serializers.UUIDField(source="stored_file.uuid")
    sha256 = serializers.CharField(source="stored_file.sha256")

    class Meta:
        model = CallDocument
        fields = ("uuid", "kind", "title_th", "title_en", "file", "sha256")


class CallOut(serializers.ModelSerializer):
    criteria = CriterionOut(many=True, read_only=True)
    documents = CallDocumentOut(many=True, read_only=True)
    is_open = serializers.BooleanField(read_only=True)

    class Meta:
        model = Call
        fields = (
            "uuid",
            "title_th",
            "title_en",
            "description_th",
            "description_en",
            "opens_at",
            "closes_at",
            "accept_late_drafts",
            "late_until",
            "is_open",
            "criteria_frozen_at",
            "criteria",
            "documents",
        )


# ------------------------------------------------------------------ proposals
class KPISerializer(serializers.ModelSerializer):
    uuid = serializers.UUIDField(required=False)

    class Meta:
        model = KPI
        fields = ("uuid", *KPI_FIELDS)


class ProjectSerializer(serializers.ModelSerializer):
    uuid = serializers.UUIDField(required=False)
    kpis = KPISerializer(many=True, required=False)
    # no min_value: project_problems words the refusal of a negative budget
    budget = serializers.DecimalField(max_digits=15, decimal_places=2, required=False)

    class Meta:
        model = Project
        fields = ("uuid", *PROJECT_FIELDS, "kpis")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        problems = project_problems(
            budget=attrs.get("budget"),
            starts_on=attrs.get("starts_on"),
            ends_on=attrs.get("ends_on"),
        )
        if problems:
            raise serializers.ValidationError(problems)
        return attrs


class PartnerSerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(
        slug_field="uuid", queryset=Organisation.objects.all()
    )
    organisation_name = serializers.CharField(source="organisation.name_th", read_only=True)

    class Meta:
        model = Partner
        fields = ("organisation", "organisation_name", "role")


class AttachmentOut(serializers.ModelSerializer):
    file = serializers.UUIDField(source="stored_file.uuid", read_only=True)
    original_name = serializers.CharField(source="stored_file.original_name", read_only=True)
    content_type = serializers.CharField(source="stored_file.content_type", read_only=True)
    size = serializers.IntegerField(source="stored_file.size", read_only=True)
    sha256 = serializers.CharField(source="stored_file.sha256", read_only=True)

    class Meta:
        model = Attachment
        fields = (
            "uuid",
            "kind",
            "title",
            "file",
            "original_name",
            "content_type",
            "size",
            "sha256",
        )


class AttachmentIn(serializers.Serializer):
    file = serializers.FileField()
    kind = serializers.ChoiceField(choices=AttachmentKind.choices)
    title = serializers.CharField(max_length=300, required=False, allow_blank=True)


# the proposal's own fields besides domains, partners and projects
SECTION_FIELDS = ("area_name", "area_km2", "population_covered", *SECTION_TEXTS)


class ApplicationSummaryOut(serializers.ModelSerializer):
    """The queue summary every reviewer sees: reference, organisation, area, state, dates."""

    call = serializers.UUIDField(source="call.uuid", read_only=True)
    lead_org = serializers.UUIDField(source="lead_org.uuid", read_only=True)
    lead_org_name = serializers.CharField(source="lead_org.name_th", read_only=True)
    province = serializers.CharField(source="lead_org.province.name_th", default="")

    class Meta:
        model = Application
        fields: tuple[str, ...] = (
            "uuid",
            "reference",
            "call",
            "lead_org",
            "lead_org_name",
            "province",
            "area_name",
            "state",
            "submitted_at",
            "last_submitted_at",
            "created_at",
            "updated_at",
        )


class ApplicationOut(ApplicationSummaryOut):
    """The full proposal; people by uuid only (this is also every version's snapshot)."""

    contact = serializers.UUIDField(source="contact.uuid", read_only=True)
    created_by = serializers.UUIDField(source="created_by.uuid", read_only=True)
    partners = PartnerSerializer(many=True, read_only=True)
    projects = ProjectSerializer(many=True, read_only=True)
    attachments = AttachmentOut(many=True, read_only=True)

    class Meta(ApplicationSummaryOut.Meta):
        fields = (
            *ApplicationSummaryOut.Meta.fields,
            "revision",
            "contact",
            "created_by",
            "domains",
            "focus_areas",
            *SECTION_FIELDS,
            "partners",
            "projects",
            "attachments",
        )


class ApplicationIn(serializers.ModelSerializer[Application]):
    """A draft as the lead organisation writes it; nested projects (with KPIs) and partners
    replace the stored ones when given."""

    call = serializers.SlugRelatedField(slug_field="uuid", queryset=Call.objects.all())
    lead_org = serializers.SlugRelatedField(
        slug_field="uuid",
        queryset=Organisation.objects.all(),
    )
    domains = serializers.ListField(child=serializers.ChoiceField(Domain.choices), required=False)
    focus_areas = serializers.ListField(
        child=serializers.ChoiceField(FocusArea.choices), required=False
    )
    projects = ProjectSerializer(many=True, required=False)
    partners = PartnerSerializer(many=True, required=False)

    class Meta:
        model = Application
        fields = (
            "call",
            "lead_org",
            "domains",
            "focus_areas",
            *SECTION_FIELDS,
            "projects",
            "partners",
        )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        instance = self.instance
        domains = attrs.get("domains", getattr(instance, "domains", []))
        projects = attrs.get("projects")
        if projects is None and instance is not None:
            projects = [{"domain": p.domain} for p in instance.projects.all()]
        problems = application_problems(
            domains=domains, project_domains=[p.get("domain") for p in projects or []]
        )
        if problems:
            raise serializers.ValidationError(problems)
        return attrs


# ------------------------------------------------------------------ history
class VersionOut(serializers.ModelSerializer):
    submitted_by = serializers.UUIDField(source="submitted_by.uuid", read_only=True)

    class Meta:
        model = ApplicationVersion
        fields: tuple[str, ...] = (
            "uuid",
            "number",
            "submitted_at",
            "submitted_by",
            "schema_version",
            "data",
        )


class VersionRowOut(VersionOut):
    class Meta(VersionOut.Meta):
        fields = ("uuid", "number", "submitted_at", "submitted_by", "schema_version")


class TransitionOut(serializers.ModelSerializer):
    actor = serializers.UUIDField(source="actor.uuid", default=None)

    class Meta:
        model = Transition
        fields = ("move", "source", "target", "actor", "comment", "at")


class RevisionRequestOut(serializers.ModelSerializer):
    requested_by = serializers.UUIDField(source="requested_by.uuid", read_only=True)

    class Meta:
        model = RevisionRequest
        fields = ("uuid", "points", "deadline", "requested_by", "requested_at", "answered_at")


class RevisionRequestIn(serializers.Serializer):
    points = serializers.CharField()
    deadline = serializers.DateField()


class RevisionAnswerIn(serializers.Serializer):
    number = serializers.IntegerField(min_value=1)
    answer = serializers.CharField(allow_blank=True)


class RevisionAnswersIn(serializers.Serializer):
    """The lead organisation's answers to points of the open revision request, by number."""

    answers = RevisionAnswerIn(many=True, allow_empty=False)


class WithdrawIn(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class DiffRowOut(serializers.Serializer):
    path = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field named as Field.label
    before = serializers.JSONField()
    after = serializers.JSONField()


class AssignmentSerializer(serializers.ModelSerializer):
    application = serializers.SlugRelatedField(
        slug_field="uuid", queryset=Application.objects.all()
    )
    reviewer = serializers.SlugRelatedField(
        slug_field="uuid",
        queryset=User.objects.all(),
    )
    assigned_by = serializers.UUIDField(source="assigned_by.uuid", read_only=True, default=None)
    due_on = serializers.DateField(
        required=False, allow_null=True, help_text="empty: REVIEW_DAYS after the assignment"
    )
    declaration = serializers.ChoiceField(
        choices=("none", "no_conflict"),
        read_only=True,
        default="none",
        help_text="the reviewer's declaration of interest (a conflict ends the assignment)",
    )
    review = serializers.ChoiceField(
        choices=("none", "draft", "submitted"),
        read_only=True,
        default="none",
        help_text="the reviewer's scores",
    )

    class Meta:
        model = Assignment
        fields = (
            "uuid",
            "application",
            "reviewer",
            "assigned_by",
            "assigned_at",
            "due_on",
            "declaration",
            "review",
        )
        read_only_fields = ("uuid", "assigned_at")
