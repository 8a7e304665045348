"""The score summary of a call as a spreadsheet: one row per submitted proposal (mean total,
mean per criterion, reviewers, criteria to discuss), written by smartcity.exports only."""

from __future__ import annotations

from django.utils.translation import gettext as _

from applications.models import Call
from applications.reviews.selectors import call_score_table
from smartcity.exports import csv_bytes, xlsx_bytes


def score_rows(*, call: Call) -> list[list[object]]:
    criteria, summaries = call_score_table(call=call)
    header: list[object] = [
        _("Reference"),
        _("Area"),
        _("Lead organisation"),
        _("State"),
        _("Reviewers"),
        _("Mean total (0-100)"),
        *[_("Criterion %(number)s mean") % {"number": c.number} for c in criteria],
        _("To discuss (reviewers more than 2 points apart)"),
    ]
    rows = [header]
    for summary in summaries:
        application = summary.application
        means = {spread.criterion.pk: spread.mean for spread in summary.criteria}
        flags = "; ".join(
            f"{spread.criterion.number}: "
            + ", ".join(f"{reviewer} {score}" for reviewer, score, _c in spread.scores)
            for spread in summary.flagged
        )
        rows.append(
            [
                application.reference,
                application.area_name,
                application.lead_org.name_th,
                application.get_state_display(),
                summary.reviewer_count,
                summary.mean_total,
                *[means.get(c.pk) for c in criteria],
                flags,
            ]
        )
    return rows


def score_export(*, call: Call, fmt: str) -> bytes:
    rows = score_rows(call=call)
    return csv_bytes(rows) if fmt == "csv" else xlsx_bytes(rows, title=_("Scores"))
