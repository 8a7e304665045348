"""Django admin: certificates. Programme administrators record the certifications made on paper
before the portal (one by one, or by CSV import); those the committee issued are read only."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext_lazy as _

from applications.models import Certificate
from applications.services.certificates import IMPORT_COLUMNS, certificates_import
from smartcity.admin import ProgrammeAdminOnly


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file (UTF-8)"),
        help_text=_(
            "Columns: %(columns)s; optional valid_from, area_name. Dates as YYYY-MM-DD "
            "(a year above 2400 is read as Buddhist Era); domains separated by commas."
        )
        % {"columns": ", ".join(IMPORT_COLUMNS)},
    )


@admin.register(Certificate)
class CertificateAdmin(ProgrammeAdminOnly, admin.ModelAdmin):
    list_display = (
        "number",
        "organisation",
        "certified_on",
        "valid_until",
        "is_recorded",
        "revoked_on",
    )
    list_filter = ("is_recorded", ("valid_until", admin.DateFieldListFilter))
    search_fields = ("number", "organisation__name_th", "organisation__dla_code", "area_name")
    list_select_related = ("organisation",)
    autocomplete_fields = ("organisation",)
    fields = (
        "number",
        "organisation",
        "area_name",
        "domains",
        "certified_on",
        "valid_from",
        "valid_until",
    )
    change_list_template = "admin/applications/certificate/change_list.html"

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:  # noqa: ANN401
        recorded = obj is None or obj.is_recorded
        return recorded and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:  # noqa: ANN401
        return obj is not None and obj.is_recorded and super().has_delete_permission(request, obj)

    def save_model(self, request: HttpRequest, obj: Certificate, form: Any, change: bool) -> None:  # noqa: ANN401
        obj.is_recorded = True  # the admin records paper certifications only
        super().save_model(request, obj, form, change)

    def get_urls(self) -> list:
        extra = [
            path(
                "import/",
                self.admin_site.admin_view(self.import_csv),
                name="applications_certificate_import",
            )
        ]
        return extra + super().get_urls()

    def import_csv(self, request: HttpRequest) -> HttpResponse:
        """Upload a CSV of earlier certifications; each rejected line is listed with its reason."""
        if not self.has_add_permission(request):
            return redirect("admin:index")
        form = ImportForm(request.POST or None, request.FILES or None)
        report = None
        if request.method == "POST" and form.is_valid():
            text = form.cleaned_data["file"].read().decode("utf-8-sig", errors="replace")
            report = certificates_import(text=text)
            self.message_user(
                request,
                _(
                    "%(created)s recorded, %(updated)s updated, %(unchanged)s unchanged, "
                    "%(errors)s refused."
                )
                % {**vars(report), "errors": len(report.errors)},
                messages.WARNING if report.errors else messages.SUCCESS,
            )
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "report": report,
            "title": _("Import earlier certifications"),
            "opts": self.model._meta,
        }
        return render(request, "admin/applications/certificate/import.html", context)
