"""Administration of the registry: search, filters, kind history, CSV import/export."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets
from import_export.formats import base_formats

from municipalities.models import (
    ORGANISATION_FACTS,
    District,
    Organisation,
    OrganisationKind,
    Province,
    Region,
)
from municipalities.services import organisation_save, organisation_sort_key
from smartcity.exports import ImportExportAdmin, SpreadsheetSafeExport


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("name_th", "name_en", "code", "position")
    search_fields = ("name_th", "name_en", "code")


# who an organisation is: exported first, and the first fieldset of its form
IDENTITY_FIELDS = (
    "dla_code",
    "kind",
    "name_th",
    "short_name_th",
    "name_en",
    "is_name_en_machine_made",
)


class GeographyAdmin(admin.ModelAdmin):
    """A province or district: found by either name or its code; the sort key is the registry's."""

    search_fields = ("name_th", "name_en", "code")
    readonly_fields = ("sort_key",)


@admin.register(Province)
class ProvinceAdmin(GeographyAdmin):
    list_display = ("name_th", "name_en", "code", "region")
    list_filter = ("region",)
    list_select_related = ("region",)


@admin.register(District)
class DistrictAdmin(GeographyAdmin):
    list_display = ("name_th", "name_en", "code", "province")
    list_filter = ("province__region",)
    list_select_related = ("province",)
    autocomplete_fields = ("province",)


class OrganisationResource(SpreadsheetSafeExport, resources.ModelResource):
    """CSV import/export keyed on the DLA code; rows are validated like the admin form."""

    province = fields.Field(
        column_name="province_code",
        attribute="province",
        widget=widgets.ForeignKeyWidget(Province, field="code"),
    )
    district = fields.Field(
        column_name="district_code",
        attribute="district",
        widget=widgets.ForeignKeyWidget(District, field="code"),
    )
    uuid = fields.Field(attribute="uuid", column_name="uuid", readonly=True)

    class Meta:
        model = Organisation
        import_id_fields = ("dla_code",)
        fields = (
            *IDENTITY_FIELDS,
            "province",
            "district",
            *ORGANISATION_FACTS,
            "uuid",
        )
        export_order = fields
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def before_import_row(self, row: Any, **kwargs: Any) -> None:  # noqa: ANN401
        # an empty code means "no DLA code" (NULL), which stays unique
        if not (row.get("dla_code") or "").strip():
            row["dla_code"] = None

    def before_save_instance(self, instance: Organisation, row: Any, **kwargs: Any) -> None:  # noqa: ANN401
        instance.sort_key = organisation_sort_key(
            name_th=instance.name_th, short_name_th=instance.short_name_th
        )


@admin.register(Organisation)
class OrganisationAdmin(ImportExportAdmin):
    resource_classes = (OrganisationResource,)
    formats = (base_formats.CSV,)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # noqa: RUF012
    list_display = ("name_th", "name_en", "kind", "province", "dla_code", "is_pilot", "is_verified")
    list_filter = ("province__region", "kind", "source", "is_pilot", "is_verified", "province")
    list_select_related = ("province",)
    search_fields = ("name_th", "short_name_th", "name_en", "dla_code")
    autocomplete_fields = ("province", "district")
    readonly_fields = ("uuid", "source", "kind_history", "created_at", "updated_at")
    list_per_page = 50
    fieldsets = (
        (
            None,
            {"fields": IDENTITY_FIELDS},
        ),
        (
            _("Place"),
            {
                "fields": (
                    "province",
                    "district",
                    "latitude",
                    "longitude",
                    "area_km2",
                    "population",
                    "website",
                )
            },
        ),
        (_("Status"), {"fields": ("source", "is_verified", "is_pilot")}),
        (_("History"), {"fields": ("uuid", "kind_history", "created_at", "updated_at")}),
    )

    def save_model(
        self,
        request: HttpRequest,
        obj: Organisation,
        form: ModelForm,
        change: bool,
    ) -> None:
        organisation_save(organisation=obj)

    @admin.display(description=_("kind history"))
    def kind_history(self, obj: Organisation) -> str:
        if obj.pk is None:
            return "—"
        events = obj.events.order_by("pgh_created_at", "pgh_id")
        labels = dict(OrganisationKind.choices)
        rows, previous = [], None
        for event in events:
            if event.kind != previous:
                rows.append(
                    (
                        event.pgh_created_at.strftime("%Y-%m-%d %H:%M"),
                        labels.get(event.kind, event.kind),
                    )
                )
                previous = event.kind
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}: {}</li>", rows))
