"""What one section page edits: its forms, the changes they make to the proposal (for
`application_update`), and, after a stale save, what this editor typed beside what was saved."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.forms import BaseForm
from django.http import QueryDict

from applications.checklist import SECTION_BY_KEY
from applications.forms import (
    PartnerForm,
    ProjectBlock,
    SectionForm,
    project_blocks,
    project_blocks_posted,
)
from applications.models import Application

PartnerFormSet = forms.formset_factory(PartnerForm, extra=1)


@dataclass(frozen=True)
class Conflict:
    """A field this editor typed differently from the newer saved proposal."""

    label: str
    mine: str
    saved: str


def _shown(field: forms.Field, value: object) -> str:
    choices = dict(getattr(field, "choices", ()) or ())
    if isinstance(value, list | tuple):
        return ", ".join(str(choices.get(item, item)) for item in value)
    if choices:
        return str(choices.get(value, value or ""))
    shown = field.widget.format_value(field.prepare_value(value))
    return "" if shown is None else str(shown)


def _conflicts(mine: Iterator[BaseForm], saved: Mapping[str | None, BaseForm]) -> list[Conflict]:
    """Fields whose typed value differs from the saved one (a new row: every filled field)."""
    found = []
    for form in mine:
        form.is_valid()
        other = saved.get(form.prefix)
        for name, field in form.fields.items():
            typed = form.cleaned_data.get(name, form.data.get(form.add_prefix(name)))
            stored = other.initial.get(name) if other else None
            if _shown(field, typed) != _shown(field, stored):
                found.append(
                    Conflict(str(field.label), _shown(field, typed), _shown(field, stored))
                )
    return found


class Editor:
    """A section's forms; subclasses say what they change."""

    template = "applications/partials/_section_fields.html"

    def forms(self) -> Iterator[BaseForm]:
        raise NotImplementedError

    def changes(self) -> dict[str, Any]:
        raise NotImplementedError

    def saved_forms(self, current: Application) -> Iterator[BaseForm]:
        raise NotImplementedError

    @property
    def has_errors(self) -> bool:
        return any(form.errors for form in self.forms())

    def conflicts(self, current: Application) -> list[Conflict]:
        return _conflicts(self.forms(), {form.prefix: form for form in self.saved_forms(current)})


class FieldsEditor(Editor):
    """The proposal's own fields of one section."""

    def __init__(self, key: str, application: Application, data: QueryDict | None) -> None:
        self.section = SECTION_BY_KEY[key]
        self.form = SectionForm(data, instance=application, section=self.section)

    def forms(self) -> Iterator[BaseForm]:
        yield self.form

    def changes(self) -> dict[str, Any]:
        return {"fields": self.form.valid_changes()}

    def saved_forms(self, current: Application) -> Iterator[BaseForm]:
        form = SectionForm(instance=current, section=self.section)
        yield form


class ProjectsEditor(Editor):
    """Projects with their KPIs; the posted blocks replace the stored ones."""

    template = "applications/partials/_projects.html"

    def __init__(self, application: Application, data: QueryDict | None) -> None:
        self.blocks: list[ProjectBlock] = (
            project_blocks_posted(data) if data is not None else project_blocks(application)
        )

    def forms(self) -> Iterator[BaseForm]:
        for block in self.blocks:
            yield block.form
            yield from (form for _key, form in block.kpis)

    def changes(self) -> dict[str, Any]:
        return {"fields": {}, "projects": [block.as_input() for block in self.blocks]}

    def saved_forms(self, current: Application) -> Iterator[BaseForm]:
        for block in project_blocks(current):
            yield block.form
            yield from (form for _key, form in block.kpis)


class PartnersEditor(Editor):
    """Partner organisations and their roles."""

    template = "applications/partials/_partners.html"

    def __init__(self, application: Application, data: QueryDict | None) -> None:
        self.formset = PartnerFormSet(
            data, initial=_partners_initial(application), prefix="partner"
        )

    def forms(self) -> Iterator[BaseForm]:
        yield from self.formset.forms

    def changes(self) -> dict[str, Any]:
        self.formset.is_valid()
        return {
            "fields": {},
            "partners": [
                {
                    "organisation": form.cleaned_data["organisation"],
                    "role": form.cleaned_data["role"],
                }
                for form in self.formset.forms
                if not form.errors and form.cleaned_data.get("organisation")
            ],
        }

    def saved_forms(self, current: Application) -> Iterator[BaseForm]:
        yield from PartnerFormSet(initial=_partners_initial(current), prefix="partner").forms


def _partners_initial(application: Application) -> list[dict[str, Any]]:
    return [
        {"organisation": partner.organisation.dla_code, "role": partner.role}
        for partner in application.partners.all()
    ]


def projects_plus_one(application: Application, kpi_of: str | None = None) -> list[dict[str, Any]]:
    """The stored projects (by uuid: their fields stay as saved) plus an empty project with an
    empty KPI, or, with `kpi_of` (a project's uuid), plus an empty KPI of that project."""
    rows = [
        {
            "uuid": project.uuid,
            "kpis": [{"uuid": kpi.uuid} for kpi in project.kpis.all()]
            + ([{}] if str(project.uuid) == str(kpi_of) else []),
        }
        for project in application.projects.all()
    ]
    return rows if kpi_of else [*rows, {"kpis": [{}]}]


def editor_for(key: str, application: Application, data: QueryDict | None) -> Editor:
    """The editor of a section page (not review or attachments, which do not autosave)."""
    if key == "projects":
        return ProjectsEditor(application, data)
    if key == "partners":
        return PartnersEditor(application, data)
    return FieldsEditor(key, application, data)
