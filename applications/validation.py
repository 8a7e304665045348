"""Checks shared by the API's serializers, the pages' forms and the services.

Each returns {field: message}; empty when the input is fine. Messages are for people (Thai on
Thai pages), and say what to change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.utils.translation import gettext as _

from smartcity.vocabulary import Domain


def project_problems(
    *, budget: Decimal | None, starts_on: dt.date | None, ends_on: dt.date | None
) -> dict[str, str]:
    """A project's budget and dates."""
    problems = {}
    if budget is not None and budget < 0:
        problems["budget"] = _("A budget cannot be negative.")
    if starts_on and ends_on and ends_on < starts_on:
        problems["ends_on"] = _("A project cannot end before it starts.")
    return problems


def application_problems(
    *, domains: Iterable[str], project_domains: Iterable[str | None]
) -> dict[str, str]:
    """Every project belongs to one of the domains the proposal chose."""
    chosen = set(domains)
    outside = sorted({d for d in project_domains if d and d not in chosen})
    if not outside:
        return {}
    names = ", ".join(str(Domain(d).label) for d in outside)
    return {
        "projects": _(
            "These projects' domains are not among the proposal's chosen domains: %(domains)s. "
            "Choose the domain or move the project."
        )
        % {"domains": names}
    }
