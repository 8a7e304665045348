"""Django admin for MOU records: the administrators' main screen for agreements."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import InlineModelAdmin
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, QuerySet
from django.db.models.functions import ExtractYear
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import capfirst
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
from mou.services import (
    MunicipalityEntry,
    PartyEntry,
    PersonEntry,
    mou_completeness_errors,
    mou_create,
    mou_csv_export,
    mou_delete,
    mou_document_add,
    mou_document_remove,
    mou_document_update,
    mou_expire,
    mou_update,
)
from municipalities.models import Organisation
from smartcity.accounts.models import User
from smartcity.admin import ProgrammeAdminOnly
from smartcity.admin_tabs import TabbedChangeForm
from smartcity.dates import era_year, thai_date, thai_datetime
from smartcity.files.forms import UploadRowForm
from smartcity.files.validators import PDF_ONLY
from smartcity.http import signed_in_user
from smartcity.vocabulary import FocusArea


def kept_rows(formset: BaseInlineFormSet) -> list[dict[str, Any]]:
    """The cleaned rows of a formset that stay: valid, filled in, not marked for deletion."""
    return [
        form.cleaned_data
        for form in formset.forms
        if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


class MOUFormSet(BaseInlineFormSet):
    """An inline of the MOU form, known to the other inlines of the same request."""

    siblings: list[BaseInlineFormSet]  # a new list per request: MOUAdmin.get_formsets_with_inlines

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401
        super().__init__(*args, **kwargs)
        self.siblings.append(self)


class PartyFormSet(MOUFormSet):
    """The parties, checked with the signatories beside them against the status chosen."""

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        people = next((f for f in self.siblings if f.model is MOUPerson), None)
        signatories = [
            row["organisation"].pk
            for row in (kept_rows(people) if people is not None else [])
            if row.get("role") == PersonRole.SIGNATORY and row.get("organisation")
        ]
        parties = [row["organisation"].pk for row in kept_rows(self) if row.get("organisation")]
        errors = mou_completeness_errors(
            status=self.instance.status, party_org_ids=parties, signatory_org_ids=signatories
        )
        if errors:
            raise ValidationError(errors)


class MOUInline(ProgrammeAdminOnly, InlineModelAdmin[Any, MOU]):
    """An inline of the MOU form: empty rows only on a new MOU, else "Add another"."""

    extra: int
    formset = MOUFormSet

    def get_extra(self, request: HttpRequest, obj: MOU | None = None, **kwargs: Any) -> int:  # noqa: ANN401
        return self.extra if obj is None else 0


class PartyInline(MOUInline, admin.TabularInline):
    model = MOUParty
    formset = PartyFormSet
    autocomplete_fields = ("organisation",)
    fields = ("organisation", "role", "order")
    extra = 2
    classes = ("tab-people",)


class PersonInline(MOUInline, admin.StackedInline):
    model = MOUPerson
    autocomplete_fields = ("organisation",)
    fields = (
        ("role", "organisation"),
        ("name_th", "name_en"),
        ("position_th", "position_en"),
        "order",
    )
    extra = 2
    classes = ("tab-people", "full-width")


class MunicipalityInline(MOUInline, admin.TabularInline):
    """Municipalities that joined on another day than the MOU's signing."""

    model = MOUMunicipality
    autocomplete_fields = ("organisation",)
    fields = ("organisation", "joined_on")
    extra = 0
    classes = ("tab-municipalities",)
    verbose_name = _("municipality that joined on another date")
    verbose_name_plural = _("municipalities that joined on another date")


class DocumentForm(UploadRowForm):
    """A document row: a new row takes a PDF upload, checked by the file component."""

    upload_policy = PDF_ONLY
    upload_label = _("PDF file")
    upload_missing = _("Choose a PDF file for this document.")

    class Meta:
        model = MOUDocument
        fields = ("kind", "title", "visibility")


class DocumentInline(MOUInline, admin.TabularInline):
    model = MOUDocument
    form = DocumentForm
    fields = ("kind", "title", "visibility", "upload", "file_name")
    readonly_fields = ("file_name",)
    extra = 1
    classes = ("tab-documents",)

    @admin.display(description=_("file"))
    def file_name(self, document: MOUDocument) -> str:
        return document.stored_file.original_name if document.pk else ""

    def get_queryset(self, request: HttpRequest) -> QuerySet[MOUDocument]:
        return super().get_queryset(request).select_related("stored_file")


