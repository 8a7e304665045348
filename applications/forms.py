"""The officer's form: one form per section, project and KPI sub-forms, the submit declaration.

Forms clean what people type (Buddhist Era years, budgets with thousands separators) and put
field errors next to the fields; what a proposal still lacks is the checklist's business
(applications/checklist.py), and every write goes through applications.services.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from applications.checklist import Section
from applications.models import KPI, SECTION_TEXTS, Application, AttachmentKind, Project
from municipalities.models import Organisation
from smartcity.dates import BUDDHIST_ERA_OFFSET, EraDateField, uses_buddhist_era
from smartcity.vocabulary import Domain, FocusArea

TEXT_AREA = forms.Textarea(attrs={"rows": 5})


class EraYearField(forms.IntegerField):
    """A year as people write it: 2570 on Thai pages, 2027 on English ones; cleaned to CE."""

    def __init__(self, **kwargs: Any) -> None:  # noqa: ANN401
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "size": "6"}))
        super().__init__(**kwargs)

    def prepare_value(self, value: object) -> object:
        return value + _era_offset() if isinstance(value, int) else value

    def to_python(self, value: object) -> int | None:
        year = super().to_python(value)
        if year is None:
            return None
        year -= _era_offset()
        if not 2000 <= year <= 2100:  # the KPI's bounds; a CE year typed on a Thai page lands here
            raise ValidationError(
                _("Enter the year in the Buddhist Era, e.g. 2570.")
                if uses_buddhist_era()
                else _("Enter the year, e.g. 2027.")
            )
        return year


def _era_offset() -> int:
    return BUDDHIST_ERA_OFFSET if uses_buddhist_era() else 0


class AmountField(forms.DecimalField):
    """A number typed with thousands separators (12,500,000.50); shown with them."""

    def __init__(self, **kwargs: Any) -> None:  # noqa: ANN401
        kwargs.setdefault("max_digits", 15)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "decimal", "class": "js-amount"})
        )
        super().__init__(**kwargs)

    def prepare_value(self, value: object) -> object:
        if isinstance(value, Decimal):
            return f"{value:,.2f}".removesuffix(".00")
        return value

    def to_python(self, value: object) -> Decimal | None:  # type: ignore[override]  # stubs: int
        if isinstance(value, str):
            value = value.replace(",", "").replace(" ", "")
        try:
            return super().to_python(value)
        except ValidationError:
            raise
        except InvalidOperation:  # pragma: no cover - DecimalField raises ValidationError
            raise ValidationError(self.error_messages["invalid"]) from None


class Styled:
    """Bootstrap classes on every widget, and each field described by its error slot (which
    the autosave fills in place)."""

    def style(self) -> None:
        for name, field in self.fields.items():  # type: ignore[attr-defined]
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple):
                widget.attrs["class"] = "form-check-input"
            else:
                kind = "form-select" if isinstance(widget, forms.Select) else "form-control"
                widget.attrs["class"] = f"{kind} {widget.attrs.get('class', '')}".strip()
            widget.attrs["aria-describedby"] = f"{self[name].auto_id}-error"  # type: ignore[index]


class StyledForm(Styled, forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401
        super().__init__(*args, **kwargs)
        self.style()


class SectionForm(Styled, forms.ModelForm):
    """The proposal's own fields on one section page; the checklist, not the form, says what
    is still missing, so a half-typed draft always saves."""

    domains = forms.MultipleChoiceField(
        label=_("Domains"),
        choices=Domain.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    focus_areas = forms.MultipleChoiceField(
        label=_("Focus areas"),
        choices=FocusArea.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Application
        fields = (
            "area_name",
            "area_boundary",
            "area_km2",
            "population_covered",
            "vision",
            "goals",
            "domains",
            "focus_areas",
            *SECTION_TEXTS[SECTION_TEXTS.index("infrastructure_plan") :],  # the plan's sections
        )
        widgets = dict.fromkeys(SECTION_TEXTS, TEXT_AREA)

    def __init__(self, *args: Any, section: Section, **kwargs: Any) -> None:  # noqa: ANN401
        super().__init__(*args, **kwargs)
        for name in list(self.fields):
            if name not in section.fields:
                del self.fields[name]
        for name in section.required:
            self.fields[name].widget.attrs["aria-required"] = "true"
        self.style()

    def valid_changes(self) -> dict[str, Any]:
        """The cleaned value of every field that has no error: autosave keeps what is valid."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if name not in self.errors}


