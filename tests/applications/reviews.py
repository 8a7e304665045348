"""Helpers of the review tests: assigned reviewers, declarations, scores (issue 17)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from applications.models import Application, Criterion, Review
from applications.services.assignments import assignment_create
from applications.services.declarations import declaration_make
from applications.services.reviews import review_save
from smartcity.accounts.roles import Role
from tests.factories.accounts import UserFactory


def office_admin() -> Any:
    return UserFactory(role=Role.PROGRAMME_ADMIN, is_staff=True)


def assign(application: Application, reviewer: Any = None) -> Any:
    """A reviewer (a new one unless given) assigned by the office; returns the reviewer."""
    reviewer = reviewer or UserFactory(role=Role.REVIEWER)
    assignment_create(application=application, reviewer=reviewer, actor=office_admin())
    return reviewer


def declared(application: Application, reviewer: Any = None, **conflict: Any) -> Any:
    """An assigned reviewer who declared (no conflict unless `has_conflict`, `reason` given)."""
    reviewer = assign(application, reviewer)
    declaration_make(
        application=application,
        reviewer=reviewer,
        has_conflict=conflict.get("has_conflict", False),
        reason=conflict.get("reason", ""),
    )
    return reviewer


def criteria(application: Application) -> list[Criterion]:
    return list(application.call.criteria.order_by("number"))


def set_weights(application: Application, *weights: int) -> list[Criterion]:
    """Give the call's criteria these weights (tests only: the call is frozen already)."""
    found = criteria(application)
    for criterion, weight in zip(found, weights, strict=True):
        criterion.weight = Decimal(weight)
        criterion.save(update_fields=["weight"])
    return found


def scored(
    application: Application,
    scores: list[int],
    reviewer: Any = None,
    *,
    submit: bool = True,
    comment: str = "",
) -> Review:
    """A reviewer who declared no conflict and scored every criterion (submitted by default)."""
    reviewer = declared(application, reviewer)
    given = {
        criterion: (score, f"เหตุผล {criterion.number}")
        for criterion, score in zip(criteria(application), scores, strict=True)
    }
    return review_save(
        application=application, reviewer=reviewer, scores=given, comment=comment, submit=submit
    )