class MOUForm(forms.ModelForm):
    focus_areas = forms.MultipleChoiceField(
        label=capfirst(_("focus areas")),
        choices=FocusArea.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    municipalities = forms.ModelMultipleChoiceField(
        label=capfirst(_("municipalities")),
        queryset=Organisation.objects.all(),
        required=False,
        widget=AutocompleteSelectMultiple(
            MOUMunicipality._meta.get_field("organisation"), admin.site
        ),
        help_text=_(
            "Those that joined when the MOU was signed. Add one that joined on another date "
            "below, with its date."
        ),
    )

    class Meta:
        model = MOU
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose what shows

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            joined = MOUMunicipality.objects.joined_with(self.instance)
            self.fields["municipalities"].initial = [row.organisation_id for row in joined]


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
        return [(str(year), str(era_year(year))) for year in years]

    def queryset(self, request: HttpRequest, queryset: QuerySet[MOU]) -> QuerySet[MOU]:
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(signed_on__year=int(value))
        return queryset


class PartyFilter(admin.SimpleListFilter):
    title = _("party")
    parameter_name = "party"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple]:
        return [(str(org.pk), str(org)) for org in mou_filter_parties()]

    def queryset(self, request: HttpRequest, queryset: QuerySet[MOU]) -> QuerySet[MOU]:
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(parties__organisation_id=int(value))
        return queryset


class MunicipalityFilter(admin.SimpleListFilter):
    title = _("municipality")
    parameter_name = "municipality"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple]:
        return [(str(org.pk), str(org)) for org in mou_filter_municipalities()]

    def queryset(self, request: HttpRequest, queryset: QuerySet[MOU]) -> QuerySet[MOU]:
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(municipalities__organisation_id=int(value))
        return queryset


PERSON_FIELDS = ("role", "organisation", "name_th", "name_en", "position_th", "position_en")
MOU_FIELDS = frozenset(field.name for field in MOU._meta.concrete_fields)


