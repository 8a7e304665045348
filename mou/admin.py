"""Django admin for MOU records: the administrators' main screen for agreements."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, QuerySet
from django.db.models.functions import ExtractYear
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from mou.models import (
    MOU,
    MOUDocument,
    MOUMunicipality,
    MOUParty,
    MOUPerson,
    PersonRole,
)
from mou.selectors import mou_filter_municipalities, mou_filter_parties, mou_history
from mou.services import mou_completeness_errors, mou_csv_export, mou_document_add, mou_expire
from smartcity.accounts.models import User
from smartcity.admin import ProgrammeAdminOnly
from smartcity.files.forms import UploadRowForm
from smartcity.files.validators import PDF_ONLY
from smartcity.templatetags.thai_dates import thai_date, thai_datetime
from smartcity.vocabulary import FocusArea


class CrossCheckedFormSet(BaseInlineFormSet):
    """Party formset that also checks the signatories formset beside it (set by the admin)."""

    siblings: list[BaseInlineFormSet]
    status: str = ""

    def _kept_rows(self, formset: BaseInlineFormSet) -> list[dict]:
        return [
            form.cleaned_data
            for form in formset.forms
            if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        people = next((f for f in self.siblings if f.model is MOUPerson), None)
        signatories = []
        if people is not None:
            signatories = [
                row["organisation"].pk
                for row in self._kept_rows(people)
                if row.get("role") == PersonRole.SIGNATORY and row.get("organisation")
            ]
        parties = [
            row["organisation"].pk for row in self._kept_rows(self) if row.get("organisation")
        ]
        errors = mou_completeness_errors(
            status=self.status, party_org_ids=parties, signatory_org_ids=signatories
        )
        if errors:
            raise ValidationError(errors)


class PartyInline(ProgrammeAdminOnly, admin.TabularInline):
    model = MOUParty
    formset = CrossCheckedFormSet
    autocomplete_fields = ("organisation",)
    fields = ("organisation", "role", "order")
    extra = 2


class PersonInline(ProgrammeAdminOnly, admin.StackedInline):
    model = MOUPerson
    autocomplete_fields = ("organisation",)
    fields = (
        ("role", "organisation"),
        ("name_th", "name_en"),
        ("position_th", "position_en"),
        "order",
    )
    extra = 2


class MunicipalityInline(ProgrammeAdminOnly, admin.TabularInline):
    model = MOUMunicipality
    autocomplete_fields = ("organisation",)
    fields = ("organisation", "joined_on")
    extra = 1


class DocumentForm(UploadRowForm):
    """A document row: a new row takes a PDF upload, checked by the file component."""

    upload_policy = PDF_ONLY
    upload_label = _("PDF file")
    upload_missing = _("Choose a PDF file for this document.")

    class Meta:
        model = MOUDocument
        fields = ("kind", "title", "visibility")


class DocumentInline(ProgrammeAdminOnly, admin.TabularInline):
    model = MOUDocument
    form = DocumentForm
    fields = ("kind", "title", "visibility", "upload", "file_name")
    readonly_fields = ("file_name",)
    extra = 1

    @admin.display(description=_("file"))
    def file_name(self, document: MOUDocument) -> str:
        return document.stored_file.original_name if document.pk else ""

    def get_queryset(self, request: HttpRequest) -> QuerySet[MOUDocument]:
        return super().get_queryset(request).select_related("stored_file")


class MOUForm(forms.ModelForm):
    focus_areas = forms.MultipleChoiceField(
        label=_("focus areas"),
        choices=FocusArea.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = MOU
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose what shows


class YearSignedFilter(admin.SimpleListFilter):
    title = _("year signed")
    parameter_name = "signed_year"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple]:
        years = (
            MOU.objects.exclude(signed_on=None)
            .annotate(year=ExtractYear("signed_on"))
            .values_list("year", flat=True)
            .distinct()
            .order_by("-year")
        )
        return [(str(year), str(thai_year(year))) for year in years]

    def queryset(self, request: HttpRequest, queryset: QuerySet[MOU]) -> QuerySet[MOU]:
        if self.value() and self.value().isdigit():
            return queryset.filter(signed_on__year=int(self.value()))
        return queryset


def thai_year(year: int) -> int:
    """The year as people read it on this page: Buddhist Era in Thai, CE in English."""
    from django.utils.translation import get_language

    return year + 543 if (get_language() or "th").startswith("th") else year


class PartyFilter(admin.SimpleListFilter):
    title = _("party")
    parameter_name = "party"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple]:
        return [(str(org.pk), str(org)) for org in mou_filter_parties()]

    def queryset(self, request: HttpRequest, queryset: QuerySet[MOU]) -> QuerySet[MOU]:
        if self.value() and self.value().isdigit():
            return queryset.filter(parties__organisation_id=int(self.value()))
        return queryset


class MunicipalityFilter(admin.SimpleListFilter):
    title = _("municipality")
    parameter_name = "municipality"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple]:
        return [(str(org.pk), str(org)) for org in mou_filter_municipalities()]

    def queryset(self, request: HttpRequest, queryset: QuerySet[MOU]) -> QuerySet[MOU]:
        if self.value() and self.value().isdigit():
            return queryset.filter(municipalities__organisation_id=int(self.value()))
        return queryset


@admin.register(MOU)
class MOUAdmin(ProgrammeAdminOnly, admin.ModelAdmin):
    form = MOUForm
    inlines = (PartyInline, PersonInline, MunicipalityInline, DocumentInline)
    list_display = (
        "reference_number",
        "title_th",
        "status",
        "party_names",
        "signed",
        "days_to_expiry_display",
    )
    list_display_links = ("reference_number", "title_th")
    list_filter = (
        "status",
        YearSignedFilter,
        "signing_method",
        PartyFilter,
        MunicipalityFilter,
        "visibility",
    )
    search_fields = (
        "title_th",
        "title_en",
        "reference_number",
        "parties__organisation__name_th",
        "parties__organisation__name_en",
    )
    autocomplete_fields = ("changes",)
    filter_horizontal = ("responsible_staff",)
    readonly_fields = ("uuid", "created_at", "updated_at")
    actions = ("export_csv", "mark_expired")
    list_per_page = 50
    show_full_result_count = False  # one COUNT query, not two
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "reference_number",
                    "title_th",
                    "title_en",
                    ("status", "visibility"),
                    ("kind", "changes"),
                )
            },
        ),
        (
            _("Content"),
            {
                "fields": (
                    ("subject_th", "subject_en"),
                    ("objectives_th", "objectives_en"),
                    "focus_areas",
                )
            },
        ),
        (
            _("Signing and term"),
            {
                "fields": (
                    ("signed_on", "signing_method"),
                    ("place_th", "place_en"),
                    ("effective_from", "effective_until"),
                )
            },
        ),
        (_("Administration"), {"fields": ("responsible_staff", "notes")}),
        (_("Record"), {"fields": ("uuid", "created_at", "updated_at")}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[MOU]:
        parties = MOUParty.objects.select_related("organisation")
        return super().get_queryset(request).prefetch_related(Prefetch("parties", parties))

    def formfield_for_manytomany(
        self,
        db_field: Any,  # noqa: ANN401
        request: HttpRequest,
        **kwargs: Any,  # noqa: ANN401
    ) -> forms.Field:
        if db_field.name == "responsible_staff":
            kwargs["queryset"] = User.objects.filter(is_active=True, is_staff=True)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description=_("parties"))
    def party_names(self, mou: MOU) -> str:
        return ", ".join(str(party.organisation) for party in mou.parties.all())

    @admin.display(description=_("signed on"), ordering="signed_on")
    def signed(self, mou: MOU) -> str:
        return thai_date(mou.signed_on)  # stored in CE; Buddhist Era is display only

    @admin.display(description=_("days to expiry"), ordering="effective_until")
    def days_to_expiry_display(self, mou: MOU) -> int | str:
        days = mou.days_to_expiry(timezone.localdate())
        return "—" if days is None else days

    def _create_formsets(
        self,
        request: HttpRequest,
        obj: MOU,
        change: bool,
    ) -> tuple[list, list]:
        formsets, inline_instances = super()._create_formsets(request, obj, change)
        status = request.POST.get("status", obj.status) if request.method == "POST" else ""
        for formset in formsets:
            formset.siblings = formsets
            formset.status = status
        return formsets, inline_instances

    def save_formset(
        self,
        request: HttpRequest,
        form: forms.ModelForm,
        formset: BaseInlineFormSet,
        change: bool,
    ) -> None:
        if formset.model is not MOUDocument:
            return super().save_formset(request, form, formset, change)
        formset.save(commit=False)  # fills new/changed/deleted_objects for the change message
        for document in formset.deleted_objects:
            document.delete()
        for document, _fields in formset.changed_objects:
            document.save()
        created = []
        for row in formset.forms:
            upload = row.cleaned_data.get("upload") if row.cleaned_data else None
            if row.instance.pk is None and upload and row not in formset.deleted_forms:
                created.append(
                    mou_document_add(
                        mou=form.instance,
                        upload=upload,
                        actor=request.user,
                        kind=row.cleaned_data["kind"],
                        title=row.cleaned_data.get("title", ""),
                        visibility=row.cleaned_data["visibility"],
                    )
                )
        formset.new_objects = created
        return None

    @admin.action(description=_("Export the selected MOUs as CSV"))
    def export_csv(self, request: HttpRequest, queryset: QuerySet[MOU]) -> HttpResponse:
        rows = queryset.prefetch_related("parties__organisation", "municipalities")
        response = HttpResponse(mou_csv_export(mous=rows), content_type="text/csv; charset=utf-8")
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="mous-{stamp}.csv"'
        return response

    @admin.action(description=_("Mark the selected MOUs as expired"))
    def mark_expired(self, request: HttpRequest, queryset: QuerySet[MOU]) -> None:
        changed = mou_expire(mous=list(queryset), actor=request.user)
        self.message_user(
            request,
            ngettext("%(n)d MOU marked expired.", "%(n)d MOUs marked expired.", changed)
            % {"n": changed},
            messages.SUCCESS,
        )

    def history_view(
        self,
        request: HttpRequest,
        object_id: str,
        extra_context: dict | None = None,
    ) -> HttpResponse:
        """Every change to the MOU and its parts, from the history library's event tables."""
        mou = get_object_or_404(MOU, pk=object_id)
        if not self.has_view_permission(request, mou):
            raise PermissionDenied
        rows = mou_history(mou=mou)
        for row in rows:
            row["when"] = thai_datetime(row["when"])
        context = {
            **self.admin_site.each_context(request),
            "title": _("History: %(mou)s") % {"mou": mou.reference_number},
            "subtitle": None,
            "object": mou,
            "opts": self.opts,
            "rows": rows,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/mou/mou/history.html", context)
