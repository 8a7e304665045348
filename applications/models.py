"""Calls for proposals, proposals (applications), their projects, KPIs, files and versions."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import TYPE_CHECKING

import pghistory
import pgtrigger
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Func, Q, Value
from django.db.models.functions import Lower, Trim
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applications.workflow import CLOSED, COMMITTEE_STAGES, State
from smartcity.accounts.roles import Role
from smartcity.i18n import in_language
from smartcity.vocabulary import Domain, FocusArea

if TYPE_CHECKING:
    from smartcity.accounts.models import Viewer  # a type only: no import at run time

# Versions refuse UPDATE and DELETE; a service may delete (synthetic data only) by setting this
# transaction-local setting first (applications.services.versions.synthetic_versions_delete).
VERSION_DELETE_SETTING = "applications.allow_version_delete"


def normalised_area(expression: str = "area_name") -> Lower:
    """The area name as the uniqueness rule compares it: trimmed, single spaces, lower case."""
    return Lower(
        Trim(
            Func(
                F(expression),
                Value(r"\s+"),
                Value(" "),
                Value("g"),
                function="regexp_replace",
                output_field=models.CharField(),
            )
        )
    )


class BilingualTexts:
    """`title` and `description` in the active language (English where filled in, else Thai)
    for rows with title_th / title_en and, if any, description_th / description_en."""

    title_th: str
    title_en: str

    @property
    def title(self) -> str:
        return in_language(self.title_th, self.title_en)

    @property
    def description(self) -> str:
        return in_language(getattr(self, "description_th", ""), getattr(self, "description_en", ""))


class Call(BilingualTexts, models.Model):
    """A round of the programme that accepts proposals between its opening and closing times."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title_th = models.CharField(_("title (Thai)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    description_th = models.TextField(_("description (Thai)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    accept_late_drafts = models.BooleanField(
        _("accept late drafts"),
        default=False,
        help_text=_("Drafts started before closing may still be submitted until “late until”."),
    )
    late_until = models.DateTimeField(_("late until"), null=True, blank=True)
    criteria_frozen_at = models.DateTimeField(
        _("criteria frozen at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set by the first submission: criteria and weights no longer change."),
    )
    is_synthetic = models.BooleanField(_("synthetic (benchmark) data"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("call for proposals")
        verbose_name_plural = _("calls for proposals")
        ordering = ("-opens_at", "pk")
        constraints = (
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")),
                name="call_closes_after_opening",
                violation_error_message=_("The call must close after it opens."),
            ),
            models.CheckConstraint(
                condition=Q(accept_late_drafts=False)
                | Q(late_until__isnull=False, late_until__gt=F("closes_at")),
                name="call_late_until_after_closing",
                violation_error_message=_(
                    "Accepting late drafts needs a “late until” time after the closing time."
                ),
            ),
        )

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("applications:call-detail", kwargs={"uuid": self.uuid})

    def is_open(self, now: dt.datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    @property
    def criteria_are_frozen(self) -> bool:
        return self.criteria_frozen_at is not None


class Criterion(BilingualTexts, models.Model):
    """One assessment criterion of a call, its weight and (in ScoreLevel) what each score means."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    number = models.PositiveSmallIntegerField(_("number"))
    title_th = models.CharField(_("title (Thai)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    description_th = models.TextField(_("description (Thai)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    weight = models.DecimalField(
        _("weight"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("Relative weight in the total score; equal weights count the same."),
    )

    class Meta:
        verbose_name = _("assessment criterion")
        verbose_name_plural = _("assessment criteria")
        ordering = ("call", "number")
        constraints = (
            models.UniqueConstraint(fields=("call", "number"), name="criterion_number_unique"),
            models.CheckConstraint(condition=Q(weight__gte=0), name="criterion_weight_positive"),
        )

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class ScoreLevel(models.Model):
    """What a score from 0 to 5 means for one criterion."""

    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="levels")
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(0), MaxValueValidator(5)]
    )
    meaning_th = models.TextField(_("meaning (Thai)"))
    meaning_en = models.TextField(_("meaning (English)"), blank=True)

    class Meta:
        verbose_name = _("score meaning")
        verbose_name_plural = _("score meanings")
        ordering = ("criterion", "score")
        constraints = (
            models.UniqueConstraint(fields=("criterion", "score"), name="score_level_unique"),
            models.CheckConstraint(condition=Q(score__lte=5), name="score_level_0_to_5"),
        )

    def __str__(self) -> str:
        return f"{self.score}: {self.meaning}"

    @property
    def meaning(self) -> str:
        return in_language(self.meaning_th, self.meaning_en)


class CallDocumentKind(models.TextChoices):
    GUIDELINE = "guideline", _("Guideline")
    TEMPLATE = "template", _("Template")
    OTHER = "other", _("Other document")


class CallDocument(BilingualTexts, models.Model):
    """A guideline or template of a call, kept by the file component; public."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(
        _("kind"), max_length=20, choices=CallDocumentKind.choices, default=CallDocumentKind.OTHER
    )
    title_th = models.CharField(_("title (Thai)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    stored_file = models.OneToOneField(
        "files.StoredFile", on_delete=models.PROTECT, related_name="call_document"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("call document")
        verbose_name_plural = _("call documents")
        ordering = ("call", "order", "pk")

    def __str__(self) -> str:
        return self.title


class ApplicationQuerySet(models.QuerySet["Application"]):
    def visible_to(self, user: Viewer) -> ApplicationQuerySet:
        """Proposals the user may see at least as a queue summary (applications/rules.py says
        who sees the full proposal); a draft only to its lead organisation."""
        from smartcity.accounts.models import Membership

        if not user.is_authenticated:
            return self.none()
        if user.is_superuser or user.has_role(Role.PROGRAMME_ADMIN):
            return self
        served = Membership.objects.approved().filter(user=user).values("organisation")
        seen = Q(lead_org__in=served)
        submitted = Q(submitted_at__isnull=False)  # a draft withdrawn unsubmitted stays private
        seen |= submitted & Q(partners__organisation__in=served)
        if user.has_role(Role.REVIEWER):
            seen |= submitted
        if user.has_role(Role.COMMITTEE):
            seen |= Q(state__in=COMMITTEE_STAGES)
        # a subquery, not a join: a proposal with several partners stays one row
        return self.filter(pk__in=Application.objects.filter(seen).values("pk"))


# the written sections, in the order of the five depa criteria
SECTION_TEXTS = (
    "area_boundary",
    "vision",
    "goals",
    "infrastructure_plan",
    "data_platform",
    "smart_services",
    "governance",
    "partnership",
    "funding",
    "citizen_participation",
)


class Application(models.Model):
    """A proposal of one lead organisation to one call; owned by the organisation."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.PROTECT, related_name="applications"
    )
    lead_org = models.ForeignKey(
        "municipalities.Organisation",
        verbose_name=_("lead organisation"),
        on_delete=models.PROTECT,
        related_name="led_applications",
    )
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contact person"),
        on_delete=models.PROTECT,
        related_name="contact_applications",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    state = models.CharField(
        _("state"), max_length=32, choices=State.choices, default=State.DRAFT, db_index=True
    )
    reference = models.CharField(
        _("reference number"), max_length=20, unique=True, null=True, blank=True, editable=False
    )
    # bumped by every save of the draft and every move: a stale autosave is detected by it
    revision = models.PositiveIntegerField(_("revision"), default=0, editable=False)
    # who made the last save of the draft: a stale autosave's notice names them
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last saved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    domains = ArrayField(
        models.CharField(max_length=20, choices=Domain.choices),
        verbose_name=_("domains"),
        default=list,
        blank=True,
    )
    focus_areas = ArrayField(
        models.CharField(max_length=30, choices=FocusArea.choices),
        verbose_name=_("focus areas"),
        default=list,
        blank=True,
    )
    # criterion 1: area, vision and goals
    area_name = models.CharField(_("area name"), max_length=300)
    area_boundary = models.TextField(_("boundary description"), blank=True)
    area_km2 = models.DecimalField(
        _("area (km²)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    population_covered = models.PositiveIntegerField(_("population covered"), null=True, blank=True)
    vision = models.TextField(_("vision"), blank=True)
    goals = models.TextField(_("goals"), blank=True)
    # criterion 2
    infrastructure_plan = models.TextField(_("infrastructure investment plan"), blank=True)
    # criterion 3
    data_platform = models.TextField(_("city data platform"), blank=True)
    # criterion 4: the smart services themselves are the projects, at least one per domain
    smart_services = models.TextField(_("smart services and solutions"), blank=True)
    # criterion 5: management model
    governance = models.TextField(_("governance"), blank=True)
    partnership = models.TextField(_("partners' roles"), blank=True)
    funding = models.TextField(_("funding"), blank=True)
    citizen_participation = models.TextField(_("citizen participation"), blank=True)
    submitted_at = models.DateTimeField(_("first submitted at"), null=True, blank=True)
    last_submitted_at = models.DateTimeField(_("last submitted at"), null=True, blank=True)
    is_synthetic = models.BooleanField(_("synthetic (benchmark) data"), default=False)
    # reference, area, and the lead organisation's DLA code and names, upper-cased, for the review
    # queue's trigram search; written by the database (trigger application_search_text) only
    search_text = models.TextField(default="", blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ("-last_submitted_at", "-created_at", "pk")
        constraints = (
            models.UniqueConstraint(
                F("call"),
                F("lead_org"),
                normalised_area(),
                condition=~Q(state__in=sorted(CLOSED)),
                name="application_one_active_per_area",
                violation_error_message=_(
                    "Your organisation already has an active proposal for this area in this call."
                ),
            ),
            models.CheckConstraint(
                condition=Q(area_km2__isnull=True) | Q(area_km2__gte=0),
                name="application_area_positive",
            ),
        )
        indexes = (
            models.Index(fields=("call", "state"), name="application_call_state"),
            models.Index(fields=("lead_org", "state"), name="application_org_state"),
            # the lists' order (selectors.application_list): the first page without a sort
            models.Index(
                fields=("-last_submitted_at", "-created_at", "id"), name="application_list_order"
            ),
            # the review queue (submitted proposals only): its default order, newest first, and
            # the same per state (a state filter, and the facets' counts from the index alone)
            models.Index(
                F("submitted_at").desc(nulls_last=True),
                F("id"),
                condition=Q(submitted_at__isnull=False),
                name="application_queue_order",
            ),
            models.Index(
                F("state"),
                F("submitted_at").desc(nulls_last=True),
                F("id"),
                condition=Q(submitted_at__isnull=False),
                name="application_queue_state",
            ),
            GinIndex(
                fields=("search_text",), opclasses=("gin_trgm_ops",), name="application_search_trgm"
            ),
        )
        triggers = (
            pgtrigger.Trigger(
                name="application_search_text",
                when=pgtrigger.Before,
                operation=pgtrigger.Insert | pgtrigger.Update,
                func="""
                NEW.search_text := upper(concat_ws(' ', NEW.reference, NEW.area_name, (
                    SELECT concat_ws(' ', o.dla_code, o.search_text)
                    FROM municipalities_organisation o WHERE o.id = NEW.lead_org_id
                )));
                RETURN NEW;
                """,
            ),
        )

    def __str__(self) -> str:
        return f"{self.reference or _('draft')} · {self.area_name}"

    def get_absolute_url(self) -> str:
        return reverse("applications:application-detail", kwargs={"uuid": self.uuid})

    @property
    def is_editable(self) -> bool:
        from applications.workflow import EDITABLE

        return self.state in EDITABLE

    @property
    def domain_labels(self) -> list[str]:
        return [str(Domain(value).label) for value in self.domains if value in Domain.values]

    @property
    def sections(self) -> list[tuple[str, str]]:
        """(label, text) of each written section, in the order of the depa criteria."""
        return [
            # every section is a concrete field; get_field is typed to return a relation too
            (str(getattr(self._meta.get_field(name), "verbose_name", name)), getattr(self, name))
            for name in SECTION_TEXTS
        ]


class Partner(models.Model):
    """A partner organisation named in a proposal, with its role."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "municipalities.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="partner_applications",
    )
    role = models.CharField(_("role in the proposal"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ("application", "order", "pk")
        constraints = (
            models.UniqueConstraint(fields=("application", "organisation"), name="partner_unique"),
        )

    def __str__(self) -> str:
        return str(self.organisation)


class Project(models.Model):
    """A smart service or investment of a proposal in one domain, with its budget and dates."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="projects")
    domain = models.CharField(_("domain"), max_length=20, choices=Domain.choices)
    title = models.CharField(_("project title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    budget = models.DecimalField(
        _("budget (THB)"),
        max_digits=15,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
    )
    funding_source = models.CharField(_("funding source"), max_length=300, blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    lead_unit = models.CharField(_("lead unit"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ("application", "order", "pk")
        constraints = (
            models.CheckConstraint(
                condition=Q(budget__gte=0),
                name="project_budget_not_negative",
                violation_error_message=_("A budget cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True)
                | Q(ends_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="project_ends_after_start",
                violation_error_message=_("A project cannot end before it starts."),
            ),
        )

    def __str__(self) -> str:
        return self.title


class KPI(models.Model):
    """An indicator a project promises to move: from a baseline to a target by a year (CE)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="kpis")
    name = models.CharField(_("indicator"), max_length=300)
    unit = models.CharField(_("unit"), max_length=100, blank=True)
    baseline = models.DecimalField(
        _("baseline"), max_digits=15, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(
        _("target"), max_digits=15, decimal_places=2, null=True, blank=True
    )
    # stored in CE; Thai pages show and take the Buddhist Era
    target_year = models.PositiveSmallIntegerField(
        _("target year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")
        ordering = ("project", "order", "pk")

    def __str__(self) -> str:
        return self.name


class AttachmentKind(models.TextChoices):
    BOUNDARY_MAP = "boundary_map", _("Map of the area boundary")
    INVESTMENT_PLAN = "investment_plan", _("Investment plan")
    SUPPORT_LETTER = "support_letter", _("Letter of support")
    OTHER = "other", _("Other document")


class Attachment(models.Model):
    """A file attached to a proposal (DOCUMENTS upload policy); its file is never deleted."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments"
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=AttachmentKind.choices, default=AttachmentKind.OTHER
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    # PROTECT: versions name the file by uuid and sha256, so it outlives the attachment row
    stored_file = models.ForeignKey(
        "files.StoredFile", on_delete=models.PROTECT, related_name="application_attachments"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ("application", "created_at", "pk")

    def __str__(self) -> str:
        return self.title or self.get_kind_display()


@pgtrigger.register(
    pgtrigger.Protect(
        name="version_no_update",
        operation=pgtrigger.Update,
    ),
    pgtrigger.Protect(
        name="version_no_delete",
        operation=pgtrigger.Delete,
        condition=pgtrigger.Condition(
            f"COALESCE(current_setting('{VERSION_DELETE_SETTING}', true), '') <> 'on'"
        ),
    ),
)
class ApplicationVersion(models.Model):
    """A submitted proposal as it was: an immutable JSON snapshot (a trigger refuses changes)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    schema_version = models.PositiveSmallIntegerField(_("snapshot schema"), default=1)
    # people appear by user uuid only: closing an account (PDPA) never touches a version
    data = models.JSONField(_("snapshot"))

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        ordering = ("application", "number")
        constraints = (
            models.UniqueConstraint(fields=("application", "number"), name="version_number_unique"),
        )

    def __str__(self) -> str:
        return f"v{self.number}"


class Transition(models.Model):
    """One move of a proposal's workflow: who, when, from which state to which, and why."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="transitions"
    )
    move = models.CharField(_("move"), max_length=40)
    source = models.CharField(_("from"), max_length=32, choices=State.choices)
    target = models.CharField(_("to"), max_length=32, choices=State.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    comment = models.TextField(_("comment"), blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("transition")
        verbose_name_plural = _("transitions")
        ordering = ("application", "at", "pk")

    def __str__(self) -> str:
        return f"{self.get_source_display()} → {self.get_target_display()}"


class RevisionRequest(models.Model):
    """The office asks the lead organisation to revise: points to answer by a deadline."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="revision_requests"
    )
    points = models.TextField(_("points to revise"))
    # a date: the request is open until the end of that day in Bangkok
    deadline = models.DateField(_("deadline"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    answered_by = models.OneToOneField(
        ApplicationVersion,
        verbose_name=_("answered by version"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="answers",
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("revision request")
        verbose_name_plural = _("revision requests")
        ordering = ("application", "-requested_at", "pk")

    def __str__(self) -> str:
        return f"{self.application} · {self.deadline}"

    @property
    def is_open(self) -> bool:
        return self.answered_at is None


class Assignment(models.Model):
    """A reviewer assigned to a proposal by a programme administrator."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(
        Application,
        verbose_name=_("proposal"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="review_assignments",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    assigned_at = models.DateTimeField(_("assigned at"), default=timezone.now)
    # the review is overdue after this day if the reviewer has not submitted their scores
    due_on = models.DateField(_("review due on"), null=True, blank=True)

    class Meta:
        verbose_name = _("reviewer assignment")
        verbose_name_plural = _("reviewer assignments")
        ordering = ("application", "assigned_at", "pk")
        constraints = (
            models.UniqueConstraint(fields=("application", "reviewer"), name="assignment_unique"),
        )

    def __str__(self) -> str:
        return f"{self.reviewer} · {self.application}"


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class ConflictDeclaration(models.Model):
    """A reviewer's declaration of interest for one proposal, made before seeing or giving scores.

    "No conflict" keeps the assignment; "conflict" ends it and the reviewer's access to the full
    proposal. One per reviewer and proposal, final once made; its history is kept (pghistory).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(
        Application,
        verbose_name=_("proposal"),
        on_delete=models.CASCADE,
        related_name="declarations",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="conflict_declarations",
    )
    has_conflict = models.BooleanField(_("has a conflict of interest"))
    reason = models.TextField(_("reason"), blank=True)
    declared_at = models.DateTimeField(_("declared at"), default=timezone.now)

    class Meta:
        verbose_name = _("conflict of interest declaration")
        verbose_name_plural = _("conflict of interest declarations")
        ordering = ("application", "declared_at", "pk")
        constraints = (
            models.UniqueConstraint(
                fields=("application", "reviewer"), name="declaration_one_per_reviewer"
            ),
            models.CheckConstraint(
                condition=Q(has_conflict=False) | ~Q(reason=""),
                name="declaration_conflict_has_reason",
            ),
        )

    def __str__(self) -> str:
        return f"{self.reviewer} · {self.application}"


class Review(models.Model):
    """One reviewer's scores for one proposal against its call's frozen criteria.

    `total` is the weighted total sum(w*s) / sum(w) * 20 (0 to 100, rounded half up to 2
    places), set when the reviewer submits; until then the scores are the reviewer's draft.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(
        Application,
        verbose_name=_("proposal"),
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="reviews",
    )
    comment = models.TextField(_("overall comment"), blank=True)
    total = models.DecimalField(
        _("weighted total"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    created_at = models.DateTimeField(_("started at"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ("application", "created_at", "pk")
        constraints = (
            models.UniqueConstraint(
                fields=("application", "reviewer"), name="review_one_per_reviewer"
            ),
            models.CheckConstraint(
                condition=Q(submitted_at__isnull=True) | Q(total__isnull=False),
                name="review_submitted_has_total",
            ),
        )

    def __str__(self) -> str:
        return f"{self.reviewer} · {self.application}"


class Score(models.Model):
    """A reviewer's score 0 to 5 on one criterion, with the comment that justifies it. A draft
    may keep a comment whose score is still blank; a submitted review scores every criterion
    (services/reviews.py)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(
        Criterion, verbose_name=_("criterion"), on_delete=models.PROTECT, related_name="scores"
    )
    score = models.PositiveSmallIntegerField(
        _("score"), null=True, blank=True, validators=[MinValueValidator(0), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ("review", "criterion__number")
        constraints = (
            models.UniqueConstraint(fields=("review", "criterion"), name="score_one_per_criterion"),
            models.CheckConstraint(condition=Q(score__lte=5), name="score_0_to_5"),
        )

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.score}"


class SavedView(models.Model):
    """A review-queue view (its filters, search and order as a query string) a reviewer named."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_views"
    )
    name = models.CharField(_("name"), max_length=100)
    query = models.CharField(_("filters"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("saved view")
        verbose_name_plural = _("saved views")
        ordering = ("owner", "name")
        constraints = (
            models.UniqueConstraint(fields=("owner", "name"), name="saved_view_name_unique"),
        )

    def __str__(self) -> str:
        return self.name


class ReferenceCounter(models.Model):
    """The last reference number given in one year; locked by each first submit."""

    # the CE year in Bangkok; the reference shows it in the Buddhist Era
    year = models.PositiveSmallIntegerField(_("year"), primary_key=True)
    last = models.PositiveIntegerField(_("last number given"), default=0)

    class Meta:
        verbose_name = _("reference number counter")
        verbose_name_plural = _("reference number counters")

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class RevisionPoint(models.Model):
    """One itemised point of a revision request and the lead organisation's answer to it."""

    request = models.ForeignKey(RevisionRequest, on_delete=models.CASCADE, related_name="items")
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("point to revise"))
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("revision point")
        verbose_name_plural = _("revision points")
        ordering = ("request", "number")
        constraints = (
            models.UniqueConstraint(fields=("request", "number"), name="revision_point_unique"),
        )

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"


class DeadlineExtension(models.Model):
    """Staff moved a revision request's deadline later, with a reason."""

    request = models.ForeignKey(
        RevisionRequest, on_delete=models.CASCADE, related_name="extensions"
    )
    previous_deadline = models.DateField(_("previous deadline"))
    deadline = models.DateField(_("new deadline"))
    reason = models.TextField(_("reason"))
    extended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("extended by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    extended_at = models.DateTimeField(_("extended at"), default=timezone.now)

    class Meta:
        verbose_name = _("deadline extension")
        verbose_name_plural = _("deadline extensions")
        ordering = ("request", "extended_at", "pk")

    def __str__(self) -> str:
        return f"{self.previous_deadline} → {self.deadline}"


class Comment(models.Model):
    """A comment on a proposal: internal (staff only) or to the applicant, maybe with a file."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT
    )
    is_internal = models.BooleanField(
        _("internal"), default=True, help_text=_("Internal comments are never shown to applicants.")
    )
    body = models.TextField(_("comment"))
    stored_file = models.ForeignKey(
        "files.StoredFile",
        verbose_name=_("attachment"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="application_comments",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ("application", "created_at", "pk")

    def __str__(self) -> str:
        return self.body[:60]


class Body(models.TextChoices):
    WORKING_GROUP = "working_group", _("Working group")
    SUBCOMMITTEE = "subcommittee", _("Sub-committee")
    COMMITTEE = "committee", _("Smart City Committee")


class Meeting(models.Model):
    """A meeting of the working group, the sub-committee or the committee."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    body = models.CharField(_("body"), max_length=20, choices=Body.choices)
    number = models.CharField(_("meeting number"), max_length=30, help_text=_("e.g. 1/2569"))
    date = models.DateField(_("meeting date"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    attendees = models.TextField(_("attendees"), blank=True, help_text=_("One person per line."))
    minutes = models.TextField(_("notes for the minutes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ("-date", "pk")
        constraints = (
            models.UniqueConstraint(fields=("body", "number"), name="meeting_number_unique"),
        )

    def __str__(self) -> str:
        return f"{self.get_body_display()} {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("decisions:meeting-detail", kwargs={"uuid": self.uuid})

    @property
    def attendee_list(self) -> list[str]:
        return [line.strip() for line in self.attendees.splitlines() if line.strip()]


class AgendaItem(models.Model):
    """A proposal on a meeting's agenda and, once decided, the outcome (a workflow move)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="agenda_items"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    outcome = models.CharField(_("outcome"), max_length=40, blank=True)  # a move of workflow.py
    conditions = models.TextField(_("conditions"), blank=True)
    decided_on = models.DateField(_("decision date"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ("meeting", "order", "pk")
        constraints = (
            models.UniqueConstraint(fields=("meeting", "application"), name="agenda_item_unique"),
        )

    def __str__(self) -> str:
        return f"{self.meeting} · {self.application}"

    @property
    def outcome_label(self) -> str:
        from applications.workflow import MOVES

        move = MOVES.get(self.outcome)
        return str(move.label) if move else ""


class CertificateQuerySet(models.QuerySet["Certificate"]):
    def valid_on(self, day: dt.date) -> CertificateQuerySet:
        """Certificates in force on that day: started, not ended, not revoked."""
        return self.filter(valid_from__lte=day, valid_until__gte=day, revoked_on__isnull=True)


class Certificate(models.Model):
    """A city's smart-city certificate: issued by the committee, or recorded from before the
    portal (`is_recorded`, no workflow run); renewals keep its number."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    number = models.CharField(_("certificate number"), max_length=30, unique=True)
    organisation = models.ForeignKey(
        "municipalities.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    application = models.OneToOneField(
        Application,
        verbose_name=_("proposal"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="certificate",
    )
    area_name = models.CharField(_("area name"), max_length=300, blank=True)
    domains = ArrayField(
        models.CharField(max_length=20, choices=Domain.choices),
        verbose_name=_("domains"),
        default=list,
        blank=True,
    )
    certified_on = models.DateField(_("certified on"))
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    is_recorded = models.BooleanField(
        _("recorded from before the portal"), default=False, editable=False
    )
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True, editable=False)
    revocation_reason = models.TextField(_("reason for revocation"), blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ("-certified_on", "number")
        constraints = (
            models.CheckConstraint(
                condition=Q(valid_until__gte=F("valid_from")),
                name="certificate_valid_until_after_from",
                violation_error_message=_("A certificate cannot end before it starts."),
            ),
        )
        indexes = (models.Index(fields=("valid_until", "valid_from"), name="certificate_valid"),)

    def __str__(self) -> str:
        return self.number

    @property
    def domain_labels(self) -> list[str]:
        return [str(Domain(value).label) for value in self.domains if value in Domain.values]

    def is_valid_on(self, day: dt.date) -> bool:
        return self.revoked_on is None and self.valid_from <= day <= self.valid_until


class CertificateRenewal(models.Model):
    """A renewal: the same certificate number, validity extended."""

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="renewals")
    previous_valid_until = models.DateField(_("previously valid until"))
    valid_until = models.DateField(_("valid until"))
    renewed_on = models.DateField(_("renewed on"))
    renewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("certificate renewal")
        verbose_name_plural = _("certificate renewals")
        ordering = ("certificate", "renewed_on", "pk")

    def __str__(self) -> str:
        return f"{self.certificate} → {self.valid_until}"


class CertificateCounter(models.Model):
    """The last certificate number given in one year; locked by each certification."""

    year = models.PositiveSmallIntegerField(_("year"), primary_key=True)  # CE; shown in BE
    last = models.PositiveIntegerField(_("last number given"), default=0)

    class Meta:
        verbose_name = _("certificate number counter")
        verbose_name_plural = _("certificate number counters")

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"