@admin.register(MOU)
class MOUAdmin(TabbedChangeForm, ProgrammeAdminOnly, admin.ModelAdmin):
    form = MOUForm
    inlines = (PartyInline, PersonInline, MunicipalityInline, DocumentInline)
    tabs = (
        ("agreement", _("Agreement")),
        ("people", _("Parties and people")),
        ("municipalities", _("Municipalities")),
        ("documents", _("Documents")),
        ("history", _("History")),
    )
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
    readonly_fields = ("uuid", "created_at", "updated_at", "history_link")
    actions = ("export_csv", "mark_expired")
    list_per_page = 50
    show_full_result_count = False  # one COUNT query, not two
    fieldsets = (
        (
            None,
            {
                "classes": ("tab-agreement", "full-width"),
                "fields": (
                    "reference_number",
                    "title_th",
                    "title_en",
                    ("status", "visibility"),
                    ("kind", "changes"),
                ),
            },
        ),
        (
            _("Content"),
            {
                "classes": ("tab-agreement", "full-width"),
                "fields": (
                    ("subject_th", "subject_en"),
                    ("objectives_th", "objectives_en"),
                    "focus_areas",
                ),
            },
        ),
        (
            _("Signing and term"),
            {
                "classes": ("tab-agreement", "full-width"),
                "fields": (
                    ("signed_on", "signing_method"),
                    ("place_th", "place_en"),
                    ("effective_from", "effective_until"),
                ),
            },
        ),
        (
            _("Administration"),
            {"classes": ("tab-agreement", "full-width"), "fields": ("responsible_staff", "notes")},
        ),
        (
            _("Participating municipalities"),
            {"classes": ("tab-municipalities", "full-width"), "fields": ("municipalities",)},
        ),
        (
            _("Record"),
            {
                "classes": ("tab-history",),
                "fields": ("uuid", "created_at", "updated_at", "history_link"),
            },
        ),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[MOU]:
        parties = MOUParty.objects.select_related("organisation")
        return super().get_queryset(request).prefetch_related(Prefetch("parties", parties))

    def formfield_for_manytomany(
        self,
        db_field: Any,  # noqa: ANN401
        request: HttpRequest,
        **kwargs: Any,  # noqa: ANN401
    ) -> forms.ModelMultipleChoiceField[Any] | None:
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

    @admin.display(description=_("history"))
    def history_link(self, mou: MOU) -> str:
        if mou.pk is None:
            return "—"
        url = reverse("admin:mou_mou_history", args=[mou.pk])
        return format_html('<a href="{}">{}</a>', url, _("Every change to this MOU and its parts"))

    def get_formsets_with_inlines(
        self, request: HttpRequest, obj: MOU | None = None
    ) -> Iterator[tuple[type[BaseInlineFormSet], InlineModelAdmin]]:
        siblings: list[BaseInlineFormSet] = []  # the formset classes are made anew per request
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            formset.siblings = siblings
            yield formset, inline

    def get_formset_kwargs(
        self, request: HttpRequest, obj: MOU, inline: InlineModelAdmin, prefix: str
    ) -> dict[str, Any]:
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, MunicipalityInline) and obj.pk is not None:
            # those that joined with the MOU are in the multi-select of the form
            joined = MOUMunicipality.objects.joined_with(obj)
            kwargs["queryset"] = kwargs["queryset"].exclude(pk__in=joined.values("pk"))
        return kwargs

    def save_model(self, request: HttpRequest, obj: MOU, form: MOUForm, change: bool) -> None:
        """Nothing yet: save_related writes the MOU with its rows through the MOU services."""

    def save_related(
        self,
        request: HttpRequest,
        form: MOUForm,
        formsets: list[BaseInlineFormSet],
        change: bool,
    ) -> None:
        actor = signed_in_user(request)
        by_model = {formset.model: formset for formset in formsets}
        for formset in formsets:
            formset.save(commit=False)  # new, changed and deleted rows for the change message
        data = form.cleaned_data
        parties = [
            PartyEntry(row["organisation"], row["role"], row["order"])
            for row in kept_rows(by_model[MOUParty])
        ]
        people = [
            PersonEntry(**{name: row[name] for name in PERSON_FIELDS}, order=row["order"])
            for row in kept_rows(by_model[MOUPerson])
        ]
        towns = {org.pk: MunicipalityEntry(org) for org in data["municipalities"]}
        for row in kept_rows(by_model[MOUMunicipality]):  # their own date wins
            towns[row["organisation"].pk] = MunicipalityEntry(row["organisation"], row["joined_on"])
        if change:
            mou = mou_update(
                mou=MOU.objects.get(pk=form.instance.pk),  # the form changed this copy already
                fields={name: data[name] for name in form.changed_data if name in MOU_FIELDS},
                parties=parties,
                people=people,
                municipalities=list(towns.values()),
                responsible_staff=data["responsible_staff"],
                actor=actor,
            )
        else:
            mou = mou_create(
                mou=form.instance,
                parties=parties,
                people=people,
                municipalities=list(towns.values()),
                responsible_staff=data["responsible_staff"],
                actor=actor,
            )
        self._documents_save(mou, by_model[MOUDocument], actor=actor)

    def _documents_save(self, mou: MOU, formset: BaseInlineFormSet, *, actor: User) -> None:
        for document in formset.deleted_objects:
            mou_document_remove(document=document, actor=actor)
        for document, changed in formset.changed_objects:
            fields = {name: getattr(document, name) for name in changed if name != "upload"}
            mou_document_update(document=document, fields=fields, actor=actor)
        created = []
        for row in formset.forms:
            upload = row.cleaned_data.get("upload") if row.cleaned_data else None
            if row.instance.pk is None and upload and row not in formset.deleted_forms:
                created.append(
                    mou_document_add(
                        mou=mou,
                        upload=upload,
                        actor=actor,
                        kind=row.cleaned_data["kind"],
                        title=row.cleaned_data.get("title", ""),
                        visibility=row.cleaned_data["visibility"],
                    )
                )
        formset.new_objects = created

    def has_delete_permission(self, request: HttpRequest, obj: MOU | None = None) -> bool:
        return bool(request.user.is_superuser)  # an MOU ends by its status; see mou_delete

    def delete_model(self, request: HttpRequest, obj: MOU) -> None:
        mou_delete(mou=obj, actor=signed_in_user(request))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[MOU]) -> None:
        actor = signed_in_user(request)
        for mou in queryset:
            mou_delete(mou=mou, actor=actor)

    @admin.action(description=_("Export the selected MOUs as CSV"))
    def export_csv(self, request: HttpRequest, queryset: QuerySet[MOU]) -> HttpResponse:
        rows = queryset.prefetch_related("parties__organisation", "municipalities")
        response = HttpResponse(mou_csv_export(mous=rows), content_type="text/csv; charset=utf-8")
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="mous-{stamp}.csv"'
        return response

    @admin.action(description=_("Mark the selected MOUs as expired"))
    def mark_expired(self, request: HttpRequest, queryset: QuerySet[MOU]) -> None:
        changed = mou_expire(mous=list(queryset), actor=signed_in_user(request))
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
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        """Every change to the MOU and its parts, from the history library's event tables."""
        mou = get_object_or_404(MOU, pk=object_id)
        if not self.has_view_permission(request, mou):
            raise PermissionDenied
        rows = [{**row, "when": thai_datetime(row["when"])} for row in mou_history(mou=mou)]
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
