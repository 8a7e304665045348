"""A version as people read it (PDF and printable page), from its snapshot alone."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from applications.checklist import SECTIONS
from applications.models import Application, ApplicationVersion, Project
from smartcity.vocabulary import Domain, FocusArea


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _amount(value: str | None) -> Decimal | None:
    return Decimal(value) if value not in (None, "") else None


def _project(row: dict[str, Any]) -> dict[str, Any]:
    return {
        **row,
        "domain_label": Domain(row["domain"]).label if row.get("domain") in Domain.values else "",
        "budget": _amount(row.get("budget")),
        "starts_on": _date(row.get("starts_on")),
        "ends_on": _date(row.get("ends_on")),
        "kpis": [
            {**kpi, "baseline": _amount(kpi.get("baseline")), "target": _amount(kpi.get("target"))}
            for kpi in row.get("kpis", [])
        ],
    }


def version_document(*, application: Application, version: ApplicationVersion) -> dict[str, Any]:
    """The template context of a version's PDF and printable page: labels in the active
    language, dates and amounts typed back from the snapshot's JSON."""
    data = version.data
    label = {
        f.name: f.verbose_name for f in Application._meta.get_fields() if hasattr(f, "verbose_name")
    }
    shown = [
        (section.title, [name for name in section.fields if name not in ("domains", "focus_areas")])
        for section in SECTIONS
    ]
    sections = [
        (title, [(label[name], data.get(name)) for name in names])
        for title, names in shown
        if names
    ]
    projects = [_project(row) for row in data.get("projects", [])]
    return {
        "application": application,
        "version": version,
        "reference": data.get("reference") or application.reference,
        "sections": sections,
        "domains": [Domain(d).label for d in data.get("domains", []) if d in Domain.values],
        "focus_areas": [
            FocusArea(f).label for f in data.get("focus_areas", []) if f in FocusArea.values
        ],
        "projects": projects,
        "total_budget": sum((p["budget"] or Decimal(0) for p in projects), Decimal(0)),
        "partners": data.get("partners", []),
        "attachments": data.get("attachments", []),
        "project_labels": {f.name: f.verbose_name for f in Project._meta.fields},
    }
