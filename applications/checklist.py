"""The officer's form, section by section, and what each section still lacks before submission.

One table (SECTIONS) drives the form's pages, their progress indicator and the completeness
checklist; `application_submit` refuses a proposal whose checklist is not empty
(`checklist_enforce`), so the page's disabled button and the server say the same thing.
The checklist reads the proposal as `application_full` loads it (projects, KPIs prefetched).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from smartcity.errors import DomainError
from smartcity.vocabulary import Domain

if TYPE_CHECKING:
    from applications.models import Application, Project


@dataclass(frozen=True)
class Section:
    """One page of the form: its slug, title, the proposal's fields it edits, those required."""

    key: str
    title: str | Promise
    fields: tuple[str, ...] = ()
    required: tuple[str, ...] = ()


SECTIONS: tuple[Section, ...] = (
    Section(
        "profile",
        _("Profile and area"),
        ("area_name", "area_boundary", "area_km2", "population_covered"),
        ("area_name", "area_boundary", "area_km2", "population_covered"),
    ),
    Section("vision", _("Vision and goals"), ("vision", "goals"), ("vision", "goals")),
    Section("domains", _("Domains"), ("domains", "focus_areas"), ("domains",)),
    Section(
        "infrastructure",
        _("Criterion 2: infrastructure investment plan"),
        ("infrastructure_plan",),
        ("infrastructure_plan",),
    ),
    Section(
        "data-platform",
        _("Criterion 3: city data platform"),
        ("data_platform",),
        ("data_platform",),
    ),
    Section("services", _("Criterion 4: smart services"), ("smart_services",), ("smart_services",)),
    Section(
        "management",
        _("Criterion 5: management model"),
        ("governance", "partnership", "funding", "citizen_participation"),
        ("governance", "funding", "citizen_participation"),
    ),
    Section("projects", _("Projects and KPIs")),
    Section("partners", _("Partners")),
    Section("attachments", _("Attachments")),
    Section("review", _("Review and submit")),
)
SECTION_BY_KEY = {section.key: section for section in SECTIONS}


@dataclass(frozen=True)
class Missing:
    """One thing the proposal lacks, where to fix it, and the message naming it."""

    section: str
    anchor: str  # the HTML id of the field or block on the section's page
    message: str


@dataclass
class SectionStatus:
    section: Section
    missing: list[Missing] = field(default_factory=list)

    @property
    def is_complete(self) -> bool:
        return not self.missing


def section_url(application: Application, key: str) -> str:
    return reverse(
        "applications:application-edit", kwargs={"uuid": application.uuid, "section": key}
    )


def _label(application: Application, name: str) -> str:
    return capfirst(str(getattr(application._meta.get_field(name), "verbose_name", name)))


def _empty(value: object) -> bool:
    return value in (None, "", []) or (isinstance(value, str) and not value.strip())


def checklist_missing(application: Application) -> list[Missing]:
    """Every item the proposal lacks before it can be submitted, in the order of the form."""
    missing = [
        Missing(
            section.key,
            f"id_{name}",
            gettext("%(field)s is missing.") % {"field": _label(application, name)},
        )
        for section in SECTIONS
        for name in section.required
        if _empty(getattr(application, name))
    ]
    projects = list(application.projects.all())
    served = {project.domain for project in projects}
    missing += [
        Missing(
            "projects",
            "projects",
            gettext("The domain “%(domain)s” has no smart service: add a project in it.")
            % {"domain": Domain(domain).label},
        )
        for domain in application.domains
        if domain in Domain.values and domain not in served
    ]
    if not projects:
        missing.append(Missing("projects", "projects", gettext("Add at least one project.")))
    for number, project in enumerate(projects, start=1):
        missing += _project_missing(project, number)
    return missing


def _project_missing(project: Project, number: int) -> list[Missing]:
    anchor = f"project-{project.uuid}"
    name = project.title or gettext("Project %(number)s") % {"number": number}
    needs = []
    if _empty(project.title):
        needs.append(gettext("a title"))
    if not project.budget:
        needs.append(gettext("a budget"))
    if project.starts_on is None or project.ends_on is None:
        needs.append(gettext("start and end dates"))
    kpis = list(project.kpis.all())
    if not kpis:
        needs.append(gettext("at least one KPI"))
    if any(kpi.target is None or kpi.target_year is None for kpi in kpis):
        needs.append(gettext("a target and target year for each KPI"))
    return [
        Missing(
            "projects",
            anchor,
            gettext("%(project)s needs %(what)s.") % {"project": name, "what": item},
        )
        for item in needs
    ]


def checklist_sections(application: Application) -> list[SectionStatus]:
    """The form's sections, each with the items it still lacks (the progress indicator)."""
    statuses = {section.key: SectionStatus(section) for section in SECTIONS}
    for item in checklist_missing(application):
        statuses[item.section].missing.append(item)
    return list(statuses.values())


class IncompleteProposal(DomainError):
    """The proposal lacks items the checklist names; `missing` lists their messages."""

    code = "incomplete_proposal"

    def __init__(self, missing: list[Missing]) -> None:
        super().__init__(
            gettext("The proposal is not complete: %(items)s")
            % {"items": " ".join(item.message for item in missing)}
        )
        self.missing = [item.message for item in missing]

    def payload(self) -> dict[str, object]:
        return {**super().payload(), "missing": self.missing}


def checklist_enforce(application: Application) -> None:
    """Refuse to submit a proposal whose checklist is not empty (IncompleteProposal)."""
    missing = checklist_missing(application)
    if missing:
        raise IncompleteProposal(missing)