class ProjectForm(StyledForm):
    # nothing is required here: a half-typed project saves, and the checklist names what it lacks
    domain = forms.ChoiceField(
        label=_("Domain"), choices=[("", "—"), *Domain.choices], required=False
    )
    title = forms.CharField(
        label=Project._meta.get_field("title").verbose_name, max_length=300, required=False
    )
    summary = forms.CharField(
        label=Project._meta.get_field("summary").verbose_name,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    budget = AmountField(
        label=Project._meta.get_field("budget").verbose_name, min_value=0, required=False
    )
    funding_source = forms.CharField(
        label=Project._meta.get_field("funding_source").verbose_name, required=False
    )
    starts_on = EraDateField(
        label=Project._meta.get_field("starts_on").verbose_name, required=False
    )
    ends_on = EraDateField(label=Project._meta.get_field("ends_on").verbose_name, required=False)
    lead_unit = forms.CharField(
        label=Project._meta.get_field("lead_unit").verbose_name, required=False
    )

    def clean_budget(self) -> Decimal:
        return self.cleaned_data["budget"] or Decimal(0)  # the column has no "unknown"

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("A project cannot end before it starts."))
        return data


class KPIForm(StyledForm):
    name = forms.CharField(
        label=KPI._meta.get_field("name").verbose_name, max_length=300, required=False
    )
    unit = forms.CharField(label=KPI._meta.get_field("unit").verbose_name, required=False)
    baseline = AmountField(label=KPI._meta.get_field("baseline").verbose_name, required=False)
    target = AmountField(label=KPI._meta.get_field("target").verbose_name, required=False)
    target_year = EraYearField(
        label=KPI._meta.get_field("target_year").verbose_name, required=False
    )


def _valid(form: forms.Form) -> dict[str, Any]:
    form.is_valid()
    return {name: value for name, value in form.cleaned_data.items() if name not in form.errors}


class ProjectBlock:
    """One project of the projects page: its form and its KPIs' forms, keyed by uuid."""

    def __init__(self, key: str, form: ProjectForm, kpis: list[tuple[str, KPIForm]]) -> None:
        self.key, self.form, self.kpis = key, form, kpis

    def as_input(self) -> dict[str, Any]:
        """What applications.services takes: the valid fields, KPIs nested, uuid kept."""
        return {
            "uuid": self.key,
            **_valid(self.form),
            "kpis": [{"uuid": key, **_valid(form)} for key, form in self.kpis],
        }


def project_blocks(application: Application) -> list[ProjectBlock]:
    """The stored projects as forms (the page as it loads)."""
    return [
        ProjectBlock(
            str(project.uuid),
            ProjectForm(prefix=str(project.uuid), initial=_initial(project, ProjectForm)),
            [
                (str(kpi.uuid), KPIForm(prefix=str(kpi.uuid), initial=_initial(kpi, KPIForm)))
                for kpi in project.kpis.all()
            ],
        )
        for project in application.projects.all()
    ]


def _initial(row: Model, form_class: type[forms.Form]) -> dict[str, Any]:
    return {name: getattr(row, name) for name in form_class.base_fields}


def project_blocks_posted(data: QueryDict) -> list[ProjectBlock]:
    """The projects as posted: `project` lists the blocks' keys in page order, `<key>-kpi`
    each block's KPI keys; fields are `<key>-<field>` (a block removed on the page is gone)."""
    return [
        ProjectBlock(
            key,
            ProjectForm(data, prefix=key),
            [(kpi, KPIForm(data, prefix=kpi)) for kpi in data.getlist(f"{key}-kpi")],
        )
        for key in data.getlist("project")
    ]


class PartnerForm(StyledForm):
    organisation = forms.CharField(
        label=_("DLA code of the partner organisation"),
        max_length=20,
        required=False,
        help_text=_("The 7-digit code of the local administrative organisation."),
    )
    role = forms.CharField(label=_("Role in the proposal"), max_length=300, required=False)

    def clean_organisation(self) -> Organisation | None:
        code = self.cleaned_data["organisation"].strip()
        if not code:
            return None
        found = Organisation.objects.filter(dla_code=code).first()
        if found is None:
            raise ValidationError(_("No organisation has the code %(code)s.") % {"code": code})
        return found


class AttachmentForm(StyledForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=AttachmentKind.choices)
    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    upload = forms.FileField(label=_("File"))


class SubmitForm(forms.Form):
    declaration = forms.BooleanField(
        label=_(
            "On behalf of the lead organisation, I declare that the information in this proposal "
            "is true and complete, that the organisation has authority over the area, and that "
            "it agrees to the programme's conditions and to the Smart City Office's review."
        ),
        error_messages={"required": _("Tick the declaration to submit.")},
    )
