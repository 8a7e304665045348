"""Memoranda of understanding: the agreement, its parties, people, municipalities and documents."""

from __future__ import annotations

import datetime as dt
import uuid

import pghistory
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from municipalities.models import in_language
from smartcity.vocabulary import FocusArea


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ACTIVE = "active", _("Active")
    EXPIRED = "expired", _("Expired")
    TERMINATED = "terminated", _("Terminated")
    SUPERSEDED = "superseded", _("Superseded")


# Bootstrap badge classes: each status has its own colour as well as its own word
STATUS_BADGES = {
    Status.DRAFT: "text-bg-light border",
    Status.ACTIVE: "text-bg-success",
    Status.EXPIRED: "text-bg-warning",
    Status.TERMINATED: "text-bg-danger",
    Status.SUPERSEDED: "text-bg-info",
}


class SigningMethod(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    WEB_CONFERENCE = "web_conference", _("Web conference")
    ELECTRONIC = "electronic", _("Electronic signature")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    INTERNAL = "internal", _("Internal")


class Kind(models.TextChoices):
    ORIGINAL = "original", _("Original agreement")
    AMENDMENT = "amendment", _("Amendment")
    RENEWAL = "renewal", _("Renewal")


class PartyRole(models.TextChoices):
    PARTY = "party", _("Party")
    SUPPORTING = "supporting", _("Supporting party")


class PersonRole(models.TextChoices):
    SIGNATORY = "signatory", _("Signatory")
    WITNESS = "witness", _("Witness")


class DocumentKind(models.TextChoices):
    SIGNED_COPY = "signed_copy", _("Signed copy")
    ANNEX = "annex", _("Annex")
    OTHER = "other", _("Other document")


UNTIL_AFTER_FROM = _("The end date must be after the start date.")


class MOUQuerySet(models.QuerySet["MOU"]):
    def visible_to(self, user: object) -> MOUQuerySet:
        """Staff see every record; everyone else public records that are no longer drafts."""
        from mou.rules import is_mou_staff

        if is_mou_staff(user):
            return self
        return self.filter(visibility=Visibility.PUBLIC).exclude(status=Status.DRAFT)


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class MOU(models.Model):
    """One memorandum of understanding between government bodies and municipalities."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference_number = models.CharField(_("reference number"), max_length=60, unique=True)
    title_th = models.CharField(_("title (Thai)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    subject_th = models.TextField(_("subject (Thai)"), blank=True)
    subject_en = models.TextField(_("subject (English)"), blank=True)
    objectives_th = models.TextField(_("objectives (Thai)"), blank=True)
    objectives_en = models.TextField(_("objectives (English)"), blank=True)
    focus_areas = ArrayField(
        models.CharField(max_length=30, choices=FocusArea.choices),
        verbose_name=_("focus areas"),
        default=list,
        blank=True,
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ORIGINAL)
    changes = models.ForeignKey(
        "self",
        verbose_name=_("amends or renews"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="changed_by",
        help_text=_("For an amendment or renewal: the MOU it changes."),
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signing_method = models.CharField(
        _("signing method"), max_length=20, choices=SigningMethod.choices, blank=True
    )
    place_th = models.CharField(_("place of signing (Thai)"), max_length=200, blank=True)
    place_en = models.CharField(_("place of signing (English)"), max_length=200, blank=True)
    effective_from = models.DateField(_("effective from"), null=True, blank=True)
    effective_until = models.DateField(_("effective until"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    notes = models.TextField(_("notes"), blank=True)
    responsible_staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible staff"),
        blank=True,
        related_name="responsible_mous",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = MOUQuerySet.as_manager()

    class Meta:
        verbose_name = _("MOU")
        verbose_name_plural = _("MOUs")
        ordering = ("-signed_on", "-created_at")
        constraints = (
            models.CheckConstraint(
                condition=Q(effective_until__isnull=True)
                | Q(effective_from__isnull=True)
                | Q(effective_until__gt=models.F("effective_from")),
                name="mou_until_after_from",
                violation_error_message=UNTIL_AFTER_FROM,
            ),
        )

    def __str__(self) -> str:
        return f"{self.reference_number} {self.title_th}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("mou:mou-detail", kwargs={"uuid": self.uuid})

    # Each text in the active language: English on English pages when filled in, else Thai.
    @property
    def title(self) -> str:
        return in_language(self.title_th, self.title_en)

    @property
    def subject(self) -> str:
        return in_language(self.subject_th, self.subject_en)

    @property
    def objectives(self) -> str:
        return in_language(self.objectives_th, self.objectives_en)

    @property
    def place(self) -> str:
        return in_language(self.place_th, self.place_en)

    @property
    def status_badge(self) -> str:
        return STATUS_BADGES[Status(self.status)]

    def days_to_expiry(self, today: dt.date | None = None) -> int | None:
        """Days until the end date (negative once past); None without an end date."""
        if self.effective_until is None:
            return None
        from django.utils import timezone

        return (self.effective_until - (today or timezone.localdate())).days


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class MOUParty(models.Model):
    """A registry organisation that is a party to an MOU, with its role."""

    mou = models.ForeignKey(MOU, on_delete=models.CASCADE, related_name="parties")
    organisation = models.ForeignKey(
        "municipalities.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="mou_parties",
    )
    role = models.CharField(
        _("role"), max_length=20, choices=PartyRole.choices, default=PartyRole.PARTY
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ("order", "pk")
        constraints = (
            models.UniqueConstraint(fields=("mou", "organisation"), name="mou_party_unique"),
        )

    def __str__(self) -> str:
        return str(self.organisation)


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class MOUPerson(models.Model):
    """Someone who signed or witnessed an MOU, as named on the signed copy."""

    mou = models.ForeignKey(MOU, on_delete=models.CASCADE, related_name="people")
    role = models.CharField(_("role"), max_length=20, choices=PersonRole.choices)
    name_th = models.CharField(_("name (Thai)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    position_th = models.CharField(_("position (Thai)"), max_length=300, blank=True)
    position_en = models.CharField(_("position (English)"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        "municipalities.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("signatory or witness")
        verbose_name_plural = _("signatories and witnesses")
        ordering = ("role", "order", "pk")

    def __str__(self) -> str:
        return self.name_th


class MOUMunicipalityQuerySet(models.QuerySet["MOUMunicipality"]):
    def joined_with(self, mou: MOU) -> MOUMunicipalityQuerySet:
        """The MOU's municipalities that joined with it: on its signing day, or undated."""
        return self.filter(Q(joined_on__isnull=True) | Q(joined_on=mou.signed_on), mou=mou)


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class MOUMunicipality(models.Model):
    """A municipality taking part in an MOU, from the date it joined."""

    mou = models.ForeignKey(MOU, on_delete=models.CASCADE, related_name="municipalities")
    organisation = models.ForeignKey(
        "municipalities.Organisation",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="mou_participations",
    )
    joined_on = models.DateField(_("joined on"), null=True, blank=True)

    objects = MOUMunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("participating municipality")
        verbose_name_plural = _("participating municipalities")
        constraints = (
            models.UniqueConstraint(fields=("mou", "organisation"), name="mou_municipality_unique"),
        )

    def __str__(self) -> str:
        return str(self.organisation)


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class MOUDocument(models.Model):
    """A PDF of an MOU (signed copy or annex) kept by the file component; public or internal."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    mou = models.ForeignKey(MOU, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(
        _("kind"), max_length=20, choices=DocumentKind.choices, default=DocumentKind.SIGNED_COPY
    )
    title = models.CharField(_("document title"), max_length=200, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    stored_file = models.OneToOneField(
        "files.StoredFile", on_delete=models.PROTECT, related_name="mou_document"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ("kind", "created_at")

    def __str__(self) -> str:
        return self.title or self.get_kind_display()
