"""Writes on reviews: an assigned reviewer who declared no conflict scores the call's criteria.

Choices (issue 17):
- The criteria are frozen before the first score is kept. A call's first submission freezes
  them, so a scored proposal's call normally is frozen already; a call that somehow is not (data
  loaded before the freeze existed, bulk factories) is frozen here, in the scoring transaction,
  rather than refused: the reviewer could do nothing about a refusal, and after this point the
  criteria cannot change under the scores (applications/services/calls.call_criteria_change_check).
- A submitted review is final. A reviewer sees the others' scores once they submit their own;
  if they could still edit theirs they could move towards the others after seeing them.
  Corrections go through the office (a new assignment round), not through editing.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import (
    Application,
    Assignment,
    ConflictDeclaration,
    Criterion,
    Review,
    Score,
)
from applications.scoring import MAX_SCORE, weighted_total
from applications.services.calls import call_criteria_freeze
from applications.workflow import CLOSED
from smartcity.accounts.models import User
from smartcity.errors import DomainError

ScoreInput = tuple[int | None, str]  # (score 0 to 5 or None while a draft leaves it blank, comment)


class DeclarationMissing(DomainError):
    """Scores before the reviewer declared "no conflict" on the proposal."""

    code = "declaration_missing"


class ReviewFinal(DomainError):
    """The review is submitted, or the proposal decided: the scores no longer change."""

    code = "review_final"


def scoring_problem(*, application: Application, reviewer: User) -> DomainError | None:
    """Why the reviewer may not score this proposal now (an assigned reviewer), or None."""
    declared = ConflictDeclaration.objects.filter(
        application=application, reviewer=reviewer
    ).first()
    if declared is None:
        return DeclarationMissing(
            _(
                "Declare first whether you have a conflict of interest with this proposal; "
                "you can score it once you have declared no conflict."
            )
        )
    if application.state in CLOSED:
        return ReviewFinal(_("This proposal is decided or withdrawn: its scores no longer change."))
    return None


def _clean_scores(
    criteria: list[Criterion], scores: Mapping[Criterion, ScoreInput], *, submit: bool
) -> dict[Criterion, ScoreInput]:
    """The scores by the call's criteria, each 0 to 5; all of them to submit (ValidationError)."""
    by_pk = {criterion.pk: criterion for criterion in criteria}
    errors: dict[str, list[str]] = {}
    cleaned: dict[Criterion, ScoreInput] = {}
    for criterion, (score, comment) in scores.items():
        if criterion.pk not in by_pk:
            errors.setdefault("scores", []).append(
                _("Criterion %(number)s is not a criterion of this call.")
                % {"number": criterion.number}
            )
        elif score is not None and not 0 <= score <= MAX_SCORE:
            errors[f"criterion_{criterion.number}"] = [_("A score is a whole number from 0 to 5.")]
        else:
            cleaned[by_pk[criterion.pk]] = (score, comment.strip())
    if submit:
        for criterion in criteria:
            if cleaned.get(criterion, (None, ""))[0] is None:
                errors.setdefault(f"criterion_{criterion.number}", []).append(
                    _("Score every criterion before submitting.")
                )
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def review_save(
    *,
    application: Application,
    reviewer: User,
    scores: Mapping[Criterion, ScoreInput],
    comment: str = "",
    submit: bool = False,
) -> Review:
    """Keep the reviewer's draft scores (the given scores replace the stored ones), or submit
    them with every criterion scored: the weighted total is set and the review is final.

    PermissionDenied if not assigned; DeclarationMissing before a "no conflict" declaration;
    ReviewFinal once submitted or decided; ValidationError for a bad or missing score."""
    application = (
        Application.objects.select_for_update().select_related("call").get(pk=application.pk)
    )
    if not Assignment.objects.filter(application=application, reviewer=reviewer).exists():
        raise PermissionDenied(_("Only a reviewer assigned to this proposal scores it."))
    problem = scoring_problem(application=application, reviewer=reviewer)
    if problem is not None:
        raise problem
    call = application.call
    now = timezone.now()
    if call.criteria_frozen_at is None:
        call_criteria_freeze(call=call, at=now)
    criteria = list(call.criteria.order_by("number"))
    cleaned = _clean_scores(criteria, scores, submit=submit)
    review = (
        Review.objects.select_for_update()
        .filter(application=application, reviewer=reviewer)
        .first()
    )
    if review is not None and review.submitted_at is not None:
        raise ReviewFinal(_("You have submitted your scores for this proposal: they are final."))
    if review is None:  # the proposal's row lock makes this the only first save
        review = Review.objects.create(application=application, reviewer=reviewer, created_at=now)
    review.scores.all().delete()
    Score.objects.bulk_create(
        Score(review=review, criterion=criterion, score=score, comment=text)
        for criterion, (score, text) in cleaned.items()
        if score is not None or text  # a draft's comment is kept before its score is chosen
    )
    review.comment = comment.strip()
    if submit:
        review.total = weighted_total(
            (criterion.weight, cleaned[criterion][0] or 0) for criterion in criteria
        )
        review.submitted_at = now
    review.save(update_fields=["comment", "total", "submitted_at"])
    return review
