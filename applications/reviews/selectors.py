"""Reads for the review pages, API, export and agenda pack: one reviewer's scores, and the
aggregates across the submitted reviews of a proposal (mean total, spread per criterion, the
criteria to discuss). Who may see what is decided by the callers (applications/rules.py)."""

from __future__ import annotations

import uuid as uuid_module
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from applications.models import Application, Call, ConflictDeclaration, Criterion, Review, Score
from applications.scoring import disagrees, mean
from smartcity.accounts.models import User


def criteria_for_scoring(*, call: Call) -> list[Criterion]:
    """The call's criteria in order, with what each score means."""
    return list(call.criteria.prefetch_related("levels").order_by("number"))


def declaration_get(*, application: Application, reviewer: User) -> ConflictDeclaration | None:
    return ConflictDeclaration.objects.filter(application=application, reviewer=reviewer).first()


def _with_scores(rows: QuerySet[Review]) -> QuerySet[Review]:
    scores = Score.objects.select_related("criterion").order_by("criterion__number")
    return rows.select_related("reviewer").prefetch_related(Prefetch("scores", scores))


def review_own(*, application: Application, reviewer: User) -> Review | None:
    """The reviewer's own review of the proposal, draft or submitted, with its scores."""
    return _with_scores(Review.objects.filter(application=application, reviewer=reviewer)).first()


def review_list(*, application: Application, viewer: User, others: bool) -> QuerySet[Review]:
    """The viewer's own review, and with `others` the submitted reviews of everyone else."""
    rows = Review.objects.filter(application=application)
    if others:
        rows = rows.filter(submitted_at__isnull=False) | rows.filter(reviewer=viewer)
    else:
        rows = rows.filter(reviewer=viewer)
    return _with_scores(rows).order_by("submitted_at", "pk")


@dataclass
class CriterionSpread:
    """One criterion across the submitted reviews: each reviewer's score, the spread, the mean."""

    criterion: Criterion
    scores: list[tuple[User, int, str]] = field(default_factory=list)

    @property
    def values(self) -> list[int]:
        return [score for _reviewer, score, _comment in self.scores]

    @property
    def low(self) -> int | None:
        return min(self.values, default=None)

    @property
    def high(self) -> int | None:
        return max(self.values, default=None)

    @property
    def mean(self) -> Decimal | None:
        return mean(Decimal(value) for value in self.values)

    @property
    def flagged(self) -> bool:
        """Reviewers more than 2 points apart: the criterion is discussed."""
        return disagrees(self.values)


@dataclass
class ProposalScores:
    """The submitted reviews of one proposal and what they add up to."""

    application: Application
    reviews: list[Review]
    criteria: list[CriterionSpread]

    @property
    def reviewer_count(self) -> int:
        return len(self.reviews)

    @property
    def mean_total(self) -> Decimal | None:
        return mean(review.total for review in self.reviews if review.total is not None)

    @property
    def flagged(self) -> list[CriterionSpread]:
        return [spread for spread in self.criteria if spread.flagged]


def _aggregate(
    applications: Iterable[Application], criteria: list[Criterion], reviews: Iterable[Review]
) -> dict[int, ProposalScores]:
    by_application: dict[int, list[Review]] = defaultdict(list)
    for review in reviews:
        by_application[review.application_id].append(review)
    result = {}
    for application in applications:
        own = [c for c in criteria if c.call_id == application.call_id]
        spreads = {criterion.pk: CriterionSpread(criterion) for criterion in own}
        for review in by_application[application.pk]:
            for score in review.scores.all():
                # a submitted review scores every criterion; only drafts leave one blank
                if score.criterion_id in spreads and score.score is not None:
                    spreads[score.criterion_id].scores.append(
                        (review.reviewer, score.score, score.comment)
                    )
        result[application.pk] = ProposalScores(
            application, by_application[application.pk], list(spreads.values())
        )
    return result


def _submitted(**filters: object) -> QuerySet[Review]:
    rows = Review.objects.filter(submitted_at__isnull=False, **filters)
    return _with_scores(rows).order_by("submitted_at", "pk")


def proposal_scores(*, application: Application) -> ProposalScores:
    """The aggregate of one proposal's submitted reviews (three queries)."""
    criteria = list(application.call.criteria.order_by("number"))
    return _aggregate([application], criteria, _submitted(application=application))[application.pk]


def score_summaries(*, applications: list[Application]) -> dict[int, ProposalScores]:
    """The aggregates of several proposals by id, e.g. a meeting's agenda (three queries)."""
    calls = {application.call_id for application in applications}
    criteria = list(Criterion.objects.filter(call_id__in=calls).order_by("call", "number"))
    return _aggregate(applications, criteria, _submitted(application__in=applications))


def call_score_table(*, call: Call) -> tuple[list[Criterion], list[ProposalScores]]:
    """Every submitted proposal of the call with its aggregate, by reference (four queries)."""
    applications = list(
        Application.objects.filter(call=call, submitted_at__isnull=False)
        .select_related("lead_org")
        .order_by("reference", "pk")
    )
    criteria = list(call.criteria.order_by("number"))
    summaries = _aggregate(applications, criteria, _submitted(application__call=call))
    return criteria, [summaries[application.pk] for application in applications]


@dataclass(frozen=True)
class ReviewPanel:
    """What the workspace shows of the review: the viewer's next step and, if allowed, scores."""

    step: str  # "declare", "score", "submitted" or "" (not a reviewer of it)
    scores: ProposalScores | None
    may_export: bool


def review_panel(*, viewer: User, application: Application) -> ReviewPanel:
    import rules

    step = ""
    if rules.test_rule("applications.declare_interest", viewer, application):
        step = "declare"
    elif rules.test_rule("applications.score", viewer, application):
        own = Review.objects.filter(application=application, reviewer=viewer).first()
        step = "submitted" if own is not None and own.submitted_at else "score"
    scores = (
        proposal_scores(application=application)
        if viewer.has_perm("applications.view_scores", application)
        else None
    )
    return ReviewPanel(step, scores, viewer.has_perm("applications.export_scores"))


def as_uuid(value: object) -> uuid_module.UUID:
    """A UUID from the URL (Http404 when malformed)."""
    try:
        return uuid_module.UUID(str(value))
    except ValueError:
        raise Http404 from None


def declaration_list(*, viewer: User) -> QuerySet[ConflictDeclaration]:
    """Declarations: all of them for the office, each reviewer's own for anyone else."""
    rows = ConflictDeclaration.objects.select_related("application", "reviewer")
    if not viewer.has_perm("applications.view_declarations"):
        rows = rows.filter(reviewer=viewer)
    return rows.order_by("-declared_at", "pk")
