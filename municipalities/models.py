"""Regions, provinces, districts and the organisations (LAOs and other applicant bodies)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

import pghistory
from django.contrib.postgres.indexes import GinIndex
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Concat, Upper
from django.utils.translation import gettext_lazy as _

from smartcity.i18n import in_language

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager

    from smartcity.accounts.models import Viewer  # a type only: no import at run time

DLA_CODE_VALIDATOR = RegexValidator(r"^\d{7}$", _("A DLA code has exactly 7 digits."))


class BilingualName:
    """`name` in the active language (Thai, or English where it exists) for rows with
    name_th / name_en; their str() too."""

    name_th: str
    name_en: str

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_language(self.name_th, self.name_en)


class Region(BilingualName, models.Model):
    """One of Thailand's six regions (National Geographical Committee scheme)."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ("position", "code")


class Province(BilingualName, models.Model):
    """A province (จังหวัด), keyed on its 2-digit TIS 1099 code."""

    code = models.CharField(
        _("code"), max_length=2, unique=True, validators=[RegexValidator(r"^\d{2}$")]
    )
    name_th = models.CharField(_("name (Thai)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="provinces", verbose_name=_("region")
    )
    # Thai dictionary order; "C" collation so PostgreSQL compares the key by code point
    sort_key = models.CharField(max_length=200, editable=False, db_collation="C")

    class Meta:
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        ordering = ("sort_key",)


class District(BilingualName, models.Model):
    """A district (อำเภอ / เขต), keyed on its 4-digit TIS 1099 code."""

    code = models.CharField(
        _("code"), max_length=4, unique=True, validators=[RegexValidator(r"^\d{4}$")]
    )
    name_th = models.CharField(_("name (Thai)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="districts", verbose_name=_("province")
    )
    sort_key = models.CharField(max_length=200, editable=False, db_collation="C")

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ("sort_key",)


class OrganisationKind(models.TextChoices):
    # values of the local kinds equal laos.csv's lao_type
    PROVINCIAL_ADMIN_ORG = "provincial_admin_org", _("Provincial administrative organisation")
    CITY_MUNICIPALITY = "city_municipality", _("City municipality")
    TOWN_MUNICIPALITY = "town_municipality", _("Town municipality")
    SUBDISTRICT_MUNICIPALITY = "subdistrict_municipality", _("Subdistrict municipality")
    SUBDISTRICT_ADMIN_ORG = "subdistrict_admin_org", _("Subdistrict administrative organisation")
    SPECIAL_ADMIN_AREA = "special_admin_area", _("Special local administration")
    PROVINCE = "province", _("Province")
    GOVERNMENT_AGENCY = "government_agency", _("Government agency")
    UNIVERSITY = "university", _("University")
    PRIVATE_COMPANY = "private_company", _("Private company")
    OTHER = "other", _("Other")


# Larger bodies first: a city or town carries the place's name, the provincial organisation
# covers the province around it, then the smaller local bodies and everything else.
KIND_RANK = {
    OrganisationKind.CITY_MUNICIPALITY: 0,
    OrganisationKind.SPECIAL_ADMIN_AREA: 0,
    OrganisationKind.PROVINCIAL_ADMIN_ORG: 1,
    OrganisationKind.TOWN_MUNICIPALITY: 2,
    OrganisationKind.SUBDISTRICT_MUNICIPALITY: 3,
    OrganisationKind.SUBDISTRICT_ADMIN_ORG: 4,
}


def kind_rank() -> models.Case:
    """The rank of an organisation's kind (KIND_RANK, others 9): the lists' first sort key,
    also the first column of the index organisation_list_order (the same expression)."""
    return models.Case(
        *(models.When(kind=kind, then=Value(rank)) for kind, rank in KIND_RANK.items()),
        default=9,
    )


LOCAL_KINDS = frozenset(
    {
        OrganisationKind.PROVINCIAL_ADMIN_ORG,
        OrganisationKind.CITY_MUNICIPALITY,
        OrganisationKind.TOWN_MUNICIPALITY,
        OrganisationKind.SUBDISTRICT_MUNICIPALITY,
        OrganisationKind.SUBDISTRICT_ADMIN_ORG,
        OrganisationKind.SPECIAL_ADMIN_AREA,
    }
)


class OrganisationSource(models.TextChoices):
    REGISTRY = "registry", _("DLA registry import")
    ADMIN = "admin", _("Added by an administrator")
    SIGNUP = "signup", _("Proposed at sign-up")


# anyone may list an organisation unless it was proposed at sign-up and nobody has verified it
_PUBLIC = ~models.Q(source=OrganisationSource.SIGNUP, is_verified=False)


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def visible_to(self, user: Viewer) -> OrganisationQuerySet:
        """Public organisations; an unverified sign-up proposal only to its proposer and to
        administrators (`municipalities.view_proposed_organisation`)."""
        if user.has_perm("municipalities.view_proposed_organisation"):
            return self
        if not user.is_authenticated:
            return self.filter(_PUBLIC)
        proposed = self.model.objects.filter(memberships__user=user).values("pk")
        return self.filter(_PUBLIC | models.Q(pk__in=proposed))

    def pilots(self) -> OrganisationQuerySet:
        """The pilots of the 2020 DLA-depa MOU (marked by load_reference_data)."""
        return self.filter(is_pilot=True)


# an organisation's facts beyond its names and place, as the API shows and the admin exports them
ORGANISATION_FACTS = (
    "latitude",
    "longitude",
    "area_km2",
    "population",
    "website",
    "is_verified",
    "is_pilot",
)


@pghistory.track(
    pghistory.InsertEvent(),
    pghistory.UpdateEvent(),
    fields=[
        "dla_code",
        "kind",
        "name_th",
        "name_en",
        "province",
        "district",
        "is_verified",
        "source",
    ],
    model_name="OrganisationEvent",
    obj_field=pghistory.ObjForeignKey(related_name="events"),
)
class Organisation(BilingualName, models.Model):
    """A body that can apply, sign or belong: an LAO from the DLA registry or another body."""

    if TYPE_CHECKING:  # pghistory's OrganisationEvent rows (related_name above), untyped
        events: RelatedManager[Any]

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    dla_code = models.CharField(
        _("DLA code"),
        max_length=7,
        unique=True,
        null=True,
        blank=True,
        validators=[DLA_CODE_VALIDATOR],
        help_text=_("The 7-digit code of the Department of Local Administration, if any."),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices)
    name_th = models.CharField(_("name (Thai)"), max_length=255)
    short_name_th = models.CharField(
        _("short name (Thai)"),
        max_length=200,
        blank=True,
        help_text=_("The name without the kind, e.g. เชียงใหม่ for เทศบาลนครเชียงใหม่."),
    )
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    is_name_en_machine_made = models.BooleanField(
        _("English name is machine-made"),
        default=False,
        help_text=_("Romanised automatically (RTGS); not an official English name."),
    )
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        related_name="organisations",
        null=True,
        blank=True,
        verbose_name=_("province"),
    )
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        related_name="organisations",
        null=True,
        blank=True,
        verbose_name=_("district"),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    area_km2 = models.DecimalField(
        _("area (km²)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    is_verified = models.BooleanField(
        _("verified"), default=False, help_text=_("Checked by an administrator.")
    )
    source = models.CharField(
        _("source"),
        max_length=20,
        choices=OrganisationSource.choices,
        default=OrganisationSource.ADMIN,
        help_text=_("Proposed at sign-up: not public until an administrator verifies it."),
    )
    is_pilot = models.BooleanField(
        _("pilot of the 2020 MOU"),
        default=False,
        help_text=_("One of the 12 pilots of the DLA and depa smart city MOU of 2 July 2020."),
    )
    sort_key = models.CharField(max_length=600, editable=False, db_collation="C")
    # the names upper-cased in one column, for the trigram index the registry search uses
    search_text = models.GeneratedField(
        expression=Upper(Concat("name_th", Value(" "), "short_name_th", Value(" "), "name_en")),
        output_field=models.TextField(),
        db_persist=True,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ("sort_key", "dla_code")
        constraints = (
            models.CheckConstraint(
                condition=models.Q(dla_code__isnull=True) | models.Q(dla_code__regex=r"^\d{7}$"),
                name="organisation_dla_code_7_digits",
            ),
        )
        indexes = (
            models.Index(fields=("sort_key", "dla_code"), name="organisation_sort"),
            # the lists' order (selectors.ORGANISATION_ORDER): the first page without a sort
            models.Index(kind_rank(), F("sort_key"), F("dla_code"), name="organisation_list_order"),
            models.Index(fields=("kind",), name="organisation_kind"),
            # rows change only through registry imports: no pending list for searches to scan
            GinIndex(
                fields=("search_text",),
                opclasses=("gin_trgm_ops",),
                fastupdate=False,
                name="organisation_search_trgm",
            ),
            models.Index(
                fields=("dla_code",),
                opclasses=("varchar_pattern_ops",),
                name="organisation_code_prefix",
            ),
        )

    @property
    def is_awaiting_verification(self) -> bool:
        return self.source == OrganisationSource.SIGNUP and not self.is_verified

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None
