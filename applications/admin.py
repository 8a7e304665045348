"""Django admin: calls (criteria, weights, score meanings, documents) and reviewer assignments
for programme administrators; proposals and their versions are read here, never changed."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import ForeignKey, QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from applications.errors import CriteriaFrozen
from applications.models import (
    Application,
    ApplicationVersion,
    Assignment,
    Call,
    CallDocument,
    Criterion,
    ScoreLevel,
)
from applications.services.assignments import (
    assignment_create,
    assignment_delete,
    assignment_problem,
)
from applications.services.calls import (
    call_criteria_change_check,
    call_criteria_default_create,
    call_document_add,
)
from smartcity.accounts.models import User
from smartcity.accounts.roles import Role
from smartcity.admin import ProgrammeAdminOnly
from smartcity.files.forms import UploadRowForm
from smartcity.http import signed_in_user


class FrozenCriteriaFormSet(BaseInlineFormSet):
    """Refuses any change to criteria (or score meanings) once the call has a submission."""

    def call_of(self) -> Call | None:
        return self.instance if isinstance(self.instance, Call) else self.instance.call

    def clean(self) -> None:
        super().clean()
        call = self.call_of()
        touched = any(form.has_changed() for form in self.forms) or self.deleted_forms
        if call is not None and touched:
            try:
                call_criteria_change_check(call=call)
            except CriteriaFrozen as refusal:
                raise ValidationError(refusal.message) from None


class CriterionInline(ProgrammeAdminOnly, admin.TabularInline):
    model = Criterion
    formset = FrozenCriteriaFormSet
    fields = ("number", "title_th", "title_en", "weight", "description_th", "description_en")
    show_change_link = True  # the score meanings are edited on the criterion's page
    extra = 0


class CallDocumentForm(UploadRowForm):
    class Meta:
        model = CallDocument
        fields = ("kind", "title_th", "title_en", "order")


class CallDocumentInline(ProgrammeAdminOnly, admin.TabularInline):
    model = CallDocument
    form = CallDocumentForm
    fields = ("kind", "title_th", "title_en", "order", "upload")
    extra = 1


@admin.register(Call)
class CallAdmin(ProgrammeAdminOnly, admin.ModelAdmin):
    list_display = ("title_th", "opens_at", "closes_at", "accept_late_drafts", "criteria_frozen_at")
    search_fields = ("title_th", "title_en")
    readonly_fields = ("uuid", "criteria_frozen_at", "created_at", "updated_at")
    inlines = (CriterionInline, CallDocumentInline)
    fieldsets = (
        (None, {"fields": ("title_th", "title_en", "description_th", "description_en")}),
        (
            _("Submission window (Bangkok time)"),
            {"fields": ("opens_at", "closes_at", "accept_late_drafts", "late_until")},
        ),
        (None, {"fields": ("uuid", "criteria_frozen_at", "created_at", "updated_at")}),
    )

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        call = self.get_object(request, object_id)
        if call is not None and call.criteria_are_frozen and request.method == "GET":
            messages.warning(
                request,
                _(
                    "Proposals have been submitted to this call: its criteria, weights and "
                    "score meanings can no longer change."
                ),
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def save_related(
        self, request: HttpRequest, form: forms.ModelForm, formsets: list, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        call_criteria_default_create(call=form.instance)  # depa's five when none were given

    def save_formset(
        self, request: HttpRequest, form: forms.ModelForm, formset: BaseInlineFormSet, change: bool
    ) -> None:
        if formset.model is not CallDocument:
            return super().save_formset(request, form, formset, change)
        formset.save(commit=False)  # fills new/changed/deleted_objects for the change message
        for document in formset.deleted_objects:
            document.delete()
        for document, _fields in formset.changed_objects:
            document.save()
        formset.new_objects = [
            call_document_add(
                call=form.instance,
                upload=row.cleaned_data["upload"],
                actor=signed_in_user(request),
                **{k: row.cleaned_data[k] for k in ("kind", "title_th", "title_en", "order")},
            )
            for row in formset.forms
            if row.instance.pk is None
            and row.cleaned_data.get("upload")
            and row not in formset.deleted_forms
        ]
        return None


class ScoreLevelInline(ProgrammeAdminOnly, admin.TabularInline):
    model = ScoreLevel
    formset = FrozenCriteriaFormSet
    fields = ("score", "meaning_th", "meaning_en")
    extra = 0


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = (
            "call",
            "number",
            "title_th",
            "title_en",
            "weight",
            "description_th",
            "description_en",
        )

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        call = cleaned.get("call") or getattr(self.instance, "call", None)
        if call is not None and self.has_changed():
            try:
                call_criteria_change_check(call=call)
            except CriteriaFrozen as refusal:
                raise ValidationError(refusal.message) from None
        return cleaned


@admin.register(Criterion)
class CriterionAdmin(ProgrammeAdminOnly, admin.ModelAdmin):
    form = CriterionForm
    list_display = ("call", "number", "title_th", "weight")
    list_select_related = ("call",)
    inlines = (ScoreLevelInline,)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return False  # reached from its call


class ReadOnlyAdmin(ProgrammeAdminOnly, admin.ModelAdmin):
    """Rows that change only through the services: viewed here, never added, edited or deleted."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:  # noqa: ANN401
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:  # noqa: ANN401
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:  # noqa: ANN401
        return False


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
    list_display = ("reference", "area_name", "lead_org", "call", "state", "last_submitted_at")
    list_filter = ("state", "call")
    list_select_related = ("lead_org", "call")
    search_fields = ("reference", "area_name", "lead_org__name_th", "lead_org__name_en")
    exclude = ("contact", "created_by")  # people appear on the proposal's page


