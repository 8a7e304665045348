"""The filtered review queue as a spreadsheet: one row per proposal, the columns of the page.

Cells go through smartcity/exports.py (formula escaping, UTF-8 with BOM, Excel)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import Application
from smartcity.exports import SPREADSHEET_TYPES, download


def queue_table(rows: Sequence[Application], *, scores: bool) -> Iterator[list[object]]:
    """The headings, then one list of cells per proposal (rows from selectors.queue_rows)."""
    headings: list[object] = [
        _("Reference"),
        _("Organisation (Thai)"),
        _("Organisation (English)"),
        _("DLA code"),
        _("Province"),
        _("Region"),
        _("Area"),
        _("Call"),
        _("State"),
        _("Submitted on"),
        _("Due"),
        _("Overdue"),
        _("Assigned reviewers"),
        _("Reviews submitted"),
        _("Reviews assigned"),
    ]
    yield [*headings, _("Mean score")] if scores else headings
    for application in rows:
        organisation = application.lead_org
        province = organisation.province
        assignments = application.queue_assignments  # type: ignore[attr-defined]
        cells: list[object] = [
            application.reference or "",
            organisation.name_th,
            organisation.name_en,
            organisation.dla_code or "",
            province.name if province else "",
            province.region.name if province else "",
            application.area_name,
            application.call.title,
            application.get_state_display(),
            timezone.localtime(application.submitted_at).date().isoformat()
            if application.submitted_at
            else "",
            application.due.isoformat() if application.due else "",  # type: ignore[attr-defined]
            _("yes") if application.is_overdue else "",  # type: ignore[attr-defined]
            "; ".join(str(a.reviewer) for a in assignments),
            application.reviews_submitted,  # type: ignore[attr-defined]
            len(assignments),
        ]
        if scores:
            mean = application.mean_score  # type: ignore[attr-defined]
            cells.append(round(mean, 2) if mean is not None else "")
        yield cells


def queue_export(rows: Sequence[Application], *, kind: str, scores: bool) -> HttpResponse:
    if kind not in SPREADSHEET_TYPES:
        raise Http404
    stamp = timezone.localdate().isoformat()
    return download(queue_table(rows, scores=scores), kind=kind, filename=f"review-queue-{stamp}")