@admin.register(ApplicationVersion)
class ApplicationVersionAdmin(ReadOnlyAdmin):
    list_display = ("application", "number", "submitted_at")
    list_select_related = ("application",)
    search_fields = ("application__reference",)
    exclude = ("submitted_by",)


class AssignmentForm(forms.ModelForm):
    class Meta:
        model = Assignment
        fields = ("application", "reviewer", "due_on")
        help_texts: ClassVar[dict[str, Any]] = {
            "due_on": _("Empty: the REVIEW_DAYS setting after today.")
        }

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("application") and cleaned.get("reviewer"):
            problem = assignment_problem(
                application=cleaned["application"], reviewer=cleaned["reviewer"]
            )
            if problem:
                raise ValidationError(problem)
        return cleaned


@admin.register(Assignment)
class AssignmentAdmin(ProgrammeAdminOnly, admin.ModelAdmin):
    form = AssignmentForm
    list_display = ("application", "reviewer", "assigned_by", "assigned_at", "due_on")
    list_select_related = ("application", "reviewer", "assigned_by")
    search_fields = ("application__reference", "reviewer__email")
    autocomplete_fields = ("application",)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:  # noqa: ANN401
        return False  # assign again or remove; an assignment is not edited

    def formfield_for_foreignkey(
        self,
        db_field: ForeignKey,
        request: HttpRequest,
        **kwargs: Any,  # noqa: ANN401
    ) -> forms.ModelChoiceField[Any] | None:
        if db_field.name == "reviewer":
            kwargs["queryset"] = User.objects.with_role(Role.REVIEWER).order_by("email")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(
        self, request: HttpRequest, obj: Assignment, form: forms.ModelForm, change: bool
    ) -> None:
        form.instance = assignment_create(
            application=obj.application,
            reviewer=obj.reviewer,
            actor=signed_in_user(request),
            due_on=obj.due_on,
        )

    def delete_model(self, request: HttpRequest, obj: Assignment) -> None:
        assignment_delete(assignment=obj, actor=signed_in_user(request))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Assignment]) -> None:
        actor = signed_in_user(request)
        for assignment in queryset:
            assignment_delete(assignment=assignment, actor=actor)
